// One poll cycle over (part of) the inventory: poll, compute rates and events, resolve sites, persist.
import { promises as dns } from 'node:dns';
import { profileFor } from '../inventory/parse';
import { deviceKey, type Device, type Inventory } from '../inventory/types';
import { parseIPv4 } from '../net/cidr';
import type { Poller } from '../poll/poller';
import type { DevicePoll } from '../poll/types';
import { resolveSite, type SiteAssignment } from '../sites/resolve';
import type { ParcEvent, StateStore } from '../state/types';
import { applyPoll } from './changes';

export type DeviceReport = DevicePoll & Pick<SiteAssignment, 'region' | 'site' | 'siteReason'> & {
  key: string;
  siteExplanation: string;
  statusSince: string;
  rebooted: boolean;
  /** When the device last answered (the latest poll that reached it); absent if it never has. */
  lastSeen?: string;
};

export interface CycleResult {
  devices: DeviceReport[];
  events: ParcEvent[];
  startedAt: string;
  durationMs: number;
  /** Of durationMs, the time spent after polling (state, events, sites, metrics). */
  afterPollMs?: number;
}

/** Receives each cycle's result after it is persisted (the metric store, src/core/metrics). */
export interface CycleRecorder {
  record(result: CycleResult): Promise<void>;
}

export interface CycleOptions {
  inventory: Inventory;
  poller: Poller;
  store: StateStore;
  /** Only these devices (default: all). */
  devices?: Device[];
  signal?: AbortSignal;
  onResult?: (r: DevicePoll, done: number, total: number) => void;
  now?: () => number;
  metrics?: CycleRecorder;
  /** Wall-clock time (epoch ms) by which polling must be over (see PollOptions.deadline). */
  deadline?: number;
  /** Most time one device may take (see PollOptions.deviceBudgetMs). */
  deviceBudgetMs?: number;
}

async function addressOf(host: string): Promise<string | undefined> {
  if (parseIPv4(host) !== undefined) return host;
  try {
    return (await dns.lookup(host, { family: 4 })).address;
  } catch {
    return undefined;
  }
}

export async function runPollCycle(o: CycleOptions): Promise<CycleResult> {
  const now = o.now ?? Date.now;
  const started = now();
  const devices = o.devices ?? o.inventory.devices;
  const polls = await o.poller.poll(devices.map((device) => ({ device, profile: profileFor(o.inventory, device) })), { signal: o.signal, onResult: o.onResult, deadline: o.deadline, deviceBudgetMs: o.deviceBudgetMs });
  const polled = now();
  const records = await o.store.loadDevices();
  const events: ParcEvent[] = [];
  const reports: DeviceReport[] = [];
  for (const [i, poll] of polls.entries()) {
    const device = devices[i];
    const key = deviceKey(device);
    const before = records.get(key);
    // A device the cycle had no time left for keeps its previous state: not polled is not down. One never polled
    // stays without a record (the new-devices job polls it first next time).
    const change = poll.skipped
      ? { record: before ?? { last: poll, statusSince: poll.polledAt }, events: [], rebooted: false }
      : applyPoll(key, before, poll, o.inventory.thresholds);
    if (!poll.skipped || before) records.set(key, change.record);
    events.push(...change.events);
    const last = change.record.last;
    const site = resolveSite(o.inventory, { site: device.site, host: device.host, address: await addressOf(device.host), sysLocation: last.sysLocation });
    reports.push({ ...last, key, region: site.region, site: site.site, siteReason: site.siteReason, siteExplanation: site.reason, statusSince: change.record.statusSince, rebooted: change.rebooted, lastSeen: change.record.lastUp?.polledAt });
  }
  await o.store.saveDevices(records);
  await o.store.appendEvents(events);
  const result: CycleResult = { devices: reports, events, startedAt: new Date(started).toISOString(), durationMs: now() - started };
  await o.metrics?.record(result);
  result.durationMs = now() - started;
  result.afterPollMs = now() - polled;
  return result;
}

/** Devices never polled yet (no record in the store). */
export async function newDevices(inv: Inventory, store: StateStore): Promise<Device[]> {
  const records = await store.loadDevices();
  return inv.devices.filter((d) => !records.has(deviceKey(d)));
}
