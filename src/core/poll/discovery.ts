// What only rediscovery needs to read again — which OS probe subtrees an agent has, its ENTITY-MIB chassis rows, the
// names of its processors — kept per device between polls and read again every rediscovery interval (6 h by default,
// as `schedule.discoveryHours`), or at once when the device's sysObjectID or sysDescr changes (a new firmware, another
// box behind the address). A poll without a cache (the CLI's one-shot `parc poll`) reads everything.
import type { DevicePoll } from './types';

interface Remembered {
  at: number;
  identity: string;
  values: Map<string, unknown>;
}

export class DiscoveryCache {
  private readonly devices = new Map<string, Remembered>();
  /** `intervalMs` is asked at each use, so an edit of the schedule applies without a restart. */
  constructor(private readonly intervalMs: () => number, private readonly now: () => number = Date.now) {}

  /** The device's remembered values, emptied when due or when the device is no longer the same. */
  forDevice(key: string, out: Pick<DevicePoll, 'sysObjectID' | 'sysDescr'>): Map<string, unknown> {
    const identity = `${out.sysObjectID ?? ''}\n${out.sysDescr ?? ''}`;
    const t = this.now();
    let r = this.devices.get(key);
    if (!r || r.identity !== identity || t - r.at >= this.intervalMs()) {
      r = { at: t, identity, values: new Map() };
      this.devices.set(key, r);
    }
    return r.values;
  }

  /** Forgets devices not polled for two intervals (removed from the inventory, or down since). */
  prune(): void {
    const t = this.now();
    for (const [k, r] of this.devices) if (t - r.at >= 2 * this.intervalMs()) this.devices.delete(k);
  }
}

const CURRENT = new WeakMap<DevicePoll, Map<string, unknown>>();

/** Set by the poller once the system group has answered. */
export function attachDiscovery(out: DevicePoll, values: Map<string, unknown>): void {
  CURRENT.set(out, values);
}

/**
 * `read()`'s answer, remembered until the device's next rediscovery; read every poll when the poller keeps no
 * cache. A failed read is not remembered. `key` names what is read and, for reads that depend on what this poll
 * found (the processors listed), that too.
 */
export async function rediscovered<T>(out: DevicePoll, key: string, read: () => Promise<T>): Promise<T> {
  const values = CURRENT.get(out);
  if (!values) return read();
  if (values.has(key)) return values.get(key) as T;
  const v = await read();
  values.set(key, v);
  return v;
}
