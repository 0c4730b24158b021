// The device page as data: identity, status, graphs over a chosen range from the metric store,
// ports with their current rates, recent events. Pure apart from reading the store, so the
// webview and the tests build the same model.
import type { DevicePoll } from '../../poll/types';
import type { ParcEvent } from '../../state/types';
import { DS_UNITS, type SeriesInfo } from '../series';
import type { MetricStore } from '../store';
import { formatBytes } from '../../format';
import { formatSeconds, formatValue } from './format';
import { sensorLevel, sensorText, supplyLevel, upsLevel, type Level } from './health-view';
import type { Thresholds } from '../../inventory/types';
import { DEFAULT_THRESHOLDS } from '../../inventory/types';

export const RANGES = { '6h': 6 * 3600, '24h': 86400, '7d': 7 * 86400, '30d': 30 * 86400, '1y': 365 * 86400 } as const;
export type RangeName = keyof typeof RANGES;

export function isRange(x: unknown): x is RangeName {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(RANGES, x);
}

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface Chart {
  id: string;
  title: string;
  unit: string;
  /** Point times, epoch seconds (shared by the chart's series). */
  t: number[];
  series: ChartSeries[];
}

export interface PortRow {
  name: string;
  alias?: string;
  adminStatus: string;
  operStatus: string;
  speed: string;
  inRate: string;
  outRate: string;
}

/** One line of the Health section: a processor, memory pool, sensor, supply or UPS reading. */
export interface HealthRow {
  group: 'Processors' | 'Memory' | 'Sensors' | 'Supplies' | 'UPS';
  name: string;
  value: string;
  level: Level;
}

export interface DevicePageModel {
  key: string;
  name: string;
  status: 'up' | 'down' | 'unknown';
  statusSince?: string;
  identity: [string, string][];
  /** Model, serial, version, OS, vendor… ("-" where the device does not say). */
  inventory: [string, string][];
  health: HealthRow[];
  range: RangeName;
  archive?: string;
  charts: Chart[];
  ports: PortRow[];
  events: ParcEvent[];
  generatedAt: string;
}

export interface DevicePageInput {
  key: string;
  name: string;
  host: string;
  port: number;
  /** The last poll (from the state store), absent when never polled. */
  last?: DevicePoll;
  statusSince?: string;
  region: string;
  site: string;
  siteExplanation: string;
  events: ParcEvent[];
  store?: MetricStore;
  range: RangeName;
  /** Epoch ms. */
  now: number;
  /** At most this many interface traffic graphs (the busiest). */
  maxInterfaces?: number;
  /** For the Health section's colours; the defaults when absent. */
  thresholds?: Thresholds;
}

const MAX_POINTS = 1000;

