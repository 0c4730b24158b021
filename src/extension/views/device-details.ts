// The children of a device in the Devices view: System (description, location, model, version, serial, OS, vendor…),
// interfaces (status, in/out rate), storage (% used), Memory (pools), Health (processors, sensors), printer Supplies
// and UPS. A down device shows its error and when it last answered instead.
import * as vscode from 'vscode';
import type { Thresholds } from '../../core/inventory/types';
import type { DeviceReport } from '../../core/monitor/cycle';
import { sensorLevel, sensorText, supplyLevel, upsLevel, type Level } from '../../core/metrics/views/health-view';
import { osNameOf } from '../../core/poll/modules/inventory/os-name';
import type { DevicePoll, SensorInfo, SupplyInfo } from '../../core/poll/types';
import { formatBytes, formatRate, localTime } from './format';
import { translateError } from '../error-text';

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

const ICON_COLOUR: Record<Level, vscode.ThemeColor | undefined> = { ok: undefined, warning: AMBER, critical: RED };

function supplyText(x: SupplyInfo): string {
  if (x.levelPercent !== undefined) return `${x.levelPercent}%`;
  return x.levelText === 'someRemaining' ? vscode.l10n.t('some remaining') : vscode.l10n.t('unknown');
}

function upsStatusText(status: string): string {
  switch (status) {
    case 'online': return vscode.l10n.t('on line');
    case 'onBattery': return vscode.l10n.t('on battery');
    case 'bypass': return vscode.l10n.t('on bypass');
    case 'boost': return vscode.l10n.t('boosting (low input)');
    case 'trim': return vscode.l10n.t('trimming (high input)');
    case 'off': return vscode.l10n.t('output off');
    default: return vscode.l10n.t('unknown');
  }
}

function batteryText(status: string): string {
  switch (status) {
    case 'normal': return vscode.l10n.t('normal');
    case 'low': return vscode.l10n.t('low');
    case 'depleted': return vscode.l10n.t('depleted');
    case 'fault': return vscode.l10n.t('fault');
    case 'absent': return vscode.l10n.t('no battery');
    default: return vscode.l10n.t('unknown');
  }
}

export function deviceDetails(deviceId: string, key: string, r: DeviceReport, thresholds: Thresholds): DetailNode[] {
  const out: DetailNode[] = [];
  const at = (s: string) => `${deviceId}/${s}`;
  const sys = systemRows(r).map(([id, k, v]) => row(at(`inv/${id}`), key, k, v, new vscode.ThemeIcon(id === 'descr' ? 'note' : 'info'), 'detail+inventory', id === 'descr' ? r.sysDescr : undefined));
  if (sys.length) out.push(group(at('inv'), key, vscode.l10n.t('System'), 'server', sys));

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

  // Health: processors (named as the device names them), then sensors, those in alarm first.
  const health: DetailNode[] = r.processors.map((p) => {
    const over = p.loadPercent >= thresholds.processorPercent;
    return row(at(`cpu/${p.index}`), key, p.description ?? vscode.l10n.t('Processor {0}', p.index), `${p.loadPercent}%`, new vscode.ThemeIcon('pulse', over ? AMBER : undefined), 'detail+processor');
  });
  const mem = (r.mempools ?? []).map((m) => {
    const desc = m.usedPercent === undefined ? undefined : m.totalBytes ? vscode.l10n.t('{0}% of {1}', m.usedPercent, formatBytes(m.totalBytes)) : `${m.usedPercent}%`;
    const over = m.usedPercent !== undefined && m.usedPercent >= thresholds.memoryPercent;
    return row(at(`mem/${m.index}`), key, m.description, desc, new vscode.ThemeIcon('server-process', over ? AMBER : undefined), 'detail+memory', m.type);
  });
  if (mem.length) out.push(group(at('mem'), key, vscode.l10n.t('Memory'), 'server-process', mem));
  const rank: Record<Level, number> = { critical: 0, warning: 1, ok: 2 };
  const sensors = [...(r.sensors ?? [])].map((x) => ({ x, level: sensorLevel(x) })).sort((a, b) => rank[a.level] - rank[b.level]);
  for (const { x, level } of sensors) {
    const limits = [x.limitLow !== undefined ? `≥ ${x.limitLow}` : '', x.limitHigh !== undefined ? `≤ ${x.limitHigh}` : ''].filter(Boolean).join(' ');
    health.push(row(at(`sensor/${x.index}`), key, x.description, sensorText(x), new vscode.ThemeIcon(SENSOR_ICON[x.class] ?? 'dashboard', ICON_COLOUR[level]),
      `detail+sensor+${level}`, [x.class, limits].filter(Boolean).join(' · ')));
  }
  if (health.length) {
    const g = group(at('health'), key, vscode.l10n.t('Health'), 'heart', health);
    const alarms = sensors.filter((s) => s.level !== 'ok').length;
    if (alarms) g.item.description = vscode.l10n.t('{0} in alarm', alarms);
    out.push(g);
  }

  const supplies = (r.supplies ?? []).map((x) => {
    const level = x.type === 'paper' ? 'ok' : supplyLevel(x, thresholds);
    const icon = x.type === 'paper' ? 'file' : x.type === 'toner' || x.type === 'ink' ? 'symbol-color' : 'package';
    return row(at(`supply/${x.index}`), key, x.description, supplyText(x), new vscode.ThemeIcon(icon, ICON_COLOUR[level]), `detail+supply+${level}`,
      [x.colour, x.type, x.partNumber].filter(Boolean).join(' · '));
  });
  if (supplies.length) {
    const g = group(at('supplies'), key, vscode.l10n.t('Supplies'), 'symbol-color', supplies);
    const low = (r.supplies ?? []).filter((x) => supplyLevel(x, thresholds) !== 'ok').length;
    if (low) g.item.description = vscode.l10n.t('{0} low', low);
    out.push(g);
  }

  const u = r.ups;
  if (u) {
    const level = upsLevel(u, thresholds);
    const num = (v: number | undefined, unit: string) => (v === undefined ? undefined : `${Math.round(v * 10) / 10} ${unit}`);
    const rows: [string, string, string | undefined][] = [
      ['status', vscode.l10n.t('Status'), upsStatusText(u.status)],
      ['charge', vscode.l10n.t('Battery charge'), num(u.batteryChargePercent, '%')],
      ['runtime', vscode.l10n.t('Runtime'), num(u.runtimeMinutes, 'min')],
      ['load', vscode.l10n.t('Load'), num(u.loadPercent, '%')],
      ['input', vscode.l10n.t('Input voltage'), num(u.inputVoltage, 'V')],
      ['output', vscode.l10n.t('Output voltage'), num(u.outputVoltage, 'V')],
      ['temperature', vscode.l10n.t('Battery temperature'), num(u.batteryTemperatureC, '°C')],
      ['battery', vscode.l10n.t('Battery'), u.batteryStatus ? batteryText(u.batteryStatus) : undefined],
      ['replace', vscode.l10n.t('Replace battery'), u.replaceBattery === undefined ? undefined : u.replaceBattery ? vscode.l10n.t('yes') : vscode.l10n.t('no')],
    ];
    const children = rows.filter(([, , v]) => v).map(([id, k, v]) => row(at(`ups/${id}`), key, k, v,
      new vscode.ThemeIcon(id === 'status' ? 'plug' : id === 'charge' ? 'zap' : 'info', id === 'status' || id === 'charge' || (id === 'replace' && u.replaceBattery) ? ICON_COLOUR[level] : undefined), 'detail+ups'));
    const g = group(at('ups'), key, vscode.l10n.t('UPS'), 'zap', children);
    g.item.description = [upsStatusText(u.status), num(u.batteryChargePercent, '%')].filter(Boolean).join(' · ');
    g.item.iconPath = new vscode.ThemeIcon('zap', ICON_COLOUR[level]);
    out.push(g);
  }
  return out;
}

