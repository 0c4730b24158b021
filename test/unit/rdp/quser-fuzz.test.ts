// Random and mutated input: the parser either returns a listing or throws SessionParseError, quickly.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseSessionBytes } from '../../../src/core/rdp/decode-listing';
import { SessionParseError } from '../../../src/core/rdp/errors';
import { CANDIDATE_CODEPAGES } from '../../../src/core/rdp/decode-listing';

const dir = path.resolve(__dirname, '../../../../test/fixtures/rdp');
const seeds = readdirSync(dir).filter((f) => f.endsWith('.bin')).map((f) => readFileSync(path.join(dir, f)));

// A small deterministic PRNG so a failure can be replayed from the printed seed.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function mutate(b: Buffer, r: () => number): Buffer {
  const out = Buffer.from(b);
  const n = 1 + Math.floor(r() * 8);
  const ops: Buffer[] = [out];
  for (let i = 0; i < n; i++) {
    const cur = ops[ops.length - 1];
    const at = Math.floor(r() * cur.length);
    const op = Math.floor(r() * 4);
    if (op === 0) cur[at] = Math.floor(r() * 256);
    else if (op === 1) ops.push(Buffer.concat([cur.subarray(0, at), cur.subarray(Math.min(cur.length, at + Math.floor(r() * 20)))]));
    else if (op === 2) ops.push(Buffer.concat([cur.subarray(0, at), Buffer.from(' 99 Disc 1+0:0 '.repeat(Math.floor(r() * 3))), cur.subarray(at)]));
    else ops.push(Buffer.concat([cur.subarray(0, at), cur.subarray(Math.floor(r() * cur.length))]));
  }
  return ops[ops.length - 1];
}

function check(input: Buffer, label: string) {
  for (const cp of [undefined, ...CANDIDATE_CODEPAGES]) {
    const t = process.hrtime.bigint();
    try {
      const r = parseSessionBytes(input, cp);
      for (const s of r.sessions) assert.ok(Number.isInteger(s.id) && s.id >= 0, label);
    } catch (e) {
      if (!(e instanceof SessionParseError)) assert.fail(`${label} cp=${cp}: threw ${(e as Error).name}: ${(e as Error).message}`);
    }
    // Hang guard: any single parse far beyond a second means a pathological loop.
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (ms > 2000) assert.fail(`${label} cp=${cp}: took ${ms} ms`);
  }
}

describe('fuzzed quser input never throws anything but SessionParseError', () => {
  it('mutated fixtures', () => {
    const seed = Number(process.env.PARC_FUZZ_SEED ?? 12345);
    const r = rng(seed);
    for (let i = 0; i < 1500; i++) check(mutate(seeds[i % seeds.length], r), `seed ${seed} case ${i}`);
  });
  it('random bytes and long lines', () => {
    const r = rng(777);
    for (let i = 0; i < 300; i++) {
      const len = Math.floor(r() * 600);
      check(Buffer.from(Array.from({ length: len }, () => Math.floor(r() * 256))), `random ${i}`);
    }
    check(Buffer.from(' USERNAME SESSIONNAME ID STATE IDLE TIME LOGON TIME\n' + ' 1'.repeat(50000)), 'long row');
    check(Buffer.from('USERNAME SESSIONNAME ID STATE IDLE TIME LOGON TIME '.repeat(2000)), 'long header');
  });
});