export function devicePageModel(i: DevicePageInput): DevicePageModel {
  const last = i.last;
  const identity: [string, string][] = [
    ['Address', `${i.host}${i.port !== 161 ? `:${i.port}` : ''}`],
    ['sysName', last?.sysName ?? '-'],
    ['Location', last?.sysLocation ?? '-'],
    ['Site', `${i.region} › ${i.site}`],
    ['Why this site', i.siteExplanation || '-'],
    ['Uptime', last?.uptimeSeconds !== undefined ? formatSeconds(last.uptimeSeconds) : '-'],
    ['Last poll', last ? `${last.polledAt.replace('T', ' ').slice(0, 19)} UTC (${last.durationMs} ms)` : 'never'],
  ];
  if (last?.status === 'down' && last.error) identity.push(['Error', last.error]);
  const inventory: [string, string][] = [
    ['Model', last?.hardware ?? '-'],
    ['Serial', last?.serial ?? '-'],
    ['Version', last?.version ?? '-'],
    ['OS', [last?.osName ?? last?.os, last?.distro].filter(Boolean).join(' · ') || '-'],
    ['Vendor', last?.vendor ?? '-'],
  ];
  if (last?.pageCount !== undefined) inventory.push(['Page count', String(last.pageCount)]);
  const health = last && last.status === 'up' ? healthRows(last, i.thresholds ?? DEFAULT_THRESHOLDS) : [];

  const charts: Chart[] = [];
  let archive: string | undefined;
  if (i.store) {
    const to = Math.floor(i.now / 1000);
    const from = to - RANGES[i.range];
    const series = i.store.series({ device: i.key });
    const read = (s: SeriesInfo) => i.store!.read(s.id, { from, to, maxPoints: MAX_POINTS });
    const chart = (id: string, title: string, unit: string, list: { s: SeriesInfo; label: string }[]) => {
      const data = list.map((x) => ({ label: x.label, d: read(x.s) })).filter((x) => x.d && x.d.avg.some((v) => v !== null));
      if (!data.length) return;
      archive = data[0].d!.archive;
      charts.push({ id, title, unit, t: data[0].d!.t, series: data.map((x) => ({ label: x.label, values: x.d!.avg })) });
    };
    const dev = (ds: string) => series.filter((s) => s.entity === 'device' && s.ds === ds).map((s) => ({ s, label: ds }));
    chart('status', 'Availability', 'up', dev('status'));
    chart('poll', 'Poll latency', 'ms', [...dev('pollMs').map((x) => ({ ...x, label: 'poll time' })), ...dev('rttMs').map((x) => ({ ...x, label: 'SNMP round trip' }))]);
    // Interfaces: the busiest first (by current traffic), up to maxInterfaces graphs.
    const ifs = new Map<string, { label: string; in?: SeriesInfo; out?: SeriesInfo }>();
    for (const s of series) {
      if (!s.entity.startsWith('if:') || (s.ds !== 'inBps' && s.ds !== 'outBps')) continue;
      const e = ifs.get(s.entity) ?? { label: s.label };
      if (s.ds === 'inBps') e.in = s;
      else e.out = s;
      ifs.set(s.entity, e);
    }
    const current = new Map((last?.interfaces ?? []).map((x) => [`if:${x.ifIndex}`, { name: x.name, rate: (x.inBps ?? 0) + (x.outBps ?? 0) }]));
    const ordered = [...ifs.entries()].sort((a, b) => (current.get(b[0])?.rate ?? 0) - (current.get(a[0])?.rate ?? 0) || a[1].label.localeCompare(b[1].label, undefined, { numeric: true }));
    for (const [entity, e] of ordered.slice(0, i.maxInterfaces ?? 16)) {
      const label = current.get(entity)?.name ?? e.label;
      chart(`traffic-${entity}`, `Traffic ${label}`, 'bit/s', [e.in && { s: e.in, label: 'in' }, e.out && { s: e.out, label: 'out' }].filter((x): x is { s: SeriesInfo; label: string } => !!x));
    }
    chart('storage', 'Storage used', '%', series.filter((s) => s.ds === 'usedPercent').map((s) => ({ s, label: s.label })));
    chart('cpu', 'Processor load', '%', series.filter((s) => s.ds === 'load' && s.entity.startsWith('cpu:')).map((s) => ({ s, label: s.label })));
    // Health: one chart per sensor class, supply levels, the UPS's charge and load, its runtime.
    const sensorSeries = series.filter((s) => s.entity.startsWith('sensor:') && s.ds !== 'state');
    for (const cls of [...new Set(sensorSeries.map((s) => s.ds))].sort()) {
      chart(`sensor-${cls}`, SENSOR_TITLES[cls] ?? cls, DS_UNITS[cls] ?? '', sensorSeries.filter((s) => s.ds === cls).map((s) => ({ s, label: s.label })));
    }
    chart('supplies', 'Supply levels', '%', series.filter((s) => s.entity.startsWith('supply:')).map((s) => ({ s, label: s.label })));
    const ups = (ds: string, label: string) => series.filter((s) => s.entity === 'ups' && s.ds === ds).map((s) => ({ s, label }));
    chart('ups', 'UPS battery and load', '%', [...ups('charge', 'charge'), ...ups('load', 'load')]);
    chart('ups-runtime', 'UPS runtime', 'min', ups('runtime', 'runtime'));
    chart('ups-voltage', 'UPS voltage', 'V', [...ups('inputVoltage', 'input'), ...ups('outputVoltage', 'output')]);
    chart('pages', 'Pages printed', 'pages', series.filter((s) => s.entity === 'printer' && s.ds === 'pages').map((s) => ({ s, label: 'pages' })));
  }

  const ports: PortRow[] = (last?.interfaces ?? []).map((x) => ({
    name: x.name, alias: x.alias, adminStatus: x.adminStatus, operStatus: x.operStatus,
    speed: x.speedBps ? formatValue(x.speedBps, 'bit/s') : '-', inRate: formatValue(x.inBps, 'bit/s'), outRate: formatValue(x.outBps, 'bit/s'),
  }));
  return {
    key: i.key, name: i.name, status: last ? last.status : 'unknown', statusSince: i.statusSince, identity, inventory, health, range: i.range, archive, charts, ports,
    events: i.events.slice(0, 50), generatedAt: new Date(i.now).toISOString(),
  };
}

