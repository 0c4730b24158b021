// MikroTik RouterOS / SwOS (MIKROTIK-MIB, enterprise 14988): health scalars (voltage, temperature), the health
// gauge table (each row says its unit), PoE ports (state, voltage, current, power), SFP diagnostics and the
// DHCP lease count.
import type { SensorClass, SensorInfo } from '../../types';
import { addSensors, columns, div, fromEnterprise, num, readScalars, readTables, text, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';
import type { SnmpClient } from '../../../snmp/client';

const MT = '1.3.6.1.4.1.14988.1.1';
const POE_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['disabled', 'ok'], 2: ['waitingForLoad', 'ok'], 3: ['poweredOn', 'ok'], 4: ['overload', 'critical'], 5: ['shortCircuit', 'critical'],
};

export const MIKROTIK_SCALARS: ScalarSpec[] = [
  { oid: `${MT}.3.8.0`, class: 'voltage', description: 'Voltage 0', divisor: 10, key: 'voltage' },
  { oid: `${MT}.3.10.0`, class: 'temperature', description: 'Temperature 0', divisor: 10, key: 'temperature' },
  { oid: `${MT}.6.1.0`, class: 'count', description: 'DHCP Lease Count', key: 'dhcp' },
];

/** mtxrGaugeUnit: celsius(1) rpm(2) dV(3) dA(4) dW(5) status(6). */
const GAUGE_UNITS: Record<number, [SensorClass, number]> = { 1: ['temperature', 1], 2: ['fanspeed', 1], 3: ['voltage', 10], 4: ['current', 10], 5: ['power', 10], 6: ['state', 1] };

/**
 * SwOS fills only mtxrGaugeValue (no name, no unit); its gauge ids are those of RouterOS's health items:
 * power consumption in dW, CPU temperature in °C, PSU n voltage (72nn) in cV and current (73nn) in mA.
 */
function knownGauge(id: number): [SensorClass, number, string] | undefined {
  if (id === 16) return ['power', 10, 'Power Consumption'];
  if (id === 52) return ['temperature', 1, 'CPU Temperature'];
  const psu = Math.floor(id / 100);
  if (id % 100 > 0 && psu === 72) return ['voltage', 100, `PSU${id % 100} Voltage`];
  if (id % 100 > 0 && psu === 73) return ['current', 1000, `PSU${id % 100} Current`];
  return undefined;
}

export function gaugeSensors(rows: Map<string, Map<number, unknown>>): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const raw = num(r.get(3));
    if (raw === undefined) continue;
    const unitCode = num(r.get(4));
    const known = unitCode === undefined ? knownGauge(Number(i.split('.')[0])) : undefined;
    const unit: [SensorClass, number] | undefined = known ? [known[0], known[1]] : GAUGE_UNITS[unitCode ?? 0];
    if (!unit) continue;
    const d: SensorDraft = { class: unit[0], index: `gauge.${i}`, description: text(r.get(2)) ?? known?.[2] ?? `Gauge ${i}`, value: div(raw, unit[1]) };
    if (unit[0] === 'state') Object.assign(d, { stateText: raw === 0 ? 'ok' : String(raw), status: raw === 0 ? 'ok' : 'critical' });
    out.push(d);
  }
  return out;
}

const sfpName = (suffix: string) => (r: Map<number, unknown>) => `${text(r.get(2)) ?? ''}${suffix}`;
/**
 * An optical row stands for a module only when it has a name and a temperature: an empty cage reads -128 °C, which
 * SwOS sends as an unsigned 32- or 16-bit number (4294967168, 65408).
 */
export function emptyCage(r: Map<number, unknown>): boolean {
  const t = num(r.get(6));
  return !text(r.get(2)) || t === undefined || t === -128 || t === 0xffffff80 || t === 0xff80;
}
const BOOL_FAULT: Record<number, [string, SensorInfo['status']]> = { 0: ['false', 'ok'], 1: ['true', 'critical'] };
const absent = (col: number) => (r: Map<number, unknown>) => emptyCage(r) || num(r.get(col)) === undefined;
const WL60G_MODES: Record<number, [string, SensorInfo['status']]> = { 0: ['apBridge', 'ok'], 1: ['stationBridge', 'ok'], 2: ['sniff', 'ok'], 3: ['bridge', 'ok'] };
const CONNECTED: Record<number, [string, SensorInfo['status']]> = { 0: ['disconnected', 'warning'], 1: ['connected', 'ok'] };
export const MIKROTIK_TABLES: TableSpec[] = [
  { entry: `${MT}.15.1.1`, class: 'state', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 3, states: POE_STATES, extra: [2], key: 'poe' },
  { entry: `${MT}.15.1.1`, class: 'voltage', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 4, divisor: 10, extra: [2], key: 'poe' },
  { entry: `${MT}.15.1.1`, class: 'current', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 5, divisor: 1000, extra: [2], key: 'poe' },
  { entry: `${MT}.15.1.1`, class: 'power', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 6, divisor: 10, extra: [2], key: 'poe' },
  // mtxrOpticalTable: rxLoss and txFault flags, temperature °C, supply voltage mV, bias mA, Tx/Rx power in m-dBm.
  { entry: `${MT}.19.1.1`, class: 'state', name: sfpName(' Rx'), value: 3, states: BOOL_FAULT, extra: [2, 6], key: 'sfp-rxloss', skip: absent(3) },
  { entry: `${MT}.19.1.1`, class: 'state', name: sfpName(' Tx'), value: 4, states: BOOL_FAULT, extra: [2, 6], key: 'sfp-txfault', skip: absent(4) },
  { entry: `${MT}.19.1.1`, class: 'temperature', name: 2, value: 6, key: 'sfp', skip: emptyCage },
  { entry: `${MT}.19.1.1`, class: 'voltage', name: 2, value: 7, divisor: 1000, extra: [6], key: 'sfp', skip: emptyCage },
  { entry: `${MT}.19.1.1`, class: 'current', name: sfpName(' Tx Bias'), value: 8, divisor: 1000, extra: [2, 6], key: 'sfp-bias', skip: emptyCage },
  { entry: `${MT}.19.1.1`, class: 'dbm', name: sfpName(' Tx'), value: 9, divisor: 1000, extra: [2, 6], key: 'sfp-tx', skip: emptyCage },
  { entry: `${MT}.19.1.1`, class: 'dbm', name: sfpName(' Rx'), value: 10, divisor: 1000, extra: [2, 6], key: 'sfp-rx', skip: emptyCage },
  // mtxrWl60GTable (60 GHz links): mode and whether the station is connected.
  { entry: `${MT}.1.8.1`, class: 'state', name: () => 'Mode', value: 2, states: WL60G_MODES, key: 'w60g-mode' },
  { entry: `${MT}.1.8.1`, class: 'state', name: () => 'Station Connected', value: 4, states: CONNECTED, key: 'w60g-connected' },
];

async function readGauges(c: SnmpClient): Promise<SensorDraft[]> {
  return gaugeSensors(await columns(c, `${MT}.3.100.1`, [3, 2, 4]));
}

export const mikrotikModule: SensorModule = {
  name: 'sensors.mikrotik', stage: 'vendor', applies: fromEnterprise(14988),
  async run(c, out) {
    const [s, g, t] = await Promise.all([readScalars(c, MIKROTIK_SCALARS), readGauges(c), readTables(c, MIKROTIK_TABLES)]);
    addSensors(out, 'mikrotik', [...s, ...g, ...t]);
  },
};
