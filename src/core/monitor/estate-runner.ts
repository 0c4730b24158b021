// Everything that keeps one estate monitored, for the long-running front ends (`parc watch`, `parc serve`):
// the Monitor (scheduler), alert delivery and the RDP janitor schedule, run only while this process holds the
// estate's poll lease. Whether holding or following, it watches the state files (devices.json, events.jsonl,
// alerts-state.json) and tells listeners what changed, so a follower shows what the holder polls.
import { EventEmitter } from 'node:events';
import { promises as fs, unwatchFile, watchFile } from 'node:fs';
import * as path from 'node:path';
import type { Clock, Logger, SecretSource } from '../host';
import { deviceKey, type Device, type Inventory } from '../inventory/types';
import { AckStore } from '../notify/acks';
import { attachDelivery } from '../notify/attach';
import type { DeliveryEngine } from '../notify/engine';
import type { Poller } from '../poll/poller';
import { PollLease, pollLeaseDelivery, type LeaseRecord } from '../schedule/poll-lease';
import type { FileStateStore } from '../state/file-store';
import type { DeviceRecord, ParcEvent } from '../state/types';
import type { CycleRecorder, CycleResult } from './cycle';
import { collectGarbage } from './compact';
import { Monitor } from './monitor';

export interface EstateRunnerDeps {
  kind: 'watch' | 'serve';
  inventory: () => Inventory;
  poller: Poller;
  store: FileStateStore;
  secrets: SecretSource;
  clock: Clock;
  logger: Logger;
  metrics?: CycleRecorder & { archiveEvents?(events: ParcEvent[]): void };
  /** Told about events the delivery engine appends. */
  onDeliveryEvents?: (events: ParcEvent[]) => void;
  /** The RDP janitor, run every `everyMinutes` by the lease holder (0 or absent: never). */
  janitor?: { everyMinutes: number; run: () => Promise<void> };
  /** How often followers stat the state files (ms). */
  followMs?: number;
  leaseHeartbeatMs?: number;
  leaseStaleMs?: number;
  /** A full garbage collection after each cycle this process polls (./compact.ts); long-running CLI processes only. */
  collectAfterCycle?: boolean;
}

export interface EstateRunnerEvents {
  /** A poll begins (this process's; followers learn of the holder's cycle only by its results). */
  polling: [Device[]];
  cycle: [CycleResult];
  /** The device records changed (after a cycle here or a rewrite of devices.json by the holder). */
  devices: [Map<string, DeviceRecord>];
  /** New lines of events.jsonl, oldest first, whoever wrote them. */
  events: [ParcEvent[]];
  /** alerts-state.json changed (acknowledgements, mutes). */
  acks: [];
  lease: [holding: boolean, holder: LeaseRecord | undefined];
  /** The collection after a cycle took this long (ms) (collectAfterCycle). */
  collected: [number];
}

export class EstateRunner extends EventEmitter<EstateRunnerEvents> {
  readonly monitor: Monitor;
  readonly delivery: DeliveryEngine;
  readonly lease: PollLease;
  readonly acks: AckStore;
  private records = new Map<string, DeviceRecord>();
  private eventsOffset = 0;
  private devicesMtime = 0;
  private acksMtime = 0;
  private refreshing?: Promise<void>;
  private again = false;
  private janitorTimer?: { cancel(): void };
  private janitorRunning = false;
  private started = false;
  /** How long the collection after the last cycle took (ms), when collectAfterCycle. */
  lastCollectMs?: number;

  constructor(private readonly deps: EstateRunnerDeps) {
    super();
    this.monitor = new Monitor({ inventory: deps.inventory, poller: deps.poller, store: deps.store, secrets: deps.secrets, clock: deps.clock, logger: deps.logger, metrics: deps.metrics });
    this.lease = new PollLease({ stateDir: deps.store.dir, kind: deps.kind, clock: deps.clock, logger: deps.logger, heartbeatMs: deps.leaseHeartbeatMs, staleMs: deps.leaseStaleMs });
    this.delivery = attachDelivery(this.monitor, {
      stateDir: deps.store.dir, inventory: deps.inventory, secrets: deps.secrets, clock: deps.clock, logger: deps.logger, events: deps.store,
      onEvents: (ev) => {
        deps.onDeliveryEvents?.(ev);
        this.refresh();
      },
      lease: pollLeaseDelivery(this.lease, deps.store.dir),
    });
    this.acks = new AckStore(deps.store.dir);
    this.monitor.on('polling', (d) => this.emit('polling', d));
    this.monitor.on('events', (ev) => deps.metrics?.archiveEvents?.(ev));
    this.monitor.on('cycle', (r) => {
      this.emit('cycle', r);
      // Once the cycle's job is over (setImmediate: after the scheduler has taken its end time), so that the
      // collection never counts against the cycle's interval.
      if (deps.collectAfterCycle) setImmediate(() => this.emit('collected', (this.lastCollectMs = collectGarbage())));
      this.refresh();
    });
    this.lease.on('acquired', () => {
      this.monitor.start();
      this.delivery.wake(); // pending notifications go out now, not after the delivery's next lease check
      this.armJanitor();
      void this.lease.holder().then((h) => this.emit('lease', true, h));
    });
    this.lease.on('lost', (h) => {
      void this.monitor.stop();
      this.janitorTimer?.cancel();
      this.emit('lease', false, h);
    });
    this.lease.on('request', (r) => {
      this.deps.logger.info(`poll requested${r.by ? ` by ${r.by}` : ''}${r.device ? ` for ${r.device}` : ''}`);
      if (r.device === undefined) return this.monitor.trigger('poll');
      const d = this.findDevice(r.device);
      if (!d) return this.deps.logger.warn(`poll request for unknown device "${r.device}" ignored`);
      void this.monitor.pollDevices([d]).catch((err) => this.deps.logger.error(`poll of ${r.device} failed: ${(err as Error).message}`));
    });
  }

