// HPE/H3C Comware (enterprise 25506): fan and power-supply states (HH3C-LswDEVM-MIB), temperatures of modules and
// sensors and the power drawn by each entity (HH3C-ENTITY-EXT-MIB), named by entPhysicalName.
import type { SensorInfo } from '../../types';
import { addSensors, columns, entityNames, num, readTables, scalars, type SensorDraft, type SensorModule, type TableSpec } from './common';

const H3C = '1.3.6.1.4.1.25506';
const ENT_CLASS = '1.3.6.1.2.1.47.1.1.1.1.5';
const DEVM: Record<number, [string, SensorInfo['status']]> = {
  1: ['active', 'ok'], 2: ['deactive', 'critical'], 3: ['not-install', 'unknown'], 4: ['unsupport', 'warning'],
};
/** hh3cEntityExtTemperature when the entity has no thermometer. */
const NO_TEMPERATURE = 65535;

export const COMWARE_TABLES: TableSpec[] = [
  { entry: `${H3C}.8.35.9.1.1.1`, class: 'state', name: (_r, i) => `Fan ${i}`, value: 2, states: DEVM, key: 'fan' },
  { entry: `${H3C}.8.35.9.1.2.1`, class: 'state', name: (_r, i) => `Power Supply ${i}`, value: 2, states: DEVM, key: 'psu' },
];

/** Temperatures of module(9) and sensor(8) entities that have one; power of entities that draw any (mW → W). */
export function entityExtSensors(temps: Map<string, Map<number, unknown>>, power: Map<string, Map<number, unknown>>,
  ent: Map<string, { name?: string; cls?: number }>): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of temps) {
    const t = num(r.get(12));
    const e = ent.get(i);
    if (t === undefined || t === NO_TEMPERATURE || (e?.cls !== 8 && e?.cls !== 9)) continue;
    out.push({ class: 'temperature', index: `temp.${i}`, description: e.name ?? `Entity ${i}`, value: t });
  }
  for (const [i, r] of power) {
    const p = num(r.get(3));
    if (!p) continue;
    out.push({ class: 'power', index: `power.${i}`, description: `${ent.get(i)?.name ?? `Entity ${i}`} Power Usage`, value: p / 1000 });
  }
  return out;
}

export const comwareModule: SensorModule = {
  name: 'sensors.comware', stage: 'vendor', os: ['comware'],
  async run(c, out) {
    const [t, temps, power] = await Promise.all([
      readTables(c, COMWARE_TABLES), columns(c, `${H3C}.2.6.1.1.1.1`, [12]), columns(c, `${H3C}.2.6.1.3.1.1`, [3]),
    ]);
    const wanted = [...new Set([...[...temps].filter(([, r]) => num(r.get(12)) !== NO_TEMPERATURE).map(([i]) => i),
      ...[...power].filter(([, r]) => num(r.get(3))).map(([i]) => i)])];
    const [names, classes] = await Promise.all([entityNames(c, wanted), scalars(c, wanted.map((i) => `${ENT_CLASS}.${i}`))]);
    const ent = new Map(wanted.map((i, k) => [i, { name: names.get(i)?.name, cls: num(classes[k]) }]));
    addSensors(out, 'comware', [...t, ...entityExtSensors(temps, power, ent)]);
  },
};
