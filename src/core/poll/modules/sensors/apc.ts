// APC PowerNet-MIB (enterprise 318): Smart-UPS battery, input and output (high-precision values, tenths), and
// the rack PDUs' load and outlets. UPS-MIB is left to other makes on these devices: APC's own MIB says more.
import type { SensorInfo } from '../../types';
import { addSensors, columns, fromEnterprise, monthDayYear, num, readScalars, readTables, scalars, text, type Rows, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

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

const RPDU2 = '1.3.6.1.4.1.318.1.1.26';
/** rPDU2DeviceStatusLoadState (and the phase's). */
const RPDU2_LOAD: States = { 1: ['noLoadAlarm', 'ok'], 2: ['underCurrentAlarm', 'warning'], 3: ['nearOverCurrentAlarm', 'warning'], 4: ['overCurrentAlarm', 'critical'], 5: ['lowLoad', 'ok'] };
const RPDU2_PHASE_LOAD: States = { 1: ['lowLoad', 'ok'], 2: ['normal', 'ok'], 3: ['nearOverload', 'warning'], 4: ['overload', 'critical'] };
const PSU_ALARM: States = { 1: ['normal', 'ok'], 2: ['alarm', 'critical'] };
/** -1 is "not supported" in the rPDU2 tables. */
const unsupported = (col: number) => (r: Map<number, unknown>) => { const v = num(r.get(col)); return v === undefined || v < 0; };

export const APC_PDU_SCALARS: ScalarSpec[] = [
  { oid: `${PDU}.1.16.0`, class: 'power', description: 'Total power', key: 'total' },
  { oid: `${PDU}.1.15.0`, class: 'voltage', description: 'Input', key: 'input' },
];
export const APC_RPDU2_TABLES: TableSpec[] = [
  { entry: `${RPDU2}.4.3.1`, class: 'state', name: () => 'Device State', value: 4, states: RPDU2_LOAD, key: 'device' },
  { entry: `${RPDU2}.4.3.1`, class: 'state', name: () => 'Power Supply State', value: 12, states: PSU_ALARM, key: 'psu' },
  // Power in hundredths of kW, energy in tenths of kWh since the start time of column 8.
  { entry: `${RPDU2}.4.3.1`, class: 'power', name: () => 'Power, Total', value: 5, multiplier: 10, skip: unsupported(5), key: 'device' },
  { entry: `${RPDU2}.4.3.1`, class: 'power_consumed', name: (r) => `Energy since ${text(r.get(8)) ?? ''}`.trim(), value: 9, divisor: 10, extra: [8], skip: unsupported(9), key: 'device' },
  { entry: `${RPDU2}.6.3.1`, class: 'state', name: (_r, i) => `Load State, Phase #${i}`, value: 4, states: RPDU2_PHASE_LOAD, key: 'phase' },
  { entry: `${RPDU2}.6.3.1`, class: 'voltage', name: () => 'Input', value: 6, skip: unsupported(6), key: 'phase' },
];

/** -1 (or below) is a probe's "no such reading". */
const reading = (v: unknown) => { const n = num(v); return n === undefined || n < 0 ? undefined : n; };
const F_TO_C = (f: number) => Number((((f - 32) * 5) / 9).toFixed(1));
const UIO = '1.3.6.1.4.1.318.1.1.25.1.2.1';
const IEM = '1.3.6.1.4.1.318.1.1.10.2.3.2.1';
/**
 * Environment probes, one walk per column (the reading first: none more where it is empty): the NMC's universal I/O ports
 * (uioSensorStatusTable: name, °C, %RH) and the older integrated monitor (iemStatusProbesTable: name, temperature in
 * the unit of iemStatusProbeTempUnits — celsius(1), fahrenheit(2) — and %RH).
 */
export function apcProbes(uio: Rows, iem: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of uio) {
    const name = text(r.get(3)) || `Probe ${i}`;
    const t = reading(r.get(6));
    const h = reading(r.get(7));
    if (t !== undefined) out.push({ class: 'temperature', index: `uio.${i}`, description: name, value: t });
    if (h !== undefined) out.push({ class: 'humidity', index: `uio.${i}`, description: name, value: h });
  }
  for (const [i, r] of iem) {
    const name = text(r.get(2)) || `Probe ${i}`;
    const t = reading(r.get(4));
    const h = reading(r.get(6));
    if (t !== undefined) out.push({ class: 'temperature', index: `iem.${i}`, description: name, value: num(r.get(5)) === 2 ? F_TO_C(t) : t });
    if (h !== undefined && h > 0) out.push({ class: 'humidity', index: `iem.${i}`, description: name, value: h });
  }
  return out;
}

