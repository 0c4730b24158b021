// ENTITY-SENSOR-MIB (RFC 3433) entPhySensorTable: standard, so it runs on every device whose agent may have it
// (stock net-snmp and Windows implement none); one bounded walk of the type column decides, an agent without the
// table costs one request.
import type { SnmpClient } from '../../../snmp/client';
import type { DevicePoll, SensorClass, SensorInfo } from '../../types';
import { addSensors, columns, enterprise, entityNames, num, rewriteEntityName, scale, type SensorDraft, type SensorModule } from './common';

const ENTRY = '1.3.6.1.2.1.99.1.1.1';

/** entPhySensorScale → power of ten. The MIB numbers exa(14) before peta(15). */
export const SI_EXPONENT: Record<number, number> = {
  1: -24, 2: -21, 3: -18, 4: -15, 5: -12, 6: -9, 7: -6, 8: -3, 9: 0, 10: 3, 11: 6, 12: 9, 13: 12, 14: 18, 15: 15, 16: 21, 17: 24,
};

/** value × 10^(scale exponent) / 10^precision: the reading in the unit of its type (V, A, W, Hz, °C, %RH, rpm). */
export function entityValue(raw: number, siScale: number | undefined, precision: number | undefined): number {
  const exp = (SI_EXPONENT[siScale ?? 9] ?? 0) - (precision !== undefined && precision > 0 && precision <= 9 ? precision : 0);
  return scale(raw, exp);
}

/** entPhySensorType → class; `other` sensors named for optical power are dBm (the common transceiver case). */
export function entityClass(type: number | undefined, name: string): SensorClass | undefined {
  switch (type) {
    case 3: case 4: return 'voltage';
    case 5: return 'current';
    case 6: return 'power';
    case 7: return 'frequency';
    case 8: return 'temperature';
    case 9: return 'humidity';
    case 10: return 'fanspeed';
    case 11: return 'airflow';
    case 12: return 'state';
    case 14: return 'dbm';
    case 1: return /\b(rx|tx)\b.*power|power.*\b(rx|tx)\b|dbm/i.test(name) ? 'dbm' : undefined;
    default: return undefined;
  }
}

/** entPhySensorOperStatus: ok(1) leaves the judgement to the limits; unavailable(2)/nonoperational(3) cannot be read. */
export function entityStatus(oper: number | undefined): SensorInfo['status'] {
  return oper === 2 || oper === 3 ? 'unknown' : undefined;
}

/** A sensor's name as shown: entPhysicalName (else Descr), words capitalised, rewritten (the word "Sensor" dropped…). */
export function sensorName(n: { name?: string; descr?: string } | undefined, index: string): string {
  const raw = n?.name || n?.descr;
  if (!raw) return `Sensor ${index}`;
  return rewriteEntityName(raw.replace(/(^|\s)([a-z])/g, (_m, s: string, c: string) => s + c.toUpperCase())).trim() || raw;
}

export async function readEntitySensors(client: SnmpClient): Promise<SensorDraft[]> {
  const rows = await columns(client, ENTRY, [1, 2, 3, 4, 5]);
  if (!rows.size) return [];
  const names = await entityNames(client, [...rows.keys()]);
  const out: SensorDraft[] = [];
  for (const [index, row] of rows) {
    let name = sensorName(names.get(index), index);
    const type = num(row.get(1));
    const cls = entityClass(type, name);
    const raw = num(row.get(4));
    // truthvalue sensors (presence flags) are left to the vendor state tables, as other pollers do; -127 means
    // "no reading" on many agents, and a temperature above 200 °C is a broken probe.
    if (!cls || cls === 'state' || raw === undefined || raw === -127) continue;
    const value = entityValue(raw, num(row.get(2)), num(row.get(3)));
    if (cls === 'temperature') {
      if (value > 200) continue;
      name = name.replace(/[Tt]emperatures?\b(?=\s|$)/g, (w) => (w.endsWith('s') ? '' : w)).trim() || name;
    }
    const d: SensorDraft = { class: cls, index, description: name, value };
    const st = entityStatus(num(row.get(5)));
    if (st) d.status = st;
    out.push(d);
  }
  return out;
}

export const entitySensorModule: SensorModule = {
  name: 'sensors.entity', stage: 'general',
  applies: (out) => ![8072, 2021, 311].includes(enterprise(out) ?? -1),
  async run(c: SnmpClient, out: DevicePoll) {
    addSensors(out, 'entity', await readEntitySensors(c));
  },
};
