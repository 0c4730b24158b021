// `parc netplan check` logic against netplan's own corpus (../shared/corpus/netplan, GPL, read in place):
// the upstream examples must give no error, and the configs netplan's test-suite rejects should be flagged.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateNetplanText } from '../../../src/core/netplan/validate';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/netplan');
const present = existsSync(CORPUS);
if (!present) console.log(`netplan corpus tests skipped: ${CORPUS} is absent`);

interface Expected {
  test: string;
  expected_error_substrings: string[];
}

describe('netplan validator against netplan corpus', { skip: !present && 'corpus absent' }, () => {
  it('reports no error on any upstream example', () => {
    const files = readdirSync(path.join(CORPUS, 'examples')).filter((f) => f.endsWith('.yaml'));
    assert.ok(files.length >= 20, 'examples present');
    const falseErrors: string[] = [];
    for (const f of files) {
      const diags = validateNetplanText(readFileSync(path.join(CORPUS, 'examples', f), 'utf8'), f);
      for (const d of diags.filter((x) => x.severity === 'error')) falseErrors.push(`${f}:${d.line}:${d.col}: ${d.message}`);
    }
    assert.deepEqual(falseErrors, []);
  });

  it('flags deprecated gateway4/gateway6 as warnings, not errors', () => {
    for (const f of readdirSync(path.join(CORPUS, 'deprecated')).filter((x) => x.endsWith('.yaml'))) {
      const diags = validateNetplanText(readFileSync(path.join(CORPUS, 'deprecated', f), 'utf8'), f);
      assert.ok(diags.some((d) => d.severity === 'warning' && /deprecated, use default routes/.test(d.message)), `${f}: ${JSON.stringify(diags)}`);
      assert.equal(diags.filter((d) => d.severity === 'error').length, 0, `${f}: ${JSON.stringify(diags)}`);
    }
  });

  it('flags most configs netplan rejects, and prints the agreement', () => {
    const expected = JSON.parse(readFileSync(path.join(CORPUS, 'invalid', 'EXPECTED_ERRORS.json'), 'utf8')) as Expected[];
    let flagged = 0;
    let sameMessage = 0;
    const missed: string[] = [];
    for (const e of expected) {
      const name = e.test.replace(/^.*\./, '') + '.yaml';
      const file = path.join(CORPUS, 'invalid', name);
      if (!existsSync(file)) continue;
      const errors = validateNetplanText(readFileSync(file, 'utf8'), name).filter((d) => d.severity === 'error');
      if (errors.length) flagged++;
      else missed.push(name);
      if (errors.some((d) => e.expected_error_substrings.some((s) => d.message.includes(s.replace(/^ERROR: /, ''))))) sameMessage++;
    }
    const pct = (n: number) => ((100 * n) / expected.length).toFixed(1);
    console.log(`netplan invalid corpus: flagged ${flagged}/${expected.length} (${pct(flagged)}%), netplan's own wording in ${sameMessage}/${expected.length} (${pct(sameMessage)}%)`);
    if (missed.length) console.log(`  not flagged: ${missed.join(', ')}`);
    // Floor measured on this corpus: 56/56 flagged when written; leave room for upstream additions.
    assert.ok(flagged / expected.length >= 0.9, `only ${flagged}/${expected.length} flagged`);
  });
});
