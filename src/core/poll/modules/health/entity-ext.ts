// The pattern H3C/HPE Comware and Huawei share: a per-entity extension table indexed by entPhysicalIndex with CPU %,
// memory % and memory size columns. Entities that report memory (size or usage) carry a processor; their names
// come from ENTITY-MIB entPhysicalName (one GET for those few rows).
import type { SnmpClient } from '../../../snmp/client';
import { vbText } from '../../../snmp/values';
import type { DevicePoll, MempoolInfo, ProcessorInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import { columns, num, pool, useMempools, useProcessors } from './util';

export const entPhysicalName = '1.3.6.1.2.1.47.1.1.1.1.7';

export async function entityNames(client: SnmpClient, indexes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < indexes.length; i += 32) {
    const chunk = indexes.slice(i, i + 32);
    const vbs = await getTolerant(client, chunk.map((x) => `${entPhysicalName}.${x}`));
    chunk.forEach((x, k) => { const n = vbText(vbs[k])?.trim(); if (n) out.set(x, n); });
  }
  return out;
}

export async function entityExtHealth(client: SnmpClient, out: DevicePoll, o: { source: string; cpu: string; memPercent: string; memSize?: string }): Promise<void> {
  const cols: Record<'cpu' | 'mem' | 'size', string> = { cpu: o.cpu, mem: o.memPercent, size: o.memSize ?? o.memPercent };
  const rows = await columns(client, cols);
  const withMemory = [...rows].filter(([, r]) => (num(r.mem) ?? 0) > 0 || (o.memSize && (num(r.size) ?? 0) !== 0));
  if (!withMemory.length) return;
  const names = await entityNames(client, withMemory.map(([i]) => i));
  const cpus: ProcessorInfo[] = [];
  const pools: MempoolInfo[] = [];
  for (const [index, r] of withMemory) {
    const name = names.get(index) ?? `Entity ${index}`;
    cpus.push({ index: Number(index), loadPercent: num(r.cpu) ?? 0, description: name, source: o.source });
    let size = o.memSize ? num(r.size) : undefined;
    if (size !== undefined && size < 0) size += 2 ** 32; // Integer32 columns wrap above 2 GiB
    const pct = num(r.mem);
    pools.push(pool({ index: `${o.source}.${index}`, description: name, source: o.source, total: size || undefined, used: size && pct !== undefined ? Math.round((size * pct) / 100) : undefined, percent: pct }));
  }
  useProcessors(out, cpus);
  useMempools(out, pools);
}