const SENSOR_TITLES: Record<string, string> = {
  temperature: 'Temperature', fanspeed: 'Fan speed', voltage: 'Voltage', current: 'Current', power: 'Power', humidity: 'Humidity',
  frequency: 'Frequency', dbm: 'Optical power', percent: 'Percent', runtime: 'Runtime', load: 'Load', charge: 'Charge',
  airflow: 'Airflow', pressure: 'Pressure', signal: 'Signal', count: 'Count',
};

function healthRows(r: DevicePoll, th: Thresholds): HealthRow[] {
  const rows: HealthRow[] = [];
  for (const p of r.processors) rows.push({ group: 'Processors', name: p.description ?? `Processor ${p.index}`, value: `${p.loadPercent}%`, level: p.loadPercent >= th.processorPercent ? 'warning' : 'ok' });
  for (const m of r.mempools ?? []) {
    rows.push({ group: 'Memory', name: m.description, value: m.usedPercent === undefined ? '-' : `${m.usedPercent}%${m.totalBytes ? ` of ${formatBytes(m.totalBytes)}` : ''}`, level: 'ok' });
  }
  for (const s of r.sensors ?? []) rows.push({ group: 'Sensors', name: s.description, value: sensorText(s), level: sensorLevel(s) });
  for (const s of r.supplies ?? []) {
    const v = s.levelPercent !== undefined ? `${s.levelPercent}%` : s.levelText === 'someRemaining' ? 'some remaining' : 'unknown';
    rows.push({ group: 'Supplies', name: s.description, value: v, level: s.type === 'paper' ? 'ok' : supplyLevel(s, th) });
  }
  const u = r.ups;
  if (u) {
    const level = upsLevel(u, th);
    const n = (v: number | undefined, unit: string) => (v === undefined ? undefined : `${Math.round(v * 10) / 10} ${unit}`);
    const add = (name: string, value: string | undefined, l: Level = 'ok') => value !== undefined && rows.push({ group: 'UPS', name, value, level: l });
    add('Status', u.status, u.status === 'onBattery' || u.status === 'bypass' || u.status === 'off' ? level : 'ok');
    add('Battery charge', n(u.batteryChargePercent, '%'), level === 'critical' ? 'critical' : 'ok');
    add('Runtime', n(u.runtimeMinutes, 'min'));
    add('Load', n(u.loadPercent, '%'));
    add('Input voltage', n(u.inputVoltage, 'V'));
    add('Output voltage', n(u.outputVoltage, 'V'));
    add('Battery temperature', n(u.batteryTemperatureC, '°C'));
    add('Battery', u.batteryStatus);
    add('Replace battery', u.replaceBattery === undefined ? undefined : u.replaceBattery ? 'yes' : 'no', u.replaceBattery ? 'warning' : 'ok');
  }
  return rows;
}

export { DS_UNITS };
