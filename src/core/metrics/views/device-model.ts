// The device page as data: identity, status, graphs over a chosen range from the metric store,
// ports with their current rates, recent events. Pure apart from reading the store, so the
// webview and the tests build the same model.
import type { DevicePoll } from '../../poll/types';
import type { ParcEvent } from '../../state/types';
import { DS_UNITS, type SeriesInfo } from '../series';
import type { MetricStore } from '../store';

/** What the page reads from the metric store: the local one, or the server's history over the API. */
export type MetricReader = Pick<MetricStore, 'series' | 'read'>;
import { formatBytes } from '../../format';
import { formatSeconds, formatValue } from './format';
import { sensorLevel, sensorText, supplyLevel, upsLevel, type Level } from './health-view';
import type { Thresholds } from '../../inventory/types';
import { DEFAULT_THRESHOLDS } from '../../inventory/types';
import { bootTime, makeTimeFormatter, type TimeFormatter } from '../../time-format';
import { clientStrings, english, type Translate } from './strings';

export const RANGES = { '1h': 3600, '6h': 6 * 3600, '24h': 86400, '7d': 7 * 86400, '30d': 30 * 86400, '1y': 365 * 86400 } as const;
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
  /** No point in the range yet: the page says it is collecting data. */
  empty?: boolean;
  /** Indexes of points where the device answered but no rate was kept (counter reset or above link speed). */
  dropped?: number[];
}

export interface PortRow {
  name: string;
  alias?: string;
  adminStatus: string;
  operStatus: string;
  speed: string;
  inRate: string;
  outRate: string;
  /** Why a rate is missing on a port that is up (tooltip). */
  rateNote?: string;
}

/** One line of the Health section: a processor, memory pool, sensor, supply or UPS reading. */
export interface HealthRow {
  group: 'Processors' | 'Memory' | 'Sensors' | 'Supplies' | 'UPS';
  name: string;
  value: string;
  level: Level;
}

/** A label, its text, and (for moments) the epoch ms the page shows as "3 minutes ago", kept current. */
export type IdentityRow = [string, string] | [string, string, number];

export interface DevicePageModel {
  key: string;
  name: string;
  status: 'up' | 'down' | 'unknown';
  statusSince?: string;
  /** "seen up since Dec 1, 2026, 9:48 PM UTC": when Parc first saw the current status. */
  statusSinceText?: string;
  identity: IdentityRow[];
  /** Model, serial, version, OS, vendor… ("-" where the device does not say). */
  inventory: [string, string][];
  health: HealthRow[];
  range: RangeName;
  /** The range was picked by the data (the user has not chosen one). */
  rangeAuto: boolean;
  archive?: string;
  charts: Chart[];
  ports: PortRow[];
  events: ParcEvent[];
  generatedAt: string;
  /** For the page's own formatting (charts, relative times): the display language and time zone. */
  locale: string;
  timeZone: string;
  /** Translated words the page script needs. */
  strings: Record<string, string>;
  /** Translated static words of the page (headings), by English text. */
  labels: Record<string, string>;
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
  store?: MetricReader;
  /** Absent: the range that has data (6 h until there is more). */
  range?: RangeName;
  /** Epoch ms. */
  now: number;
  /** At most this many interface traffic graphs (the busiest). */
  maxInterfaces?: number;
  /** For the Health section's colours; the defaults when absent. */
  thresholds?: Thresholds;
  /** Words in the display language (English when absent). */
  t?: Translate;
  /** Dates in the display language and local zone (English, this machine's zone when absent). */
  times?: TimeFormatter;
}

const MAX_POINTS = 1000;

/** Range that shows the data there is: 1 h in the first hour (a fresh install's few points fill it), 6 h until the
 * history is longer, then 24 h; longer ones if only old data. */
export function defaultRange(store: MetricReader | undefined, key: string, now: number): RangeName {
  const status = store?.series({ device: key }).find((s) => s.entity === 'device' && s.ds === 'status');
  if (!store || !status) return '1h';
  const to = Math.floor(now / 1000);
  const known = (range: RangeName) => {
    const d = store.read(status.id, { from: to - RANGES[range], to, maxPoints: 400 });
    return d ? d.t.filter((_, i) => d.avg[i] !== null) : [];
  };
  // The last day at 5-minute resolution: how far back the history goes.
  const day = known('24h');
  if (day.length) {
    const age = to - day[0];
    return age > RANGES['6h'] ? '24h' : age >= RANGES['1h'] ? '6h' : '1h';
  }
  // Only older data (a device not polled for days): the shortest range that reaches its newest point.
  const year = known('1y');
  if (!year.length) return '1h';
  const age = to - year[year.length - 1];
  return (Object.keys(RANGES) as RangeName[]).find((r) => RANGES[r] > age) ?? '1y';
}

