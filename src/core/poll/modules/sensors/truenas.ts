// TrueNAS / FreeNAS (FREENAS-MIB, enterprise 50536): ZFS ARC, L2ARC and ZIL counters and the health of each pool.
// The MIB moved in TrueNAS SCALE: ARC went from .1.4 to .1.3 (L2ARC and ZIL shifted down with it) and the pool
// health became a word in column 3 instead of a number in column 7.
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, scalars, stateOf, text, type SensorDraft, type SensorModule } from './common';

const FN = '1.3.6.1.4.1.50536.1';
const HEALTH: Record<number, [string, SensorInfo['status']]> = {
  0: ['online', 'ok'], 1: ['degraded', 'warning'], 2: ['faulted', 'critical'], 3: ['offline', 'critical'], 4: ['unavail', 'critical'], 5: ['removed', 'critical'],
};
const HEALTH_WORDS = ['ONLINE', 'DEGRADED', 'FAULTED', 'OFFLINE', 'UNAVAIL', 'REMOVED'];

const ARC: [number, string][] = [
  [1, 'ARC Size'], [2, 'ARC Metadata'], [3, 'ARC Data'], [4, 'ARC Hits'], [5, 'ARC Misses'], [6, 'ARC Target Size (C)'],
  [7, 'ARC MRU Target Size (P)'], [8, 'ARC Miss Percent'], [9, 'Arc Cache Hit Ratio Percentage'], [10, 'Arc Cache Miss Ratio Percentage'],
];
const L2ARC: [number, string][] = [[1, 'L2ARC Hits'], [2, 'L2ARC Misses'], [3, 'L2ARC Reads'], [4, 'L2ARC Writes'], [5, 'L2ARC Size']];
const ZIL: [number, string][] = [[1, 'ZIL Operations last second'], [2, 'ZIL Operations last 5 seconds'], [3, 'ZIL Operations last 10 seconds']];

/** Where the ZFS groups sit: SCALE's layout when .1.3 holds the ARC size. */
export function zfsLayout(scale: boolean): { arc: string; l2arc: string; zil: string } {
  return scale ? { arc: `${FN}.3`, l2arc: `${FN}.4`, zil: `${FN}.5` } : { arc: `${FN}.4`, l2arc: `${FN}.5`, zil: `${FN}.6` };
}

/** zpoolHealth as a number (older agents) or a word (SCALE). */
export function poolHealth(v: unknown): number | undefined {
  const t = text(v);
  if (t !== undefined && /^[A-Z]+$/.test(t)) return HEALTH_WORDS.indexOf(t) >= 0 ? HEALTH_WORDS.indexOf(t) : undefined;
  return num(v);
}

export const truenasModule: SensorModule = {
  name: 'sensors.truenas', stage: 'vendor', os: ['truenas', 'truenas-scale'],
  async run(c, out) {
    const [[scaleArc]] = await Promise.all([scalars(c, [`${FN}.3.1.0`])]);
    const lay = zfsLayout(num(scaleArc) !== undefined);
    const groups: [string, [number, string][]][] = [[lay.arc, ARC], [lay.l2arc, L2ARC], [lay.zil, ZIL]];
    const oids = groups.flatMap(([base, list]) => list.map(([k]) => `${base}.${k}.0`));
    const [vals, pools] = await Promise.all([scalars(c, oids), columns(c, `${FN}.1.1.1`, [2, 3, 7])]);
    const res: SensorDraft[] = [];
    let k = 0;
    for (const [, list] of groups) {
      for (const [col, descr] of list) {
        const v = num(vals[k++]);
        if (v !== undefined) res.push({ class: 'count', index: `zfs.${descr.replace(/\W+/g, '-').toLowerCase()}.${col}`, description: descr, value: v });
      }
    }
    for (const [i, r] of pools) {
      const h = text(r.get(3)) && /^[A-Z]+$/.test(text(r.get(3))!) ? poolHealth(r.get(3)) : poolHealth(r.get(7));
      res.push({ class: 'state', index: `zpool.${i}`, description: `ZPool: ${text(r.get(2)) ?? i}`, ...stateOf(h, HEALTH) });
    }
    addSensors(out, 'truenas', res);
  },
};
