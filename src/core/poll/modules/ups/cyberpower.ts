// CyberPower CPS-MIB (enterprise 3808): upsBase/upsAdvance groups of its RMCARD network cards, which serve no UPS-MIB.
import type { SnmpClient } from '../../../snmp/client';
import type { UpsInfo } from '../../types';
import { readNumbers, round1, tenth } from './common';

const C = '1.3.6.1.4.1.3808.1.1.1';
export const CPS_OIDS = {
  batteryStatus: `${C}.2.1.1.0`, // upsBaseBatteryStatus: 1 unknown, 2 normal, 3 low, 4 not present
  capacity: `${C}.2.2.1.0`, // upsAdvanceBatteryCapacity, %
  temperature: `${C}.2.2.3.0`, // °C
  runtimeTicks: `${C}.2.2.4.0`, // upsAdvanceBatteryRunTimeRemaining, TimeTicks
  replaceIndicator: `${C}.2.2.5.0`, // 1 no, 2 batteryNeedsReplacing
  inputVoltage: `${C}.3.2.1.0`, // 0.1 V
  outputStatus: `${C}.4.1.1.0`, // upsBaseOutputStatus
  outputVoltage: `${C}.4.2.1.0`, // 0.1 V
  outputLoad: `${C}.4.2.3.0`, // %
} as const;

/** upsBaseOutputStatus → status. */
export function cpsStatus(v: number | undefined): string {
  switch (v) {
    case 2: return 'online';
    case 3: return 'onBattery';
    case 4: return 'boost';
    case 8: return 'trim'; // onBuck
    case 9: return 'bypass';
    case 5: case 6: case 7: return 'off'; // sleeping, off, rebooting
    default: return 'unknown';
  }
}

export function fromCps(v: Record<keyof typeof CPS_OIDS, number | undefined>): Partial<UpsInfo> {
  return {
    status: cpsStatus(v.outputStatus),
    batteryChargePercent: v.capacity,
    runtimeMinutes: v.runtimeTicks === undefined ? undefined : round1(v.runtimeTicks / 6000),
    loadPercent: v.outputLoad,
    inputVoltage: tenth(v.inputVoltage),
    outputVoltage: tenth(v.outputVoltage),
    batteryTemperatureC: v.temperature || undefined,
    replaceBattery: v.replaceIndicator === undefined ? undefined : v.replaceIndicator === 2,
    batteryStatus: v.batteryStatus === undefined ? undefined : ({ 2: 'normal', 3: 'low', 4: 'absent' } as Record<number, string>)[v.batteryStatus] ?? 'unknown',
    source: 'cyberpower',
  };
}

export async function pollCps(client: SnmpClient): Promise<Partial<UpsInfo> | undefined> {
  const v = await readNumbers(client, CPS_OIDS);
  if (v.outputStatus === undefined && v.capacity === undefined && v.runtimeTicks === undefined) return undefined;
  return fromCps(v);
}
