// The estate of a `parc serve`: a full read over REST on connect (and after every reconnect: the
// stream does not replay what was missed), then kept live by the SSE stream. Polls nothing itself;
// actions are POSTs that the server runs under the logged-in user's name and role.
import * as vscode from 'vscode';
import { deviceKey, type Device, type Inventory } from '../../core/inventory/types';
import { inventoryFromApi } from '../../core/remote/inventory';
import type { CycleResult } from '../../core/monitor/cycle';
import { snapshotOf } from '../../core/monitor/snapshot';
import type {
  AlertInfo, AlertsResponse, DeviceDetail, DeviceSummary, EventsResponse, HelloEvent, HistoryResponse, InventoryResponse, JanitorRunResponse,
  MuteInfo, PollAccepted, Role, SessionsResponse, UserInfo, ActionResult,
} from '../../core/remote/api-types';
import { roleAllows } from '../../core/remote/api-types';
import type { ParcClient } from '../../core/remote/client';
import { ParcStream, type StreamState } from '../../core/remote/stream';
import type { ParcEvent } from '../../core/state/types';
import { isAlert } from '../../core/metrics/event-archive';
import type { DeviceState } from '../estate';
import type { EstateSource } from './source';

const EVENT_LIMIT = 500;

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

/** One alert's new state and how it arrived: pushed by the server's stream, or the answer to this window's own request. */
export interface AlertChange {
  alert: AlertInfo;
  via: 'stream' | 'answer';
}

/** The dashboard shows the alerts of the last day (as the local event archive keeps them). */
const ALERT_WINDOW_MS = 86_400_000;

export class RemoteEstate implements EstateSource {
  private readonly devicesChanged = new vscode.EventEmitter<string[]>();
  readonly onDidChangeDevices = this.devicesChanged.event;
  private readonly eventsChanged = new vscode.EventEmitter<ParcEvent[]>();
  readonly onDidRaiseEvents = this.eventsChanged.event;
  private readonly delivered = new vscode.EventEmitter<void>();
  readonly onDidDeliver = this.delivered.event;
  private readonly alertsChanged = new vscode.EventEmitter<AlertChange | undefined>();
  /** Alerts or mutes changed (acknowledged or muted here, in another window, or in the browser). */
  readonly onDidChangeAlerts = this.alertsChanged.event;
  private readonly connectionChanged = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChangeConnection = this.connectionChanged.event;
  private readonly sessionsChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeSessions = this.sessionsChanged.event;
  private readonly emitters = [this.devicesChanged, this.eventsChanged, this.delivered, this.alertsChanged, this.connectionChanged, this.sessionsChanged];

  private _inventory?: Inventory;
  private devices = new Map<string, DeviceState>();
  private summaries = new Map<string, DeviceSummary>();
  private _events: ParcEvent[] = [];
  private _alertEvents: ParcEvent[] = [];
  private _alerts: AlertInfo[] = [];
  private _mutes: MuteInfo[] = [];
  private _sessions?: SessionsResponse;
  private stream: ParcStream;
  private syncing: Promise<void> = Promise.resolve();
  private _state: ConnectionState = 'reconnecting';
  /** When the shown data was last known current (epoch ms): the last resync or stream message. */
  private _freshAt?: number;
  private serverStart?: string;
  private pendingDetails = new Map<string, Promise<void>>();
  lastError?: string;
  readonly remote = this;

  constructor(
    readonly client: ParcClient,
    readonly user: UserInfo,
    private readonly log: { info(m: string): void; warn(m: string): void },
  ) {
    this.stream = new ParcStream(client);
    this.stream.on('state', (s: StreamState, err?: string) => this.onStreamState(s, err));
    this.stream.on('hello', (h: HelloEvent) => {
      const restarted = this.serverStart !== undefined && this.serverStart !== h.serverStart;
      this.serverStart = h.serverStart;
      this.log.info(`server stream open (${h.version}${restarted ? ', server restarted' : ''}): resynchronising`);
      void this.resync();
    });
    this.stream.on('device', (d: DeviceSummary) => this.onDevice(d));
    this.stream.on('event', (e: ParcEvent) => this.onEvent(e));
    this.stream.on('alert', (a: AlertInfo) => this.onAlert(a, 'stream'));
    this.stream.on('message', () => (this._freshAt = Date.now()));
    this.stream.on('fatal', (e: Error) => {
      this.lastError = e.message;
      this.log.warn(`server stream refused: ${e.message}`);
      this.setState('offline');
    });
  }

