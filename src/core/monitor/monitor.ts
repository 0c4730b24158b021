// The monitoring service shared by `parc watch` and the extension: the scheduler's jobs bound to an
// inventory, a poller and a state store.
import { EventEmitter } from 'node:events';
import type { Clock, Logger, SecretSource } from '../host';
import { addDevicesToFile } from '../inventory/file';
import type { Device, Inventory } from '../inventory/types';
import { deviceKey } from '../inventory/types';
import type { Poller } from '../poll/poller';
import { DEFAULT_DEVICE_BUDGET_MS } from '../poll/budget';
import { probeProfiles, scanSubnet } from '../discovery/probe';
import { intervalsFromMinutes, Scheduler, type JobName } from '../schedule/scheduler';
import type { ParcEvent, StateStore } from '../state/types';
import { newDevices, runPollCycle, type CycleRecorder, type CycleResult } from './cycle';

export interface MonitorDeps {
  /** Current inventory (re-read by the host when parc.yaml changes). */
  inventory: () => Inventory;
  poller: Poller;
  store: StateStore;
  secrets: SecretSource;
  clock: Clock;
  logger: Logger;
  /** Keeps metric history of every cycle (optional). */
  metrics?: CycleRecorder;
}

export interface MonitorEvents {
  /** A poll of these devices begins (the scheduled one or one asked for). */
  polling: [Device[]];
  cycle: [CycleResult];
  events: [ParcEvent[]];
}

export class Monitor extends EventEmitter<MonitorEvents> {
  readonly scheduler: Scheduler;
  /** Poll cycles run one after the other: each reads and rewrites the whole state store. */
  private pollQueue: Promise<unknown> = Promise.resolve();
  /** What the last full cycle spent after polling (see pollNow's deadline). */
  private afterPollMs = 0;

  constructor(private readonly deps: MonitorDeps) {
    super();
    this.scheduler = new Scheduler(
      { poll: () => this.pollAll().then(() => undefined), newDevices: () => this.pollNew().then(() => undefined), discovery: () => this.discover(), housekeeping: () => this.housekeeping() },
      intervalsFromMinutes(deps.inventory().schedule),
      deps.clock,
      deps.logger,
      (r) => {
        const e: ParcEvent = { time: new Date(deps.clock.now()).toISOString(), type: 'cycle-overrun', severity: 'warning', message: `${r.job} took ${Math.round(r.durationMs / 1000)} s, longer than its interval of ${Math.round(r.intervalMs / 1000)} s` };
        void deps.store.appendEvents([e]).then(() => this.emit('events', [e]));
      },
    );
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  trigger(job: JobName): void {
    this.scheduler.trigger(job);
  }

  pollDevices(devices?: Device[], signal?: AbortSignal): Promise<CycleResult> {
    const run = this.pollQueue.then(() => this.pollNow(devices, signal));
    this.pollQueue = run.catch(() => undefined);
    return run;
  }

  private async pollNow(devices: Device[] | undefined, signal: AbortSignal | undefined): Promise<CycleResult> {
    const inv = this.deps.inventory();
    this.emit('polling', devices ?? inv.devices);
    this.deps.logger.debug(`polling ${(devices ?? inv.devices).length} device(s)`);
    // A cycle must end before the next one is due: polling ends early enough to leave the state and metric writes
    // their time (20 % of the interval, or half again what they took last time on a busy machine), and one device
    // may take half of the interval, so that a few agents that never stop answering (an endless table) leave time
    // for the devices queued behind them.
    const interval = intervalsFromMinutes(inv.schedule).pollMs;
    const reserve = Math.min(0.5 * interval, Math.max(0.2 * interval, 1.5 * this.afterPollMs));
    const deadline = Date.now() + interval - reserve;
    const deviceBudgetMs = Math.min(DEFAULT_DEVICE_BUDGET_MS, 0.5 * interval);
    const result = await runPollCycle({ inventory: inv, poller: this.deps.poller, store: this.deps.store, devices, signal, now: () => this.deps.clock.now(), metrics: this.deps.metrics, deadline, deviceBudgetMs });
    if (!devices) this.afterPollMs = result.afterPollMs ?? 0;
    const down = result.devices.filter((d) => d.status === 'down').length;
    this.deps.logger.info(`polled ${result.devices.length} device(s) in ${result.durationMs} ms: ${result.devices.length - down} up, ${down} down`);
    this.emit('cycle', result);
    if (result.events.length) this.emit('events', result.events);
    return result;
  }

  pollAll(): Promise<CycleResult> {
    return this.pollDevices();
  }

  async pollNew(): Promise<CycleResult | undefined> {
    const fresh = await newDevices(this.deps.inventory(), this.deps.store);
    return fresh.length ? this.pollDevices(fresh) : undefined;
  }

  /** Rescans discovery.subnets; with discovery.autoAdd, adds what answered to parc.yaml. */
  async discover(): Promise<void> {
    const inv = this.deps.inventory();
    const known = new Set(inv.devices.map(deviceKey));
    for (const cidr of inv.discovery.subnets) {
      const found = await scanSubnet(cidr.text, probeProfiles(inv), this.deps.secrets);
      const fresh = found.filter((f) => !known.has(deviceKey(f)));
      this.deps.logger.info(`discovery of ${cidr.text}: ${found.length} answered, ${fresh.length} new`);
      if (fresh.length && inv.discovery.autoAdd) {
        const added = await addDevicesToFile(inv.file, fresh.map((f) => ({ host: f.host, name: f.sysName, profile: f.profile === inv.snmp.default ? undefined : f.profile })));
        const now = new Date(this.deps.clock.now()).toISOString();
        const events: ParcEvent[] = added.map((a) => ({ time: now, type: 'device-added', severity: 'info', device: deviceKey({ host: a.host, port: 161 }), deviceName: a.name ?? a.host, message: `discovered ${a.name ?? a.host} in ${cidr.text}` }));
        await this.deps.store.appendEvents(events);
        if (events.length) this.emit('events', events);
      }
    }
  }

  async housekeeping(): Promise<void> {
    const days = this.deps.inventory().schedule.eventRetentionDays;
    const dropped = await this.deps.store.pruneEvents(this.deps.clock.now() - days * 86_400_000);
    this.deps.logger.info(`housekeeping: ${dropped} event(s) older than ${days} days removed`);
  }
}
