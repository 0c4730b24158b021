// The extension's live view of the estate: every inventory device with its last known state, kept
// current by the core's Monitor (scheduler + poller + shared .parc/ store) running in the extension host.
import * as vscode from 'vscode';
import { stateDirFor } from '../core/inventory/file';
import { deviceKey, type Device, type Inventory } from '../core/inventory/types';
import type { CycleResult } from '../core/monitor/cycle';
import { Monitor } from '../core/monitor/monitor';
import { attachDelivery } from '../core/notify/attach';
import type { DeliveryEngine } from '../core/notify/engine';
import { snapshotFromReport, snapshotOf, type DeviceSnapshot } from '../core/monitor/snapshot';
import { EnginePoller } from '../core/poll/engine';
import { intervalsFromMinutes } from '../core/schedule/scheduler';
import { FileStateStore } from '../core/state/file-store';
import type { ParcEvent } from '../core/state/types';
import { systemClock } from '../core/host';
import { MetricRecorder, metricsDirFor } from '../core/metrics/recorder';
import { effectiveSchedule, readConfig } from './config';
import type { InventoryService } from './inventory-service';
import type { ChannelLogger } from './log';
import type { ExtensionSecrets } from './secrets';
import { networkAllowed } from './trust';
import type { EstateSource } from './remote-estate/source';
import { LeaseFollower } from './lease-follow';
import { readPollLease, requestPoll, type PollRequest } from '../core/schedule/poll-lease';

/** What views and commands are given: the local estate or a server's (see remote-estate/switch.ts). */
export type Estate = EstateSource;

export interface DeviceState extends DeviceSnapshot {
  polling: boolean;
}

const EVENT_LIMIT = 500;

