// Tripp Lite PowerAlert cards (TRIPPLITE-PRODUCTS, enterprise 850.1.1): UPS battery detail and packs, input
// phases, output source and lines, load segments; PDU main load, input phases, output, circuits and outlets.
// Tables are indexed by tlpDeviceIndex first, so one card managing several devices reads the same way.
// Units from the MIB: voltages 0.1 V, currents 0.01 A, frequencies 0.1 Hz, temperatures 0.1 °C.
import type { SensorInfo } from '../../types';
import { addSensors, fromEnterprise, readTables, text, type SensorDraft, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const TLP = '1.3.6.1.4.1.850.1.1.3';
const UPS = `${TLP}.1`;
const PDU = `${TLP}.2`;
/** Last index component: the phase, outlet or circuit number after the device index. */
const last = (i: string) => i.split('.').pop() ?? i;
/** Outlet/load-segment name, or "Load N" when the user left it empty. */
const outletName = (r: Map<number, unknown>, i: string) => text(r.get(2)) || `Load ${last(i)}`;

export const TLP_LOAD_STATE: States = { 0: ['unknown', 'unknown'], 1: ['off', 'warning'], 2: ['on', 'ok'] };
/** Outlets switched off on purpose are not faults. */
const OUTLET_STATE: States = { 0: ['unknown', 'unknown'], 1: ['off', 'ok'], 2: ['on', 'ok'] };
export const TLP_BATTERY_STATUS: States = { 0: ['unknown', 'unknown'], 1: ['unknown', 'unknown'], 2: ['batteryNormal', 'ok'], 3: ['batteryLow', 'warning'], 4: ['batteryDepleted', 'critical'] };
export const TLP_CHARGE: States = {
  0: ['floating', 'ok'], 1: ['charging', 'ok'], 2: ['resting', 'ok'], 3: ['discharging', 'warning'], 4: ['normal', 'ok'], 5: ['standby', 'ok'],
};
export const TLP_CONDITION: States = { 0: ['unknown', 'unknown'], 1: ['good', 'ok'], 2: ['weak', 'warning'], 3: ['bad', 'critical'] };
export const TLP_UPS_SOURCE: States = {
  0: ['unknown', 'unknown'], 1: ['other', 'unknown'], 2: ['none', 'critical'], 3: ['normal', 'ok'], 4: ['bypass', 'warning'], 5: ['battery', 'warning'],
  6: ['boosting', 'ok'], 7: ['reducing', 'ok'], 8: ['second', 'ok'], 9: ['economy', 'ok'],
};

export const TLP_UPS_TABLES: TableSpec[] = [
  { entry: `${UPS}.2.1.1`, class: 'state', name: () => 'Main Load State', value: 1, states: TLP_LOAD_STATE, key: 'ups.main' },
  // tlpUpsDeviceTemperatureC.
  { entry: `${UPS}.2.1.1`, class: 'temperature', name: () => 'Temperature', value: 7, divisor: 10, key: 'ups' },
  { entry: `${UPS}.3.1.1.1`, class: 'state', name: (_r, i) => `Battery ${i} Status`, value: 1, states: TLP_BATTERY_STATUS, key: 'battery.status' },
  { entry: `${UPS}.3.1.1.1`, class: 'charge', name: () => 'Remaining', value: 4, key: 'battery' },
  { entry: `${UPS}.3.1.2.1`, class: 'voltage', name: (_r, i) => `Battery ${i}`, value: 1, divisor: 10, key: 'battery' },
  { entry: `${UPS}.3.1.2.1`, class: 'state', name: (_r, i) => `Charging Status ${i}`, value: 4, states: TLP_CHARGE, key: 'battery.charge' },
  { entry: `${UPS}.3.1.5.1`, class: 'state', name: (_r, i) => `Battery ${last(i)} Condition`, value: 1, states: TLP_CONDITION, key: 'pack.condition' },
  { entry: `${UPS}.3.2.2.1`, class: 'frequency', name: (_r, i) => `Input (Phase ${last(i)})`, value: 2, divisor: 10, key: 'input' },
  { entry: `${UPS}.3.2.2.1`, class: 'voltage', name: (_r, i) => `Input (Phase ${last(i)})`, value: 3, divisor: 10, key: 'input' },
  { entry: `${UPS}.3.3.1.1`, class: 'state', name: () => 'Output Source', value: 1, states: TLP_UPS_SOURCE, key: 'output.source' },
  { entry: `${UPS}.3.3.1.1`, class: 'frequency', name: () => 'Output', value: 3, divisor: 10, key: 'output' },
  { entry: `${UPS}.3.3.2.1`, class: 'voltage', name: () => 'Output', value: 2, divisor: 10, key: 'output' },
  { entry: `${UPS}.3.3.2.1`, class: 'current', name: () => 'Output', value: 3, divisor: 100, key: 'output' },
  { entry: `${UPS}.3.5.1.1`, class: 'state', name: outletName, value: 4, states: OUTLET_STATE, extra: [2], key: 'outlet' },
];

export const TLP_PDU_TABLES: TableSpec[] = [
  { entry: `${PDU}.2.1.1`, class: 'state', name: () => 'Main Load State', value: 1, states: TLP_LOAD_STATE, key: 'pdu.main' },
  { entry: `${PDU}.3.1.2.1`, class: 'frequency', name: () => 'Input', value: 3, divisor: 10, key: 'input' },
  { entry: `${PDU}.3.1.2.1`, class: 'voltage', name: (_r, i) => `Input (Phase ${last(i)})`, value: 4, divisor: 10, key: 'input' },
  { entry: `${PDU}.3.2.1.1`, class: 'voltage', name: () => 'Output', value: 4, divisor: 10, key: 'output' },
  { entry: `${PDU}.3.2.1.1`, class: 'current', name: () => 'Total Output', value: 5, divisor: 100, key: 'output' },
  { entry: `${PDU}.3.2.1.1`, class: 'power', name: () => 'Output', value: 8, key: 'output' },
  { entry: `${PDU}.3.2.1.1`, class: 'frequency', name: () => 'Output', value: 11, divisor: 10, key: 'output' },
  { entry: `${PDU}.3.3.1.1`, class: 'state', name: outletName, value: 4, states: OUTLET_STATE, extra: [2], key: 'outlet' },
  { entry: `${PDU}.3.4.1.1`, class: 'current', name: (_r, i) => `Circuit ${last(i)}`, value: 4, divisor: 100, key: 'circuit' },
];

/** Several output phases or devices would share one name: their rows get the phase (and device) appended. */
export function distinctNames(drafts: SensorDraft[]): SensorDraft[] {
  const seen = new Map<string, number>();
  for (const d of drafts) seen.set(`${d.class}|${d.description}`, (seen.get(`${d.class}|${d.description}`) ?? 0) + 1);
  return drafts.map((d) => {
    if ((seen.get(`${d.class}|${d.description}`) ?? 0) < 2) return d;
    const idx = String(d.index).split('.').slice(-2).join('.');
    return { ...d, description: `${d.description} (${idx})` };
  });
}

export const trippliteModule: SensorModule = {
  name: 'sensors.tripplite', stage: 'vendor', applies: fromEnterprise(850),
  async run(c, out) {
    const [ups, pdu] = await Promise.all([readTables(c, TLP_UPS_TABLES), readTables(c, TLP_PDU_TABLES)]);
    addSensors(out, 'tripplite', distinctNames([...ups, ...pdu]));
  },
};
