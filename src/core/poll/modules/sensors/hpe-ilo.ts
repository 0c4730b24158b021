// HPE ProLiant / iLO (CPQHLTH-MIB, CPQSTDEQ-MIB, CPQIDA-MIB; enterprise 232): temperatures by location with their
// threshold, fans, power supplies (condition and watts in use), processors, DIMMs, Smart Array controllers,
// cache batteries, logical and physical drives (with the drives' temperatures). Conditions are the device's own.
import type { SensorInfo } from '../../types';
import { fromEnterprise, num, tableModule, text, type TableSpec } from './common';

const CPQ = '1.3.6.1.4.1.232';

/** The CPQ MIBs' condition: other(1) ok(2) degraded(3) failed(4). */
export const CPQ_CONDITION: Record<number, [string, SensorInfo['status']]> = {
  1: ['other', 'unknown'], 2: ['ok', 'ok'], 3: ['degraded', 'warning'], 4: ['failed', 'critical'],
};
const CPU_STATUS: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['ok', 'ok'], 3: ['degraded', 'warning'], 4: ['failed', 'critical'], 5: ['disabled', 'unknown'],
};
const LOGDRV_STATUS: Record<number, [string, SensorInfo['status']]> = {
  1: ['other', 'unknown'], 2: ['ok', 'ok'], 3: ['failed', 'critical'], 4: ['unconfigured', 'unknown'], 5: ['recovering', 'warning'],
  6: ['readyForRebuild', 'warning'], 7: ['rebuilding', 'warning'], 8: ['wrongDrive', 'critical'], 9: ['badConnect', 'critical'],
  10: ['overheating', 'critical'], 11: ['shutdown', 'critical'], 12: ['expanding', 'warning'], 13: ['notAvailable', 'unknown'],
  14: ['queuedForExpansion', 'warning'], 15: ['multipathAccessDegraded', 'warning'], 16: ['erasing', 'warning'],
};
/** cpqHeTemperatureLocale. */
const LOCALES = ['', 'other', 'unknown', 'system', 'systemBoard', 'ioBoard', 'cpu', 'memory', 'storage', 'removableMedia', 'powerSupply', 'ambient', 'chassis', 'bridgeCard'];
const last = (index: string) => Number(index.split('.').pop());

/** cpqHeSysBatteryStatus: noError(1), then the failure or shutdown cause. */
const BATTERY_STATUS: Record<number, [string, SensorInfo['status']]> = {
  1: ['noError', 'ok'], 2: ['generalFailure', 'critical'], 3: ['shutdownHighResistance', 'critical'], 4: ['shutdownLowVoltage', 'critical'],
  5: ['shutdownShortCircuit', 'critical'], 6: ['shutdownChargeTimeout', 'critical'], 7: ['shutdownOverTemperature', 'critical'],
  8: ['shutdownDischargeMinVoltage', 'critical'], 9: ['shutdownDischargeCurrent', 'critical'], 10: ['shutdownLoadCountHigh', 'critical'],
  11: ['shutdownEnablePin', 'critical'], 12: ['shutdownOverCurrent', 'critical'], 13: ['shutdownPermanentFailure', 'critical'],
  14: ['shutdownBackupTimeExceeded', 'critical'],
};
/** The smart storage battery by its capacity and spare part number, as HPE labels it. */
const battery = (what: string) => (r: Map<number, unknown>, i: string) => {
  const label = [num(r.get(6)) !== undefined ? `${num(r.get(6))}W` : undefined, text(r.get(8))].filter(Boolean).join(' ');
  return `Battery ${what} (${label || i})`;
};

export const HPE_TABLES: TableSpec[] = [
  // cpqHeSysBatteryTable: the smart storage (cache backup) batteries.
  { entry: `${CPQ}.6.2.17.2.1`, class: 'state', name: battery('Condition'), value: 4, states: CPQ_CONDITION, extra: [6, 8], key: 'sysbattery.cond' },
  { entry: `${CPQ}.6.2.17.2.1`, class: 'state', name: battery('Status'), value: 5, states: BATTERY_STATUS, extra: [6, 8], key: 'sysbattery.status' },
  {
    entry: `${CPQ}.6.2.6.8.1`, class: 'temperature', name: (r) => LOCALES[num(r.get(3)) ?? 1] ?? 'other', value: 4, extra: [3],
    limits: { high: 5 }, statusCol: 6, statusStates: CPQ_CONDITION, skip: (r) => (num(r.get(4)) ?? -99) <= 0,
  },
  { entry: `${CPQ}.6.2.6.7.1`, class: 'state', name: (_r, i) => `Fan #${last(i)}`, value: 9, states: CPQ_CONDITION, key: 'fan' },
  { entry: `${CPQ}.6.2.9.3.1`, class: 'state', name: (r, i) => `PowerSupply #${num(r.get(2)) ?? last(i)}`, value: 4, states: CPQ_CONDITION, extra: [2], key: 'psu' },
  {
    entry: `${CPQ}.6.2.9.3.1`, class: 'power', name: (r, i) => `PowerSupply #${num(r.get(2)) ?? last(i)}`, value: 7, limits: { high: 8 }, extra: [2],
    statusCol: 4, statusStates: CPQ_CONDITION, skip: (r) => num(r.get(8)) === 0,
  },
  { entry: `${CPQ}.1.2.2.1.1`, class: 'state', name: (_r, i) => `Processor #${last(i) + 1}`, value: 6, states: CPU_STATUS, key: 'cpu' },
  { entry: `${CPQ}.6.2.14.13.1`, class: 'state', name: 13, value: 20, states: CPQ_CONDITION, key: 'dimm' },
  { entry: `${CPQ}.3.2.2.1.1`, class: 'state', name: (r) => `Array Controller Slot#${text(r.get(5)) ?? ''}`, value: 6, states: CPQ_CONDITION, extra: [5], key: 'array' },
  { entry: `${CPQ}.3.2.2.2.1`, class: 'state', name: (_r, i) => `Cache Module Board ${i} Battery`, value: 6, states: CPQ_CONDITION, key: 'cache-battery' },
  { entry: `${CPQ}.3.2.3.1.1`, class: 'state', name: (r, i) => `Logical Drive #${num(r.get(2)) ?? last(i)}`, value: 4, states: LOGDRV_STATUS, extra: [2], key: 'logdrv' },
  { entry: `${CPQ}.3.2.3.1.1`, class: 'state', name: (r, i) => `Logical Drive Status #${num(r.get(2)) ?? last(i)}`, value: 11, states: CPQ_CONDITION, extra: [2], key: 'logdrv-cond' },
  { entry: `${CPQ}.3.2.5.1.1`, class: 'state', name: (r) => `Disk #${text(r.get(64)) ?? ''}`, value: 37, states: CPQ_CONDITION, extra: [64], key: 'disk' },
  {
    entry: `${CPQ}.3.2.5.1.1`, class: 'temperature', name: 64, value: 70, limits: { high: 71 }, key: 'disk',
    skip: (r) => (num(r.get(70)) ?? -1) <= 0,
  },
];

export const hpeIloModule = tableModule('hpe', fromEnterprise(232), HPE_TABLES);
