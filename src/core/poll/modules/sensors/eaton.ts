// Eaton UPSes. XUPS-MIB (enterprise 534) where the card has no UPS-MIB: battery, input, output, bypass and
// ambient temperature. MGE's MG-SNMP-UPS-MIB (enterprise 705) beside UPS-MIB: the battery's remaining time.
import type { SensorInfo } from '../../types';
import { addSensors, enterprise, readScalars, readTables, type ScalarSpec, type SensorModule, type TableSpec } from './common';

const XUPS = '1.3.6.1.4.1.534.1';
export const ABM_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['batteryCharging', 'ok'], 2: ['batteryDischarging', 'warning'], 3: ['batteryFloating', 'ok'], 4: ['batteryResting', 'ok'],
  5: ['unknown', 'unknown'], 6: ['batteryDisconnected', 'critical'], 7: ['batteryUnderTest', 'ok'], 8: ['checkBattery', 'warning'],
};

export const XUPS_SCALARS: ScalarSpec[] = [
  { oid: `${XUPS}.2.1.0`, class: 'runtime', description: 'Runtime', divisor: 60, key: 'runtime' },
  { oid: `${XUPS}.2.2.0`, class: 'voltage', description: 'Battery #0', key: 'battery' },
  { oid: `${XUPS}.2.3.0`, class: 'current', description: 'Battery #0', key: 'battery' },
  { oid: `${XUPS}.2.4.0`, class: 'charge', description: 'Battery #0', key: 'battery' },
  { oid: `${XUPS}.2.5.0`, class: 'state', description: 'Battery Status 0', states: ABM_STATES, key: 'abm' },
  { oid: `${XUPS}.3.1.0`, class: 'frequency', description: 'Input Phase #0', divisor: 10, key: 'input' },
  { oid: `${XUPS}.4.1.0`, class: 'load', description: 'Output Load', key: 'load' },
  { oid: `${XUPS}.4.2.0`, class: 'frequency', description: 'Output Phase #0', divisor: 10, key: 'output' },
  { oid: `${XUPS}.5.1.0`, class: 'frequency', description: 'Bypass Phase #0', divisor: 10, key: 'bypass' },
  { oid: `${XUPS}.6.1.0`, class: 'temperature', description: 'Ambient', key: 'ambient' },
];
export const XUPS_TABLES: TableSpec[] = [
  { entry: `${XUPS}.3.4.1`, class: 'voltage', name: (_r, i) => `Input Phase #${i}`, value: 2, key: 'input' },
  { entry: `${XUPS}.3.4.1`, class: 'current', name: (_r, i) => `Input Phase #${i}`, value: 3, key: 'input' },
  { entry: `${XUPS}.3.4.1`, class: 'power', name: (_r, i) => `Input Phase ${i}`, value: 4, key: 'input' },
  { entry: `${XUPS}.4.4.1`, class: 'voltage', name: (_r, i) => `Output Phase #${i}`, value: 2, key: 'output' },
  { entry: `${XUPS}.4.4.1`, class: 'current', name: (_r, i) => `Output Phase #${i}`, value: 3, key: 'output' },
  { entry: `${XUPS}.4.4.1`, class: 'power', name: (_r, i) => `Output Phase ${i}`, value: 4, key: 'output' },
  { entry: `${XUPS}.5.3.1`, class: 'voltage', name: (_r, i) => `Bypass Phase #${i}`, value: 2, key: 'bypass' },
];

export const eatonXupsModule: SensorModule = {
  name: 'sensors.eaton-xups', stage: 'vendor',
  // Runs after the general stage: where UPS-MIB answered, its sensors already cover the same readings.
  applies: (out) => enterprise(out) === 534 && !out.sensors?.some((s) => s.source === 'ups-mib'),
  async run(c, out) {
    const [s, t] = await Promise.all([readScalars(c, XUPS_SCALARS), readTables(c, XUPS_TABLES)]);
    addSensors(out, 'eaton-xups', [...s, ...t]);
  },
};

export const mgeModule: SensorModule = {
  name: 'sensors.mge', stage: 'vendor', applies: (out) => enterprise(out) === 705,
  async run(c, out) {
    addSensors(out, 'mge', await readScalars(c, [{ oid: '1.3.6.1.4.1.705.1.5.1.0', class: 'delay', description: 'Remaining time', key: 'remaining' }]));
  },
};
