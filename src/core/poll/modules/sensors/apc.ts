// APC PowerNet-MIB (enterprise 318): Smart-UPS battery, input and output (high-precision values, tenths), and
// the rack PDUs' load and outlets. UPS-MIB is left to other makes on these devices: APC's own MIB says more.
import type { SensorInfo } from '../../types';
import { addSensors, fromEnterprise, readScalars, readTables, text, type ScalarSpec, type SensorModule, type TableSpec } from './common';

const UPS = '1.3.6.1.4.1.318.1.1.1';
const PDU = '1.3.6.1.4.1.318.1.1.12';
type States = Record<number, [string, SensorInfo['status']]>;

export const APC_OUTPUT_STATUS: States = {
  1: ['unknown', 'unknown'], 2: ['onLine', 'ok'], 3: ['onBattery', 'warning'], 4: ['onSmartBoost', 'ok'], 5: ['timedSleeping', 'warning'],
  6: ['softwareBypass', 'warning'], 7: ['off', 'critical'], 8: ['rebooting', 'warning'], 9: ['switchedBypass', 'warning'],
  10: ['hardwareFailureBypass', 'critical'], 11: ['sleepingUntilPowerReturn', 'warning'], 12: ['onSmartTrim', 'ok'],
  13: ['ecoMode', 'ok'], 14: ['hotStandby', 'ok'], 15: ['onBatteryTest', 'warning'], 16: ['emergencyStaticBypass', 'critical'],
  17: ['staticBypassStandby', 'warning'], 18: ['powerSavingMode', 'ok'], 19: ['spotMode', 'ok'], 20: ['eConversion', 'ok'],
  21: ['chargerSpotmode', 'ok'], 22: ['inverterSpotmode', 'ok'], 23: ['activeLoad', 'ok'], 24: ['batteryDischargeSpotmode', 'warning'],
  25: ['inverterStandby', 'warning'], 26: ['chargerOnly', 'warning'],
};
const REPLACE: States = { 1: ['noBatteryNeedsReplacing', 'ok'], 2: ['batteryNeedsReplacing', 'critical'] };
const FAIL_CAUSE: States = {
  1: ['noTransfer', 'ok'], 2: ['highLineVoltage', 'ok'], 3: ['brownout', 'ok'], 4: ['blackout', 'ok'], 5: ['smallMomentarySag', 'ok'],
  6: ['deepMomentarySag', 'ok'], 7: ['smallMomentarySpike', 'ok'], 8: ['largeMomentarySpike', 'ok'], 9: ['selfTest', 'ok'],
  10: ['rateOfVoltageChange', 'ok'],
};
const LOAD_STATE: States = { 1: ['lowLoad', 'ok'], 2: ['normal', 'ok'], 3: ['nearOverload', 'warning'], 4: ['overload', 'critical'] };
const OUTLET_STATE: States = { 1: ['outletOn', 'ok'], 2: ['outletOff', 'ok'], 3: ['outletReboot', 'warning'], 4: ['outletUnknown', 'unknown'] };

export const APC_UPS_SCALARS: ScalarSpec[] = [
  { oid: `${UPS}.2.3.1.0`, class: 'charge', description: 'Battery Charge', divisor: 10, key: 'charge' },
  { oid: `${UPS}.2.3.2.0`, class: 'temperature', description: 'Internal Temperature', divisor: 10, key: 'temperature' },
  { oid: `${UPS}.2.2.3.0`, class: 'runtime', description: 'Runtime', divisor: 6000, key: 'runtime' },
  { oid: `${UPS}.2.2.4.0`, class: 'state', description: 'UPS Battery Replacement Status', states: REPLACE, key: 'replace' },
  { oid: `${UPS}.2.2.5.0`, class: 'count', description: 'Installed batteries', key: 'batteries' },
  { oid: `${UPS}.2.3.4.0`, class: 'voltage', description: 'Battery Bus', divisor: 10, key: 'battery' },
  { oid: `${UPS}.3.2.5.0`, class: 'state', description: 'Last failure cause', states: FAIL_CAUSE, key: 'failcause' },
  { oid: `${UPS}.3.3.1.0`, class: 'voltage', description: 'Input', divisor: 10, key: 'input' },
  { oid: `${UPS}.3.3.4.0`, class: 'frequency', description: 'Input', divisor: 10, key: 'input' },
  { oid: `${UPS}.4.1.1.0`, class: 'state', description: 'Output Status', states: APC_OUTPUT_STATUS, key: 'output' },
  { oid: `${UPS}.4.2.8.0`, class: 'power', description: 'Active Power', key: 'output' },
  { oid: `${UPS}.4.3.1.0`, class: 'voltage', description: 'Output', divisor: 10, key: 'output' },
  { oid: `${UPS}.4.3.2.0`, class: 'frequency', description: 'Output', divisor: 10, key: 'output' },
  { oid: `${UPS}.4.3.3.0`, class: 'load', description: 'Load(VA)', divisor: 10, key: 'load' },
  { oid: `${UPS}.4.3.4.0`, class: 'current', description: 'Phase 0 Output', divisor: 10, key: 'output' },
];

export const APC_PDU_TABLES: TableSpec[] = [
  { entry: `${PDU}.2.3.1.1`, class: 'current', name: (_r, i) => (i === '1' ? 'Output' : `Output ${i}`), value: 2, divisor: 10 },
  { entry: `${PDU}.2.3.1.1`, class: 'state', name: (_r, i) => `Load State, Phase #${i}`, value: 3, states: LOAD_STATE, key: 'load' },
  // sPDUOutletControlMSPTable: outlet state and name.
  { entry: '1.3.6.1.4.1.318.1.1.4.4.2.1', class: 'state', name: (r, i) => `#${i} : ${text(r.get(4)) ?? ''}`, value: 3, states: OUTLET_STATE, extra: [4], key: 'outlet' },
];

export const apcModule: SensorModule = {
  name: 'sensors.apc', stage: 'vendor', applies: fromEnterprise(318),
  async run(c, out) {
    const [ups, pdu] = await Promise.all([readScalars(c, APC_UPS_SCALARS), readTables(c, APC_PDU_TABLES)]);
    addSensors(out, 'apc', [...ups, ...pdu]);
  },
};
