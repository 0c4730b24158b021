// Agreement of Parc's poll with LibreNMS's expectations, per field. Also a script:
//   node out/test/support/librenms/report.js [--field NAME] [--only COMMUNITY_REGEX] [--all]
// prints the table and each disagreement (--all lists every one; default the first 40 per field).
import type { DevicePoll } from '../../../src/core/poll/types';
import { CHECKS } from './checks';
import type { FieldCheck } from './checks/types';
import { corpusPresent, LIBRENMS_DIR, loadCases, pollCorpus, type LibrenmsCase } from './corpus';

export interface FieldAgreement {
  field: string;
  applicable: number;
  agreed: number;
  disagreements: { community: string; detail: string }[];
}

export function agreement(cases: LibrenmsCase[], polls: Map<string, DevicePoll>, checks: FieldCheck[] = CHECKS): FieldAgreement[] {
  return checks.map((check) => {
    const r: FieldAgreement = { field: check.field, applicable: 0, agreed: 0, disagreements: [] };
    for (const c of cases) {
      if (!check.applies(c)) continue;
      r.applicable++;
      const p = polls.get(c.community);
      const v = p ? check.judge(c, p) : { agrees: false, detail: 'not polled' };
      if (v.agrees) r.agreed++;
      else r.disagreements.push({ community: c.community, detail: v.detail ?? '' });
    }
    return r;
  });
}

export function formatTable(rows: FieldAgreement[]): string {
  const lines = ['field            agreed / applicable   %'];
  for (const r of rows) {
    const pct = r.applicable ? ((100 * r.agreed) / r.applicable).toFixed(1) : '-';
    lines.push(`${r.field.padEnd(16)} ${String(r.agreed).padStart(6)} / ${String(r.applicable).padEnd(10)}  ${pct}`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  if (!corpusPresent()) {
    console.log(`librenms corpus absent (${LIBRENMS_DIR}/expected.json): nothing to measure`);
    return;
  }
  const argv = process.argv.slice(2);
  const opt = (n: string) => (argv.includes(n) ? argv[argv.indexOf(n) + 1] : undefined);
  const only = opt('--only') ? new RegExp(opt('--only')!) : undefined;
  const field = opt('--field');
  const cases = loadCases().filter((c) => !only || only.test(c.community));
  const polls = await pollCorpus(cases);
  const rows = agreement(cases, polls, CHECKS.filter((c) => !field || c.field === field));
  console.log(formatTable(rows));
  for (const r of rows) {
    const list = argv.includes('--all') ? r.disagreements : r.disagreements.slice(0, 40);
    if (list.length) console.log(`\n${r.field}: ${r.disagreements.length} disagreements`);
    for (const d of list) console.log(`  ${d.community}: ${d.detail}`);
  }
}

if (require.main === module) void main().catch((e) => { console.error(e); process.exit(1); });