  get stateDir(): string {
    return this.deps.store.dir;
  }

  get holding(): boolean {
    return this.lease.holding;
  }

  /** The device records as last read (the holder's results, or devices.json as followed). */
  get devices(): ReadonlyMap<string, DeviceRecord> {
    return this.records;
  }

  findDevice(wanted: string): Device | undefined {
    const w = wanted.toLowerCase();
    return this.deps.inventory().devices.find((x) => deviceKey(x) === w || x.name?.toLowerCase() === w || x.host.toLowerCase() === w);
  }

  async start(): Promise<void> {
    this.started = true;
    // Events already in the log are history, not news: start following at its end.
    this.eventsOffset = (await fs.stat(this.eventsFile).catch(() => undefined))?.size ?? 0;
    await this.refreshNow();
    const every = this.deps.followMs ?? 250;
    for (const f of [this.devicesFile, this.eventsFile, this.acks.file]) watchFile(f, { interval: every, persistent: false }, () => this.refresh());
    await this.lease.start();
    if (!this.lease.holding) this.emit('lease', false, await this.lease.holder());
  }

  async stop(): Promise<void> {
    this.started = false;
    for (const f of [this.devicesFile, this.eventsFile, this.acks.file]) unwatchFile(f);
    this.janitorTimer?.cancel();
    await this.monitor.stop();
    await this.delivery.stop();
    await this.lease.stop();
    await this.refreshing;
  }

  /** "Poll now": this process polls when it holds the lease, otherwise the holder is asked. */
  requestPoll(req: { device?: string; by?: string } = {}): Promise<'self' | 'holder'> {
    return this.lease.requestPoll(req);
  }

  private get devicesFile(): string {
    return path.join(this.deps.store.dir, 'devices.json');
  }

  private get eventsFile(): string {
    return path.join(this.deps.store.dir, 'events.jsonl');
  }

  /** Re-reads what changed; coalesced. */
  refresh(): void {
    if (this.refreshing) {
      this.again = true;
      return;
    }
    this.refreshing = this.refreshNow().catch((err) => this.deps.logger.warn(`state files: ${(err as Error).message}`)).finally(() => {
      this.refreshing = undefined;
      if (this.again && this.started) {
        this.again = false;
        this.refresh();
      }
    });
  }

  /** Resolves when the reads under way are done. */
  async settled(): Promise<void> {
    while (this.refreshing) await this.refreshing;
  }

  private async refreshNow(): Promise<void> {
    const ds = await fs.stat(this.devicesFile).catch(() => undefined);
    if (ds && ds.mtimeMs !== this.devicesMtime) {
      this.devicesMtime = ds.mtimeMs;
      this.records = await this.deps.store.loadDevices();
      this.emit('devices', this.records);
    }
    const es = await fs.stat(this.eventsFile).catch(() => undefined);
    const size = es?.size ?? 0;
    if (size < this.eventsOffset) this.eventsOffset = size; // pruned (rewritten shorter): nothing new
    if (size > this.eventsOffset) {
      const h = await fs.open(this.eventsFile, 'r');
      try {
        const buf = Buffer.alloc(size - this.eventsOffset);
        await h.read(buf, 0, buf.length, this.eventsOffset);
        // Only whole lines: a writer may be half-way through its append.
        const end = buf.lastIndexOf(0x0a);
        if (end >= 0) {
          this.eventsOffset += end + 1;
          const events: ParcEvent[] = [];
          for (const line of buf.subarray(0, end).toString('utf8').split('\n')) {
            if (!line) continue;
            try {
              events.push(JSON.parse(line) as ParcEvent);
            } catch {
              // a line cut by a crash
            }
          }
          if (events.length) this.emit('events', events);
        }
      } finally {
        await h.close();
      }
    }
    const as = await fs.stat(this.acks.file).catch(() => undefined);
    if ((as?.mtimeMs ?? 0) !== this.acksMtime) {
      this.acksMtime = as?.mtimeMs ?? 0;
      this.emit('acks');
    }
  }

  private armJanitor(): void {
    this.janitorTimer?.cancel();
    const j = this.deps.janitor;
    if (!j || !(j.everyMinutes > 0) || !this.lease.holding) return;
    this.janitorTimer = this.deps.clock.setTimeout(() => {
      if (!this.lease.holding) return;
      if (!this.janitorRunning) {
        this.janitorRunning = true;
        void j.run().catch((err) => this.deps.logger.error(`janitor: ${(err as Error).message}`)).finally(() => (this.janitorRunning = false));
      }
      this.armJanitor();
    }, j.everyMinutes * 60_000);
  }
}
