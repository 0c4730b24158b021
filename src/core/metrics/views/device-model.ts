// The device page as data: identity, status, graphs over a chosen range from the metric store,
// ports with their current rates, recent events. Pure apart from reading the store, so the
// webview and the tests build the same model.
import type { DevicePoll } from '../../poll/types';
import type { ParcEvent } from '../../state/types';
import { DS_UNITS, type SeriesInfo } from '../series';
import type { MetricStore } from '../store';
import { formatSeconds, formatValue } from './format';

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

export interface DevicePageModel {
  key: string;
  name: string;
  status: 'up' | 'down' | 'unknown';
  statusSince?: string;
  identity: [string, string][];
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
}

const MAX_POINTS = 1000;

export function devicePageModel(i: DevicePageInput): DevicePageModel {
  const last = i.last;
  const identity: [string, string][] = [
    ['Address', `${i.host}${i.port !== 161 ? `:${i.port}` : ''}`],
    ['sysName', last?.sysName ?? '-'],
    ['OS', [last?.os, last?.vendor, last?.distro].filter(Boolean).join(' · ') || '-'],
    ['Hardware', last?.hardware ?? '-'],
    ['Serial', last?.serial ?? '-'],
    ['Location', last?.sysLocation ?? '-'],
    ['Site', `${i.region} › ${i.site}`],
    ['Why this site', i.siteExplanation || '-'],
    ['Uptime', last?.uptimeSeconds !== undefined ? formatSeconds(last.uptimeSeconds) : '-'],
    ['Last poll', last ? `${last.polledAt.replace('T', ' ').slice(0, 19)} UTC (${last.durationMs} ms)` : 'never'],
  ];
  if (last?.status === 'down' && last.error) identity.push(['Error', last.error]);

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
    chart('cpu', 'Processor load', '%', series.filter((s) => s.ds === 'load').map((s) => ({ s, label: s.label })));
  }

  const ports: PortRow[] = (last?.interfaces ?? []).map((x) => ({
    name: x.name, alias: x.alias, adminStatus: x.adminStatus, operStatus: x.operStatus,
    speed: x.speedBps ? formatValue(x.speedBps, 'bit/s') : '-', inRate: formatValue(x.inBps, 'bit/s'), outRate: formatValue(x.outBps, 'bit/s'),
  }));
  return {
    key: i.key, name: i.name, status: last ? last.status : 'unknown', statusSince: i.statusSince, identity, range: i.range, archive, charts, ports,
    events: i.events.slice(0, 50), generatedAt: new Date(i.now).toISOString(),
  };
}

export { DS_UNITS };