/** The vendor, unless it is only the SNMP agent's maker (Net-SNMP runs on every kind of system). */
export function shownVendor(r: Pick<DevicePoll, 'vendor'>): string | undefined {
  return r.vendor && !/^net-?snmp$/i.test(r.vendor) ? r.vendor : undefined;
}

/** The human OS name ("Cisco IOS 15.2(7)E9"), also for records stored before polls named it; never a bare code. */
export function shownOs(r: Pick<DevicePoll, 'os' | 'osName' | 'version' | 'hardware' | 'distro'>): string | undefined {
  return r.osName ?? osNameOf(r) ?? (r.os !== 'generic' ? r.os : undefined);
}

/** The System rows of a device: [id, label, value], only those it has. */
export function systemRows(r: DevicePoll): [string, string, string][] {
  const facts: [string, string, string | undefined][] = [
    ['descr', vscode.l10n.t('Description'), r.sysDescr?.split(/\r?\n/)[0]],
    ['location', vscode.l10n.t('Location'), r.sysLocation],
    ['model', vscode.l10n.t('Model'), r.hardware], ['version', vscode.l10n.t('Version'), r.version], ['serial', vscode.l10n.t('Serial'), r.serial],
    ['os', vscode.l10n.t('OS'), shownOs(r)], ['vendor', vscode.l10n.t('Vendor'), shownVendor(r)], ['distro', vscode.l10n.t('Distribution'), r.distro !== shownOs(r) ? r.distro : undefined],
    ['contact', vscode.l10n.t('Contact'), r.sysContact],
    ['pages', vscode.l10n.t('Page count'), r.pageCount?.toLocaleString(vscode.env.language)],
  ];
  return facts.filter((f): f is [string, string, string] => !!f[2]);
}

/** What a down device shows: why it is down, since when, and when it last answered. */
export function downDetails(deviceId: string, key: string, r: DeviceReport): DetailNode[] {
  const at = (s: string) => `${deviceId}/${s}`;
  const red = new vscode.ThemeIcon('error', RED);
  const out = [row(at('down/error'), key, vscode.l10n.t('Error'), r.error ? translateError(r.error, vscode.l10n) : vscode.l10n.t('no answer'), red, 'detail+down', r.error)];
  out.push(row(at('down/since'), key, vscode.l10n.t('Down since'), localTime(r.statusSince), new vscode.ThemeIcon('history'), 'detail+down'));
  out.push(row(at('down/seen'), key, vscode.l10n.t('Last seen'), r.lastSeen ? localTime(r.lastSeen) : vscode.l10n.t('never (it has not answered since it was added)'), new vscode.ThemeIcon('eye'), 'detail+down'));
  out.push(row(at('down/polled'), key, vscode.l10n.t('Last poll'), localTime(r.polledAt), new vscode.ThemeIcon('sync'), 'detail+down'));
  return out;
}

const SENSOR_ICON: Partial<Record<SensorInfo['class'], string>> = {
  temperature: 'flame', fanspeed: 'sync', voltage: 'zap', current: 'zap', power: 'zap', humidity: 'cloud', state: 'pulse', dbm: 'radio-tower', signal: 'radio-tower',
};
