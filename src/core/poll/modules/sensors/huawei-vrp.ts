// Huawei VRP (enterprise 2011): HUAWEI-ENTITY-EXTENT-MIB board temperatures and voltages, optical transceiver
// diagnostics (temperature, supply voltage, bias current, Rx/Tx power), fans (speed %, state), power supplies;
// HUAWEI-ENERGYMNGT-MIB power draw; HUAWEI-STACK-MIB member roles and stack ports; WLAN AC redundancy.
import type { SnmpClient } from '../../../snmp/client';
import type { DevicePoll, SensorInfo } from '../../types';
import { addSensors, columns, div, entityNames, num, readScalars, readTables, text, type Rows, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const EXT = '1.3.6.1.4.1.2011.5.25.31.1.1';
const STATE = `${EXT}.1.1`; // hwEntityStateEntry
const OPTIC = `${EXT}.3.1`; // hwOpticalModuleInfoEntry
const ENERGY = '1.3.6.1.4.1.2011.6.157';
const STACK = '1.3.6.1.4.1.2011.5.25.183.1';
const WLAN = '1.3.6.1.4.1.2011.6.139.11.1.83';
/** Huawei's "no reading" values. */
const invalid = (v: number | undefined) => v === undefined || v >= 2147483646 || v === -1 || v === -255;

const FAN: States = { 1: ['Normal', 'ok'], 2: ['Abnormal', 'critical'] };
const ROLE: States = { 1: ['Master', 'ok'], 2: ['Standby', 'ok'], 3: ['Slave', 'ok'] };
const PORT: States = { 1: ['Up', 'ok'], 2: ['Down', 'critical'] };
const PWR: States = { 1: ['Supply', 'ok'], 2: ['Not Supply', 'critical'], 3: ['Sleep', 'warning'], 4: ['Unknown', 'unknown'] };
const SYNC: States = { 1: ['disable', 'unknown'], 2: ['enable', 'ok'] };
const AC_STATUS: States = { 1: ['down', 'critical'], 2: ['up', 'ok'], 3: ['pskmismatch', 'critical'], 4: ['vermismatch', 'critical'], 5: ['cfgmismatch', 'critical'], 6: ['devmismatch', 'critical'], 7: ['initial', 'unknown'] };
const AC_ROLE: States = { 1: ['Master', 'ok'], 2: ['Slave', 'ok'], 3: ['Backup', 'ok'] };

const sub = (i: string, k: number) => i.split('.')[k] ?? '';
export const VRP_TABLES: TableSpec[] = [
  { entry: `${EXT}.10.1`, class: 'percent', name: (_r, i) => `Slot ${sub(i, 0)} Fan ${sub(i, 1)} Speed`, value: 5, key: 'fan' },
  { entry: `${EXT}.10.1`, class: 'state', name: (_r, i) => `Slot ${sub(i, 0)} Fan ${sub(i, 1)} Status`, value: 7, states: FAN, key: 'fan' },
  { entry: `${EXT}.18.1`, class: 'state', name: (r) => `PWR${num(r.get(1)) ?? ''}`, value: 6, states: PWR, extra: [1], key: 'pwr' },
  { entry: `${EXT}.18.1`, class: 'current', name: (r) => `PWR${num(r.get(1)) ?? ''}`, value: 7, divisor: 1000, extra: [1], key: 'pwr' },
  { entry: `${EXT}.18.1`, class: 'voltage', name: (r) => `PWR${num(r.get(1)) ?? ''}`, value: 8, divisor: 1000, extra: [1], key: 'pwr' },
  { entry: `${STACK}.20.1`, class: 'state', name: (r, i) => `Unit ${i} ${text(r.get(5)) ?? ''} Status`, value: 3, states: ROLE, extra: [5], key: 'member' },
  { entry: `${STACK}.21.1`, class: 'state', name: (_r, i) => `Unit ${sub(i, 0)} stack-port ${sub(i, 1)} Status`, value: 5, states: PORT, key: 'stackport' },
  { entry: `${WLAN}.6.1`, class: 'state', name: () => 'Current Redundancy Status', value: 7, states: AC_STATUS, key: 'acstatus' },
  { entry: `${WLAN}.6.1`, class: 'state', name: () => 'Peer Redundancy Role', value: 4, states: AC_ROLE, key: 'acrole' },
];
export const VRP_SCALARS: ScalarSpec[] = [
  { oid: `${ENERGY}.1.3.0`, class: 'power', description: 'Average Power Consumption', divisor: 1000, key: 'avg' },
  { oid: `${ENERGY}.1.6.0`, class: 'power', description: 'Current Power Consumption', divisor: 1000, key: 'cur' },
  { oid: `${WLAN}.5.4.0`, class: 'state', description: 'Configuration Sync', states: SYNC, key: 'sync' },
];

/** µW → dBm. */
export const uwToDbm = (uw: number) => 10 * Math.log10(uw / 1000);

/** Transceiver diagnostics of the ports that hold a module (hwEntityOpticalMode not notSupported(1)). */
export function opticalSensors(rows: Rows, name: (i: string) => string, adminOf: (i: string) => number | undefined): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    if (num(r.get(1)) === 1) continue;
    const n = name(i);
    const temp = num(r.get(5));
    if (temp !== undefined && temp >= -50 && !invalid(temp)) out.push({ class: 'temperature', index: `optic.${i}`, description: n, value: temp });
    const volt = num(r.get(6));
    if (!invalid(volt)) out.push({ class: 'voltage', index: `optic.${i}`, description: n, value: div(volt, 1000) });
    const bias = num(r.get(7));
    // Bias is in µA on most models and mA on those reporting values below 1000.
    if (!invalid(bias)) out.push({ class: 'current', index: `optic.${i}`, description: n, value: div(bias, bias! >= 1000 ? 1e6 : 1000) });
    if (adminOf(i) === 12) continue;
    for (const [col, lane, dir] of [[8, 32, 'Rx'], [9, 33, 'Tx']] as const) {
      const p = num(r.get(col));
      if (p === undefined || invalid(p)) continue;
      if (p > 0) out.push({ class: 'dbm', index: `${dir.toLowerCase()}.${i}`, description: `${n} ${dir}`, value: uwToDbm(p) });
      else if (!r.has(lane) && bias !== 0) out.push({ class: 'dbm', index: `${dir.toLowerCase()}.${i}`, description: `${n} ${dir}`, value: div(p, 100) });
    }
  }
  return out;
}

