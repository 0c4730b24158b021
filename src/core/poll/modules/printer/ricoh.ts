// Ricoh-made agents (Ricoh and the brands it builds for: Savin, Lanier, NRG, Gestetner, …) keep their own toner table in
// RICOH-PRIVATE-MIB, ricohEngTonerEntry (1.3.6.1.4.1.367.3.2.1.2.24.1.1, indexed like the Printer-MIB supplies):
// column 3 the toner's name as the panel shows it, column 5 its level (0-100 in 10 % steps, -100 near end, -3 some
// remaining, -2 unknown). Where a Printer-MIB supply row leaves its level at 0 (or out) or its description empty, the
// value is taken from there, as LibreNMS does.
import type { SnmpClient } from '../../../snmp/client';
import { vbNumber, vbText } from '../../../snmp/values';
import { enterpriseNumber } from '../../os-detect';
import type { DevicePoll } from '../../types';
import { getTolerant } from '../get-tolerant';

export const RICOH_TONER = '1.3.6.1.4.1.367.3.2.1.2.24.1.1';
const RICOH = 367;

/** OS codes of Ricoh's own and rebadged devices (LibreNMS's names). */
export const RICOH_FAMILY = new Set(['ricoh', 'savin', 'lanier', 'nrg', 'gestetner']);

export function isRicohMade(out: Pick<DevicePoll, 'os' | 'sysObjectID'>): boolean {
  return RICOH_FAMILY.has(out.os ?? '') || enterpriseNumber(out.sysObjectID) === RICOH;
}

export interface RicohToner {
  level?: number;
  name?: string;
}

/** A gap to fill: the toner row (last arc of the supply's index) and which of its columns are wanted. */
export interface RicohGap {
  row: string;
  level: boolean;
  name: boolean;
}

/** One GET for all the gaps; rows the agent does not have come back empty. */
export async function readRicohToners(client: SnmpClient, gaps: readonly RicohGap[]): Promise<Map<string, RicohToner>> {
  const asked: { row: string; col: 'level' | 'name'; oid: string }[] = [];
  for (const g of gaps) {
    if (g.level) asked.push({ row: g.row, col: 'level', oid: `${RICOH_TONER}.5.${g.row}` });
    if (g.name) asked.push({ row: g.row, col: 'name', oid: `${RICOH_TONER}.3.${g.row}` });
  }
  const out = new Map<string, RicohToner>();
  if (!asked.length) return out;
  const vbs = await getTolerant(client, asked.map((a) => a.oid));
  asked.forEach((a, k) => {
    const t = out.get(a.row) ?? {};
    if (a.col === 'level') t.level = vbNumber(vbs[k]);
    else t.name = vbText(vbs[k]);
    out.set(a.row, t);
  });
  return out;
}