export class LocalEstate implements EstateSource {
  private readonly devicesChanged = new vscode.EventEmitter<string[]>();
  /** Keys of devices whose state changed (added, removed, polled, moved). */
  readonly onDidChangeDevices = this.devicesChanged.event;
  private readonly eventsChanged = new vscode.EventEmitter<ParcEvent[]>();
  /** Fires with the new events after they are stored; `events` is already reloaded. */
  readonly onDidRaiseEvents = this.eventsChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.devicesChanged, this.eventsChanged];
  private devices = new Map<string, DeviceState>();
  private monitor?: Monitor;
  private engine?: DeliveryEngine;
  private readonly delivered = new vscode.EventEmitter<void>();
  /** Fires when the delivery engine has sent (or failed to send) messages. */
  readonly onDidDeliver = this.delivered.event;
  private store?: FileStateStore;
  private recorder?: MetricRecorder;
  private _events: ParcEvent[] = [];
  /** Devices whose poll in the cycle being reported was their first ever (no earlier record). */
  private readonly firstPolled = new Set<string>();
  /** "down" events of a first poll: how the device was found, not a change (no notification for them). */
  private readonly firstPollDowns = new WeakSet<ParcEvent>();
  private running = false;
  /** True while the window shows a server's estate: this one stays loaded but polls nothing. */
  private suspended = false;
  /** The estate's poll lease: this window polls only while holding it, else follows the holder. */
  private gate?: LeaseFollower;
  /** The last lease check started by startOrStop (settled() waits for it, so `monitoring` is decided). */
  private leaseCheck: Promise<unknown> = Promise.resolve();
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly inventories: InventoryService,
    private readonly secrets: ExtensionSecrets,
    private readonly log: ChannelLogger,
  ) {
    this.disposables.push(
      inventories.onDidChange((inv) => {
        this.applying = this.applying.then(() => this.apply(inv)).catch((e) => this.log.error(`cannot apply the inventory: ${(e as Error).message}`));
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.startOrStop()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('parc.schedule') || e.affectsConfiguration('parc.monitoring')) this.startOrStop();
      }),
    );
  }

  get inventory(): Inventory | undefined {
    return this.inventories.inventory;
  }

  /** Resolves when the latest parc.yaml change has been applied. */
  settled(): Promise<void> {
    return this.applying;
  }

  /** Devices in inventory order. */
  list(): DeviceState[] {
    return [...this.devices.values()];
  }

  get(key: string): DeviceState | undefined {
    return this.devices.get(key);
  }

  /** Newest first. */
  get events(): ParcEvent[] {
    return this._events;
  }

  /** Metric history and event/alert archive (.parc/metrics), for the device page and the dashboard. */
  get metrics(): MetricRecorder | undefined {
    return this.recorder;
  }

  /** Alert delivery (e-mail, Teams, Slack, webhooks) for this estate's state directory. */
  get delivery(): DeliveryEngine | undefined {
    return this.engine;
  }

  get stateDir(): string | undefined {
    return this.store?.dir;
  }

  get monitoring(): boolean {
    return this.running;
  }

  /** Polls now (all devices by default) and resolves with the result; undefined when not allowed. */
  async poll(devices?: Device[]): Promise<CycleResult | undefined> {
    if (!networkAllowed(vscode.l10n.t('Poll now'))) return undefined;
    if (!this.monitor) throw new Error(vscode.l10n.t('There is no valid parc.yaml in this workspace.'));
    // Another process polls this estate: ask it (its results arrive through the followed state files).
    const holder = this.gate && !this.gate.holding ? await readPollLease(this.gate.stateDir) : undefined;
    if (holder && holder.id !== this.gate!.lease.id) {
      for (const d of devices ?? [undefined]) await requestPoll(this.gate!.stateDir, { ...(d ? { device: deviceKey(d) } : {}), by: 'vscode' });
      this.log.info(`poll now handed to the poller of this estate (${holder.kind} pid ${holder.pid} on ${holder.host})`);
      return undefined;
    }
    return this.monitor.pollDevices(devices);
  }

  private async apply(inv: Inventory | undefined): Promise<void> {
    if (!inv) {
      this.gate?.dispose();
      this.gate = undefined;
      await this.monitor?.stop();
      await this.engine?.stop();
      this.monitor = undefined;
      this.engine = undefined;
      this.store = undefined;
      this.recorder?.close();
      this.recorder = undefined;
      const gone = [...this.devices.keys()];
      this.devices.clear();
      this.running = false;
      this.devicesChanged.fire(gone);
      return;
    }
    const dir = stateDirFor(inv);
    if (!this.store || this.store.dir !== dir) {
      await this.monitor?.stop();
      await this.engine?.stop();
      this.running = false;
      this.store = new FileStateStore(dir);
      this.recorder?.close();
      this.recorder = new MetricRecorder(metricsDirFor(dir), systemClock, this.log, { eventDays: inv.schedule.eventRetentionDays, alertDays: 365 });
      this.gate?.dispose();
      this.gate = new LeaseFollower(dir, this.log, {
        changed: () => this.startOrStop(),
        request: (r) => this.served(r),
        stateChanged: () => (this.applying = this.applying.then(() => this.followHolder()).catch((e) => this.log.warn(`following the poller: ${(e as Error).message}`))),
        acksChanged: () => this.eventsChanged.fire([]),
      });
      this.monitor = this.createMonitor(this.store);
    }
    const records = await this.store.loadDevices();
    const next = new Map<string, DeviceState>();
    const changed: string[] = [];
    for (const d of inv.devices) {
      const key = deviceKey(d);
      const old = this.devices.get(key);
      let snap = snapshotOf(inv, d, records.get(key));
      // A poll of this session placed the device with DNS too (host names in a site's subnet): keep that
      // placement while neither the poll nor the device's explicit site changed.
      if (old?.report && snap.report?.polledAt === old.report.polledAt && old.device.site === d.site) {
        snap = { ...snap, region: old.region, site: old.site, siteExplanation: old.siteExplanation, report: { ...old.report } };
      }
      const state: DeviceState = { ...snap, device: d, polling: old?.polling ?? false };
      next.set(key, state);
      if (!old || signature(old) !== signature(state)) changed.push(key);
    }
    for (const key of this.devices.keys()) if (!next.has(key)) changed.push(key);
    this.devices = next;
    await this.reloadEvents();
    if (changed.length) this.devicesChanged.fire(changed);
    this.startOrStop();
    await this.leaseCheck;
  }

  private createMonitor(store: FileStateStore): Monitor {
    const m = new Monitor({
      inventory: () => this.inventories.inventory!,
      poller: new EnginePoller(() => this.inventories.inventory, this.secrets),
      store,
      secrets: this.secrets,
      clock: systemClock,
      logger: this.log,
      metrics: this.recorder,
    });
    m.on('polling', (devices) => {
      const keys = devices.map(deviceKey).filter((k) => this.devices.has(k));
      for (const k of keys) this.devices.get(k)!.polling = true;
      if (keys.length) this.devicesChanged.fire(keys);
    });
    m.on('events', (events) => this.recorder?.archiveEvents(events));
    this.engine = attachDelivery(m, {
      stateDir: store.dir, inventory: () => this.inventories.inventory!, secrets: this.secrets, clock: systemClock, logger: this.log, events: store, lease: this.gate?.delivery(),
      onEvents: (events) => void this.reloadEvents().then(() => this.eventsChanged.fire(events)),
      onDelivered: () => this.delivered.fire(),
    });
    m.on('cycle', (result) => {
      const keys: string[] = [];
      this.firstPolled.clear();
      for (const r of result.devices) {
        const old = this.devices.get(r.key);
        if (!old) continue;
        if (!old.report) this.firstPolled.add(r.key);
        const state: DeviceState = { ...snapshotFromReport(old.device, r), polling: false };
        this.devices.set(r.key, state);
        keys.push(r.key);
      }
      if (keys.length) this.devicesChanged.fire(keys);
    });
    m.on('events', (events) => {
      // The monitor emits a cycle's events right after the cycle itself.
      for (const e of events) if (e.type === 'down' && e.device && this.firstPolled.has(e.device)) this.firstPollDowns.add(e);
      this.firstPolled.clear();
      void this.reloadEvents().then(() => this.eventsChanged.fire(events));
    });
    return m;
  }

  /** A follower's "poll now" (this window holds the lease). */
  private served(r: PollRequest): void {
    const inv = this.inventories.inventory;
    if (!this.monitor || !inv) return;
    const want = r.device?.toLowerCase();
    const devices = want === undefined ? undefined : inv.devices.filter((d) => deviceKey(d) === want || d.host.toLowerCase() === want || d.name?.toLowerCase() === want);
    if (devices && !devices.length) return this.log.warn(`poll request ${r.id} from ${r.by ?? 'another process'}: no device ${r.device}`);
    this.log.info(`poll request from ${r.by ?? 'another process'}: ${r.device ?? 'the whole estate'}`);
    void this.monitor.pollDevices(devices).catch((e) => this.log.warn(`requested poll: ${(e as Error).message}`));
  }

  /** The holder rewrote the state files: show its results, and raise the events it appended. */
  private async followHolder(): Promise<void> {
    const before = this._events[0];
    await this.apply(this.inventories.inventory);
    const same = before && JSON.stringify(before);
    const i = same ? this._events.findIndex((e) => JSON.stringify(e) === same) : this._events.length;
    const fresh = i < 0 ? this._events : this._events.slice(0, i);
    if (fresh.length) this.eventsChanged.fire(fresh);
  }

  /** True for the "down" event of a device that has never answered before (first poll after it was added). */
  isFirstPollDown(e: ParcEvent): boolean {
    return this.firstPollDowns.has(e);
  }

  private async reloadEvents(): Promise<void> {
    this._events = (await this.store?.readEvents({ limit: EVENT_LIMIT })) ?? [];
  }

  /** Stops (or resumes) this window's own polling while a server's estate is shown. */
  suspend(on: boolean): void {
    this.suspended = on;
    this.startOrStop();
  }

  /** Runs the scheduler when the workspace is trusted, monitoring is on and there is an inventory. */
  private startOrStop(): void {
    const inv = this.inventories.inventory;
    const cfg = readConfig();
    if (!this.monitor || !inv) return;
    this.monitor.scheduler.setIntervals(intervalsFromMinutes(effectiveSchedule(inv.schedule, cfg)));
    const want = vscode.workspace.isTrusted && cfg.monitoring && !this.suspended;
    // Wanting to monitor means competing for the lease; holding it means polling (see lease-follow.ts).
    this.leaseCheck = (want ? this.gate?.start() : this.gate?.stop())?.catch(() => undefined) ?? Promise.resolve();
    const run = want && (this.gate?.holding ?? true);
    if (run && !this.running) {
      this.running = true;
      this.log.info(`monitoring started: polls every ${effectiveSchedule(inv.schedule, cfg).pollMinutes} min`);
      this.monitor.start();
    } else if (!run && this.running) {
      this.running = false;
      void this.monitor.stop();
      this.log.info('monitoring stopped');
    }
    if (!vscode.workspace.isTrusted) this.log.info('Restricted Mode: Parc shows the inventory but does not poll');
  }

  dispose(): void {
    this.gate?.dispose();
    void this.monitor?.stop();
    void this.engine?.stop();
    this.delivered.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** What the views show of a device; a change here is what makes its tree item refresh. */
export function signature(s: DeviceState): string {
  const r = s.report;
  return JSON.stringify([s.region, s.site, s.polling, s.device.name, s.device.line, r?.status, r?.polledAt, r?.error, r?.sysName]);
}
