// Vertiv (Emerson Network Power) ITA2 UPS cards (enterprise 13400, product 2.54): scalars of their own MIB, no UPS-MIB.
// Voltages and frequencies in tenths/hundredths, as the card reports them. The card's output-source word has no
// published meaning, so the status stays `unknown` rather than guessed.
import type { SnmpClient } from '../../../snmp/client';
import type { UpsInfo } from '../../types';
import { readNumbers, tenth } from './common';

const I = '1.3.6.1.4.1.13400.2.54.2';
export const ITA2_OIDS = {
  inputVoltage: `${I}.2.1.0`, // input phase A voltage, 0.1 V
  outputVoltage: `${I}.3.1.0`, // output phase A voltage, 0.1 V
  outputLoad: `${I}.3.14.0`, // output load phase A, 0.1 %
  runtime: `${I}.5.7.0`, // batteryRemainsTime, 0.1 min (VERTIV-ITA2-MIB: "stored as 0.1 minute")
  temperature: `${I}.5.8.0`, // battery temperature, 0.1 °C (65535: not measured)
  capacity: `${I}.5.10.0`, // battery capacity, %
} as const;

export function fromIta2(v: Record<keyof typeof ITA2_OIDS, number | undefined>): Partial<UpsInfo> {
  return {
    status: 'unknown',
    batteryChargePercent: v.capacity,
    runtimeMinutes: tenth(v.runtime),
    loadPercent: tenth(v.outputLoad),
    inputVoltage: tenth(v.inputVoltage),
    outputVoltage: tenth(v.outputVoltage),
    batteryTemperatureC: tenth(v.temperature),
    source: 'vertiv-ita2',
  };
}

export async function pollIta2(client: SnmpClient): Promise<Partial<UpsInfo> | undefined> {
  const v = await readNumbers(client, ITA2_OIDS);
  if (v.capacity === undefined && v.runtime === undefined) return undefined;
  return fromIta2(v);
}
