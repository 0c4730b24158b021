// Events for device health beyond storage and CPU: sensors in alarm (over/under a limit, a warning or critical state
// such as a failed fan or PSU), printer supplies running low, UPS on battery, battery low or to be replaced.
// Each is raised when the condition starts and cleared by its recovery event when it ends (see alerts.ts).
import type { Thresholds } from '../inventory/types';
import { isConsumable, isReceptacle } from '../poll/modules/printer/supplies';
import type { DevicePoll, SensorInfo, SupplyInfo, UpsInfo } from '../poll/types';
import type { EventType, Severity } from '../state/types';

export interface HealthEvent {
  type: EventType;
  severity: Severity;
  message: string;
  entity?: string;
}

export type HealthThresholds = Pick<Thresholds, 'supplyPercent' | 'upsBatteryPercent'>;

/** Whether a sensor is in alarm, and how badly: the device's own status first, then the limits it reports. */
export function sensorAlarm(s: SensorInfo): { severity: 'critical' | 'warning'; why: string } | undefined {
  const unit = s.unit ? ` ${s.unit}` : '';
  const val = s.value === undefined ? '' : `${s.class === 'state' ? s.stateText ?? s.value : `${round(s.value)}${unit}`}`;
  if (s.status === 'critical' || s.status === 'warning') {
    const sev = s.status;
    if (s.class !== 'state' && s.value !== undefined) {
      const limit = beyond(s);
      if (limit) return { severity: sev, why: `${val} (${limit.text})` };
    }
    return { severity: sev, why: s.class === 'state' ? (s.stateText ?? String(s.value ?? s.status)) : `${val || s.status}` };
  }
  if (s.status === 'ok' || s.class === 'state' || s.value === undefined) return undefined;
  const limit = beyond(s);
  return limit ? { severity: limit.severity, why: `${val} (${limit.text})` } : undefined;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

function beyond(s: SensorInfo): { severity: 'critical' | 'warning'; text: string } | undefined {
  const v = s.value!;
  const u = s.unit ? ` ${s.unit}` : '';
  if (s.limitHigh !== undefined && v > s.limitHigh) return { severity: 'critical', text: `limit ${round(s.limitHigh)}${u}` };
  if (s.limitLow !== undefined && v < s.limitLow) return { severity: 'critical', text: `low limit ${round(s.limitLow)}${u}` };
  if (s.limitHighWarn !== undefined && v > s.limitHighWarn) return { severity: 'warning', text: `warning limit ${round(s.limitHighWarn)}${u}` };
  if (s.limitLowWarn !== undefined && v < s.limitLowWarn) return { severity: 'warning', text: `low warning limit ${round(s.limitLowWarn)}${u}` };
  return undefined;
}

/** A consumable under the threshold (a waste container whose free space is). Paper trays never count. */
export function supplyLow(s: SupplyInfo, threshold: number): boolean {
  return isConsumable(s) && s.levelPercent !== undefined && s.levelPercent < threshold;
}

export function upsBatteryLow(u: UpsInfo, threshold: number): boolean {
  return u.batteryStatus === 'low' || u.batteryStatus === 'depleted'
    || (u.batteryChargePercent !== undefined && u.batteryChargePercent < threshold);
}

/** Events between the previous poll that reached the device (if any) and this one. */
export function healthEvents(name: string, prev: DevicePoll | undefined, cur: DevicePoll, th: HealthThresholds): HealthEvent[] {
  const out: HealthEvent[] = [];
  const ev = (type: EventType, severity: Severity, message: string, entity?: string) => out.push({ type, severity, message, entity });

  const prevSensors = new Map((prev?.sensors ?? []).map((s) => [s.index, s]));
  for (const s of cur.sensors ?? []) {
    const now = sensorAlarm(s);
    const p = prevSensors.get(s.index);
    const before = p ? sensorAlarm(p) : undefined;
    if (now && !before) ev('sensor-alarm', now.severity, `${name} ${s.description} is ${now.why}`, s.description);
    if (!now && before && prev) {
      const val = s.class === 'state' ? s.stateText ?? s.value : s.value === undefined ? s.status : `${round(s.value)}${s.unit ? ` ${s.unit}` : ''}`;
      ev('sensor-ok', 'info', `${name} ${s.description} is back to ${val ?? 'normal'}`, s.description);
    }
  }

  const prevSupplies = new Map((prev?.supplies ?? []).map((s) => [s.index, s]));
  for (const s of cur.supplies ?? []) {
    const low = supplyLow(s, th.supplyPercent);
    const p = prevSupplies.get(s.index);
    const wasLow = p !== undefined && supplyLow(p, th.supplyPercent);
    const what = isReceptacle(s) ? `is nearly full (${100 - s.levelPercent!}% used` : `is at ${s.levelPercent}% (`;
    if (low && !wasLow) ev('supply-low', s.levelPercent === 0 && !isReceptacle(s) ? 'critical' : 'warning', `${name} ${s.description} ${what}${isReceptacle(s) ? ', ' : ''}threshold ${th.supplyPercent}%)`, s.description);
    if (!low && wasLow && s.levelPercent !== undefined) ev('supply-ok', 'info', `${name} ${s.description} is back to ${s.levelPercent}%`, s.description);
  }

  const u = cur.ups;
  const pu = prev?.ups;
  if (u) {
    const onBattery = u.status === 'onBattery';
    const wasOnBattery = pu?.status === 'onBattery';
    if (onBattery && !wasOnBattery) {
      const left = [u.batteryChargePercent !== undefined ? `${u.batteryChargePercent}% charge` : '', u.runtimeMinutes !== undefined ? `${Math.round(u.runtimeMinutes)} min left` : ''].filter(Boolean).join(', ');
      ev('ups-on-battery', 'critical', `${name} is on battery${left ? ` (${left})` : ''}`, 'ups');
    }
    if (!onBattery && wasOnBattery && u.status !== 'unknown') ev('ups-on-line', 'info', `${name} is back on mains power (${u.status})`, 'ups');

    const low = upsBatteryLow(u, th.upsBatteryPercent);
    const wasLow = pu !== undefined && upsBatteryLow(pu, th.upsBatteryPercent);
    const charge = u.batteryChargePercent !== undefined ? `${u.batteryChargePercent}%` : u.batteryStatus ?? '';
    if (low && !wasLow) ev('ups-battery-low', 'critical', `${name} battery is low: ${charge} (threshold ${th.upsBatteryPercent}%)`, 'battery');
    if (!low && wasLow && prev) ev('ups-battery-ok', 'info', `${name} battery is back to ${charge}`, 'battery');

    if (u.replaceBattery && !pu?.replaceBattery) ev('ups-battery-replace', 'warning', `${name} battery needs replacing`, 'battery-replace');
    if (u.replaceBattery === false && pu?.replaceBattery) ev('ups-battery-replaced', 'info', `${name} battery no longer needs replacing`, 'battery-replace');
  }
  return out;
}
