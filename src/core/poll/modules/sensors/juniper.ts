// Juniper JUNOS (enterprise 2636): FRU states (JUNIPER-MIB jnxFruTable), component temperatures
// (jnxOperatingTable), chassis alarms (JUNIPER-ALARM-MIB), virtual-chassis roles, transceiver diagnostics
// (JUNIPER-DOM-MIB, per module and per lane), SRX flow sessions per SPU, RPM probe loss and PoE controllers.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, columns, fromEnterprise, num, readScalars, readTables, text, type Rows, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const JNX = '1.3.6.1.4.1.2636.3';

/** jnxFruState. */
export const FRU_STATES: States = {
  1: ['unknown', 'unknown'], 2: ['empty', 'unknown'], 3: ['present', 'ok'], 4: ['ready', 'ok'], 5: ['announceOnline', 'ok'],
  6: ['online', 'ok'], 7: ['announceOffline', 'warning'], 8: ['offline', 'critical'], 9: ['diagnostic', 'warning'], 10: ['standby', 'ok'],
};
const ALARM: States = { 1: ['unknown', 'unknown'], 2: ['off', 'ok'], 3: ['on', 'critical'] };
const VC_ROLE: States = { 1: ['master', 'ok'], 2: ['backup', 'ok'], 3: ['linecard', 'ok'] };
const PSE: States = { 1: ['on', 'ok'], 2: ['off', 'ok'], 3: ['fault', 'critical'] };

const nonZero = (col: number) => (r: Map<number, unknown>) => !num(r.get(col));
const spu = (what: string) => (r: Map<number, unknown>) => `Node ${text(r.get(10)) ?? ''} FPC ${text(r.get(2)) ?? ''} SPU ${text(r.get(3)) ?? ''} ${what}`;
export const JUNOS_TABLES: TableSpec[] = [
  // FRUs that are absent or unknown (state below present) are left out.
  { entry: `${JNX}.1.15.1`, class: 'state', name: 5, value: 8, states: FRU_STATES, key: 'fru', skip: (r) => (num(r.get(8)) ?? 0) < 3 },
  { entry: `${JNX}.1.13.1`, class: 'temperature', name: 5, value: 7, skip: nonZero(7) },
  { entry: `${JNX}.40.1.4.1.1.1`, class: 'state', name: 2, value: 3, states: VC_ROLE, key: 'vc' },
  { entry: `${JNX}.39.1.12.1.1.1`, class: 'count', name: spu('Flow Count'), value: 6, limits: { high: 7 }, extra: [2, 3, 10], skip: nonZero(6), key: 'flow' },
  { entry: `${JNX}.39.1.12.1.1.1`, class: 'count', name: spu('CP Flow Count'), value: 8, limits: { high: 9 }, extra: [2, 3, 10], skip: nonZero(8), key: 'cpflow' },
  { entry: '1.3.6.1.2.1.105.1.3.1.1', class: 'state', name: (_r, i) => `PoE Controller ${i} Status`, value: 3, states: PSE, key: 'pse' },
  { entry: '1.3.6.1.2.1.105.1.3.1.1', class: 'power', name: (_r, i) => `PoE Controller ${i} Load`, value: 4, limits: { high: 2 }, key: 'pse' },
];
export const JUNOS_SCALARS: ScalarSpec[] = [
  { oid: `${JNX}.4.2.2.1.0`, class: 'state', description: 'Yellow Alarm', states: ALARM, key: 'yellow' },
  { oid: `${JNX}.4.2.3.1.0`, class: 'state', description: 'Red Alarm', states: ALARM, key: 'red' },
];

/** Transceivers (jnxDomCurrentTable by ifIndex, jnxDomModuleLaneTable by ifIndex.lane), zero readings left out. */
export function domSensors(cur: Rows, lanes: Rows, ifDescr: (i: number) => string): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of cur) {
    const port = ifDescr(Number(i));
    const v = (col: number) => { const n = num(r.get(col)); return n ? n : undefined; };
    if (v(5) !== undefined) out.push({ class: 'dbm', index: `rx.${i}`, description: `${port} Rx Power`, value: v(5)! / 100 });
    if (v(7) !== undefined) out.push({ class: 'dbm', index: `tx.${i}`, description: `${port} Tx Power`, value: v(7)! / 100 });
    if (v(6) !== undefined) out.push({ class: 'current', index: `bias.${i}`, description: `${port} Tx Current`, value: v(6)! / 1e6 });
    if (v(8) !== undefined) out.push({ class: 'temperature', index: `dom.${i}`, description: `${port} Temperature`, value: v(8)! });
  }
  for (const [i, r] of lanes) {
    const [p, lane] = i.split('.');
    const port = ifDescr(Number(p));
    const rx = num(r.get(6));
    if (rx) out.push({ class: 'dbm', index: `rx.${i}`, description: `${port} lane ${lane} Rx Power`, value: rx / 100 });
    const tx = num(r.get(8));
    if (tx) out.push({ class: 'dbm', index: `tx.${i}`, description: `${port} lane ${lane} Tx Power`, value: tx / 100 });
  }
  return out;
}

/** An index made of length-prefixed strings (owner, test name) and a trailing number. */
export function decodeStringIndex(index: string): { parts: string[]; rest: number[] } {
  const n = index.split('.').map(Number);
  const parts: string[] = [];
  let k = 0;
  while (parts.length < 2 && k < n.length) {
    const len = n[k];
    parts.push(String.fromCharCode(...n.slice(k + 1, k + 1 + len)));
    k += len + 1;
  }
  return { parts, rest: n.slice(k) };
}

/** RPM probes: loss of the last completed test (collection 2) of each owner/test. */
export function rpmLoss(rows: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const { parts, rest } = decodeStringIndex(i);
    if (rest[rest.length - 1] !== 2) continue;
    const v = num(r.get(4));
    if (v !== undefined) out.push({ class: 'loss', index: `rpm.${i}`, description: `${parts.join(' ')} Probe Loss`, value: v });
  }
  return out;
}

async function read(c: SnmpClient, ifDescr: (i: number) => string): Promise<SensorDraft[]> {
  const [t, s, cur, lanes, rpm] = await Promise.all([
    readTables(c, JUNOS_TABLES), readScalars(c, JUNOS_SCALARS),
    columns(c, `${JNX}.60.1.1.1.1`, [5, 6, 7, 8]), columns(c, `${JNX}.60.1.2.1.1`, [6, 8]), columns(c, `${JNX}.50.1.2.1`, [4]),
  ]);
  return [...t, ...s, ...domSensors(cur, lanes, ifDescr), ...rpmLoss(rpm)];
}

export const juniperModule: SensorModule = {
  name: 'sensors.junos', stage: 'vendor', applies: fromEnterprise(2636),
  async run(c, out) {
    const ifs = new Map((out.interfaces ?? []).map((i) => [i.ifIndex, i.descr ?? i.name]));
    addSensors(out, 'junos', await read(c, (i) => ifs.get(i) ?? `ifIndex ${i}`));
  },
};
