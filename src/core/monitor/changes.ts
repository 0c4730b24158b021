// Compares a new poll with the device's previous record: computes traffic rates and the events
// (down/up, reboot, port status, storage, processor and memory thresholds).
import type { Thresholds } from '../inventory/types';
import { octetRate, rebootedBetween } from '../poll/rates';
import type { DevicePoll } from '../poll/types';
import type { DeviceRecord, ParcEvent } from '../state/types';
import { formatDuration } from '../format';
import { engineAlertEvents } from './engine-alerts';
import { healthEvents } from './health-changes';

/** Memory the kernel reclaims on demand (buffers, page cache, shared): full is normal. */
const RECLAIMABLE = new Set(['buffers', 'cached', 'shared']);

/** "CPU 'Intel Xeon E5-2620'", or "processor 3" for records polled before processors had names. */
export function processorLabel(c: { index: number; description?: string }): string {
  return c.description ? `CPU '${c.description}'` : `processor ${c.index}`;
}

export interface ChangeResult {
  record: DeviceRecord;
  events: ParcEvent[];
  rebooted: boolean;
}

export function applyPoll(key: string, previous: DeviceRecord | undefined, cur: DevicePoll, thresholds: Thresholds): ChangeResult {
  const time = cur.polledAt;
  const name = cur.name ?? cur.host;
  const events: ParcEvent[] = [];
  const ev = (type: ParcEvent['type'], severity: ParcEvent['severity'], message: string, entity?: string) =>
    events.push({ time, type, severity, device: key, deviceName: name, entity, message });

  events.push(...engineAlertEvents(previous?.last, cur, key, name));
  const prevStatus = previous?.last.status;
  const statusSince = prevStatus === cur.status ? previous!.statusSince : time;

  if (cur.status === 'down') {
    if (prevStatus !== 'down') ev('down', 'critical', `${name} is down: ${cur.error ?? 'no answer'}`);
    // Keep the last known identity so views still show what the device is.
    const base = previous?.lastUp;
    const last: DevicePoll = base
      ? { ...base, status: 'down', error: cur.error, errorKind: cur.errorKind, polledAt: cur.polledAt, durationMs: cur.durationMs, name: cur.name,
          interfaces: base.interfaces.map((i) => ({ ...i, inBps: undefined, outBps: undefined })), engineAlerts: cur.engineAlerts }
      : cur;
    return { record: { last, lastUp: previous?.lastUp, statusSince }, events, rebooted: false };
  }

  const prev = previous?.lastUp;
  const elapsed = prev ? (Date.parse(cur.polledAt) - Date.parse(prev.polledAt)) / 1000 : 0;
  const ticksBased = cur.uptimeSource === 'sysUpTime' || cur.uptimeSource === 'hrSystemUptime';
  const rebooted = prev !== undefined && prev.uptimeSource === cur.uptimeSource && rebootedBetween(prev.uptimeSeconds, cur.uptimeSeconds, elapsed, ticksBased);

  if (prevStatus === 'down') {
    ev('up', 'info', `${name} is up again${previous ? ` after ${formatDuration((Date.parse(time) - Date.parse(previous.statusSince)) / 1000)}` : ''}`);
  }
  if (rebooted) ev('reboot', 'warning', `${name} rebooted (uptime went from ${formatDuration(prev!.uptimeSeconds!)} to ${formatDuration(cur.uptimeSeconds!)})`);

  const prevIfs = new Map((prev?.interfaces ?? []).map((i) => [i.ifIndex, i]));
  for (const i of cur.interfaces) {
    const p = prevIfs.get(i.ifIndex);
    if (!p) continue;
    if (p.inOctets !== undefined && i.inOctets !== undefined) {
      i.inBps = octetRate({ value: p.inOctets, bits: p.counterBits }, { value: i.inOctets, bits: i.counterBits }, elapsed, rebooted, i.speedBps);
    }
    if (p.outOctets !== undefined && i.outOctets !== undefined) {
      i.outBps = octetRate({ value: p.outOctets, bits: p.counterBits }, { value: i.outOctets, bits: i.counterBits }, elapsed, rebooted, i.speedBps);
    }
    // A port going down matters only if someone wants it up.
    if (p.operStatus !== i.operStatus && i.adminStatus === 'up') {
      if (i.operStatus === 'up') ev('interface-up', 'info', `${name} ${i.name} is up`, i.name);
      else if (p.operStatus === 'up') ev('interface-down', 'warning', `${name} ${i.name} is ${i.operStatus}`, i.name);
    }
  }

  const prevStorage = new Map((prev?.storage ?? []).map((s) => [s.index, s]));
  for (const s of cur.storage) {
    // Storage holds filesystems only (memory is in mempools); records from before the split may still list RAM.
    if (s.usedPercent === undefined || s.type === 'ram' || s.type === 'virtualMemory' || s.type === 'other') continue;
    const before = prevStorage.get(s.index)?.usedPercent;
    const over = s.usedPercent >= thresholds.storagePercent;
    const wasOver = before !== undefined && before >= thresholds.storagePercent;
    if (over && !wasOver) ev('storage-high', 'warning', `${name} ${s.description} is ${s.usedPercent}% full (threshold ${thresholds.storagePercent}%)`, s.description);
    if (!over && wasOver && prev) ev('storage-ok', 'info', `${name} ${s.description} is back to ${s.usedPercent}%`, s.description);
  }

  const prevCpu = new Map((prev?.processors ?? []).map((p) => [p.index, p]));
  for (const c of cur.processors) {
    const before = prevCpu.get(c.index)?.loadPercent;
    const over = c.loadPercent >= thresholds.processorPercent;
    const wasOver = before !== undefined && before >= thresholds.processorPercent;
    const what = processorLabel(c);
    if (over && !wasOver) ev('processor-high', 'warning', `${name} ${what} at ${c.loadPercent}% (threshold ${thresholds.processorPercent}%)`, `cpu${c.index}`);
    if (!over && wasOver && prev) ev('processor-ok', 'info', `${name} ${what} back to ${c.loadPercent}%`, `cpu${c.index}`);
  }

  // Memory pools: RAM/swap/vendor pools over the memory threshold. Buffers and cache are memory the kernel gives
  // back on demand: full is their normal state, never an alert.
  const prevMem = new Map((prev?.mempools ?? []).map((m) => [m.index, m]));
  for (const m of cur.mempools ?? []) {
    if (m.usedPercent === undefined || RECLAIMABLE.has(m.type)) continue;
    const before = prevMem.get(m.index)?.usedPercent;
    const over = m.usedPercent >= thresholds.memoryPercent;
    const wasOver = before !== undefined && before >= thresholds.memoryPercent;
    if (over && !wasOver) ev('memory-high', 'warning', `${name} memory '${m.description}' at ${m.usedPercent}% (threshold ${thresholds.memoryPercent}%)`, `mem:${m.index}`);
    if (!over && wasOver && prev) ev('memory-ok', 'info', `${name} memory '${m.description}' back to ${m.usedPercent}%`, `mem:${m.index}`);
  }

  for (const h of healthEvents(name, prev, cur, thresholds)) ev(h.type, h.severity, h.message, h.entity);

  return { record: { last: cur, lastUp: cur, statusSince }, events, rebooted };
}