export function devicePageModel(i: DevicePageInput): DevicePageModel {
  const last = i.last;
  const t = i.t ?? english;
  const tf = i.times ?? makeTimeFormatter('en');
  const range = i.range ?? defaultRange(i.store, i.key, i.now);
  const identity: IdentityRow[] = [
    [t('Address'), `${i.host}${i.port !== 161 ? `:${i.port}` : ''}`],
    ['sysName', last?.sysName ?? '-'],
    [t('Location'), last?.sysLocation ?? '-'],
    [t('Site'), `${i.region} › ${i.site}`],
    [t('Why this site'), i.siteExplanation || '-'],
  ];
  // The device's own uptime, with the boot moment it implies (not when Parc first saw it up).
  if (last?.uptimeSeconds !== undefined) {
    const boot = bootTime(last.uptimeSeconds, last.polledAt);
    identity.push([t('Uptime'), t('{0} (booted {1})', formatSeconds(last.uptimeSeconds), tf.dateTime(boot))]);
  } else identity.push([t('Uptime'), '-']);
  if (last) identity.push([t('Last poll'), `${tf.dateTime(last.polledAt)} (${last.durationMs} ms)`, Date.parse(last.polledAt)]);
  else identity.push([t('Last poll'), t('never')]);
  if (last && i.statusSince) identity.push([last.status === 'down' ? t('Seen down since') : t('Seen up since'), tf.dateTime(i.statusSince), Date.parse(i.statusSince)]);
  if (last?.status === 'down' && last.error) identity.push([t('Error'), last.error]);
  const inventory: [string, string][] = [
    [t('Model'), last?.hardware ?? '-'],
    [t('Serial'), last?.serial ?? '-'],
    [t('Version'), last?.version ?? '-'],
    ['OS', [last?.osName ?? last?.os, last?.distro].filter(Boolean).join(' · ') || '-'],
    [t('Vendor'), last?.vendor ?? '-'],
  ];
  if (last?.pageCount !== undefined) inventory.push([t('Page count'), last.pageCount.toLocaleString(tf.locale)]);
  const health = last && last.status === 'up' ? healthRows(last, i.thresholds ?? DEFAULT_THRESHOLDS) : [];

  const charts: Chart[] = [];
  let archive: string | undefined;
  if (i.store) {
    const to = Math.floor(i.now / 1000);
    const from = to - RANGES[range];
    const series = i.store.series({ device: i.key });
    const read = (s: SeriesInfo) => i.store!.read(s.id, { from, to, maxPoints: MAX_POINTS });
    const statusSeries = series.find((s) => s.entity === 'device' && s.ds === 'status');
    const statusData = statusSeries ? read(statusSeries) : undefined;
    const upAt = new Map<number, boolean>();
    statusData?.t.forEach((x, k) => statusData.avg[k] !== null && upAt.set(x, statusData.avg[k]! > 0.5));
    const chart = (id: string, title: string, unit: string, list: { s: SeriesInfo; label: string }[]) => {
      if (!list.length) return;
      const all = list.map((x) => ({ label: x.label, d: read(x.s) })).filter((x) => x.d);
      const data = all.filter((x) => x.d!.avg.some((v) => v !== null));
      // Known series with no point in this range yet: an empty chart that says why.
      if (!data.length) {
        charts.push({ id, title, unit, t: [], series: list.map((x) => ({ label: x.label, values: [] })), empty: true });
        return;
      }
      archive = data[0].d!.archive;
      const c: Chart = { id, title, unit, t: data[0].d!.t, series: data.map((x) => ({ label: x.label, values: x.d!.avg })) };
      if (unit === 'bit/s') {
        const dropped = c.t.map((x, k) => (upAt.get(x) && c.series.some((s) => s.values[k] === null) ? k : -1)).filter((k) => k >= 0);
        if (dropped.length) c.dropped = dropped;
      }
      charts.push(c);
    };
    const dev = (ds: string) => series.filter((s) => s.entity === 'device' && s.ds === ds).map((s) => ({ s, label: ds }));
    chart('status', t('Availability'), 'up', dev('status'));
    chart('poll', t('Poll latency'), 'ms', [...dev('pollMs').map((x) => ({ ...x, label: t('poll time') })), ...dev('rttMs').map((x) => ({ ...x, label: t('SNMP round trip') }))]);
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
      chart(`traffic-${entity}`, t('Traffic {0}', label), 'bit/s', [e.in && { s: e.in, label: t('in') }, e.out && { s: e.out, label: t('out') }].filter((x): x is { s: SeriesInfo; label: string } => !!x));
    }
    chart('storage', t('Storage used'), '%', series.filter((s) => s.ds === 'usedPercent').map((s) => ({ s, label: s.label })));
    chart('cpu', t('Processor load'), '%', series.filter((s) => s.ds === 'load' && s.entity.startsWith('cpu:')).map((s) => ({ s, label: s.label })));
    // Health: one chart per sensor class, supply levels, the UPS's charge and load, its runtime.
    const sensorSeries = series.filter((s) => s.entity.startsWith('sensor:') && s.ds !== 'state');
    for (const cls of [...new Set(sensorSeries.map((s) => s.ds))].sort()) {
      chart(`sensor-${cls}`, t(SENSOR_TITLES[cls] ?? cls), DS_UNITS[cls] ?? '', sensorSeries.filter((s) => s.ds === cls).map((s) => ({ s, label: s.label })));
    }
    chart('supplies', t('Supply levels'), '%', series.filter((s) => s.entity.startsWith('supply:')).map((s) => ({ s, label: s.label })));
    const ups = (ds: string, label: string) => series.filter((s) => s.entity === 'ups' && s.ds === ds).map((s) => ({ s, label }));
    chart('ups', t('UPS battery and load'), '%', [...ups('charge', t('charge')), ...ups('load', t('load'))]);
    chart('ups-runtime', t('UPS runtime'), 'min', ups('runtime', t('runtime')));
    chart('ups-voltage', t('UPS voltage'), 'V', [...ups('inputVoltage', t('input')), ...ups('outputVoltage', t('output'))]);
    chart('pages', t('Pages printed'), 'pages', series.filter((s) => s.entity === 'printer' && s.ds === 'pages').map((s) => ({ s, label: t('pages') })));
  }
  // Nothing stored yet (a new device, a fresh install): the first charts, empty, saying when points come.
  if (!charts.length) {
    charts.push({ id: 'status', title: t('Availability'), unit: 'up', t: [], series: [{ label: 'status', values: [] }], empty: true });
    charts.push({ id: 'poll', title: t('Poll latency'), unit: 'ms', t: [], series: [{ label: t('poll time'), values: [] }], empty: true });
  }

  // Rates need two polls; after that, a port that is up without one had its rate dropped.
  const ratesKnown = (last?.interfaces ?? []).some((x) => x.inBps !== undefined || x.outBps !== undefined);
  const ports: PortRow[] = (last?.interfaces ?? []).map((x) => ({
    name: x.name, alias: x.alias, adminStatus: x.adminStatus, operStatus: x.operStatus,
    speed: x.speedBps ? formatValue(x.speedBps, 'bit/s') : '-', inRate: formatValue(x.inBps, 'bit/s'), outRate: formatValue(x.outBps, 'bit/s'),
    ...(ratesKnown && x.operStatus === 'up' && (x.inBps === undefined || x.outBps === undefined) ? { rateNote: t('counter reset or above link speed') } : {}),
  }));
  const statusSinceText = last && i.statusSince ? t(last.status === 'down' ? 'seen down since {0}' : 'seen up since {0}', tf.dateTime(i.statusSince)) : undefined;
  return {
    key: i.key, name: i.name, status: last ? last.status : 'unknown', statusSince: i.statusSince, statusSinceText, identity, inventory, health, range, rangeAuto: !i.range, archive, charts, ports,
    events: i.events.slice(0, 50), generatedAt: new Date(i.now).toISOString(),
    locale: tf.locale, timeZone: tf.timeZone, strings: clientStrings(t), labels: pageLabels(t, tf),
  };
}

/** Headings and column names of the device page, translated. */
function pageLabels(t: Translate, tf: TimeFormatter): Record<string, string> {
  const words = ['Inventory', 'Health', 'Processors', 'Memory', 'Sensors', 'Supplies', 'UPS', 'Name', 'Value', 'Graphs', 'Ports', 'Port', 'Status', 'Admin', 'Speed', 'In', 'Out', 'Recent events', 'Severity', 'Message'];
  return { ...Object.fromEntries(words.map((w) => [w, t(w)])), Time: t('Time ({0})', tf.zoneName()) };
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
