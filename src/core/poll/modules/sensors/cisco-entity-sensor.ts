// CISCO-ENTITY-SENSOR-MIB entSensorValueTable with its thresholds (entSensorThresholdTable): Cisco's richer twin
// of ENTITY-SENSOR-MIB, with severities and whether each threshold is currently crossed.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, columns, entityNames, fromEnterprise, num, rewriteEntityName, type SensorDraft, type SensorModule } from './common';
import { entityClass, entityValue } from './entity-sensor';

const VALUES = '1.3.6.1.4.1.9.9.91.1.1.1.1';
const THRESHOLDS = '1.3.6.1.4.1.9.9.91.1.2.1.1';

export interface CiscoThreshold {
  severity: number; // other(1) minor(10) major(20) critical(30)
  relation: number; // lessThan(1) lessOrEqual(2) greaterThan(3) greaterOrEqual(4) equalTo(5) notEqualTo(6)
  value: number;
  /** entSensorThresholdEvaluation: true(1) when the threshold is crossed now. */
  crossed: boolean;
}

/**
 * Limits from thresholds: the most severe upper/lower threshold is the hard limit, the least severe (when it is
 * a different one) the warning limit. Status: a crossed threshold of severity major/critical is critical, minor
 * is warning; thresholds present and none crossed is ok.
 */
export function applyThresholds(d: Pick<SensorInfo, 'limitHigh' | 'limitLow' | 'limitHighWarn' | 'limitLowWarn' | 'status'>, ths: CiscoThreshold[], conv: (n: number) => number): void {
  const hi = ths.filter((t) => t.relation === 3 || t.relation === 4).sort((a, b) => a.severity - b.severity);
  const lo = ths.filter((t) => t.relation === 1 || t.relation === 2).sort((a, b) => a.severity - b.severity);
  if (hi.length) {
    d.limitHigh = conv(hi[hi.length - 1].value);
    if (hi.length > 1) d.limitHighWarn = conv(hi[0].value);
  }
  if (lo.length) {
    d.limitLow = conv(lo[lo.length - 1].value);
    if (lo.length > 1) d.limitLowWarn = conv(lo[0].value);
  }
  const crossed = ths.filter((t) => t.crossed && t.relation <= 4);
  if (crossed.some((t) => t.severity >= 20)) d.status = 'critical';
  else if (crossed.length) d.status = 'warning';
  else if (hi.length || lo.length) d.status = 'ok';
}

/**
 * Cisco's sensor names: the sensor entity's name (rewritten, see rewriteEntityName), prefixed with the name of the
 * entity it measures (entSensorMeasuredEntity) when there is one; "Temp: " and the word "temperature" dropped.
 */
export function ciscoName(name: string, measured?: string): string {
  let n = rewriteEntityName(name);
  if (measured) n = `${measured} - ${n}`;
  n = n.split('Temp: ').join('').replace(/ temperature/gi, '').trim();
  return n.replace(/(^|\s)([a-z])/g, (_m, s: string, c: string) => s + c.toUpperCase()) || name;
}

export async function readCiscoEntitySensors(client: SnmpClient): Promise<SensorDraft[]> {
  const rows = await columns(client, VALUES, [1, 2, 3, 4, 5, 8]);
  if (!rows.size) return [];
  const [names, ths] = await Promise.all([entityNames(client, [...rows.keys()]), columns(client, THRESHOLDS, [2, 3, 4, 5])]);
  const measured = new Map<string, string | undefined>();
  const wanted = [...new Set([...rows.values()].map((r) => num(r.get(8))).filter((p): p is number => !!p).map(String))];
  if (wanted.length) for (const [i, n] of await entityNames(client, wanted)) measured.set(i, n.name || n.descr);
  const bySensor = new Map<string, CiscoThreshold[]>();
  for (const [key, row] of ths) {
    const sensor = key.slice(0, key.lastIndexOf('.'));
    const t: CiscoThreshold = { severity: num(row.get(2)) ?? 1, relation: num(row.get(3)) ?? 0, value: num(row.get(4)) ?? NaN, crossed: num(row.get(5)) === 1 };
    if (!Number.isFinite(t.value)) continue;
    const list = bySensor.get(sensor) ?? [];
    list.push(t);
    bySensor.set(sensor, list);
  }
  const out: SensorDraft[] = [];
  for (const [index, row] of rows) {
    const n = names.get(index);
    const rawName = n?.name || n?.descr || `Sensor ${index}`;
    const type = num(row.get(1));
    const cls = entityClass(type, rawName);
    const raw = num(row.get(4));
    if (!cls || raw === undefined) continue;
    // entSensorStatus: ok(1), unavailable(2), nonoperational(3): only readable sensors are kept.
    const oper = num(row.get(5));
    if (oper === 2 || oper === 3) continue;
    const conv = (v: number) => (cls === 'state' ? v : entityValue(v, num(row.get(2)), num(row.get(3))));
    const d: SensorDraft = { class: cls, index, description: ciscoName(rawName, num(row.get(8)) ? measured.get(String(num(row.get(8)))) : undefined), value: conv(raw) };
    if (cls === 'state') d.stateText = raw === 1 ? 'true' : raw === 2 ? 'false' : String(raw);
    applyThresholds(d, bySensor.get(index) ?? [], conv);
    out.push(d);
  }
  return out;
}

export const ciscoEntitySensorModule: SensorModule = {
  name: 'sensors.cisco-entity', stage: 'vendor', applies: fromEnterprise(9),
  async run(c, out) {
    const drafts = await readCiscoEntitySensors(c);
    // Cisco agents often serve the same physical sensor in ENTITY-SENSOR-MIB too, under the same entPhysicalIndex:
    // it is counted once, from this richer table (thresholds, severities).
    const mine = new Set(drafts.map((d) => `${d.class}|${d.index}`));
    if (out.sensors && mine.size) out.sensors = out.sensors.filter((s) => !(s.source === 'entity' && mine.has(`${s.class}|${s.index.slice('entity.'.length)}`)));
    addSensors(out, 'cisco-entity', drafts);
  },
};