  /** Reads everything, then opens the stream (whose hello triggers the resyncs after reconnects). */
  async start(): Promise<void> {
    await this.resync();
    this.stream.start();
  }

  get role(): Role {
    return this.user.role;
  }

  can(need: Role): boolean {
    return roleAllows(this.user.role, need);
  }

  get state(): ConnectionState {
    return this._state;
  }

  get freshAt(): number | undefined {
    return this._freshAt;
  }

  get url(): string {
    return this.client.base.origin;
  }

  private setState(s: ConnectionState): void {
    if (s === this._state) return;
    this._state = s;
    this.connectionChanged.fire(s);
  }

  private onStreamState(s: StreamState, err?: string): void {
    if (err) this.lastError = err;
    if (s === 'open') this.setState('connected');
    else if (s === 'reconnecting' || s === 'connecting') this.setState('reconnecting');
    else if (s === 'closed') this.setState('offline');
  }

  get inventory(): Inventory | undefined {
    return this._inventory;
  }

  settled(): Promise<void> {
    return this.syncing;
  }

  list(): DeviceState[] {
    return [...this.devices.values()];
  }

  get(key: string): DeviceState | undefined {
    return this.devices.get(key);
  }

  summary(key: string): DeviceSummary | undefined {
    return this.summaries.get(key);
  }

  get events(): ParcEvent[] {
    return this._events;
  }

  /** Alert events (warning, critical) since `since` (epoch ms), newest first: the dashboard's "last 24 h". */
  alertEvents(since: number): ParcEvent[] {
    return this._alertEvents.filter((e) => Date.parse(e.time) >= since);
  }

  get alerts(): AlertInfo[] {
    return this._alerts;
  }

  get mutes(): MuteInfo[] {
    return this._mutes;
  }

  get metrics(): undefined {
    return undefined;
  }

  get delivery(): undefined {
    return undefined;
  }

  get stateDir(): undefined {
    return undefined;
  }

  get monitoring(): boolean {
    return false;
  }

  isFirstPollDown(): boolean {
    return false;
  }

