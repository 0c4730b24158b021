// How regions, sites and devices look in the Devices view: status icons, descriptions, Markdown tooltips,
// and contextValue flags (gitlens style: "device+down+muted") that menus match with `viewItem =~ /\bdevice\b/`.
import * as vscode from 'vscode';
import { deviceLabel } from '../../core/inventory/types';
import { deviceSummary } from '../../core/metrics/views/health-view';
import { UNASSIGNED } from '../../core/sites/resolve';
import type { DeviceState } from '../estate';
import { shownOs } from './device-details';
import { ago, formatUptime, localTime, md } from './format';
import { formatDuration } from '../../core/format';
import { bootTime } from '../../core/time-format';
import { translateError } from '../error-text';

export type DeviceStatus = 'up' | 'down' | 'never' | 'polling';

export function statusOf(s: DeviceState): DeviceStatus {
  if (s.polling) return 'polling';
  return s.report?.status ?? 'never';
}

export function statusText(status: DeviceStatus): string {
  switch (status) {
    case 'up': return vscode.l10n.t('up');
    case 'down': return vscode.l10n.t('down');
    case 'polling': return vscode.l10n.t('polling');
    default: return vscode.l10n.t('never polled');
  }
}

export function statusIcon(status: DeviceStatus): vscode.ThemeIcon {
  switch (status) {
    case 'up': return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed'));
    case 'down': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'polling': return new vscode.ThemeIcon('sync~spin');
    default: return new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('disabledForeground'));
  }
}

export function displayName(s: DeviceState): string {
  return s.device.name ?? s.report?.sysName ?? deviceLabel(s.device);
}

export function address(s: DeviceState): string {
  return s.device.port === 161 ? s.device.host : `${s.device.host}:${s.device.port}`;
}

export function deviceItem(s: DeviceState, id: string, mutedUntil: number | undefined): vscode.TreeItem {
  const status = statusOf(s);
  const r = s.report;
  const item = new vscode.TreeItem(displayName(s), r ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.iconPath = statusIcon(status);
  // model · version · uptime (the OS when the device names neither); the sysName when it differs from the label,
  // the address when the device is not up (both are in the tooltip too).
  const parts = [r?.sysName && r.sysName !== item.label ? r.sysName : r?.status === 'up' ? undefined : address(s), ...(r ? deviceSummary(r) : []), r?.status === 'up' && status !== 'polling' ? formatUptime(r.uptimeSeconds) : statusText(status)];
  if (mutedUntil) parts.push(vscode.l10n.t('muted'));
  item.description = parts.filter(Boolean).join(' · ');
  item.contextValue = ['device', r?.status ?? 'never', mutedUntil ? 'muted' : 'unmuted'].join('+');
  item.accessibilityInformation = { label: `${displayName(s)}, ${statusText(status)}` };
  item.tooltip = deviceTooltip(s, status, mutedUntil);
  return item;
}

function deviceTooltip(s: DeviceState, status: DeviceStatus, mutedUntil: number | undefined): vscode.MarkdownString {
  const r = s.report;
  const t = new vscode.MarkdownString('', true);
  t.appendMarkdown(`**${md(displayName(s))}** — ${md(address(s))} — $(${statusIcon(status).id.replace('~spin', '')}) ${md(statusText(status))}\n\n`);
  if (r?.sysDescr) t.appendCodeblock(r.sysDescr, 'text');
  const rows: [string, string | undefined][] = [
    [vscode.l10n.t('Model'), r?.hardware],
    [vscode.l10n.t('Serial'), r?.serial],
    [vscode.l10n.t('Version'), r ? shownOs(r) ?? r.version : undefined],
    [vscode.l10n.t('Location'), r?.sysLocation],
    [vscode.l10n.t('Site'), `${s.region} / ${s.site}`],
    [vscode.l10n.t('Why this site'), s.siteExplanation],
    [vscode.l10n.t('Last poll'), r ? `${localTime(r.polledAt)} (${r.durationMs} ms)` : vscode.l10n.t('never')],
    // When Parc first saw the current status (not the device's boot: that is beside the uptime).
    [r?.status === 'down' ? vscode.l10n.t('Seen down since') : vscode.l10n.t('Seen up since'), r ? `${localTime(r.statusSince)} (${ago(r.statusSince)})` : undefined],
    [vscode.l10n.t('Uptime'), r?.status === 'up' && r.uptimeSeconds !== undefined ? vscode.l10n.t('{0} (booted {1})', formatDuration(r.uptimeSeconds), localTime(bootTime(r.uptimeSeconds, r.polledAt))) : undefined],
    [vscode.l10n.t('Last seen'), r?.status === 'down' ? (r.lastSeen ? localTime(r.lastSeen) : vscode.l10n.t('never')) : undefined],
    [vscode.l10n.t('Last error'), r?.error && translateError(r.error, vscode.l10n)],
    [vscode.l10n.t('Muted until'), mutedUntil ? localTime(new Date(mutedUntil).toISOString()) : undefined],
  ];
  for (const [k, v] of rows) if (v) t.appendMarkdown(`${md(k)}: ${md(v)}  \n`);
  return t;
}

export function groupItem(kind: 'region' | 'site', label: string, id: string, devices: DeviceState[]): vscode.TreeItem {
  const item = new vscode.TreeItem(label === UNASSIGNED ? vscode.l10n.t('Unassigned') : label, vscode.TreeItemCollapsibleState.Expanded);
  item.id = id;
  item.contextValue = kind;
  const down = devices.filter((d) => d.report?.status === 'down').length;
  item.iconPath = new vscode.ThemeIcon(kind === 'region' ? 'globe' : 'location', down ? new vscode.ThemeColor('testing.iconFailed') : undefined);
  item.description = down ? vscode.l10n.t('{0} down', down) : undefined;
  item.tooltip = vscode.l10n.t('{0} device(s), {1} down', devices.length, down);
  return item;
}
