// UPS-MIB (RFC 1628) as sensors: battery (status, charge, runtime, voltage, current, temperature) and the input,
// output and bypass lines (voltage, current, power, frequency, load). Standard, so every agent but Windows is
// asked; the battery group comes with the shared probe GET and an agent without it costs nothing more.
import type { SnmpClient } from '../../../snmp/client';
import type { DevicePoll, SensorInfo } from '../../types';
import { addSensors, columns, div, enterprise, num, scalars, standardProbe, stateOf, type Rows, type SensorDraft, type SensorModule } from './common';

const UPS = '1.3.6.1.2.1.33.1';

export const BATTERY_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['batteryNormal', 'ok'], 3: ['batteryLow', 'warning'], 4: ['batteryDepleted', 'critical'],
};
export const OUTPUT_SOURCES: Record<number, [string, SensorInfo['status']]> = {
  1: ['other', 'unknown'], 2: ['none', 'critical'], 3: ['normal', 'ok'], 4: ['bypass', 'warning'], 5: ['battery', 'warning'],
  6: ['booster', 'ok'], 7: ['reducer', 'ok'],
};

/** Windows hosts: their agent has neither UPS-MIB nor Printer-MIB (net-snmp appliances may well have them). */
export function isWindows(out: DevicePoll): boolean {
  return enterprise(out) === 311;
}

function lines(out: SensorDraft[], rows: Rows, what: string, cols: { volt?: number; curr?: number; power?: number; freq?: number; load?: number }): void {
  const many = rows.size > 1;
  for (const [i, r] of rows) {
    const name = many ? `${what} Phase ${i}` : what;
    const v = (col: number | undefined, d = 1) => (col === undefined ? undefined : div(num(r.get(col)), d));
    if (cols.freq !== undefined && v(cols.freq, 10) !== undefined) out.push({ class: 'frequency', index: `${what.toLowerCase()}.freq.${i}`, description: name, value: v(cols.freq, 10) });
    if (cols.volt !== undefined && v(cols.volt) !== undefined) out.push({ class: 'voltage', index: `${what.toLowerCase()}.${i}`, description: name, value: v(cols.volt) });
    if (cols.curr !== undefined && v(cols.curr, 10) !== undefined) out.push({ class: 'current', index: `${what.toLowerCase()}.${i}`, description: name, value: v(cols.curr, 10) });
    if (cols.power !== undefined && v(cols.power) !== undefined) out.push({ class: 'power', index: `${what.toLowerCase()}.${i}`, description: name, value: v(cols.power) });
    if (cols.load !== undefined && v(cols.load) !== undefined) out.push({ class: 'load', index: `load.${i}`, description: many ? `Percentage load ${i}` : 'Percentage load', value: v(cols.load) });
  }
}

export async function readUpsMib(client: SnmpClient, probe: Map<string, unknown>): Promise<SensorDraft[]> {
  const bat = [1, 2, 3, 4, 5, 6, 7].map((k) => probe.get(`${UPS}.2.${k}.0`));
  if (bat.every((v) => v === undefined)) return [];
  const [status, secondsOnBattery, minutesLeft, charge, voltage, current, temperature] = bat.map(num);
  const [[source, outFreq, bypassFreq], input, output, bypass] = await Promise.all([
    scalars(client, [`${UPS}.4.1.0`, `${UPS}.4.2.0`, `${UPS}.5.1.0`]).then((v) => v.map(num)),
    columns(client, `${UPS}.3.3.1`, [3, 2, 4, 5]),
    columns(client, `${UPS}.4.4.1`, [2, 3, 4, 5]),
    columns(client, `${UPS}.5.3.1`, [2, 3, 4]),
  ]);
  const out: SensorDraft[] = [];
  if (status !== undefined) out.push({ class: 'state', index: 'battery.status', description: 'Battery Status', ...stateOf(status, BATTERY_STATES) });
  if (charge !== undefined) out.push({ class: 'charge', index: 'battery.charge', description: 'Battery charge remaining', value: charge });
  if (secondsOnBattery !== undefined) out.push({ class: 'runtime', index: 'battery.onbattery', description: 'Time on battery', value: div(secondsOnBattery, 60) });
  if (minutesLeft !== undefined) out.push({ class: 'runtime', index: 'battery.remaining', description: 'Estimated battery time remaining', value: minutesLeft });
  if (voltage !== undefined) out.push({ class: 'voltage', index: 'battery', description: 'Battery', value: div(voltage, 10) });
  if (current !== undefined) out.push({ class: 'current', index: 'battery', description: 'Battery', value: div(current, 10) });
  if (temperature !== undefined) out.push({ class: 'temperature', index: 'battery', description: 'Battery', value: temperature });
  if (source !== undefined) out.push({ class: 'state', index: 'output.source', description: 'Output Source', ...stateOf(source, OUTPUT_SOURCES) });
  lines(out, input, 'Input', { freq: 2, volt: 3, curr: 4, power: 5 });
  if (outFreq !== undefined) out.push({ class: 'frequency', index: 'output.freq', description: 'Output', value: div(outFreq, 10) });
  lines(out, output, 'Output', { volt: 2, curr: 3, power: 4, load: 5 });
  if (bypassFreq !== undefined) out.push({ class: 'frequency', index: 'bypass.freq', description: 'Bypass', value: div(bypassFreq, 10) });
  lines(out, bypass, 'Bypass', { volt: 2, curr: 3, power: 4 });
  return out;
}

export const upsMibModule: SensorModule = {
  name: 'sensors.ups-mib', stage: 'general', // APC's own MIB is read instead on APC devices (apc.ts).
  applies: (out) => !isWindows(out) && enterprise(out) !== 318,
  async run(c, out) {
    addSensors(out, 'ups-mib', await readUpsMib(c, await standardProbe(c, out)));
  },
};
