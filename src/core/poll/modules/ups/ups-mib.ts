// UPS-MIB (RFC 1628): the standard UPS MIB most network cards serve beside their vendor MIB.
import type { SnmpClient } from '../../../snmp/client';
import type { UpsInfo } from '../../types';
import { readNumbers } from './common';

const B = '1.3.6.1.2.1.33.1';
export const UPS_MIB_OIDS = {
  batteryStatus: `${B}.2.1.0`, // upsBatteryStatus
  minutesRemaining: `${B}.2.3.0`, // upsEstimatedMinutesRemaining
  chargeRemaining: `${B}.2.4.0`, // upsEstimatedChargeRemaining, %
  batteryTemperature: `${B}.2.7.0`, // °C
  inputVoltage: `${B}.3.3.1.3.1`, // upsInputVoltage, line 1, V RMS
  outputSource: `${B}.4.1.0`,
  outputVoltage: `${B}.4.4.1.2.1`,
  load1: `${B}.4.4.1.5.1`, // upsOutputPercentLoad per output line
  load2: `${B}.4.4.1.5.2`,
  load3: `${B}.4.4.1.5.3`,
  alarmsPresent: `${B}.6.1.0`,
} as const;
const ALARM_DESCR = `${B}.6.2.1.2`;
/** upsAlarmBatteryBad: "one or more batteries have been determined to require replacement". */
const ALARM_BATTERY_BAD = `${B}.6.3.1`;

/** upsOutputSource → status. */
export function upsMibStatus(source: number | undefined): string {
  switch (source) {
    case 3: return 'online';
    case 5: return 'onBattery';
    case 4: return 'bypass';
    case 6: return 'boost';
    case 7: return 'trim';
    case 2: return 'off';
    default: return 'unknown';
  }
}

/** upsBatteryStatus → battery status. */
export function upsMibBatteryStatus(v: number | undefined): string | undefined {
  return v === undefined ? undefined : ({ 1: 'unknown', 2: 'normal', 3: 'low', 4: 'depleted' } as Record<number, string>)[v] ?? 'unknown';
}

export function fromUpsMib(v: Record<keyof typeof UPS_MIB_OIDS, number | undefined>, alarms: string[] = []): Partial<UpsInfo> {
  const loads = [v.load1, v.load2, v.load3].filter((x): x is number => x !== undefined);
  return {
    status: upsMibStatus(v.outputSource),
    batteryChargePercent: v.chargeRemaining,
    runtimeMinutes: v.minutesRemaining,
    loadPercent: loads.length ? Math.max(...loads) : undefined,
    inputVoltage: v.inputVoltage,
    outputVoltage: v.outputVoltage,
    // Cards without a battery probe answer 0 °C (MGE, Eaton); a real 0 °C battery would be failing anyway.
    batteryTemperatureC: v.batteryTemperature || undefined,
    batteryStatus: upsMibBatteryStatus(v.batteryStatus),
    replaceBattery: v.alarmsPresent === undefined ? undefined : alarms.some((a) => a.replace(/^\./, '') === ALARM_BATTERY_BAD),
    source: 'ups-mib',
  };
}

/** One GET answers whether the agent has UPS-MIB at all; the alarm table is walked only when alarms are present. */
export async function pollUpsMib(client: SnmpClient): Promise<Partial<UpsInfo> | undefined> {
  const v = await readNumbers(client, UPS_MIB_OIDS);
  if (v.outputSource === undefined && v.chargeRemaining === undefined && v.batteryStatus === undefined) return undefined;
  const alarms = v.alarmsPresent ? (await client.walk(ALARM_DESCR)).map((vb) => String(vb.value)) : [];
  return fromUpsMib(v, alarms);
}
