// Every real quser/qwinsta sample found (test/fixtures/rdp/real, ../shared/corpus/quser, and the
// unclear-license ones in $PARC_QUSER_EXTRA or ../shared/corpus/quser-extra) is parsed and checked field
// by field against expected.json, written by reading the samples. Prints the agreement per language.
// ../shared/corpus is CORPUS of test/support/snmpsim (beside the project root, like every corpus test).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseSessionBytes } from '../../../src/core/rdp/decode-listing';
import { CORPUS } from '../../support/snmpsim';

const root = path.resolve(__dirname, '../../../..');
const realDir = path.join(root, 'test/fixtures/rdp/real');
const dirs = [realDir, path.join(CORPUS, 'quser'), process.env.PARC_QUSER_EXTRA ? path.resolve(process.env.PARC_QUSER_EXTRA) : path.join(CORPUS, 'quser-extra')];
type Row = [string, string, number, string, string, number | null, string | null, boolean];
const expected = new Map(Object.entries(JSON.parse(readFileSync(path.join(realDir, 'expected.json'), 'utf8')) as Record<string, { kind: string; language: string; rows: Row[] }>).filter(([k]) => !k.startsWith('_')));

function samples(): Array<{ name: string; file: string; bytes: Buffer }> {
  const seen = new Set<string>();
  const out: Array<{ name: string; file: string; bytes: Buffer }> = [];
  for (const d of dirs) {
    if (!existsSync(d)) {
      console.log(`# quser real corpus: ${d} absent, its samples are not checked`);
      continue;
    }
    for (const name of readdirSync(d).filter((f) => f.endsWith('.txt')).sort()) {
      const bytes = readFileSync(path.join(d, name));
      const h = createHash('sha1').update(bytes).digest('hex');
      if (seen.has(h)) continue;
      seen.add(h);
      out.push({ name, file: path.join(d, name), bytes });
    }
  }
  return out;
}

describe('real quser/qwinsta outputs', () => {
  it('every sample parses exactly (every field of every session); figure per language', () => {
    const found = samples();
    assert.ok(found.length >= 4, 'the in-repository samples are there');
    const perLang = new Map<string, { exact: number; total: number }>();
    const failures: string[] = [];
    for (const s of found) {
      const want = expected.get(s.name);
      assert.ok(want, `${s.file} has no expectation in expected.json (write one by reading it)`);
      const tally = perLang.get(want.language) ?? { exact: 0, total: 0 };
      tally.total++;
      perLang.set(want.language, tally);
      try {
        const r = parseSessionBytes(s.bytes);
        const got = { kind: r.kind, language: r.language, rows: r.sessions.map((x) => [x.username, x.sessionName, x.id, x.state, x.stateText, x.idleMinutes, x.logonTime, x.current]) };
        assert.deepEqual(got, want);
        tally.exact++;
      } catch (e) {
        failures.push(`${s.name}: ${(e as Error).message.split('\n').slice(0, 12).join('\n')}`);
      }
    }
    const total = [...perLang.values()].reduce((a, t) => ({ exact: a.exact + t.exact, total: a.total + t.total }), { exact: 0, total: 0 });
    console.log(`# quser real corpus: ${total.exact}/${total.total} exact (${((100 * total.exact) / total.total).toFixed(1)} %) across ${perLang.size} languages: ${[...perLang].map(([l, t]) => `${l} ${t.exact}/${t.total}`).join(', ')}`);
    for (const f of failures) console.log(`# not exact: ${f}`);
    assert.ok(total.exact / total.total >= 0.95, `${total.exact}/${total.total} exact, below 95 %:\n${failures.join('\n')}`);
  });
});
