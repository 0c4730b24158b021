// The estate dashboard as data: counts per region and site, the devices down longest, the alerts of
// the last 24 h, the busiest interfaces, storage nearly full and the sites for the map. Pure: the
// caller hands in the inventory, the stored records and the alerts, so the CLI report and the
// extension's webview show the same thing.
import { deviceKey, type Inventory } from '../../inventory/types';
import { parseIPv4 } from '../../net/cidr';
import { resolveSite, UNASSIGNED } from '../../sites/resolve';
import type { DeviceRecord, ParcEvent } from '../../state/types';
import { healthAlarms, type HealthAlarm } from './health-view';

export type SiteStatus = 'up' | 'partial' | 'down' | 'unknown';

export interface DeviceRow {
  key: string;
  name: string;
  host: string;
  region: string;
  site: string;
  status: 'up' | 'down' | 'unknown';
  statusSince?: string;
  error?: string;
}

export interface SiteSummary {
  region: string;
  site: string;
  up: number;
  down: number;
  unknown: number;
  status: SiteStatus;
  coordinates?: [number, number];
}

export interface DashboardModel {
  generatedAt: string;
  totals: { devices: number; up: number; down: number; unknown: number };
  regions: { region: string; up: number; down: number; unknown: number; sites: SiteSummary[] }[];
  downLongest: (DeviceRow & { downSeconds: number })[];
  alerts: ParcEvent[];
  topInterfaces: { device: DeviceRow; name: string; inBps?: number; outBps?: number; speedBps: number; utilisation: number }[];
  storageFull: { device: DeviceRow; description: string; usedPercent: number; sizeBytes: number }[];
  devices: DeviceRow[];
  /** Printer supplies under the threshold, lowest first. */
  suppliesLow: DashboardHealthRow[];
  /** UPSes on battery, with a low battery or one to replace. */
  upsAlarms: DashboardHealthRow[];
  /** Sensors over/under their limits or in a warning/critical state, critical first. */
  sensorsAlarm: DashboardHealthRow[];
}

export interface DashboardHealthRow {
  device: DeviceRow;
  what: string;
  detail: string;
  level: 'warning' | 'critical';
}

export interface DashboardInput {
  inventory: Pick<Inventory, 'devices' | 'sites' | 'siteMaxDistanceKm' | 'thresholds'>;
  records: Map<string, DeviceRecord>;
  /** Alerts (warning and critical events) of the last 24 h, newest first. */
  alerts: ParcEvent[];
  now: number;
  limit?: number;
}

/** Storage holds filesystems only since memory moved to mempools; records polled before that may still list RAM,
 * virtual memory and net-snmp's buffers/cached/shared (hrStorageOther) rows: never "storage nearly full". */
const MEMORY_TYPES = new Set(['ram', 'virtualMemory', 'other']);

function siteStatus(up: number, down: number): SiteStatus {
  if (!up && !down) return 'unknown';
  if (!down) return 'up';
  return up ? 'partial' : 'down';
}

