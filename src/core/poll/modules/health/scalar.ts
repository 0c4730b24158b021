// Vendors whose CPU and memory are a few scalars: one tolerant GET, the first CPU OID that answers wins.
import { vbNumber, vbText } from '../../../snmp/values';
import type { DevicePoll } from '../../types';
import type { SnmpClient } from '../../../snmp/client';
import { getTolerant } from '../get-tolerant';
import { pool, useMempools, useProcessors } from './util';

export interface ScalarHealth {
  source: string;
  /** CPU load in %, in order of preference. */
  cpu?: string[];
  /** Memory used in %. */
  memPercent?: string;
  /** Memory total / free / used, with their unit in bytes. */
  memTotal?: string;
  memFree?: string;
  memUsed?: string;
  memUnit?: number;
  /** Parses a text CPU value (e.g. FASTPATH's "5 Secs ( 1.2%) 60 Secs ( 3.4%) 300 Secs ( 5.6%)"). */
  cpuText?: (text: string) => number | undefined;
}

export async function scalarHealth(client: SnmpClient, out: DevicePoll, s: ScalarHealth): Promise<void> {
  const oids = [...(s.cpu ?? []), s.memPercent, s.memTotal, s.memFree, s.memUsed].filter((o): o is string => !!o);
  const vbs = await getTolerant(client, oids);
  const at = (oid: string | undefined) => (oid ? vbs[oids.indexOf(oid)] : undefined);
  let cpu: number | undefined;
  for (const o of s.cpu ?? []) {
    const vb = at(o);
    cpu = s.cpuText ? (vbText(vb) !== undefined ? s.cpuText(vbText(vb)!) : undefined) : vbNumber(vb);
    if (cpu !== undefined) break;
  }
  if (cpu !== undefined) useProcessors(out, [{ index: 0, loadPercent: cpu, description: 'CPU', source: s.source }]);
  const unit = s.memUnit ?? 1;
  const scaled = (oid: string | undefined) => { const v = vbNumber(at(oid)); return v === undefined ? undefined : v * unit; };
  const total = scaled(s.memTotal);
  const pct = vbNumber(at(s.memPercent));
  const m = pool({ index: `${s.source}.0`, description: 'Memory', source: s.source, total: total || undefined, free: scaled(s.memFree), used: scaled(s.memUsed) ?? (total && pct !== undefined ? Math.round((total * pct) / 100) : undefined), percent: pct });
  if (m.usedPercent !== undefined) useMempools(out, [m]);
}
