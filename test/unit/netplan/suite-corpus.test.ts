// Parc's validator against netplan's own test suite (../shared/corpus/netplan-suite, GPL, read in place, never
// copied here): 407 configs labelled valid/invalid by netplan 0.106's `netplan generate`, with its message and
// position. Checked with netplan 0.106's rules; prints the agreement and fails on any valid config rejected or when
// the flagged share falls under what this validator reached when written.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateNetplanText } from '../../../src/core/netplan/validate';
import { requireNetplanVersion } from '../../../src/core/netplan/versions';
import { CORPUS } from '../../support/snmpsim';

const SUITE = path.join(CORPUS, 'netplan-suite');
const present = existsSync(path.join(SUITE, 'labels.json'));
if (!present) console.log(`netplan suite corpus test skipped: ${SUITE}/labels.json is absent`);

interface Case {
  file: string;
  valid: boolean;
  netplanError: string | null;
  line: number | null;
  column: number | null;
}

/** Floors measured on this corpus when written (157/157 flagged, 157/157 messages, 122/122 positions). */
const FLOOR = { flagged: 1, message: 0.95, location: 0.95 };

describe('netplan validator against netplan 0.106\'s test suite', { skip: !present && 'corpus absent' }, () => {
  it('rejects no valid config, flags the invalid ones with netplan\'s message and position (printed)', () => {
    const labels = JSON.parse(readFileSync(path.join(SUITE, 'labels.json'), 'utf8')) as { netplanVersion: string; cases: Case[] };
    const version = requireNetplanVersion(labels.netplanVersion);
    let invalid = 0, flagged = 0, valid = 0, message = 0, located = 0, location = 0;
    const rejected: string[] = [];
    const missed: string[] = [];
    const wording: string[] = [];
    for (const c of labels.cases) {
      const text = readFileSync(path.join(SUITE, c.file), 'utf8');
      const diags = validateNetplanText(text, c.file, { version });
      for (const d of diags) assert.ok(d.line >= 1 && d.col >= 1, `${c.file}: every finding has a position: ${JSON.stringify(d)}`);
      const errors = diags.filter((d) => d.severity === 'error');
      if (c.valid) {
        valid++;
        if (errors.length) rejected.push(`${c.file}: ${errors.map((e) => `${e.line}:${e.col} ${e.message}`).join('; ')}`);
        continue;
      }
      invalid++;
      if (!errors.length) {
        missed.push(`${c.file} (netplan: ${c.netplanError})`);
        continue;
      }
      flagged++;
      const want = (c.netplanError ?? '').replace(/^Error in network definition: /, '').replace(/:$/, '');
      if (errors.some((e) => e.message.includes(want))) message++;
      else wording.push(`${c.file}: netplan "${want}", Parc "${errors[0].message}"`);
      if (c.line !== null) {
        located++;
        if (errors.some((e) => e.line === c.line && e.col === c.column)) location++;
      }
    }
    const pct = (n: number, d: number) => `${n}/${d} (${((100 * n) / d).toFixed(1)}%)`;
    console.log(`netplan suite (${labels.netplanVersion} rules): invalid flagged ${pct(flagged, invalid)}; valid rejected ${pct(rejected.length, valid)}; ` +
      `netplan's message ${pct(message, invalid)}; netplan's line:column ${pct(location, located)}`);
    for (const r of rejected) console.log(`  rejected: ${r}`);
    for (const m of missed) console.log(`  not flagged: ${m}`);
    for (const w of wording) console.log(`  other wording: ${w}`);
    assert.deepEqual(rejected, [], 'no valid config is rejected');
    assert.ok(flagged / invalid >= FLOOR.flagged, `flagged ${flagged}/${invalid}`);
    assert.ok(message / invalid >= FLOOR.message, `netplan's message in ${message}/${invalid}`);
    assert.ok(location / located >= FLOOR.location, `netplan's position in ${location}/${located}`);
  });
});