export function dashboardModel(input: DashboardInput): DashboardModel {
  const { inventory: inv, records, now } = input;
  const limit = input.limit ?? 10;
  const devices: DeviceRow[] = [];
  const rowsOf = new Map<string, DeviceRecord | undefined>();
  for (const d of inv.devices) {
    const key = deviceKey(d);
    const rec = records.get(key);
    const last = rec?.last;
    const site = resolveSite(inv, { site: d.site, host: d.host, address: parseIPv4(d.host) !== undefined ? d.host : undefined, sysLocation: last?.sysLocation });
    const row: DeviceRow = {
      key, name: d.name ?? last?.sysName ?? d.host, host: d.host, region: site.region, site: site.site,
      status: last ? last.status : 'unknown', statusSince: rec?.statusSince, error: last?.status === 'down' ? last.error : undefined,
    };
    devices.push(row);
    rowsOf.set(key, rec);
  }

  const siteMap = new Map<string, SiteSummary>();
  const coords = new Map(inv.sites.map((s) => [`${s.region}\u0000${s.name}`, s.coordinates]));
  for (const s of inv.sites) siteMap.set(`${s.region}\u0000${s.name}`, { region: s.region, site: s.name, up: 0, down: 0, unknown: 0, status: 'unknown', coordinates: s.coordinates });
  for (const d of devices) {
    const k = `${d.region}\u0000${d.site}`;
    let s = siteMap.get(k);
    if (!s) siteMap.set(k, (s = { region: d.region, site: d.site, up: 0, down: 0, unknown: 0, status: 'unknown', coordinates: coords.get(k) }));
    s[d.status]++;
  }
  const regions = new Map<string, DashboardModel['regions'][number]>();
  for (const s of siteMap.values()) {
    s.status = siteStatus(s.up, s.down);
    let r = regions.get(s.region);
    if (!r) regions.set(s.region, (r = { region: s.region, up: 0, down: 0, unknown: 0, sites: [] }));
    r.up += s.up;
    r.down += s.down;
    r.unknown += s.unknown;
    r.sites.push(s);
  }
  const byName = (a: string, b: string) => (a === UNASSIGNED ? 1 : b === UNASSIGNED ? -1 : a.localeCompare(b));
  const regionList = [...regions.values()].sort((a, b) => byName(a.region, b.region));
  for (const r of regionList) r.sites.sort((a, b) => byName(a.site, b.site));

  const downLongest = devices
    .filter((d) => d.status === 'down' && d.statusSince)
    .map((d) => ({ ...d, downSeconds: Math.max(0, (now - Date.parse(d.statusSince!)) / 1000) }))
    .sort((a, b) => b.downSeconds - a.downSeconds)
    .slice(0, limit);

  const topInterfaces: DashboardModel['topInterfaces'] = [];
  const storageFull: DashboardModel['storageFull'] = [];
  const nearlyFull = Math.min(85, inv.thresholds.storagePercent);
  for (const d of devices) {
    const last = rowsOf.get(d.key)?.last;
    if (!last || last.status !== 'up') continue;
    for (const i of last.interfaces) {
      if (!i.speedBps || (i.inBps === undefined && i.outBps === undefined)) continue;
      topInterfaces.push({ device: d, name: i.name, inBps: i.inBps, outBps: i.outBps, speedBps: i.speedBps, utilisation: Math.max(i.inBps ?? 0, i.outBps ?? 0) / i.speedBps });
    }
    for (const s of last.storage) {
      if (MEMORY_TYPES.has(s.type) || s.usedPercent === undefined || s.usedPercent < nearlyFull) continue;
      storageFull.push({ device: d, description: s.description, usedPercent: s.usedPercent, sizeBytes: s.sizeBytes });
    }
  }
  topInterfaces.sort((a, b) => b.utilisation - a.utilisation);
  storageFull.sort((a, b) => b.usedPercent - a.usedPercent);

  const health = healthLists(devices, rowsOf, inv.thresholds, limit);
  const count = (st: DeviceRow['status']) => devices.filter((d) => d.status === st).length;
  return {
    generatedAt: new Date(now).toISOString(),
    totals: { devices: devices.length, up: count('up'), down: count('down'), unknown: count('unknown') },
    regions: regionList,
    downLongest,
    alerts: input.alerts.filter((e) => Date.parse(e.time) >= now - 86_400_000).slice(0, 50),
    topInterfaces: topInterfaces.slice(0, limit),
    storageFull: storageFull.slice(0, limit),
    devices: devices.sort((a, b) => a.name.localeCompare(b.name)),
    ...health,
  };
}

function healthLists(devices: DeviceRow[], rowsOf: Map<string, DeviceRecord | undefined>, th: Inventory['thresholds'], limit: number): Pick<DashboardModel, 'suppliesLow' | 'upsAlarms' | 'sensorsAlarm'> {
  const out: Pick<DashboardModel, 'suppliesLow' | 'upsAlarms' | 'sensorsAlarm'> = { suppliesLow: [], upsAlarms: [], sensorsAlarm: [] };
  const row = (device: DeviceRow, a: HealthAlarm): DashboardHealthRow => ({ device, what: a.what, detail: a.detail, level: a.level === 'critical' ? 'critical' : 'warning' });
  for (const d of devices) {
    const last = rowsOf.get(d.key)?.last;
    if (!last) continue;
    const h = healthAlarms(d.key, d.name, last, th);
    out.suppliesLow.push(...h.supplies.map((a) => row(d, a)));
    out.upsAlarms.push(...h.ups.map((a) => row(d, a)));
    out.sensorsAlarm.push(...h.sensors.map((a) => row(d, a)));
  }
  const sev = (a: DashboardHealthRow, b: DashboardHealthRow) => (a.level === b.level ? 0 : a.level === 'critical' ? -1 : 1);
  out.suppliesLow.sort((a, b) => sev(a, b) || parseFloat(a.detail) - parseFloat(b.detail));
  out.upsAlarms.sort(sev);
  out.sensorsAlarm.sort(sev);
  return { suppliesLow: out.suppliesLow.slice(0, limit), upsAlarms: out.upsAlarms.slice(0, limit), sensorsAlarm: out.sensorsAlarm.slice(0, limit) };
}
