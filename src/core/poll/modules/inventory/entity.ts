// ENTITY-MIB entPhysicalTable: the chassis (or stack) a device reports, with model, serial and revisions.
// Chassis can have thousands of entities (every sensor and transceiver is one), so only entPhysicalClass is walked,
// bounded, and the columns Parc uses are then read for a handful of candidate rows.
import type { SnmpClient } from '../../../snmp/client';
import { toNumber, vbNumber, vbText } from '../../../snmp/values';
import { rediscovered } from '../../discovery';
import type { DevicePoll } from '../../types';
import { getTolerant } from '../get-tolerant';

const ENT = '1.3.6.1.2.1.47.1.1.1.1';
const CLASS_COLUMN = `${ENT}.5`;
/** Rows of entPhysicalClass looked at: the chassis and stacks come first on every agent seen. */
const CLASS_WALK_LIMIT = 160;

export const ENT_CLASS = { other: 1, unknown: 2, chassis: 3, backplane: 4, container: 5, powerSupply: 6, fan: 7, sensor: 8, module: 9, port: 10, stack: 11, cpu: 12 } as const;

export interface EntityRow {
  index: number;
  class?: number;
  descr?: string;
  containedIn?: number;
  name?: string;
  hardwareRev?: string;
  firmwareRev?: string;
  softwareRev?: string;
  serial?: string;
  mfgName?: string;
  model?: string;
}

const COLUMNS: [keyof EntityRow, number][] = [
  ['descr', 2], ['containedIn', 4], ['name', 7], ['hardwareRev', 8], ['firmwareRev', 9], ['softwareRev', 10], ['serial', 11], ['mfgName', 12], ['model', 13],
];

const ROWS = new WeakMap<DevicePoll, EntityRow[]>();

/** The candidate rows read for this device (empty when the agent has no ENTITY-MIB). */
export function entityRows(out: DevicePoll): EntityRow[] {
  return ROWS.get(out) ?? [];
}

export function entityRow(out: DevicePoll, index: number): EntityRow | undefined {
  return entityRows(out).find((r) => r.index === index);
}

/** Text as agents fill it: trailing blanks, and placeholders that mean "none". */
export function meaningful(s: string | undefined): string | undefined {
  const t = s?.replace(/\s+$/, '').replace(/^\s+/, '');
  if (!t || /^(n\/a|na|none|unknown|not specified|not available|to be filled by o\.e\.m\.|default string|0|-)$/i.test(t)) return undefined;
  return t;
}

/**
 * Which rows to read: 1, 1000 and 1001 (Cisco's chassis and first stack members), the first chassis and the first
 * stack, in the order the walk met them.
 */
export function candidateIndexes(classes: Map<number, number>): number[] {
  const out: number[] = [];
  const add = (i: number | undefined) => {
    if (i !== undefined && classes.has(i) && !out.includes(i)) out.push(i);
  };
  add(1);
  add(1000);
  add(1001);
  for (const [i, c] of classes) if (c === ENT_CLASS.chassis) { add(i); break; }
  for (const [i, c] of classes) if (c === ENT_CLASS.stack) { add(i); break; }
  return out.slice(0, 6);
}

/**
 * The row that stands for the whole device: a top-level chassis (contained in nothing) first, then any chassis,
 * then a stack, then row 1.
 */
export function pickChassis(rows: readonly EntityRow[]): EntityRow | undefined {
  return rows.find((r) => r.class === ENT_CLASS.chassis && r.containedIn === 0)
    ?? rows.find((r) => r.class === ENT_CLASS.chassis)
    ?? rows.find((r) => r.class === ENT_CLASS.stack)
    ?? rows.find((r) => r.index === 1);
}

/** Rows 1, 1000 and 1001 are read whether or not the walk met them: agents that answer GETs but list no classes exist. */
const FIXED_ROWS = [1, 1000, 1001];

async function readRow(client: SnmpClient, index: number, cls: number | undefined): Promise<EntityRow | undefined> {
  const cols = cls === undefined ? [...COLUMNS, ['class', 5] as [keyof EntityRow, number]] : COLUMNS;
  const got = await getTolerant(client, cols.map(([, col]) => `${ENT}.${col}.${index}`));
  const row: EntityRow = { index, class: cls };
  let any = false;
  cols.forEach(([key, col], i) => {
    if (col === 4 || col === 5) {
      const n = vbNumber(got[i]);
      if (n !== undefined) (row as unknown as Record<string, number>)[key] = n;
      if (n !== undefined) any = true;
    } else {
      const t = meaningful(vbText(got[i]));
      (row as unknown as Record<string, unknown>)[key] = t;
      if (t !== undefined || vbText(got[i]) !== undefined) any = true;
    }
  });
  return any ? row : undefined;
}

/** The chassis candidates, read at discovery and remembered until the next (a chassis keeps its model and serial). */
export async function pollEntity(client: SnmpClient, out: DevicePoll): Promise<void> {
  const rows = await rediscovered(out, 'entity-rows', () => readEntityRows(client));
  if (rows.length) ROWS.set(out, rows);
}

async function readEntityRows(client: SnmpClient): Promise<EntityRow[]> {
  const [vbs, fixed] = await Promise.all([
    client.walk(CLASS_COLUMN, 40, CLASS_WALK_LIMIT),
    Promise.all(FIXED_ROWS.map((i) => readRow(client, i, undefined))),
  ]);
  const classes = new Map<number, number>();
  for (const vb of vbs) {
    const index = Number(vb.oid.slice(CLASS_COLUMN.length + 1));
    const cls = toNumber(vb.value);
    if (Number.isInteger(index) && cls !== undefined) classes.set(index, cls);
  }
  const rows = fixed.filter((r): r is EntityRow => !!r);
  const more = candidateIndexes(classes).filter((i) => !FIXED_ROWS.includes(i));
  for (const r of await Promise.all(more.map((i) => readRow(client, i, classes.get(i))))) if (r) rows.push(r);
  return rows;
}

/** First non-empty entPhysicalSerialNum among the first rows, for agents whose chassis row has none. */
export async function firstEntitySerial(client: SnmpClient, limit = 40): Promise<string | undefined> {
  const vbs = await client.walk(`${ENT}.11`, limit, limit);
  return vbs.map((vb) => meaningful(vbText(vb))).find(Boolean);
}

/** For tests and derived modules that already hold rows. */
export function setEntityRows(out: DevicePoll, rows: EntityRow[]): void {
  ROWS.set(out, rows);
}
