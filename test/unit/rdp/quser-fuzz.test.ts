// Property-based fuzzing of the quser/qwinsta reader (fast-check, fixed seed; PARC_FUZZ_RUNS for long
// runs, PARC_FUZZ_SEED to replay). Properties: nothing but SessionParseError is ever thrown; warnings and
// errors carry a line; every session has an integer ID. Big inputs must complete (the work is linear:
// code-page detection looks at a bounded prefix, each line is tokenized once) — no timed assertion.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { CANDIDATE_CODEPAGES, parseSessionBytes } from '../../../src/core/rdp/decode-listing';
import { parseSessions } from '../../../src/core/rdp/quser-parse';
import { SessionParseError } from '../../../src/core/rdp/errors';
import { LANGUAGES } from '../../../src/core/rdp/languages';

const runs = Number(process.env.PARC_FUZZ_RUNS ?? 150);
const seed = Number(process.env.PARC_FUZZ_SEED ?? 4242);
const dir = path.resolve(__dirname, '../../../../test/fixtures/rdp');
const seeds = [
  ...readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => readFileSync(path.join(dir, f))),
  ...readdirSync(path.join(dir, 'real')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, 'real', f))),
];

function check(input: Buffer, codepage?: number): void {
  try {
    const r = parseSessionBytes(input, codepage);
    for (const s of r.sessions) assert.ok(Number.isInteger(s.id) && s.id >= 0);
    for (const w of r.warnings) assert.ok(Number.isInteger(w.line) && w.line >= 0 && typeof w.message === 'string');
  } catch (e) {
    if (!(e instanceof SessionParseError)) throw e;
    assert.ok(Number.isInteger(e.line) && e.line >= 1, `error without a line: ${e.message}`);
  }
}

const words = LANGUAGES.flatMap((l) => [...l.states.map((s) => s[0]), ...l.none.map((n) => n[0]), ...Object.values(l.titles).flat()]);
const cell = fc.oneof(
  fc.constantFrom(...words, 'console', 'rdp-tcp#3', '>', '.', '1:05', '2+03:04', '3/4/2024', '9:00', 'AM', '下午', '18-Nov-22', '__proto__', 'constructor', '\u001b[2J', '65536'),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.string({ maxLength: 12 }),
);
const line = fc.array(fc.tuple(fc.integer({ min: 1, max: 6 }), cell), { maxLength: 9 }).map((cs) => cs.map(([pad, c]) => ' '.repeat(pad) + c).join(''));
const listing = fc.tuple(fc.constantFrom(...LANGUAGES.map((l) => ` ${Object.values(l.titles).slice(0, 6).map((t) => t[0]).join('   ')}`), 'garbage'), fc.array(line, { maxLength: 8 }), fc.constantFrom('\r\n', '\n', '\r'))
  .map(([h, rows, eol]) => [h, ...rows].join(eol));

describe('fuzzed quser/qwinsta input never throws anything but SessionParseError', () => {
  it('arbitrary bytes, in every candidate code page and detected', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1500 }), fc.constantFrom(undefined, ...CANDIDATE_CODEPAGES), (b, cp) => check(Buffer.from(b), cp)), { numRuns: runs, seed });
  });
  it('listings built from the vocabulary, numbers and random cells', () => {
    fc.assert(fc.property(listing, (text) => {
      check(Buffer.from(text, 'utf8'));
      try {
        parseSessions(text, 'mdy');
      } catch (e) {
        if (!(e instanceof SessionParseError)) throw e;
      }
    }), { numRuns: runs * 2, seed });
  });
  it('mutated real samples and fixtures', () => {
    const mutation = fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constant('delete'), fc.constant('insert'), fc.constant('splice')), fc.uint8Array({ minLength: 1, maxLength: 24 }));
    fc.assert(fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), (i, ops) => {
      let b = Buffer.from(seeds[i]);
      for (const [a, n, op, bytes] of ops) {
        const at = a % (b.length + 1);
        if (op === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + (n % 20)))]);
        else if (op === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(bytes), b.subarray(at)]);
        else b = Buffer.concat([b.subarray(0, at), b.subarray(n % (b.length + 1))]);
      }
      check(b);
    }), { numRuns: runs * 2, seed });
  });
  it('1 MB inputs complete: a header line, a row, 50,000 rows, one token', () => {
    const mb = 1 << 20;
    const header = 'USERNAME SESSIONNAME ID STATE IDLE TIME LOGON TIME ';
    check(Buffer.from(header.repeat(Math.ceil(mb / header.length))));
    check(Buffer.from(` USERNAME  SESSIONNAME  ID  STATE  IDLE TIME  LOGON TIME\n${' 1 Disc'.repeat(mb / 7)}`));
    check(Buffer.from(` USERNAME  SESSIONNAME  ID  STATE  IDLE TIME  LOGON TIME\n${' bob  3  Disc  5  3/4/2024 9:00 AM\n'.repeat(30000)}`));
    check(Buffer.from('x'.repeat(mb)));
    check(Buffer.from(`${'\u00e9'.repeat(mb / 2)}`, 'latin1'));
  });
});
