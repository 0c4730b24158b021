// What one device's poll contributes to the store: the device's status, uptime and poll time; per
// port the traffic, error rates and status; storage used %; processor load; memory pool used %.
import type { DeviceReport } from '../monitor/cycle';
import { counterDelta } from '../poll/rates';
import { healthSamples } from './health-samples';
import type { Sample } from './store';

/** Previous readings of error counters, to turn them into rates (series id → [epoch ms, value, bits]). */
export type CounterMemory = Map<string, [number, number, 32 | 64]>;

export function reportSamples(d: DeviceReport, counters: CounterMemory): Sample[] {
  const ms = Date.parse(d.polledAt);
  if (!Number.isFinite(ms)) return [];
  const t = Math.floor(ms / 1000);
  const out: Sample[] = [];
  const add = (entity: string, label: string, ds: string, value: number | undefined) => {
    if (value !== undefined && Number.isFinite(value)) out.push({ device: d.key, entity, label, ds, t, value });
  };
  const name = d.name ?? d.sysName ?? d.host;
  add('device', name, 'status', d.status === 'up' ? 1 : 0);
  add('device', name, 'pollMs', d.durationMs);
  if (d.status !== 'up') return out; // a down device's last identity is not a measurement
  add('device', name, 'uptime', d.uptimeSeconds);
  add('device', name, 'rttMs', d.rttMs);
  for (const i of d.interfaces) {
    const entity = `if:${i.ifIndex}`;
    add(entity, i.name, 'inBps', i.inBps);
    add(entity, i.name, 'outBps', i.outBps);
    add(entity, i.name, 'operUp', i.operStatus === 'up' ? 1 : 0);
    for (const [ds, v] of [['inErrors', i.inErrors], ['outErrors', i.outErrors]] as const) {
      if (v === undefined) continue;
      const id = `${d.key}|${entity}|${ds}`;
      const prev = counters.get(id);
      counters.set(id, [ms, v, i.counterBits]);
      if (!prev || ms <= prev[0]) continue;
      const delta = counterDelta({ value: prev[1], bits: prev[2] }, { value: v, bits: i.counterBits }, d.rebooted);
      add(entity, i.name, ds, delta === undefined ? undefined : delta / ((ms - prev[0]) / 1000));
    }
  }
  for (const s of d.storage) add(`storage:${s.index}`, s.description, 'usedPercent', s.usedPercent);
  for (const p of d.processors) add(`cpu:${p.index}`, p.description ?? `cpu${p.index}`, 'load', p.loadPercent);
  for (const m of d.mempools ?? []) add(`mem:${m.index}`, m.description, 'usedPercent', m.usedPercent);
  out.push(...healthSamples(d, t));
  return out;
}
