// Small helpers shared by the health modules: column walks, percentages, and the rule that a vendor's own CPU or
// memory table, when it answers, replaces what the generic HOST-RESOURCES reading found (as LibreNMS does).
import type { SnmpClient } from '../../../snmp/client';
import { toNumber, toText } from '../../../snmp/values';
import type { DevicePoll, MempoolInfo, ProcessorInfo } from '../../types';
import { enterpriseNumber } from '../../os-detect';

/** One column of a table, keyed by the index after `oid.`. */
export async function column(client: SnmpClient, oid: string, maxRepetitions = 20): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const vb of await client.walk(oid, maxRepetitions)) out.set(vb.oid.slice(oid.length + 1), vb.value);
  return out;
}

/** Several columns walked in parallel, as rows keyed by index. Rows are those of the first column. */
export async function columns<K extends string>(client: SnmpClient, cols: Record<K, string>, maxRepetitions = 20): Promise<Map<string, Record<K, unknown>>> {
  const keys = Object.keys(cols) as K[];
  const walked = await Promise.all(keys.map((k) => column(client, cols[k], maxRepetitions)));
  const rows = new Map<string, Record<K, unknown>>();
  for (const index of walked[0].keys()) {
    const row = {} as Record<K, unknown>;
    keys.forEach((k, i) => { row[k] = walked[i].get(index); });
    rows.set(index, row);
  }
  return rows;
}

export const num = (v: unknown): number | undefined => {
  const n = toNumber(v);
  if (n !== undefined) return n;
  // Some agents answer numbers as text ("12", "12.5 %").
  const t = toText(v);
  const m = t === undefined ? null : /^\s*(-?\d+(?:\.\d+)?)/.exec(t);
  return m ? Number(m[1]) : undefined;
};
export const text = (v: unknown): string | undefined => {
  const t = toText(v)?.trim();
  return t ? t : undefined;
};

export const round1 = (x: number) => Math.round(x * 10) / 10;

export function percent(used: number | undefined, total: number | undefined): number | undefined {
  if (used === undefined || total === undefined || !(total > 0)) return undefined;
  return round1(Math.min(100, Math.max(0, (used / total) * 100)));
}

/** A memory pool from any two of total/used/free (bytes) or a percentage alone. */
export function pool(p: { index: string; description: string; type?: string; source: string; total?: number; used?: number; free?: number; percent?: number }): MempoolInfo {
  let { total, used, free } = p;
  if (total === undefined && used !== undefined && free !== undefined) total = used + free;
  if (used === undefined && total !== undefined && free !== undefined) used = total - free;
  if (free === undefined && total !== undefined && used !== undefined) free = total - used;
  const m: MempoolInfo = { index: p.index, description: p.description, type: p.type ?? 'ram', source: p.source };
  if (total !== undefined) m.totalBytes = total;
  if (used !== undefined) m.usedBytes = used;
  if (free !== undefined) m.freeBytes = free;
  const pct = percent(used, total) ?? (p.percent !== undefined ? round1(p.percent) : undefined);
  if (pct !== undefined) m.usedPercent = pct;
  return m;
}

/** A vendor table that answered replaces the generic reading; an empty one leaves it. */
export function useProcessors(out: DevicePoll, list: ProcessorInfo[]): void {
  if (list.length) out.processors = list;
}
export function useMempools(out: DevicePoll, list: MempoolInfo[]): void {
  if (list.length) out.mempools = list;
}

/** True when sysObjectID lies under one of these enterprise numbers (works whatever the OS code is called). */
export function enterprise(out: DevicePoll, ...numbers: number[]): boolean {
  const n = enterpriseNumber(out.sysObjectID);
  return n !== undefined && numbers.includes(n);
}
