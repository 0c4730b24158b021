// APC PowerNet-MIB (enterprise 318): upsBasic/upsAdv/upsHighPrec groups of Smart-UPS network cards.
import type { SnmpClient } from '../../../snmp/client';
import type { UpsInfo } from '../../types';
import { readNumbers, round1, tenth } from './common';

const U = '1.3.6.1.4.1.318.1.1.1';
export const APC_OIDS = {
  batteryStatus: `${U}.2.1.1.0`, // upsBasicBatteryStatus
  advCapacity: `${U}.2.2.1.0`, // upsAdvBatteryCapacity, %
  advTemperature: `${U}.2.2.2.0`, // °C
  runtimeTicks: `${U}.2.2.3.0`, // upsAdvBatteryRunTimeRemaining, TimeTicks
  replaceIndicator: `${U}.2.2.4.0`, // 1 no, 2 batteryNeedsReplacing
  hpCapacity: `${U}.2.3.1.0`, // upsHighPrecBatteryCapacity, 0.1 %
  hpTemperature: `${U}.2.3.2.0`, // 0.1 °C
  advInputVoltage: `${U}.3.2.1.0`,
  hpInputVoltage: `${U}.3.3.1.0`, // 0.1 V
  outputStatus: `${U}.4.1.1.0`, // upsBasicOutputStatus
  advOutputVoltage: `${U}.4.2.1.0`,
  advOutputLoad: `${U}.4.2.3.0`, // %
  hpOutputVoltage: `${U}.4.3.1.0`, // 0.1 V
  hpOutputLoad: `${U}.4.3.3.0`, // 0.1 %
} as const;

/** upsBasicOutputStatus → status: the many APC modes folded onto the few a user acts on. */
export function apcStatus(v: number | undefined): string {
  switch (v) {
    case 2: case 13: case 14: case 18: case 19: case 20: case 23: return 'online'; // on line, eco, hot standby, power saving, spot, eConversion, active load
    case 3: case 15: return 'onBattery'; // on battery, on battery test
    case 4: return 'boost';
    case 12: return 'trim';
    case 6: case 9: case 10: case 16: case 17: return 'bypass';
    case 5: case 7: case 8: case 11: return 'off'; // timed sleeping, off, rebooting, sleeping until power returns
    default: return 'unknown';
  }
}

/** upsBasicBatteryStatus → battery status. */
export function apcBatteryStatus(v: number | undefined): string | undefined {
  return v === undefined ? undefined : ({ 1: 'unknown', 2: 'normal', 3: 'low', 4: 'fault', 5: 'absent' } as Record<number, string>)[v] ?? 'unknown';
}

/** High-precision values when the card has them (tenths), else the advanced ones. */
export function fromApc(v: Record<keyof typeof APC_OIDS, number | undefined>): Partial<UpsInfo> {
  return {
    status: apcStatus(v.outputStatus),
    batteryChargePercent: tenth(v.hpCapacity) ?? v.advCapacity,
    runtimeMinutes: v.runtimeTicks === undefined ? undefined : round1(v.runtimeTicks / 6000),
    loadPercent: tenth(v.hpOutputLoad) ?? v.advOutputLoad,
    inputVoltage: tenth(v.hpInputVoltage) ?? v.advInputVoltage,
    outputVoltage: tenth(v.hpOutputVoltage) ?? v.advOutputVoltage,
    batteryTemperatureC: tenth(v.hpTemperature) ?? v.advTemperature,
    replaceBattery: v.replaceIndicator === undefined ? undefined : v.replaceIndicator === 2,
    batteryStatus: apcBatteryStatus(v.batteryStatus),
    source: 'apc',
  };
}

/** One GET; an APC device without a UPS (PDU, NetBotz) answers none of it. */
export async function pollApc(client: SnmpClient): Promise<Partial<UpsInfo> | undefined> {
  const v = await readNumbers(client, APC_OIDS);
  if (Object.values(v).every((x) => x === undefined)) return undefined;
  return fromApc(v);
}
