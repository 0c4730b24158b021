// D-Link DGS/DES switches (enterprise 171). Two generations:
//   DLINK-EQUIPMENT-MIB dEntityExtEnvTempTable (171.12.11) on older lines: the unit's temperature;
//   the newer equipment MIB's dEntityExtEnv group — temperature (°C, thresholds, status), fans and power supplies
//   (status) — at 171.14.5.1 (DGS-1510 and kin) or in the model's own branch 171.11.<model>.1000.5.1 (DGS-1250),
//   where the same branch's .72 holds the transceivers' DDM readings.
import type { DevicePoll, SensorInfo } from '../../types';
import { addSensors, fromEnterprise, readTables, text, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const TEMP_STATUS: States = { 1: ['normal', 'ok'], 2: ['abnormal', 'critical'] };
const FAN_STATUS: States = { 1: ['ok', 'ok'], 2: ['fault', 'critical'] };
const POWER_STATUS: States = { 1: ['inOperation', 'ok'], 2: ['failed', 'critical'], 3: ['empty', 'ok'] };
const DDM_STATUS: States = { 0: ['normal', 'ok'], 1: ['highAlarm', 'critical'], 2: ['highWarning', 'warning'], 3: ['lowWarning', 'warning'], 4: ['lowAlarm', 'critical'] };

export const DLINK_LEGACY_TABLES: TableSpec[] = [
  { entry: '1.3.6.1.4.1.171.12.11.1.8.1', class: 'temperature', name: (_r, i) => `Current Sys Temp ${i.split('.').pop()}`, value: 2 },
];

/** The equipment MIB's bases for this device: the common one and, for models that keep it in their branch, that. */
export function equipmentBases(sysObjectID: string | undefined): string[] {
  const m = /^\.?1\.3\.6\.1\.4\.1\.171\.10\.(\d+)\./.exec(sysObjectID ?? '');
  return ['1.3.6.1.4.1.171.14', ...(m ? [`1.3.6.1.4.1.171.11.${m[1]}.1000`] : [])];
}

const envName = (fallback: string) => (r: Map<number, unknown>, i: string) => text(r.get(3)) || `Unit ${i.split('.')[0]} ${fallback} ${i.split('.')[1] ?? ''}`.trim();
export function envTables(base: string): TableSpec[] {
  const env = `${base}.5.1.1`;
  return [
    { entry: `${env}.1.1`, class: 'temperature', name: envName('Temperature'), value: 4, limits: { low: 5, high: 6 }, extra: [3], statusCol: 7, statusStates: TEMP_STATUS, key: `temp.${base}` },
    { entry: `${env}.1.1`, class: 'state', name: envName('Temperature'), value: 7, states: TEMP_STATUS, extra: [3], key: `temp-status.${base}` },
    { entry: `${env}.2.1`, class: 'state', name: envName('Fan'), value: 4, states: FAN_STATUS, extra: [3], key: `fan.${base}` },
    { entry: `${env}.3.1`, class: 'state', name: envName('Power'), value: 6, states: POWER_STATUS, extra: [3], key: `psu.${base}` },
  ];
}

/**
 * DDM table (index = port): per reading a value, a status and four limits (high alarm, high warning, low warning,
 * low alarm): temperature in m°C, voltage in cV, bias in mA, Tx/Rx power in 0.1 µW.
 */
const DDM_READINGS: { col: number; class: SensorInfo['class']; label: string; divisor: number; key: string }[] = [
  { col: 1, class: 'temperature', label: 'Temp', divisor: 1000, key: 'temp' },
  { col: 7, class: 'voltage', label: 'Volt', divisor: 100, key: 'volt' },
  { col: 13, class: 'current', label: 'Bias', divisor: 1000, key: 'bias' },
  { col: 19, class: 'power', label: 'TX Power', divisor: 1e7, key: 'tx' },
  { col: 25, class: 'power', label: 'RX Power', divisor: 1e7, key: 'rx' },
];
const DDM_STATE_LABEL: Record<string, string> = { temp: 'Temp', volt: 'Voltage', bias: 'Bias', tx: 'TX Power', rx: 'RX Power' };
export function ddmTables(base: string): TableSpec[] {
  const entry = `${base}.72.1.4.1.1`;
  return DDM_READINGS.flatMap((d) => [
    { entry, class: d.class, name: (_r: Map<number, unknown>, i: string) => `SFP ${i} ${d.label}`, value: d.col, divisor: d.divisor, limits: { high: d.col + 2, highWarn: d.col + 3, lowWarn: d.col + 4, low: d.col + 5 }, statusCol: d.col + 1, statusStates: DDM_STATUS, key: `ddm-${d.key}` },
    { entry, class: 'state' as const, name: (_r: Map<number, unknown>, i: string) => `SFP ${i} ${DDM_STATE_LABEL[d.key]}`, value: d.col + 1, states: DDM_STATUS, key: `ddm-${d.key}-status` },
  ]);
}

export const dlinkModule: SensorModule = {
  name: 'sensors.dlink', stage: 'vendor', applies: fromEnterprise(171),
  async run(c, out: DevicePoll) {
    const bases = equipmentBases(out.sysObjectID);
    const specs = [...DLINK_LEGACY_TABLES, ...bases.flatMap(envTables), ...bases.slice(1).flatMap(ddmTables)];
    addSensors(out, 'dlink', await readTables(c, specs));
  },
};
