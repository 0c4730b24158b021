// HPE Aruba AOS-CX switches (ARUBAWIRED-* MIBs, enterprise 47196): temperature sensors, power supplies (power and
// state), fans, transceiver diagnostics (module and per lane), VSF stack state and members; the power readings of
// ENTITY-SENSOR-MIB also give an OK/not-OK state.
import type { SensorInfo } from '../../types';
import { addSensors, columns, entityNames, num, readTables, stateOf, text, type Rows, type SensorDraft, type SensorModule, type TableSpec } from './common';
import { operStateSensors } from './fortiswitch';

type States = Record<number, [string, SensorInfo['status']]>;
const AW = '1.3.6.1.4.1.47196.4.1.1.3';
const PSU: States = {
  1: ['ok', 'ok'], 2: ['Absent', 'critical'], 3: ['Fault Input', 'critical'], 4: ['Fault Output', 'critical'], 5: ['Fault POE', 'critical'],
  6: ['Fault No Recovery', 'critical'], 7: ['alert', 'critical'], 8: ['unknown', 'unknown'], 9: ['unsupported', 'unknown'], 10: ['warning', 'warning'],
  11: ['init', 'unknown'], 12: ['Empty', 'critical'], 13: ['Fault Airflow', 'critical'], 14: ['Fault Redundancy', 'critical'],
  15: ['Fault Mixed Input', 'critical'], 16: ['Over Voltage', 'critical'], 17: ['Under Voltage', 'critical'],
};
const FAN: States = { 1: ['Unknown', 'unknown'], 2: ['Empty', 'ok'], 3: ['Uninitialized', 'unknown'], 4: ['OK', 'ok'], 5: ['Fault', 'critical'] };
const VSF_STATUS: States = { 0: ['no_split', 'ok'], 1: ['fragment_active', 'warning'], 2: ['fragment_inactive', 'critical'] };
const VSF_MEMBER: States = { 10: ['not_present', 'critical'], 11: ['booting', 'warning'], 12: ['ready', 'ok'], 13: ['version_mismatch', 'warning'] };

/** A state the agent writes as its enum word ("ready") or number; the number of the word from the state list. */
export function stateNumber(v: unknown, states: States): number | undefined {
  const t = text(v);
  if (t !== undefined && /^-?\d+$/.test(t)) return Number(t);
  if (typeof v === 'number') return v;
  const hit = Object.entries(states).find(([, [w]]) => w.toLowerCase() === t?.toLowerCase());
  return hit ? Number(hit[0]) : undefined;
}

export const AOSCX_TABLES: TableSpec[] = [
  { entry: `${AW}.11.3.1.1`, class: 'temperature', name: 5, value: 7, divisor: 1000, limits: { low: 8, high: 9 }, key: 'temp' },
  { entry: `${AW}.11.2.1.1`, class: 'power', name: (r) => `Power Supply ${text(r.get(3)) ?? ''}`, value: 7, limits: { high: 8 }, extra: [3], key: 'psu' },
  { entry: `${AW}.11.2.1.1`, class: 'state', name: (r) => `Power Supply ${text(r.get(3)) ?? ''}`, value: 11, states: PSU, extra: [3], key: 'psu' },
  { entry: `${AW}.11.5.1.1`, class: 'state', name: (r) => `Fan ${text(r.get(3)) ?? ''}`, value: 10, states: FAN, extra: [3], key: 'fan' },
];

/** mW → dBm. */
const mwToDbm = (mw: number) => 10 * Math.log10(mw);

/** Transceivers: module temperature and voltage (written as decimal text), lane bias and optical power. */
export function domSensors(ports: Rows, lanes: Rows, ifName: (i: number) => string): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of ports) {
    const port = text(r.get(1)) ?? ifName(Number(i));
    const t = text(r.get(2)) ? num(r.get(2)) : undefined;
    if (t !== undefined) out.push({ class: 'temperature', index: `dom.${i}`, description: `${port} Temperature`, value: t });
    const v = text(r.get(11)) ? num(r.get(11)) : undefined;
    if (v !== undefined) out.push({ class: 'voltage', index: `dom.${i}`, description: `${port} Voltage`, value: v });
  }
  for (const [i, r] of lanes) {
    const [p, lane] = i.split('.');
    const name = ifName(Number(p));
    const bias = text(r.get(2)) ? num(r.get(2)) : undefined;
    if (bias !== undefined && lane === '1') out.push({ class: 'current', index: `bias.${p}`, description: `${name} TX Bias`, value: bias / 1000 });
    const rx = text(r.get(12)) ? num(r.get(12)) : undefined;
    if (rx !== undefined && rx > 0) out.push({ class: 'dbm', index: `rx.${i}`, description: `${name} Lane ${lane} RX Power`, value: mwToDbm(rx) });
    const tx = text(r.get(7)) ? num(r.get(7)) : undefined;
    if (tx !== undefined && tx > 0) out.push({ class: 'dbm', index: `tx.${i}`, description: `${name} Lane ${lane} TX Power`, value: mwToDbm(tx) });
  }
  return out;
}

export const arubaosCxModule: SensorModule = {
  name: 'sensors.arubaos-cx', stage: 'vendor', os: ['arubaos-cx'],
  async run(c, out) {
    const [t, ent, vsf, members, ports, lanes] = await Promise.all([
      readTables(c, AOSCX_TABLES),
      columns(c, '1.3.6.1.2.1.99.1.1.1', [1, 5]),
      columns(c, `${AW}.15.1.1`, [1]),
      columns(c, `${AW}.15.1.2.1`, [3, 7]),
      columns(c, `${AW}.27.1.2.1.1`, [1, 2, 11]),
      columns(c, `${AW}.27.1.2.2.1`, [2, 7, 12]),
    ]);
    const watts = [...ent].filter(([, r]) => num(r.get(1)) === 6).map(([i]) => i);
    const res: SensorDraft[] = [...t, ...operStateSensors(ent, watts.length ? await entityNames(c, watts) : new Map(), 6)];
    for (const [i, r] of vsf) res.push({ class: 'state', index: `vsf.${i}`, description: 'VSF Status', ...stateOf(stateNumber(r.get(1), VSF_STATUS), VSF_STATUS) });
    for (const [i, r] of members) res.push({ class: 'state', index: `member.${i}`, description: `Member ${text(r.get(7)) ?? i} Status`, ...stateOf(stateNumber(r.get(3), VSF_MEMBER), VSF_MEMBER) });
    const names = new Map((out.interfaces ?? []).map((i) => [i.ifIndex, i.name]));
    res.push(...domSensors(ports, lanes, (i) => names.get(i) ?? String(i)));
    addSensors(out, 'arubaos-cx', res);
  },
};
