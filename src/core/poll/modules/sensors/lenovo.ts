// Lenovo/IBM server management controllers: IMM (IMM-MIB, 2.3.51.3) and XClarity Controller (LENOVO-XCC-MIB,
// 19046.11.1) — temperatures, voltages, fan speeds (% of maximum, written as text), overall health, power state
// and the power drawn by CPU, memory and the rest. Readings come as text ("3.2110", " 38% of maximum", "N/A").
import type { SensorInfo } from '../../types';
import { addSensors, num, readScalars, readTables, type ScalarSpec, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const IMM = '1.3.6.1.4.1.2.3.51.3.1';
const XCC = '1.3.6.1.4.1.19046.11.1';
const IMM_HEALTH: States = { 0: ['nonRecoverable', 'critical'], 2: ['Critical', 'critical'], 4: ['nonCritical', 'warning'], 255: ['Ok', 'ok'] };
const XCC_HEALTH: States = { 0: ['completely failed', 'critical'], 2: ['failed', 'critical'], 4: ['degraded', 'warning'], 255: ['ok', 'ok'] };
const XCC_POWER: States = { 0: ['powered off', 'critical'], 1: ['sleep', 'warning'], 255: ['power on', 'ok'] };
const FAN_HEALTH: States = { 0: ['Unknown', 'unknown'], 1: ['Normal', 'ok'], 2: ['Warning', 'warning'], 3: ['Critical', 'critical'], 4: ['nonRecoverable', 'critical'] };
const noReading = (col: number) => (r: Map<number, unknown>) => num(r.get(col)) === undefined;

export const IMM_TABLES: TableSpec[] = [
  { entry: `${IMM}.1.2.1`, class: 'temperature', name: 2, value: 3, key: 'temp' },
  { entry: `${IMM}.2.2.1`, class: 'voltage', name: 2, value: 3, divisor: 1000, key: 'volt' },
  { entry: `${IMM}.3.2.1`, class: 'percent', name: 2, value: 3, skip: noReading(3), key: 'fan' },
];
export const XCC_TABLES: TableSpec[] = [
  { entry: `${XCC}.1.1.2.1`, class: 'temperature', name: 2, value: 3, limits: { high: 6, highWarn: 7, low: 9, lowWarn: 10 }, key: 'temp' },
  { entry: `${XCC}.1.2.2.1`, class: 'voltage', name: 2, value: 3, limits: { high: 6, highWarn: 7, low: 9, lowWarn: 10 }, key: 'volt' },
  { entry: `${XCC}.1.3.2.1`, class: 'percent', name: 2, value: 3, skip: noReading(3), key: 'fan' },
  // fanHealthStatus is a word on some firmware: only numeric states are states.
  { entry: `${XCC}.1.3.2.1`, class: 'state', name: 2, value: 10, states: FAN_HEALTH, skip: noReading(10), key: 'fan' },
];
export const IMM_SCALARS: ScalarSpec[] = [{ oid: `${IMM}.4.1.0`, class: 'state', description: 'System Health Status', states: IMM_HEALTH, key: 'health' }];
export const XCC_SCALARS: ScalarSpec[] = [
  { oid: `${XCC}.1.4.1.0`, class: 'state', description: 'Overall System Status', states: XCC_HEALTH, key: 'health' },
  { oid: `${XCC}.5.1.1.0`, class: 'state', description: 'Power status', states: XCC_POWER, key: 'power' },
  { oid: `${XCC}.1.10.1.10.0`, class: 'power', description: 'Total in use', key: 'total' },
  { oid: `${XCC}.1.10.1.11.0`, class: 'power', description: 'CPU', key: 'cpu' },
  { oid: `${XCC}.1.10.1.12.0`, class: 'power', description: 'Memory', key: 'memory' },
  { oid: `${XCC}.1.10.1.13.0`, class: 'power', description: 'Other', key: 'other' },
];

export const lenovoModule: SensorModule = {
  name: 'sensors.lenovo', stage: 'vendor', os: ['ibm-imm', 'xclarity'],
  async run(c, out) {
    const xcc = out.os === 'xclarity';
    const [t, s] = await Promise.all([readTables(c, xcc ? XCC_TABLES : IMM_TABLES), readScalars(c, xcc ? XCC_SCALARS : IMM_SCALARS)]);
    addSensors(out, 'lenovo', [...t, ...s]);
  },
};
