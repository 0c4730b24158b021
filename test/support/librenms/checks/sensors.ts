// Sensors compared with LibreNMS (only where LibreNMS's test has at least one sensor for the device):
//   sensor classes — every class LibreNMS has for the device is among Parc's (Parc may have more);
//   sensor counts  — for every class LibreNMS has, Parc has exactly as many sensors of that class;
//   sensor values  — at least 90 % of LibreNMS's sensors are matched by a Parc sensor of the same class and the same
//                    description (case and whitespace ignored; each Parc sensor matches once) whose value agrees:
//                    states equal, others within 1 % or 0.01 absolute. The detail gives the share matched.
import type { SensorInfo } from '../../../../src/core/poll/types';
import type { LibrenmsCase } from '../corpus';
import type { FieldCheck } from './types';

type Expected = NonNullable<LibrenmsCase['sensors']>[number];

const has = (c: LibrenmsCase) => !c.osOnly && !!c.sensors && c.sensors.length > 0;
const normDescr = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

export function valuesAgree(cls: string, expected: number | null, got: number | undefined): boolean {
  if (expected === null) return true; // LibreNMS read no value: nothing to compare
  if (got === undefined) return false;
  if (cls === 'state') return expected === got;
  return Math.abs(expected - got) <= Math.max(0.01, 0.01 * Math.abs(expected));
}

/** LibreNMS's sensors that Parc has with the same class, description and value. */
export function matchSensors(expected: readonly Expected[], got: readonly SensorInfo[]): { matched: number; unmatched: Expected[] } {
  const pool = new Map<string, SensorInfo[]>();
  for (const s of got) {
    const k = `${s.class}|${normDescr(s.description)}`;
    pool.set(k, [...(pool.get(k) ?? []), s]);
  }
  let matched = 0;
  const unmatched: Expected[] = [];
  for (const e of expected) {
    const list = pool.get(`${e.sensor_class}|${normDescr(e.sensor_descr)}`) ?? [];
    const k = list.findIndex((s) => valuesAgree(e.sensor_class, e.sensor_current, s.value));
    if (k >= 0) {
      list.splice(k, 1);
      matched++;
    } else unmatched.push(e);
  }
  return { matched, unmatched };
}

export const sensorChecks: FieldCheck[] = [
  {
    field: 'sensor classes',
    applies: has,
    judge: (c, p) => {
      const got = new Set((p.sensors ?? []).map((s) => s.class as string));
      const missing = [...new Set(c.sensors!.map((s) => s.sensor_class))].filter((k) => !got.has(k));
      const errors = Object.entries(p.moduleErrors ?? {}).filter(([m]) => m.startsWith('sensors.')).map(([m, e]) => `${m}: ${e}`);
      return missing.length ? { agrees: false, detail: `missing ${missing.join(', ')}${errors.length ? ` (${errors.join('; ')})` : ''}` } : { agrees: true };
    },
  },
  {
    field: 'sensor counts',
    applies: has,
    judge: (c, p) => {
      const want = countBy(c.sensors!, (s) => s.sensor_class);
      const got = countBy(p.sensors ?? [], (s) => s.class);
      const diff = [...want].filter(([k, n]) => (got.get(k) ?? 0) !== n).map(([k, n]) => `${k} ${got.get(k) ?? 0}/${n}`);
      return diff.length ? { agrees: false, detail: `got/expected ${diff.join(', ')}` } : { agrees: true };
    },
  },
  {
    field: 'sensor values',
    applies: has,
    judge: (c, p) => {
      const { matched, unmatched } = matchSensors(c.sensors!, p.sensors ?? []);
      const share = matched / c.sensors!.length;
      const detail = `${matched}/${c.sensors!.length} matched; e.g. ${unmatched.slice(0, 3).map((e) => `${e.sensor_class} "${e.sensor_descr}"=${e.sensor_current}`).join('; ')}`;
      return share >= 0.9 ? { agrees: true, detail } : { agrees: false, detail };
    },
  },
];
