// ZyXEL ZyNOS switches (enterprise 890.1.15): the hardware monitor tables (fan rpm with their low threshold,
// temperatures with their high threshold, voltages in mV with their low threshold; named "Switch <unit>/<part>"),
// the transceivers' DDMI Tx/Rx power (hundredths of dBm, with the module's alarm and warning limits) and the
// stacking ports' neighbours and topology.
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, readScalars, readTables, rowsToSensors, text, type SensorDraft, type SensorModule, type TableSpec } from './common';

const ZY = '1.3.6.1.4.1.890.1.15.3';
const HW = `${ZY}.26.1`;
const DDMI = `${ZY}.84.1.2.1`;
type States = Record<number, [string, SensorInfo['status']]>;
const NEIGHBOR: States = { 0: ['none', 'ok'], 1: ['present', 'ok'] };
const TOPOLOGY: States = { 0: ['standalone', 'ok'], 1: ['chain', 'ok'], 2: ['ring', 'ok'] };

const unitName = (r: Map<number, unknown>) => `Switch ${text(r.get(2)) ?? ''}`;
export const ZYNOS_TABLES: TableSpec[] = [
  { entry: `${HW}.1.1`, class: 'fanspeed', name: unitName, value: 3, limits: { low: 6 }, extra: [2], key: 'fan' },
  { entry: `${HW}.2.1`, class: 'temperature', name: unitName, value: 3, limits: { high: 6 }, extra: [2], key: 'temp' },
  { entry: `${HW}.3.1`, class: 'voltage', name: unitName, value: 3, divisor: 1000, limits: { low: 7 }, extra: [2], key: 'volt' },
];

/** DDMI rows are indexed port.kind, kind 4 Tx power and 5 Rx power; 0 is what an empty cage reads. */
const DDMI_KIND: Record<string, string> = { 4: 'Tx Power', 5: 'Rx Power' };
export function ddmiSensors(rows: Map<string, Map<number, unknown>>): SensorDraft[] {
  const power = new Map([...rows].filter(([i, r]) => Object.hasOwn(DDMI_KIND, i.split('.')[1] ?? '') && num(r.get(6)) !== 0));
  return rowsToSensors(power, {
    entry: DDMI, class: 'dbm', value: 6, divisor: 100, limits: { high: 2, low: 3, highWarn: 4, lowWarn: 5 }, key: 'ddmi',
    name: (_r, i) => `${i.split('.')[0]} ${DDMI_KIND[i.split('.')[1]]}`,
  });
}

export const zynosModule: SensorModule = {
  name: 'sensors.zynos', stage: 'vendor', os: ['zynos'],
  async run(c, out) {
    const [t, ddmi, neighbours, topo] = await Promise.all([
      readTables(c, ZYNOS_TABLES),
      columns(c, DDMI, [6, 2, 3, 4, 5]),
      columns(c, `${ZY}.97.2.2.1`, [5]),
      readScalars(c, [{ oid: `${ZY}.97.2.3.0`, class: 'state', description: 'Stacking Topology', states: TOPOLOGY, key: 'stack-topology' }]),
    ]);
    const n = rowsToSensors(neighbours, { entry: '', class: 'state', value: 5, states: NEIGHBOR, key: 'stack-neighbor', name: (_r, i) => `Switch ${i.split('.')[0]} Port ${i.split('.')[1]} Neighbor` });
    addSensors(out, 'zynos', [...t, ...ddmiSensors(ddmi), ...(n.length ? [...n, ...topo] : [])]);
  },
};
