// Open alerts (from the core's reading of the event log) plus what the user decided about them:
// acknowledgements and device mutes (maintenance windows), kept in the workspace's state.
import * as vscode from 'vscode';
import { openAlerts, type Alert } from '../core/monitor/alerts';
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

  constructor(
    private readonly estate: Estate,
    private readonly state: vscode.Memento,
  ) {
    this.disposables.push(estate.onDidRaiseEvents(() => this.changed.fire()), estate.onDidChangeDevices(() => this.changed.fire()));
    this.armExpiry();
  }

  /** Open alerts, newest first. */
  open(): AlertView[] {
    const acked = new Set(this.state.get<string[]>(ACKS, []));
    return openAlerts(this.estate.events, Date.now()).map((a) => ({ ...a, acknowledged: acked.has(a.id), muted: a.event.device !== undefined && this.isMuted(a.event.device) }));
  }

  /** Open alerts that still want attention: not acknowledged, device not muted. */
  active(): AlertView[] {
    return this.open().filter((a) => !a.acknowledged && !a.muted);
  }

  async acknowledge(id: string): Promise<void> {
    const openIds = new Set(this.open().map((a) => a.id));
    // Forget acknowledgements of alerts that have closed, so the list does not grow forever.
    const acked = this.state.get<string[]>(ACKS, []).filter((x) => openIds.has(x));
    if (!acked.includes(id)) acked.push(id);
    await this.state.update(ACKS, acked);
    this.changed.fire();
  }

  mutedUntil(key: string): number | undefined {
    const until = this.state.get<Record<string, number>>(MUTES, {})[key];
    return until !== undefined && until > Date.now() ? until : undefined;
  }

  isMuted(key: string): boolean {
    return this.mutedUntil(key) !== undefined;
  }

  async mute(key: string, minutes: number): Promise<void> {
    const mutes = this.liveMutes();
    mutes[key] = Date.now() + minutes * 60_000;
    await this.state.update(MUTES, mutes);
    this.armExpiry();
    this.changed.fire();
  }

  async unmute(key: string): Promise<void> {
    const mutes = this.liveMutes();
    delete mutes[key];
    await this.state.update(MUTES, mutes);
    this.armExpiry();
    this.changed.fire();
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