/** An APC date (mm/dd/yy or mm/dd/yyyy) as a UTC timestamp, or undefined. */
export const apcDate = monthDayYear;
/**
 * Battery replacement dates as minutes from the poll: since the last replacement, and until the recommended one
 * (negative once it is past, which the low limit of 0 makes critical).
 */
export function batteryDates(lastReplaced: unknown, recommended: unknown, now: number): SensorDraft[] {
  const out: SensorDraft[] = [];
  const last = apcDate(lastReplaced);
  const due = apcDate(recommended);
  if (last !== undefined) out.push({ class: 'runtime', index: 'battery.replaced', description: 'Last Battery Replacement', value: Math.round((now - last) / 60000) });
  if (due !== undefined) out.push({ class: 'runtime', index: 'battery.due', description: 'Battery Recommended Days Remaining', value: Math.round((due - now) / 60000), limitLow: 0 });
  return out;
}

/**
 * upsAdvBatteryNumOfBadBattPacks: defective external battery packs, critical from the first one. Some UPSes answer
 * -1 (they cannot tell): the sensor is kept, without a reading, rather than a negative count or a false "0".
 */
export function badBatteryPacks(v: unknown): SensorDraft[] {
  if (v === undefined || v === null) return [];
  const n = num(v);
  const d: SensorDraft = { class: 'count', index: 'batteries.bad', description: 'Bad batteries', limitHigh: 1 };
  if (n !== undefined && n >= 0) d.value = n;
  return [d];
}

export const apcModule: SensorModule = {
  name: 'sensors.apc', stage: 'vendor', applies: fromEnterprise(318),
  async run(c, out) {
    const [ups, pdu, pduScalars, rpdu2, probes, dates] = await Promise.all([
      readScalars(c, APC_UPS_SCALARS), readTables(c, APC_PDU_TABLES), readScalars(c, APC_PDU_SCALARS), readTables(c, APC_RPDU2_TABLES),
      Promise.all([columns(c, UIO, [6, 3, 7]), columns(c, IEM, [4, 2, 5, 6])]).then(([uio, iem]) => apcProbes(uio, iem)),
      scalars(c, [`${UPS}.2.1.3.0`, `${UPS}.2.2.21.0`, `${UPS}.2.2.6.0`]),
    ]);
    const now = Date.parse(out.polledAt);
    ups.push(...badBatteryPacks(dates[2]), ...probes, ...(Number.isFinite(now) ? batteryDates(dates[0], dates[1], now) : []));
    // A PDU with both MIB generations reports its total power, phase load and input voltage in each: the rPDU2
    // total wins where it is supported, the older phase and voltage readings otherwise.
    const rpdu2Power = rpdu2.some((d) => d.class === 'power');
    const older = pduScalars.filter((d) => (d.value ?? -1) >= 0 && !(rpdu2Power && d.class === 'power'));
    const seen = new Set([...ups, ...pdu, ...older].map((d) => `${d.class}|${d.description}`));
    addSensors(out, 'apc', [...ups, ...pdu, ...older, ...rpdu2.filter((d) => !seen.has(`${d.class}|${d.description}`))]);
  },
};
