// Eaton UPSes. XUPS-MIB (enterprise 534) where the card has no UPS-MIB: battery, input, output, bypass and
// ambient temperature. MGE's MG-SNMP-UPS-MIB (enterprise 705) beside UPS-MIB: the battery's remaining time and
// temperature, the status flags of battery, input and output, environment probe and alarm counts. Network-M2
// cards (534 with UPS-MIB): test result, alarm count, the battery's low-capacity flag and replacement date, and the
// EMP environment probe.
import type { SensorInfo } from '../../types';
import { addSensors, enterprise, monthDayYear, num, readScalars, readTables, scalars, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

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
/** xupsTestBatteryStatus. */
export const XUPS_TEST: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['passed', 'ok'], 3: ['failed', 'critical'], 4: ['inProgress', 'ok'], 5: ['notSupported', 'unknown'],
  6: ['inhibited', 'warning'], 7: ['scheduled', 'ok'],
};
export const XUPS_TABLES: TableSpec[] = [
  // Walked rather than read as a scalar: some cards answer it under a second instance too, and each is a reading.
  { entry: `${XUPS}.8`, class: 'state', name: (_r, i) => `Battery Test Status ${i}`, value: 2, states: XUPS_TEST, key: 'test' },
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

const MG = '1.3.6.1.4.1.705.1';
const X = '1.3.6.1.4.1.534.1';
type States = Record<number, [string, SensorInfo['status']]>;
/** MG-SNMP-UPS-MIB flags are yes(1)/no(2); the words say what "yes" means. */
const flag = (yes: string, no: string, bad: SensorInfo['status'] = 'critical'): States => ({ 1: [yes, bad], 2: [no, 'ok'] });
const LINE_FAIL: States = { 1: ['No Failure', 'ok'], 2: ['Tolerance Volt. Out', 'critical'], 3: ['Tolerance Freq. Out', 'critical'], 4: ['No Voltage', 'critical'] };

export const MGE_SCALARS: ScalarSpec[] = [
  { oid: `${MG}.5.1.0`, class: 'delay', description: 'Remaining time', key: 'remaining' },
  { oid: `${MG}.5.7.0`, class: 'temperature', description: 'Battery', key: 'battery' },
  { oid: `${X}.6.5.0`, class: 'temperature', description: 'Remote', key: 'remote' },
  { oid: `${X}.6.1.0`, class: 'temperature', description: 'Ambient', key: 'ambient' },
  { oid: `${X}.6.6.0`, class: 'humidity', description: 'Environment', key: 'environment' },
  // UPS-MIB upsAlarmsPresent beside the card's own alarm summary (xupsAlarms).
  { oid: '1.3.6.1.2.1.33.1.6.1.0', class: 'count', description: 'UPS Alarms', key: 'alarms' },
  { oid: `${X}.7.1.0`, class: 'state', description: 'XUPS Alarm', states: { 0: ['No Alarm', 'ok'], 1: ['Alarm raised', 'critical'], 2: ['Alarms raised', 'critical'], 3: ['Alarms raised', 'critical'], 4: ['Alarms raised', 'critical'] }, key: 'xalarms' },
  { oid: `${MG}.7.3.0`, class: 'state', description: 'Input Status', states: flag('On Battery', 'On Input Power'), key: 'onbattery' },
  { oid: `${MG}.7.4.0`, class: 'state', description: 'Bypass Status', states: flag('On ByPass', 'Not Active'), key: 'bypass' },
  { oid: `${MG}.7.7.0`, class: 'state', description: 'Utility Status', states: flag('No Voltage', 'Output OK'), key: 'utility' },
  { oid: `${MG}.7.9.0`, class: 'state', description: 'UPS Inverter Status', states: flag('Inverter Off', 'OK'), key: 'inverter' },
  { oid: `${MG}.7.10.0`, class: 'state', description: 'Output OverLoad', states: flag('Yes', 'No'), key: 'overload' },
  { oid: `${MG}.7.11.0`, class: 'state', description: 'Over Temperature', states: flag('Over Temperature', 'OK'), key: 'overtemp' },
  { oid: `${MG}.5.9.0`, class: 'state', description: 'Battery Fault', states: flag('Fault', 'OK'), key: 'battfault' },
  { oid: `${MG}.5.11.0`, class: 'state', description: 'Battery Replacement Status', states: flag('To be replaced', 'OK'), key: 'replace' },
  { oid: `${MG}.5.14.0`, class: 'state', description: 'Battery Charge Status', states: flag('Low Battery', 'OK'), key: 'low' },
  { oid: `${MG}.5.15.0`, class: 'state', description: 'Battery Charger Status', states: flag('Fault', 'OK'), key: 'charger' },
  { oid: `${MG}.5.16.0`, class: 'state', description: 'Battery Condition', states: flag('Low Condition', 'OK'), key: 'condition' },
  { oid: `${MG}.6.3.0`, class: 'state', description: 'Input Status', states: flag('Bad Status', 'OK'), key: 'inputbad' },
  { oid: `${MG}.6.4.0`, class: 'state', description: 'Input Line Fail Cause', states: LINE_FAIL, key: 'linefail' },
];

/** UPS-MIB upsTestResultsSummary. */
export const UPS_TEST: States = {
  1: ['donePass', 'ok'], 2: ['doneWarning', 'warning'], 3: ['doneError', 'critical'], 4: ['aborted', 'warning'], 5: ['inProgress', 'ok'], 6: ['noTestsInitiated', 'ok'],
};
const UPS_TEST_SPEC: ScalarSpec = { oid: '1.3.6.1.2.1.33.1.7.3.0', class: 'state', description: 'UPS Test', states: UPS_TEST, key: 'test' };
MGE_SCALARS.push(UPS_TEST_SPEC);

/** xupsContactState. */
const CONTACT: States = { 1: ['open', 'ok'], 2: ['closed', 'ok'], 3: ['openWithNotice', 'warning'], 4: ['closedWithNotice', 'warning'] };
/**
 * Network-M2 cards (eatonupsm2) beside UPS-MIB: the test result and alarm count of UPS-MIB, and the EMP probe the
 * card reports through XUPS-MIB's environment group (remote temperature and humidity with their limits, contacts).
 */
export const M2_SCALARS: ScalarSpec[] = [
  { oid: '1.3.6.1.2.1.33.1.6.1.0', class: 'count', description: 'UPS Alarms', key: 'alarms' },
  UPS_TEST_SPEC,
  // xupsBatteryLowCapacity (yes/no): the battery's capacity is low — worn, not empty, so a warning.
  { oid: `${X}.2.10.0`, class: 'state', description: 'Battery Low Capacity Warning', states: flag('yes', 'no', 'warning'), key: 'lowcapacity' },
];
const LAST_REPLACED = `${X}.2.6.0`;

/** xupsBatteryLastReplacedDate (mm/dd/yyyy) as minutes since then, counted from the poll (negative if the date is later). */
export function lastReplaced(v: unknown, now: number): SensorDraft[] {
  const t = monthDayYear(v);
  if (t === undefined || !Number.isFinite(now)) return [];
  return [{ class: 'runtime', index: 'battery.replaced', description: 'Last battery replacement', value: Math.round((now - t) / 60000) }];
}
export const M2_TABLES: TableSpec[] = [
  { entry: `${X}.6.8.1`, class: 'state', name: (_r, i) => `Contact ${i}`, value: 3, states: CONTACT, key: 'contact' },
];
const EMP_LIMITS = ['1.3.6.1.4.1.534.1.6.5.0', '1.3.6.1.4.1.534.1.6.6.0', '1.3.6.1.4.1.534.1.6.9.0', '1.3.6.1.4.1.534.1.6.10.0', '1.3.6.1.4.1.534.1.6.11.0', '1.3.6.1.4.1.534.1.6.12.0'];
export function empProbe(v: (number | undefined)[]): SensorDraft[] {
  const [temp, hum, tLow, tHigh, hLow, hHigh] = v;
  const out: SensorDraft[] = [];
  if (temp !== undefined) out.push({ class: 'temperature', index: 'remote', description: 'Remote', value: temp, limitLow: tLow, limitHigh: tHigh });
  if (hum !== undefined && hum > 0) out.push({ class: 'humidity', index: 'remote', description: 'Humidity', value: hum, limitLow: hLow, limitHigh: hHigh });
  return out;
}

export const eatonM2Module: SensorModule = {
  name: 'sensors.eaton-m2', stage: 'vendor', os: ['eatonupsm2'],
  async run(c, out) {
    // The replacement date rides in the same GET as the probe's readings and limits.
    const [s, t, raw] = await Promise.all([readScalars(c, M2_SCALARS), readTables(c, M2_TABLES), scalars(c, [...EMP_LIMITS, LAST_REPLACED])]);
    const replaced = raw.pop();
    addSensors(out, 'eaton-m2', [...s, ...lastReplaced(replaced, Date.parse(out.polledAt)), ...t, ...empProbe(raw.map(num))]);
  },
};

export const mgeModule: SensorModule = {
  name: 'sensors.mge', stage: 'vendor', applies: (out) => enterprise(out) === 705,
  async run(c, out) {
    addSensors(out, 'mge', await readScalars(c, MGE_SCALARS));
  },
};