  /** Full read: inventory, devices (with their last poll), events, alerts. */
  resync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.doResync()).catch((e: Error) => {
      this.lastError = e.message;
      this.log.warn(`cannot read the server's estate: ${e.message}`);
    });
    return this.syncing;
  }

  private async doResync(): Promise<void> {
    const [inv, summaries, events, alerts, day] = await Promise.all([
      this.client.get<InventoryResponse>('/api/inventory'),
      this.client.get<DeviceSummary[]>('/api/devices'),
      this.client.get<EventsResponse>(`/api/events?limit=${EVENT_LIMIT}`),
      this.client.get<AlertsResponse>('/api/alerts'),
      this.client.get<EventsResponse>(`/api/events?${new URLSearchParams({ since: new Date(Date.now() - ALERT_WINDOW_MS).toISOString(), limit: '10000' })}`),
    ]);
    this._sessions = await this.client.get<SessionsResponse>('/api/sessions').catch(() => this._sessions);
    const details = await Promise.all(summaries.map((s) => this.client.get<DeviceDetail>(`/api/devices/${encodeURIComponent(s.id)}`).catch(() => undefined)));
    this._inventory = inventoryFromApi(inv);
    const byId = new Map(details.filter((d): d is DeviceDetail => !!d).map((d) => [d.id, d]));
    const next = new Map<string, DeviceState>();
    this.summaries = new Map(summaries.map((s) => [s.id, s]));
    for (const d of this._inventory.devices) {
      const key = deviceKey(d);
      next.set(key, this.stateOf(d, byId.get(key), this.summaries.get(key)));
    }
    const changed = new Set([...next.keys(), ...this.devices.keys()]);
    this.devices = next;
    this._events = events;
    this._alertEvents = day.filter(isAlert);
    this._alerts = alerts.alerts;
    this._mutes = alerts.mutes;
    this._freshAt = Date.now();
    this.devicesChanged.fire([...changed]);
    this.eventsChanged.fire([]);
    this.alertsChanged.fire(undefined);
  }

  private stateOf(d: Device, detail: DeviceDetail | undefined, summary: DeviceSummary | undefined): DeviceState {
    const rec = detail?.record ? { last: detail.record.last, lastUp: detail.record.lastUp, statusSince: detail.record.statusSince } : undefined;
    const snap = snapshotOf(this._inventory!, d, rec);
    // The server placed the device (it may have used DNS): show its region and site.
    const region = summary?.region ?? snap.region;
    const site = summary?.site ?? snap.site;
    const report = snap.report && { ...snap.report, region, site };
    return { ...snap, region, site, report, polling: false };
  }

  private onDevice(s: DeviceSummary): void {
    this.summaries.set(s.id, s);
    const d = this._inventory?.devices.find((x) => deviceKey(x) === s.id);
    if (!d) {
      // A device the inventory we hold does not know: parc.yaml changed on the server.
      void this.resync();
      return;
    }
    // The summary says what changed; the page needs the full record: fetch it (one at a time per device).
    const prev = this.pendingDetails.get(s.id) ?? Promise.resolve();
    const next = prev.then(async () => {
      const detail = await this.client.get<DeviceDetail>(`/api/devices/${encodeURIComponent(s.id)}`).catch(() => undefined);
      this.devices.set(s.id, this.stateOf(d, detail, this.summaries.get(s.id)));
      this.devicesChanged.fire([s.id]);
    });
    this.pendingDetails.set(s.id, next);
    void next.finally(() => this.pendingDetails.get(s.id) === next && this.pendingDetails.delete(s.id));
  }

  private onEvent(e: ParcEvent): void {
    this._events = [e, ...this._events].slice(0, EVENT_LIMIT);
    if (isAlert(e)) this._alertEvents = [e, ...this._alertEvents.filter((x) => Date.parse(x.time) >= Date.now() - ALERT_WINDOW_MS)];
    this.eventsChanged.fire([e]);
  }

  private onAlert(a: AlertInfo, via: AlertChange['via']): void {
    const i = this._alerts.findIndex((x) => x.id === a.id);
    if (i >= 0) this._alerts[i] = a;
    else this._alerts.unshift(a);
    this.alertsChanged.fire({ alert: a, via });
  }

  private async reloadAlerts(): Promise<void> {
    const r = await this.client.get<AlertsResponse>('/api/alerts');
    this._alerts = r.alerts;
    this._mutes = r.mutes;
    this.alertsChanged.fire(undefined);
  }

  // ---- actions (the server checks the role; the UI disables what the role forbids) ----

  async poll(devices?: Device[]): Promise<CycleResult | undefined> {
    if (!devices) await this.client.post<PollAccepted>('/api/poll', {});
    else for (const d of devices) await this.client.post<PollAccepted>('/api/poll', { device: deviceKey(d) });
    for (const d of devices ?? this._inventory?.devices ?? []) {
      const st = this.devices.get(deviceKey(d));
      if (st) st.polling = true;
    }
    this.devicesChanged.fire((devices ?? this._inventory?.devices ?? []).map(deviceKey));
    return undefined;
  }

  async acknowledge(id: string): Promise<void> {
    const a = await this.client.post<AlertInfo>(`/api/alerts/${encodeURIComponent(id)}/ack`, {});
    // The answer may predate the server's reread of the acknowledgements; the stream brings the final state.
    if (a?.acknowledged) this.onAlert(a, 'answer');
  }

  async mute(device: string, minutes: number): Promise<void> {
    await this.client.post<MuteInfo>('/api/mutes', { device, minutes, reason: 'VS Code' });
    await this.reloadAlerts();
  }

  async unmute(device: string): Promise<void> {
    const ids = this._mutes.filter((m) => m.scope === 'device' && m.value.toLowerCase() === device.toLowerCase()).map((m) => m.id);
    for (const id of ids) await this.client.delete(`/api/mutes/${encodeURIComponent(id)}`);
    await this.reloadAlerts();
  }

  history(device: string, from: Date, to: Date, step?: number): Promise<HistoryResponse> {
    const q = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), ...(step ? { step: String(step) } : {}) });
    return this.client.get<HistoryResponse>(`/api/history/${encodeURIComponent(device)}?${q}`);
  }

  get sessions(): SessionsResponse | undefined {
    return this._sessions;
  }

  async refreshSessions(): Promise<SessionsResponse> {
    this._sessions = await this.client.get<SessionsResponse>('/api/sessions');
    this.sessionsChanged.fire();
    return this._sessions;
  }

  sessionAction(host: string, id: number, action: 'logoff' | 'disconnect' | 'message', text?: string): Promise<ActionResult> {
    return this.client.post<ActionResult>(`/api/sessions/${encodeURIComponent(host)}/${id}/${action}`, text !== undefined ? { text } : {});
  }

  janitor(dryRun: boolean): Promise<JanitorRunResponse> {
    return this.client.post<JanitorRunResponse>('/api/janitor/run', { dryRun });
  }

  dispose(): void {
    this.stream.stop();
    this.emitters.forEach((e) => e.dispose());
  }
}
