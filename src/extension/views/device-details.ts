// The children of a device in the Devices view: interfaces (status, in/out rate), storage (% used),
// processors, and the snmpd extend data (distro, hardware, vendor, serial).
import * as vscode from 'vscode';
import type { Thresholds } from '../../core/inventory/types';
import type { DeviceReport } from '../../core/monitor/cycle';
import { formatBytes, formatRate } from './format';

export interface DetailNode {
  kind: 'detail';
  id: string;
  deviceKey: string;
  /** Group rows have children rows. */
  children?: DetailNode[];
  item: vscode.TreeItem;
}

function row(id: string, deviceKey: string, label: string, description: string | undefined, icon: vscode.ThemeIcon, contextValue: string, tooltip?: string): DetailNode {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = description;
  item.iconPath = icon;
  item.contextValue = contextValue;
  item.tooltip = tooltip;
  return { kind: 'detail', id, deviceKey, item };
}

function group(id: string, deviceKey: string, label: string, icon: string, children: DetailNode[]): DetailNode {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = id;
  item.description = String(children.length);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = 'detailGroup';
  return { kind: 'detail', id, deviceKey, item, children };
}

const GREEN = new vscode.ThemeColor('testing.iconPassed');
const RED = new vscode.ThemeColor('testing.iconFailed');
const AMBER = new vscode.ThemeColor('list.warningForeground');

export function deviceDetails(deviceId: string, key: string, r: DeviceReport, thresholds: Thresholds): DetailNode[] {
  const out: DetailNode[] = [];
  const at = (s: string) => `${deviceId}/${s}`;
  const extend: [string, string | undefined][] = [
    [vscode.l10n.t('Distribution'), r.distro], [vscode.l10n.t('Hardware'), r.hardware], [vscode.l10n.t('Vendor'), r.vendor], [vscode.l10n.t('Serial'), r.serial],
    [vscode.l10n.t('OS'), r.os], [vscode.l10n.t('Contact'), r.sysContact],
  ];
  const sys = extend.filter(([, v]) => v).map(([k, v]) => row(at(`sys/${k}`), key, k, v, new vscode.ThemeIcon('info'), 'detail+system'));
  if (sys.length) out.push(group(at('sys'), key, vscode.l10n.t('System'), 'server', sys));

  const ifs = r.interfaces.map((i) => {
    const up = i.operStatus === 'up';
    const color = up ? GREEN : i.adminStatus === 'up' ? RED : undefined;
    const rate = up ? `↓ ${formatRate(i.inBps)} ↑ ${formatRate(i.outBps)}` : undefined;
    const tip = [i.descr, i.alias, i.speedBps ? `${formatRate(i.speedBps)}` : undefined, i.mac].filter(Boolean).join(' · ');
    return row(at(`if/${i.ifIndex}`), key, i.name, [i.operStatus, rate].filter(Boolean).join(' · '), new vscode.ThemeIcon(up ? 'arrow-swap' : 'debug-disconnect', color), 'detail+interface', tip || undefined);
  });
  if (ifs.length) out.push(group(at('if'), key, vscode.l10n.t('Interfaces'), 'plug', ifs));

  const disks = r.storage.filter((s) => s.sizeBytes > 0).map((s) => {
    const over = s.usedPercent !== undefined && s.usedPercent >= thresholds.storagePercent;
    const desc = s.usedPercent === undefined ? formatBytes(s.sizeBytes) : vscode.l10n.t('{0}% of {1}', s.usedPercent, formatBytes(s.sizeBytes));
    return row(at(`st/${s.index}`), key, s.description, desc, new vscode.ThemeIcon('database', over ? AMBER : undefined), 'detail+storage', s.type);
  });
  if (disks.length) out.push(group(at('st'), key, vscode.l10n.t('Storage'), 'database', disks));

  const cpus = r.processors.map((p) => {
    const over = p.loadPercent >= thresholds.processorPercent;
    return row(at(`cpu/${p.index}`), key, p.description ?? vscode.l10n.t('Processor {0}', p.index), `${p.loadPercent}%`, new vscode.ThemeIcon('pulse', over ? AMBER : undefined), 'detail+processor');
  });
  if (cpus.length) out.push(group(at('cpu'), key, vscode.l10n.t('Processors'), 'circuit-board', cpus));
  return out;
}
