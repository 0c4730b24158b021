// MikroTik RouterOS / SwOS (MIKROTIK-MIB, enterprise 14988): health scalars (voltage, temperature), the health
// gauge table (each row says its unit), PoE ports (state, voltage, current, power), SFP diagnostics and the
// DHCP lease count.
import type { SensorClass, SensorInfo } from '../../types';
import { addSensors, columns, fromEnterprise, num, readScalars, readTables, text, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';
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

export function gaugeSensors(rows: Map<string, Map<number, unknown>>): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const unit = GAUGE_UNITS[num(r.get(4)) ?? 0];
    const raw = num(r.get(3));
    if (!unit || raw === undefined) continue;
    const d: SensorDraft = { class: unit[0], index: `gauge.${i}`, description: text(r.get(2)) ?? `Gauge ${i}`, value: raw / unit[1] };
    if (unit[0] === 'state') Object.assign(d, { stateText: raw === 0 ? 'ok' : String(raw), status: raw === 0 ? 'ok' : 'critical' });
    out.push(d);
  }
  return out;
}

const sfpName = (suffix: string) => (r: Map<number, unknown>) => `${text(r.get(2)) ?? ''}${suffix}`;
export const MIKROTIK_TABLES: TableSpec[] = [
  { entry: `${MT}.15.1.1`, class: 'state', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 3, states: POE_STATES, extra: [2], key: 'poe' },
  { entry: `${MT}.15.1.1`, class: 'voltage', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 4, divisor: 10, extra: [2], key: 'poe' },
  { entry: `${MT}.15.1.1`, class: 'current', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 5, divisor: 1000, extra: [2], key: 'poe' },
  { entry: `${MT}.15.1.1`, class: 'power', name: (r) => `${text(r.get(2)) ?? ''} POE`, value: 6, divisor: 10, extra: [2], key: 'poe' },
  { entry: `${MT}.19.1.1`, class: 'temperature', name: 2, value: 6, key: 'sfp' },
  { entry: `${MT}.19.1.1`, class: 'voltage', name: 2, value: 7, divisor: 1000, key: 'sfp' },
  { entry: `${MT}.19.1.1`, class: 'current', name: sfpName(' Tx Bias'), value: 8, divisor: 1000, extra: [2], key: 'sfp-bias' },
  { entry: `${MT}.19.1.1`, class: 'dbm', name: sfpName(' Tx'), value: 9, divisor: 1000, extra: [2], key: 'sfp-tx' },
  { entry: `${MT}.19.1.1`, class: 'dbm', name: sfpName(' Rx'), value: 10, divisor: 1000, extra: [2], key: 'sfp-rx' },
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
