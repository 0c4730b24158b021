// Cisco Small Business switches (CISCOSB-*, enterprise 9 subtree 9.6.1.101): PoE output power per port
// (CISCOSB-POE-MIB), fan and supply states and fan temperature/speed (CISCOSB-HWENVIROMENT), unit temperature
// (CISCOSB-Physicaldescription-MIB) and whether each Ethernet port is suspended (CISCOSB-rlInterfaces).
import type { DevicePoll, SensorInfo } from '../../types';
import { addSensors, columns, num, readTables, stateOf, type SensorDraft, type SensorModule, type TableSpec } from './common';

const SB = '1.3.6.1.4.1.9.6.1.101';
const ENV: Record<number, [string, SensorInfo['status']]> = {
  1: ['normal', 'ok'], 2: ['warning', 'warning'], 3: ['critical', 'critical'], 4: ['shutdown', 'critical'], 5: ['notPresent', 'unknown'], 6: ['notFunctioning', 'critical'],
};
const SUSPENDED: Record<number, [string, SensorInfo['status']]> = { 1: ['true', 'critical'], 2: ['false', 'ok'] };

/** Port names (ifDescr) by ifIndex, from the interfaces the general stage read. */
export function ifDescrs(out: DevicePoll): Map<number, { descr: string; operStatus: string }> {
  return new Map((out.interfaces ?? []).map((i) => [i.ifIndex, { descr: i.descr ?? i.name, operStatus: i.operStatus }]));
}

export function ciscoSbTables(ports: Map<number, { descr: string }>): TableSpec[] {
  // rlPethPsePortTable is indexed group.ifIndex.
  const port = (index: string) => ports.get(Number(index.split('.').pop()))?.descr ?? `Port ${index}`;
  return [
    { entry: `${SB}.108.1.1`, class: 'power', name: (_r, i) => `${port(i)} PoE`, value: 5, divisor: 1000, limits: { high: 9 }, skip: (r) => !num(r.get(5)), key: 'poe' },
    { entry: `${SB}.83.1.1.1`, class: 'state', name: (_r, i) => `FAN ${i} Status`, value: 3, states: ENV, skip: (r) => num(r.get(3)) === 5, key: 'fan' },
    { entry: `${SB}.83.1.2.1`, class: 'state', name: (_r, i) => `PSU ${i} Status`, value: 3, states: ENV, skip: (r) => num(r.get(3)) === 5, key: 'psu' },
    { entry: `${SB}.83.5.1.1`, class: 'temperature', name: (_r, i) => `FAN ${i} Temperature`, value: 2, skip: (r) => !num(r.get(2)), key: 'fan' },
    { entry: `${SB}.83.5.1.1`, class: 'fanspeed', name: (_r, i) => `FAN ${i} Speed`, value: 3, skip: (r) => !num(r.get(3)), key: 'fan' },
    { entry: `${SB}.53.15.1`, class: 'temperature', name: (_r, i) => `Unit ${i} Temperature`, value: 10, key: 'unit' },
  ];
}

/** swIfOperSuspendedStatus of the Ethernet ports that are present. */
export function suspendedSensors(rows: Map<string, Map<number, unknown>>, ports: Map<number, { descr: string; operStatus: string }>): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [index, row] of rows) {
    const p = ports.get(Number(index));
    if (!p || !/ethernet/i.test(p.descr) || p.operStatus === 'notPresent') continue;
    out.push({ class: 'state', index: `suspended.${index}`, description: `${p.descr} Suspended Status`, ...stateOf(num(row.get(24)), SUSPENDED) });
  }
  return out;
}

export const ciscoSbModule: SensorModule = {
  name: 'sensors.ciscosb', stage: 'vendor', os: ['ciscosb'],
  async run(c, out) {
    const ports = ifDescrs(out);
    const [t, s] = await Promise.all([readTables(c, ciscoSbTables(ports)), columns(c, `${SB}.43.1.1`, [24])]);
    addSensors(out, 'ciscosb', [...t, ...suspendedSensors(s, ports)]);
  },
};
