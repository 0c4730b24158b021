// Eaton XUPS-MIB (enterprise 534; MGE-heritage cards under 705 serve it too).
import type { SnmpClient } from '../../../snmp/client';
import type { UpsInfo } from '../../types';
import { readNumbers, round1 } from './common';

const X = '1.3.6.1.4.1.534.1';
export const XUPS_OIDS = {
  timeRemaining: `${X}.2.1.0`, // xupsBatTimeRemaining, seconds
  capacity: `${X}.2.4.0`, // xupsBatCapacity, %
  batteryFailure: `${X}.2.7.0`, // xupsBatteryFailure: 1 yes, 2 no
  inputVoltage: `${X}.3.4.1.2.1`, // xupsInputVoltage, phase 1
  outputLoad: `${X}.4.1.0`, // xupsOutputLoad, %
  outputVoltage: `${X}.4.4.1.2.1`,
  outputSource: `${X}.4.5.0`,
} as const;

/** xupsOutputSource → status. */
export function xupsStatus(v: number | undefined): string {
  switch (v) {
    case 3: case 8: case 9: case 10: case 12: return 'online'; // normal, parallel capacity/redundant, high efficiency, ESS
    case 5: return 'onBattery';
    case 4: case 11: return 'bypass'; // bypass, maintenance bypass
    case 6: return 'boost';
    case 7: return 'trim';
    case 2: return 'off';
    default: return 'unknown';
  }
}

export function fromXups(v: Record<keyof typeof XUPS_OIDS, number | undefined>): Partial<UpsInfo> {
  return {
    status: xupsStatus(v.outputSource),
    batteryChargePercent: v.capacity,
    runtimeMinutes: v.timeRemaining === undefined ? undefined : round1(v.timeRemaining / 60),
    loadPercent: v.outputLoad,
    inputVoltage: v.inputVoltage,
    outputVoltage: v.outputVoltage,
    replaceBattery: v.batteryFailure === undefined ? undefined : v.batteryFailure === 1,
    source: 'xups',
  };
}

export async function pollXups(client: SnmpClient): Promise<Partial<UpsInfo> | undefined> {
  const v = await readNumbers(client, XUPS_OIDS);
  if (v.outputSource === undefined && v.capacity === undefined && v.timeRemaining === undefined) return undefined;
  return fromXups(v);
}