async function read(c: SnmpClient): Promise<SensorDraft[]> {
  const [state, optic, board, tables, scalarsRead] = await Promise.all([
    columns(c, STATE, [11, 13]),
    columns(c, OPTIC, [1, 5, 6, 7, 8, 9, 32, 33]),
    columns(c, `${ENERGY}.2.1.1`, [4, 2, 3]),
    readTables(c, VRP_TABLES),
    readScalars(c, VRP_SCALARS),
  ]);
  const optics = [...optic].filter(([, r]) => num(r.get(1)) !== 1).map(([i]) => i);
  const boards = [...state].filter(([, r]) => [11, 13].some((k) => { const v = num(r.get(k)); return v !== undefined && v !== 0 && !invalid(v); })).map(([i]) => i);
  const wanted = [...new Set([...optics, ...boards, ...board.keys()])];
  const [names, admin] = await Promise.all([entityNames(c, wanted), columns(c, STATE, [1])]);
  const name = (i: string) => names.get(i)?.name ?? '';
  const out: SensorDraft[] = [...tables, ...scalarsRead, ...opticalSensors(optic, name, (i) => num(admin.get(i)?.get(1)))];
  for (const i of boards) {
    const r = state.get(i)!;
    const t = num(r.get(11));
    if (t && !invalid(t)) out.push({ class: 'temperature', index: `board.${i}`, description: name(i), value: t });
    const v = num(r.get(13));
    if (v && !invalid(v)) out.push({ class: 'voltage', index: `board.${i}`, description: name(i), value: div(v, 1000) });
  }
  for (const [i, r] of board) {
    const p = num(r.get(4));
    if (p === undefined || p === -1) continue;
    out.push({ class: 'power', index: `board.${i}`, description: name(i) || `${text(r.get(2)) ?? ''} ${text(r.get(3)) ?? ''}`.trim(), value: div(p, 1000) });
  }
  return out;
}

export const huaweiVrpModule: SensorModule = {
  name: 'sensors.huawei-vrp', stage: 'vendor', os: ['vrp'],
  async run(c, out: DevicePoll) {
    addSensors(out, 'vrp', await read(c));
  },
};
