// How device health reads in the views (tree, device page, dashboard): the one-line summary of a device,
// values with their units, and which sensors, supplies and UPSes need attention. Pure, shared by every front end.
import type { Thresholds } from '../../inventory/types';
import { sensorAlarm, supplyLow, upsBatteryLow } from '../../monitor/health-changes';
import { isReceptacle } from '../../poll/modules/printer/supplies';
import type { DevicePoll, SensorInfo, SupplyInfo, UpsInfo } from '../../poll/types';

export type Level = 'ok' | 'warning' | 'critical';

/** Model and version for the tree's description; the OS when the device gives neither. */
export function deviceSummary(r: Pick<DevicePoll, 'hardware' | 'version' | 'osName' | 'distro' | 'os'>): string[] {
  if (r.hardware || r.version) return [r.hardware, r.version].filter((x): x is string => !!x);
  const os = r.distro ?? r.osName ?? r.os;
  return os ? [os] : [];
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

export function sensorText(s: SensorInfo): string {
  if (s.class === 'state') return s.stateText ?? (s.value === undefined ? '-' : String(s.value));
  return s.value === undefined ? '-' : `${round(s.value)}${s.unit ? ` ${s.unit}` : ''}`;
}

export function sensorLevel(s: SensorInfo): Level {
  return sensorAlarm(s)?.severity ?? 'ok';
}

export function supplyLevel(s: SupplyInfo, th: Pick<Thresholds, 'supplyPercent'>): Level {
  if (!supplyLow(s, th.supplyPercent)) return 'ok';
  return s.levelPercent === 0 && !isReceptacle(s) ? 'critical' : 'warning';
}

export function upsLevel(u: UpsInfo, th: Pick<Thresholds, 'upsBatteryPercent'>): Level {
  if (u.status === 'onBattery' || upsBatteryLow(u, th.upsBatteryPercent)) return 'critical';
  if (u.replaceBattery || u.status === 'bypass' || u.status === 'off') return 'warning';
  return 'ok';
}

export interface HealthAlarm {
  device: string;
  name: string;
  what: string;
  detail: string;
  level: Level;
}

/** What needs attention on a device now: supplies low, UPS on battery / battery low / to replace, sensors in alarm. */
export function healthAlarms(key: string, name: string, r: DevicePoll, th: Pick<Thresholds, 'supplyPercent' | 'upsBatteryPercent'>): { supplies: HealthAlarm[]; ups: HealthAlarm[]; sensors: HealthAlarm[] } {
  const out = { supplies: [] as HealthAlarm[], ups: [] as HealthAlarm[], sensors: [] as HealthAlarm[] };
  if (r.status !== 'up') return out;
  for (const s of r.supplies ?? []) {
    const level = supplyLevel(s, th);
    if (level !== 'ok') out.supplies.push({ device: key, name, what: s.description, detail: isReceptacle(s) ? `${100 - s.levelPercent!}% full` : `${s.levelPercent}%`, level });
  }
  const u = r.ups;
  if (u && upsLevel(u, th) !== 'ok') {
    const bits = [u.status === 'onBattery' ? 'on battery' : u.status, u.batteryChargePercent !== undefined ? `${u.batteryChargePercent}%` : undefined,
      u.runtimeMinutes !== undefined ? `${Math.round(u.runtimeMinutes)} min` : undefined, u.replaceBattery ? 'replace battery' : undefined];
    out.ups.push({ device: key, name, what: 'UPS', detail: bits.filter(Boolean).join(' · '), level: upsLevel(u, th) });
  }
  for (const s of r.sensors ?? []) {
    const a = sensorAlarm(s);
    if (a) out.sensors.push({ device: key, name, what: s.description, detail: a.why, level: a.severity });
  }
  return out;
}
