// Open alerts (from the core's reading of the event log) plus what the user decided about them:
// acknowledgements and device mutes (maintenance windows), kept in the workspace's state and written
// through to the state directory's alerts-state.json, which `parc alerts` and the delivery engine share
// (an acknowledgement there stops repeats and escalation; a mute there silences delivery).
import * as vscode from 'vscode';
import { openAlerts, type Alert } from '../core/monitor/alerts';
import { AckStore } from '../core/notify/acks';
import type { Mute } from '../core/notify/windows';
import type { Estate } from './estate';

const ACKS = 'parc.acknowledged';
const MUTES = 'parc.mutes';

export interface AlertView extends Alert {
  acknowledged: boolean;
  muted: boolean;
}

export class AlertsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private expiry?: NodeJS.Timeout;
  /** What the shared file holds (acknowledged and muted from the CLI or another window). */
  private shared: { acks: Set<string>; mutes: Mute[] } = { acks: new Set(), mutes: [] };

  constructor(
    private readonly estate: Estate,
    private readonly state: vscode.Memento,
  ) {
    this.disposables.push(estate.onDidRaiseEvents(() => void this.reloadShared()), estate.onDidChangeDevices(() => void this.reloadShared()));
    this.armExpiry();
  }

  private get store(): AckStore | undefined {
    return this.estate.stateDir ? new AckStore(this.estate.stateDir) : undefined;
  }

  /** Rereads the shared acknowledgements and mutes, then refreshes the views. */
  async reloadShared(): Promise<void> {
    try {
      const s = await this.store?.read();
      this.shared = { acks: new Set(s?.acks.keys() ?? []), mutes: s?.mutes ?? [] };
    } catch {
      // an unreadable file is reported by the CLI; the editor keeps its own state
    }
    this.changed.fire();
  }

  /** Open alerts, newest first. */
  open(): AlertView[] {
    const remote = this.estate.remote;
    if (remote) return remote.alerts.filter((a) => a.open).map((a) => ({ id: a.id, event: a.event, acknowledged: a.acknowledged !== null, muted: a.muted }));
    const acked = new Set([...this.state.get<string[]>(ACKS, []), ...this.shared.acks]);
    return openAlerts(this.estate.events, Date.now()).map((a) => ({ ...a, acknowledged: acked.has(a.id), muted: a.event.device !== undefined && this.isMuted(a.event.device) }));
  }

  /** Open alerts that still want attention: not acknowledged, device not muted. */
  active(): AlertView[] {
    return this.open().filter((a) => !a.acknowledged && !a.muted);
  }

  async acknowledge(id: string): Promise<void> {
    if (this.estate.remote) return this.estate.remote.acknowledge(id);
    const openIds = new Set(this.open().map((a) => a.id));
    // Forget acknowledgements of alerts that have closed, so the list does not grow forever.
    const acked = this.state.get<string[]>(ACKS, []).filter((x) => openIds.has(x));
    if (!acked.includes(id)) acked.push(id);
    await this.state.update(ACKS, acked);
    await this.store?.acknowledge([id], Date.now(), 'vscode', openIds);
    await this.reloadShared();
  }

  mutedUntil(key: string): number | undefined {
    const remote = this.estate.remote;
    if (remote) {
      const until = Math.max(0, ...remote.mutes.filter((m) => m.scope === 'device' && m.value.toLowerCase() === key.toLowerCase()).map((m) => Date.parse(m.until)));
      return until > Date.now() ? until : undefined;
    }
    const mine = this.state.get<Record<string, number>>(MUTES, {});
    const own = Object.hasOwn(mine, key) ? mine[key] : undefined;
    const shared = this.shared.mutes.filter((m) => m.scope === 'device' && m.value.toLowerCase() === key.toLowerCase()).map((m) => m.until);
    const until = Math.max(own ?? 0, ...shared);
    return until > Date.now() ? until : undefined;
  }

  isMuted(key: string): boolean {
    return this.mutedUntil(key) !== undefined;
  }

  async mute(key: string, minutes: number): Promise<void> {
    if (this.estate.remote) return this.estate.remote.mute(key, minutes);
    const mutes = this.liveMutes();
    mutes[key] = Date.now() + minutes * 60_000;
    await this.state.update(MUTES, mutes);
    await this.store?.mute({ scope: 'device', value: key, until: mutes[key], by: 'vscode' }, Date.now());
    this.armExpiry();
    await this.reloadShared();
  }

  async unmute(key: string): Promise<void> {
    if (this.estate.remote) return this.estate.remote.unmute(key);
    const mutes = this.liveMutes();
    delete mutes[key];
    await this.state.update(MUTES, mutes);
    await this.store?.unmute('device', key, Date.now());
    this.armExpiry();
    await this.reloadShared();
  }

  private liveMutes(): Record<string, number> {
    const now = Date.now();
    return Object.fromEntries(Object.entries(this.state.get<Record<string, number>>(MUTES, {})).filter(([, until]) => until > now));
  }

  /** Refreshes the views when the next mute ends. */
  private armExpiry(): void {
    clearTimeout(this.expiry);
    const next = Math.min(...Object.values(this.liveMutes()));
    if (Number.isFinite(next)) this.expiry = setTimeout(() => {
      this.changed.fire();
      this.armExpiry();
    }, Math.min(next - Date.now() + 50, 2 ** 31 - 1));
  }

  dispose(): void {
    clearTimeout(this.expiry);
    this.disposables.forEach((d) => d.dispose());
  }
}
