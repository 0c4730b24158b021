// Ubiquiti EdgePower (UBNT-EdgeMAX-MIB, 41112.1.5): the DC output (mV, mA, mW), the PSU bays (type, status,
// operational state, input voltage, battery charger, battery count, charge, runtime, replace flag) and the
// thermometers (thousandths of °C).
import type { SensorInfo } from '../../types';
import { addSensors, readScalars, readTables, type ScalarSpec, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const EM = '1.3.6.1.4.1.41112.1.5';
const PSU = `${EM}.3.2.1`;
export const EP_PSU_TYPE: States = { 0: ['unknown', 'unknown'], 1: ['ac', 'ok'], 2: ['dc', 'ok'], 3: ['poe', 'ok'] };
/** A bay on standby is a battery or second input waiting to take over: fine. */
export const EP_PSU_STATUS: States = { 0: ['unknown', 'unknown'], 1: ['on', 'ok'], 2: ['off', 'critical'], 3: ['standby', 'ok'] };
const OPER: States = { 0: ['down', 'critical'], 1: ['up', 'ok'] };
const CHARGING: States = { 0: ['unknown', 'unknown'], 1: ['charging', 'ok'], 2: ['not charging', 'ok'] };
const REPLACE: States = { 0: ['unknown', 'unknown'], 1: ['noBatteryNeedsReplacing', 'ok'], 2: ['batteryNeedsReplacing', 'critical'] };
const psu = (label: string) => (_r: Map<number, unknown>, i: string) => `${label}PSU ${i}`;

export const EDGEPOWER_TABLES: TableSpec[] = [
  { entry: `${EM}.2.2.1`, class: 'voltage', name: () => 'Output Voltage', value: 2, divisor: 1000, key: 'out' },
  { entry: `${EM}.2.2.1`, class: 'current', name: () => 'Output Current', value: 3, divisor: 1000, key: 'out' },
  { entry: `${EM}.2.2.1`, class: 'power', name: () => 'Output power', value: 4, divisor: 1000, key: 'out' },
  { entry: PSU, class: 'state', name: (_r, i) => `PSU type ${i}`, value: 2, states: EP_PSU_TYPE, key: 'type' },
  { entry: PSU, class: 'state', name: (_r, i) => `PSU status ${i}`, value: 3, states: EP_PSU_STATUS, key: 'status' },
  { entry: PSU, class: 'state', name: psu(''), value: 4, states: OPER, key: 'oper' },
  { entry: PSU, class: 'voltage', name: psu('Input Voltage '), value: 5, divisor: 1000, key: 'psu' },
  { entry: PSU, class: 'state', name: psu('Charge status '), value: 7, states: CHARGING, key: 'charging' },
  { entry: PSU, class: 'count', name: psu('Number of batteries '), value: 8, key: 'batteries' },
  { entry: PSU, class: 'charge', name: psu('Charge percentage '), value: 9, key: 'psu' },
  // TimeTicks (hundredths of a second) → minutes.
  { entry: PSU, class: 'runtime', name: psu('Battery runtime remaining '), value: 10, divisor: 6000, key: 'psu' },
  { entry: PSU, class: 'state', name: psu('Battery indicator '), value: 11, states: REPLACE, key: 'replace' },
  { entry: `${EM}.4.2.1`, class: 'temperature', name: (_r, i) => `Temperatures ${i}`, value: 3, divisor: 1000, key: 'therm' },
  { entry: `${EM}.5.2.1`, class: 'fanspeed', name: (_r, i) => `Fan ${i}`, value: 3, key: 'fan' },
];
const EDGEPOWER_SCALARS: ScalarSpec[] = [{ oid: `${EM}.3.1.0`, class: 'count', description: "Number of PSU's", key: 'bays' }];

export const ubiquitiEdgePowerModule: SensorModule = {
  name: 'sensors.ubiquiti-edgepower', stage: 'vendor', os: ['edgeos-ep'],
  async run(c, out) {
    const [t, s] = await Promise.all([readTables(c, EDGEPOWER_TABLES), readScalars(c, EDGEPOWER_SCALARS)]);
    addSensors(out, 'edgepower', [...s, ...t]);
  },
};
