// Broadcom FASTPATH BOXSERVICES-PRIVATE-MIB, as shipped by Netgear (4526.10.43) and Ubiquiti EdgeSwitch
// (4413.1.1.43): fans (state, speed), power supplies, temperature sensors (reading, state) and the unit's
// temperature state. Indexes are unit.item.
import type { SensorInfo } from '../../types';
import { addSensors, readTables, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const ITEM: States = {
  1: ['notpresent', 'ok'], 2: ['operational', 'ok'], 3: ['failed', 'critical'], 4: ['powering', 'unknown'], 5: ['nopower', 'unknown'],
  6: ['notpowering', 'unknown'], 7: ['incompatible', 'warning'],
};
const TEMP_STATE: States = { 0: ['low', 'warning'], 1: ['normal', 'ok'], 2: ['warning', 'warning'], 3: ['critical', 'critical'], 4: ['shutdown', 'critical'], 5: ['notpresent', 'unknown'], 6: ['notoperational', 'critical'] };
const sub = (i: string, k: number) => i.split('.')[k] ?? '';

export function netgearTables(base: string): TableSpec[] {
  return [
    { entry: `${base}.1.8.1`, class: 'temperature', name: (_r, i) => `Switch ${sub(i, 0)} Sensor ${sub(i, 1)} Temperature`, value: 5, key: 'temp' },
    { entry: `${base}.1.6.1`, class: 'state', name: (_r, i) => `Switch ${sub(i, 0)} Fan ${sub(i, 1)} State`, value: 3, states: ITEM, key: 'fan' },
    { entry: `${base}.1.7.1`, class: 'state', name: (_r, i) => `PSU ${sub(i, 0)} State`, value: 3, states: ITEM, key: 'psu' },
  ];
}
export function edgeswitchTables(base: string): TableSpec[] {
  return [
    { entry: `${base}.1.15.1`, class: 'state', name: () => 'Chassis state', value: 2, states: TEMP_STATE, key: 'unit' },
    { entry: `${base}.1.8.1`, class: 'state', name: (_r, i) => `Temp Sensor ${i}`, value: 4, states: TEMP_STATE, key: 'temp' },
    { entry: `${base}.1.8.1`, class: 'temperature', name: (_r, i) => `Temperature ${i}`, value: 5, key: 'temp' },
    { entry: `${base}.1.6.1`, class: 'state', name: (_r, i) => `Fan ${i}`, value: 3, states: ITEM, key: 'fan' },
    { entry: `${base}.1.6.1`, class: 'fanspeed', name: (_r, i) => `Fan ${i}`, value: 4, key: 'fan' },
  ];
}

export const boxServicesModule: SensorModule = {
  name: 'sensors.boxservices', stage: 'vendor', os: ['netgear', 'edgeswitch'],
  async run(c, out) {
    const specs = out.os === 'netgear' ? netgearTables('1.3.6.1.4.1.4526.10.43') : edgeswitchTables('1.3.6.1.4.1.4413.1.1.43');
    addSensors(out, 'boxservices', await readTables(c, specs));
  },
};
