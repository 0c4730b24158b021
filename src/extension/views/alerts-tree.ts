// The Alerts view: open alerts newest first (acknowledged and muted ones dimmed, each with where it was
// delivered), the delivery log (what was sent where), then the event log.
import * as vscode from 'vscode';
import type { DeliveryRecord } from '../../core/notify/store';
import type { ParcEvent, Severity } from '../../core/state/types';
import type { DeliveryLog } from '../delivery';
import type { AlertView, AlertsService } from '../alerts-service';
import type { Estate } from '../estate';
import { ago, localTime, md } from './format';

export interface AlertGroupNode { kind: 'group'; id: 'alerts' | 'log' | 'deliveries' }
export interface AlertNode { kind: 'alert'; id: string; alert: AlertView }
export interface EventNode { kind: 'event'; id: string; event: ParcEvent }
export interface DeliveryNode { kind: 'delivery'; id: string; record: DeliveryRecord }
export type AlertsNode = AlertGroupNode | AlertNode | EventNode | DeliveryNode;

const LOG_ROWS = 200;

export function severityIcon(s: Severity, dim = false): vscode.ThemeIcon {
  if (dim) return new vscode.ThemeIcon(s === 'critical' ? 'error' : s === 'warning' ? 'warning' : 'info', new vscode.ThemeColor('disabledForeground'));
  switch (s) {
    case 'critical': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    default: return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

function eventTooltip(e: ParcEvent): vscode.MarkdownString {
  const t = new vscode.MarkdownString('', true);
  t.appendMarkdown(`**${md(e.message)}**\n\n`);
  t.appendMarkdown(`${md(localTime(e.time))} · ${md(e.type)} · ${md(e.severity)}`);
  if (e.deviceName) t.appendMarkdown(`  \n${md(vscode.l10n.t('Device'))}: ${md(e.deviceName)}`);
  return t;
}

export class AlertsTreeProvider implements vscode.TreeDataProvider<AlertsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AlertsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly alertsGroup: AlertGroupNode = { kind: 'group', id: 'alerts' };
  readonly logGroup: AlertGroupNode = { kind: 'group', id: 'log' };
  readonly deliveriesGroup: AlertGroupNode = { kind: 'group', id: 'deliveries' };

  constructor(
    private readonly alerts: AlertsService,
    private readonly estate: Estate,
    private readonly deliveries?: DeliveryLog,
  ) {
    this.disposables.push(alerts.onDidChange(() => {
      this.changed.fire(this.alertsGroup);
      this.changed.fire(this.logGroup);
    }));
    if (deliveries) this.disposables.push(deliveries.onDidChange(() => this.changed.fire(undefined)));
    // "5 minutes ago" keeps true between polls.
    const tick = setInterval(() => this.changed.fire(this.alertsGroup), 30_000);
    this.disposables.push({ dispose: () => clearInterval(tick) });
  }

  private deliveryItem(r: DeliveryRecord, id: string): vscode.TreeItem {
    const what = r.kind === 'test' ? vscode.l10n.t('test message') : vscode.l10n.t('{0} alert(s)', r.alertIds.length);
    const item = new vscode.TreeItem(`${r.ok ? '✓' : '✗'} ${r.transport} · ${r.kind} · ${what}`, vscode.TreeItemCollapsibleState.None);
    item.id = id;
    item.description = localTime(r.time);
    item.iconPath = new vscode.ThemeIcon(r.ok ? 'mail' : 'warning', r.ok ? undefined : new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = r.ok ? `${r.receipt ?? ''}` : vscode.l10n.t('Failed (attempt {0}): {1}', r.attempts, r.error ?? '');
    item.contextValue = `delivery+${r.ok ? 'ok' : 'failed'}`;
    return item;
  }

  /** "→ oncall ✓, teams ✗": where an alert's messages went. */
  private deliveredTo(alertId: string): string | undefined {
    const seen = new Map<string, boolean>();
    for (const r of this.deliveries?.forAlert(alertId) ?? []) if (!seen.has(r.transport)) seen.set(r.transport, r.ok);
    return seen.size ? `→ ${[...seen].map(([t, ok]) => `${t} ${ok ? '✓' : '✗'}`).join(', ')}` : undefined;
  }

  getTreeItem(n: AlertsNode): vscode.TreeItem {
    if (n.kind === 'delivery') return this.deliveryItem(n.record, n.id);
    if (n.kind === 'group' && n.id === 'deliveries') {
      const item = new vscode.TreeItem(vscode.l10n.t('Delivered'), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = 'group:deliveries';
      item.description = String(this.deliveries?.records.length ?? 0);
      item.iconPath = new vscode.ThemeIcon('send');
      item.contextValue = 'deliveryLog';
      return item;
    }
    if (n.kind === 'group') {
      const isAlerts = n.id === 'alerts';
      const count = isAlerts ? this.alerts.active().length : this.estate.events.length;
      const item = new vscode.TreeItem(isAlerts ? vscode.l10n.t('Open alerts') : vscode.l10n.t('Event log'), isAlerts ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${n.id}`;
      item.description = String(count);
      item.iconPath = new vscode.ThemeIcon(isAlerts ? 'bell' : 'history');
      item.contextValue = isAlerts ? 'alertGroup' : 'eventLog';
      return item;
    }
    if (n.kind === 'alert') {
      const a = n.alert;
      const item = new vscode.TreeItem(a.event.message, vscode.TreeItemCollapsibleState.None);
      item.id = n.id;
      const flags = [a.acknowledged && vscode.l10n.t('acknowledged'), a.muted && vscode.l10n.t('muted')].filter(Boolean);
      item.description = [ago(a.event.time), ...flags, this.deliveredTo(a.id)].filter(Boolean).join(' · ');
      item.iconPath = a.acknowledged ? new vscode.ThemeIcon('check', new vscode.ThemeColor('disabledForeground')) : severityIcon(a.event.severity, a.muted);
      item.contextValue = ['alert', a.acknowledged ? 'acknowledged' : 'open', a.muted ? 'muted' : 'unmuted', a.event.device ? 'device' : 'estate'].join('+');
      item.tooltip = eventTooltip(a.event);
      return item;
    }
    const e = n.event;
    const item = new vscode.TreeItem(e.message, vscode.TreeItemCollapsibleState.None);
    item.id = n.id;
    item.description = localTime(e.time);
    item.iconPath = severityIcon(e.severity);
    item.contextValue = `event+${e.type}`;
    item.tooltip = eventTooltip(e);
    return item;
  }

  getChildren(n?: AlertsNode): AlertsNode[] {
    if (!n) return this.deliveries ? [this.alertsGroup, this.deliveriesGroup, this.logGroup] : [this.alertsGroup, this.logGroup];
    if (n.kind !== 'group') return [];
    if (n.id === 'deliveries') return (this.deliveries?.records ?? []).map((record, i) => ({ kind: 'delivery', id: `delivery:${record.time}|${record.transport}|${record.kind}|${i}`, record }));
    if (n.id === 'alerts') {
      const open = this.alerts.open();
      // Ones still wanting attention first, each part newest first.
      const order = [...open.filter((a) => !a.acknowledged && !a.muted), ...open.filter((a) => a.acknowledged || a.muted)];
      return order.map((alert) => ({ kind: 'alert', id: `alert:${alert.id}`, alert }));
    }
    // Ids from the event itself (not its position), so rows keep their identity when new events arrive.
    const seen = new Map<string, number>();
    return this.estate.events.slice(0, LOG_ROWS).map((event) => {
      const base = `event:${event.time}|${event.type}|${event.device ?? ''}|${event.entity ?? ''}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return { kind: 'event', id: n > 1 ? `${base}#${n}` : base, event };
    });
  }

  getParent(n: AlertsNode): AlertsNode | undefined {
    return n.kind === 'alert' ? this.alertsGroup : n.kind === 'event' ? this.logGroup : n.kind === 'delivery' ? this.deliveriesGroup : undefined;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
