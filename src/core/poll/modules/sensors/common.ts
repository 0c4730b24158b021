// Shared pieces of the sensor modules: column walks, SI scaling, status from limits, entity names.
import type { SnmpClient } from '../../../snmp/client';
import { toNumber, toText, type Varbind } from '../../../snmp/values';
import { enterpriseNumber } from '../../os-detect';
import type { DevicePoll, SensorClass, SensorInfo } from '../../types';
import type { PollModule } from '../registry';
import { getTolerant } from '../get-tolerant';

export type SensorModule = PollModule;

/** Counter64 values arrive as Buffers; made numbers here so that every Buffer a module sees is an OctetString. */
const COUNTER64 = 70;
const plain = (vb: Varbind): unknown => (vb.type === COUNTER64 ? toNumber(vb.value) : vb.value);

/** Rows of a table read column by column: index → column → value. */
export type Rows = Map<string, Map<number, unknown>>;

/**
 * Reads only the listed columns of a table (`entry` is the table's entry OID, `…Table.1`). The first column is read
 * first and, when it is empty, nothing else is asked: an agent without the table costs one request.
 */
export async function columns(client: SnmpClient, entry: string, cols: readonly number[], maxRepetitions = 30): Promise<Rows> {
  const rows: Rows = new Map();
  const add = (col: number, vbs: Varbind[]) => {
    const prefix = `${entry}.${col}.`;
    for (const vb of vbs) {
      if (!vb.oid.startsWith(prefix)) continue;
      const index = vb.oid.slice(prefix.length);
      let row = rows.get(index);
      if (!row) rows.set(index, (row = new Map()));
      row.set(col, plain(vb));
    }
  };
  if (!cols.length) return rows;
  add(cols[0], await client.walk(`${entry}.${cols[0]}`, maxRepetitions));
  if (!rows.size) return rows;
  const rest = await Promise.all(cols.slice(1).map((c) => client.walk(`${entry}.${c}`, maxRepetitions)));
  rest.forEach((vbs, k) => add(cols[k + 1], vbs));
  return rows;
}

/** Scalars by OID; a missing one is undefined. */
export async function scalars(client: SnmpClient, oids: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < oids.length; i += 20) {
    const vbs = await getTolerant(client, oids.slice(i, i + 20) as string[]);
    for (const vb of vbs) {
      if (!vb || (vb.type >= 128 && vb.type <= 130) || vb.value === null) out.push(undefined);
      else out.push(plain(vb));
    }
  }
  return out;
}

/** An OctetString that holds a number written out ("35.5", "12.1 V"), as opposed to a Counter64's raw bytes. */
const numericText = (b: Buffer) => b.length > 0 && b.every((c) => c >= 0x20 && c < 0x7f) && /^\s*-?\d+(\.\d+)?(?![\d.])/.test(b.toString('latin1'));

export const num = (v: unknown): number | undefined => {
  // Counter64s are numbers by now (see plain), so a Buffer is an OctetString: a number written out, a word such as
  // "n/a" (no number), or binary bytes (read big-endian).
  if (Buffer.isBuffer(v) && numericText(v)) return Number(/-?\d+(?:\.\d+)?/.exec(v.toString('latin1'))![0]);
  if (Buffer.isBuffer(v) && (v.length === 0 || v.every((c) => c >= 0x20 && c < 0x7f))) return undefined;
  const n = toNumber(v);
  if (n !== undefined) return n;
  // Some agents put numbers in strings ("35.5", "12.1 V").
  const t = typeof v === 'string' || Buffer.isBuffer(v) ? toText(v) : undefined;
  const m = t ? /^\s*(-?\d+(?:\.\d+)?)/.exec(t) : null;
  return m ? Number(m[1]) : undefined;
};
export const text = (v: unknown): string | undefined => {
  const t = toText(v);
  return t === undefined ? undefined : t.replace(/\s+/g, ' ').trim();
};

/** A date written mm/dd/yy or mm/dd/yyyy (APC, Eaton XUPS-MIB) as a UTC timestamp, or undefined. */
export function monthDayYear(v: unknown): number | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text(v) ?? '');
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const t = Date.UTC(year, month - 1, day);
  return Number.isFinite(t) ? t : undefined;
}

/** value × 10^exp without binary noise (12.300000000000001). */
export function scale(value: number, exp: number): number {
  if (exp === 0) return value;
  return Number((value * 10 ** exp).toPrecision(12));
}
export const div = (value: number | undefined, d: number): number | undefined => (value === undefined ? undefined : Number((value / d).toPrecision(12)));

export const UNITS: Record<SensorClass, string> = {
  temperature: '°C', fanspeed: 'rpm', voltage: 'V', current: 'A', power: 'W', humidity: '%', frequency: 'Hz', dbm: 'dBm',
  percent: '%', runtime: 'min', load: '%', charge: '%', state: '', airflow: 'cfm', pressure: 'Pa', signal: 'dBm', count: '', power_factor: '', power_consumed: 'kWh', delay: 's', loss: '%',
};

/**
 * Status from the limits the device reports: beyond a hard limit is critical, beyond a warning limit is warning,
 * within them ok; without value or limits, undefined (nothing to judge).
 */
export function statusFromLimits(s: Pick<SensorInfo, 'value' | 'limitHigh' | 'limitLow' | 'limitHighWarn' | 'limitLowWarn'>): SensorInfo['status'] {
  const v = s.value;
  if (v === undefined || !Number.isFinite(v)) return undefined;
  if ((s.limitHigh !== undefined && v >= s.limitHigh) || (s.limitLow !== undefined && v <= s.limitLow)) return 'critical';
  if ((s.limitHighWarn !== undefined && v >= s.limitHighWarn) || (s.limitLowWarn !== undefined && v <= s.limitLowWarn)) return 'warning';
  if ([s.limitHigh, s.limitLow, s.limitHighWarn, s.limitLowWarn].some((l) => l !== undefined)) return 'ok';
  return undefined;
}

export interface SensorDraft extends Omit<SensorInfo, 'index' | 'source' | 'unit'> {
  index: string | number;
  unit?: string;
}

/** Adds sensors of one source: index becomes `${source}.${index}`, unit the class's, status from limits if unset. */
export function addSensors(out: DevicePoll, source: string, drafts: readonly SensorDraft[]): void {
  if (!drafts.length) return;
  const list = (out.sensors ??= []);
  for (const d of drafts) {
    if (d.value !== undefined && !Number.isFinite(d.value)) continue;
    const s: SensorInfo = { ...d, index: `${source}.${d.index}`, source, unit: d.unit ?? UNITS[d.class] };
    if (!s.unit) delete s.unit;
    if (s.status === undefined) {
      const st = statusFromLimits(s);
      if (st) s.status = st;
      else delete s.status;
    }
    for (const k of Object.keys(s) as (keyof SensorInfo)[]) if (s[k] === undefined) delete s[k];
    list.push(s);
  }
}

/** State sensor from a table of the device's own state words: value = raw number, stateText and status from the map. */
export function stateOf(raw: number | undefined, states: Record<number, [string, SensorInfo['status']]>): Pick<SensorInfo, 'value' | 'stateText' | 'status'> {
  if (raw === undefined) return { status: 'unknown' };
  const s = Object.hasOwn(states, raw) ? states[raw] : undefined;
  return { value: raw, stateText: s?.[0] ?? String(raw), status: s?.[1] ?? 'unknown' };
}

export const enterprise = (out: DevicePoll): number | undefined => enterpriseNumber(out.sysObjectID);
export const fromEnterprise = (...ents: number[]) => (out: DevicePoll): boolean => ents.includes(enterprise(out) ?? -1);

const ENT_NAME = '1.3.6.1.2.1.47.1.1.1.1.7';
const ENT_DESCR = '1.3.6.1.2.1.47.1.1.1.1.2';
const ENT_CONTAINED = '1.3.6.1.2.1.47.1.1.1.1.4';

export interface EntityNames {
  name?: string;
  descr?: string;
  parent?: number;
}

/**
 * Entity names shortened the usual way before they become sensor names: long Cisco card names abbreviated, the
 * word "Sensor" dropped, "PowerSupply"/"PMOD" written PSU. Spacing is left as it is (compared loosely).
 */
const ENTITY_REWRITES: [RegExp | string, string][] = [
  ['Distributed Forwarding Card', 'DFC'], ['7600 Series SPA Interface Processor-', '7600 SIP-'], [/Rev\. [0-9.]+ /g, ''],
  ['12000 Series Performance Route Processor', '12000 PRP'], [/^12000/, ''], ['Gigabit Ethernet', 'GigE'], [/^ASR1000 /, ''],
  ['Routing Processor', 'RP'], ['Route Processor', 'RP'], ['Switching Processor', 'SP'], ['Sub-Module', 'Module '],
  ['DFC Card', 'DFC'], ['Centralized Forwarding Card', 'CFC'], ['Power Supply Module', 'PSU '], ['Sensor', ''],
  ['PMOD', 'PSU'], [/^temperatures /, ''], [/^voltages /, ''], ['PowerSupply', 'PSU '],
];
export function rewriteEntityName(name: string): string {
  let n = name;
  for (const [from, to] of ENTITY_REWRITES) n = typeof from === 'string' ? n.split(from).join(to) : n.replace(from, to);
  return n;
}

/** entPhysicalName, entPhysicalDescr and parent of the given entities, by GET (never a walk of the whole table). */
export async function entityNames(client: SnmpClient, indexes: readonly string[]): Promise<Map<string, EntityNames>> {
  const oids = indexes.flatMap((i) => [`${ENT_NAME}.${i}`, `${ENT_DESCR}.${i}`, `${ENT_CONTAINED}.${i}`]);
  const vals = await scalars(client, oids);
  const out = new Map<string, EntityNames>();
  indexes.forEach((i, k) => out.set(i, { name: text(vals[3 * k]) || undefined, descr: text(vals[3 * k + 1]) || undefined, parent: num(vals[3 * k + 2]) }));
  return out;
}

/**
 * One GET, shared by the standard-MIB sensor modules of a poll, of the scalars that tell whether the agent has a
 * UPS (UPS-MIB upsBattery group), is a printer (hrDevice 1, Printer-MIB marker 1.1) or a Synology NAS: the
 * modules that find nothing there ask nothing more.
 */
export const PROBE_OIDS = [
  '1.3.6.1.2.1.33.1.2.1.0', '1.3.6.1.2.1.33.1.2.2.0', '1.3.6.1.2.1.33.1.2.3.0', '1.3.6.1.2.1.33.1.2.4.0',
  '1.3.6.1.2.1.33.1.2.5.0', '1.3.6.1.2.1.33.1.2.6.0', '1.3.6.1.2.1.33.1.2.7.0',
  '1.3.6.1.2.1.25.3.2.1.2.1', '1.3.6.1.2.1.25.3.2.1.5.1', '1.3.6.1.2.1.25.3.5.1.2.1',
  '1.3.6.1.2.1.43.10.2.1.4.1.1', '1.3.6.1.2.1.43.10.2.1.5.1.1', '1.3.6.1.2.1.43.10.2.1.3.1.1',
  // SYNOLOGY-SYSTEM-MIB modelName: Synology's agent otherwise looks like any net-snmp Linux.
  '1.3.6.1.4.1.6574.1.5.1.0',
] as const;
const probes = new WeakMap<DevicePoll, Promise<Map<string, unknown>>>();
export function standardProbe(client: SnmpClient, out: DevicePoll): Promise<Map<string, unknown>> {
  let p = probes.get(out);
  if (!p) {
    p = scalars(client, PROBE_OIDS).then((vals) => new Map(PROBE_OIDS.map((o, k) => [o, vals[k]])));
    probes.set(out, p);
  }
  return p;
}

type StateMap = Record<number, [string, SensorInfo['status']]>;

/** One sensor per row of a vendor table, declared rather than coded: the vendor files are lists of these. */
export interface TableSpec {
  /** The table's entry OID (`…Table.1`). */
  entry: string;
  class: SensorClass;
  /** Column of the name, or a function of the row (other columns are in `extra`). */
  name: number | ((row: Map<number, unknown>, index: string) => string | undefined);
  /** Column of the reading; for state sensors the state column. */
  value: number;
  /** Reading ÷ divisor (or × multiplier) gives the unit. */
  divisor?: number;
  multiplier?: number;
  /** State words and statuses, for class `state` (or the status column's, see statusCol); a function of the row where
   * another column changes what a state means. */
  states?: StateMap | ((row: Map<number, unknown>) => StateMap);
  /** A separate status column for a value sensor, with its states. */
  statusCol?: number;
  statusStates?: StateMap;
  /** Limit columns, in the reading's raw units. */
  limits?: { high?: number; low?: number; highWarn?: number; lowWarn?: number };
  /** Further columns to read (for names or filters). */
  extra?: number[];
  /** Rows to leave out (absent probes, zero readings the vendor uses for "not present"). */
  skip?: (row: Map<number, unknown>, index: string) => boolean;
  /** Key for the sensor index (default: class and the row index). */
  key?: string;
}

export function rowsToSensors(rows: Rows, spec: TableSpec): SensorDraft[] {
  const out: SensorDraft[] = [];
  const conv = (v: number | undefined) => (v === undefined ? undefined : spec.multiplier ? scale(v * spec.multiplier, 0) : spec.divisor ? div(v, spec.divisor) : v);
  for (const [index, row] of rows) {
    if (spec.skip?.(row, index)) continue;
    const raw = num(row.get(spec.value));
    const description = (typeof spec.name === 'number' ? text(row.get(spec.name)) : spec.name(row, index)) ?? `${spec.class} ${index}`;
    const d: SensorDraft = { class: spec.class, index: `${spec.key ?? spec.class}.${index}`, description };
    if (spec.class === 'state') Object.assign(d, stateOf(raw, (typeof spec.states === 'function' ? spec.states(row) : spec.states) ?? {}));
    else {
      if (raw === undefined) continue;
      d.value = conv(raw);
      const l = spec.limits;
      if (l) {
        const lim = (c: number | undefined) => (c === undefined ? undefined : conv(num(row.get(c))));
        d.limitHigh = lim(l.high);
        d.limitLow = lim(l.low);
        d.limitHighWarn = lim(l.highWarn);
        d.limitLowWarn = lim(l.lowWarn);
      }
      if (spec.statusCol !== undefined) {
        const st = stateOf(num(row.get(spec.statusCol)), spec.statusStates ?? {});
        if (st.status && st.status !== 'unknown') d.status = st.status;
      }
    }
    out.push(d);
  }
  return out;
}

/** Reads every table of a vendor's list (value column first, so an absent table costs one request). */
export async function readTables(client: SnmpClient, specs: readonly TableSpec[]): Promise<SensorDraft[]> {
  const results = await Promise.all(specs.map(async (s) => {
    const cols = [s.value, ...(typeof s.name === 'number' ? [s.name] : []), ...(s.statusCol !== undefined ? [s.statusCol] : []),
      ...Object.values(s.limits ?? {}).filter((c): c is number => c !== undefined), ...(s.extra ?? [])];
    return rowsToSensors(await columns(client, s.entry, [...new Set(cols)]), s);
  }));
  return results.flat();
}

/** A module made of table specs, for one vendor. */
export function tableModule(name: string, applies: (out: DevicePoll) => boolean, specs: readonly TableSpec[]): SensorModule {
  return {
    name: `sensors.${name}`, stage: 'vendor', applies,
    async run(c, out) {
      addSensors(out, name, await readTables(c, specs));
    },
  };
}

/** One sensor from one scalar OID. */
export interface ScalarSpec {
  oid: string;
  class: SensorClass;
  description: string;
  divisor?: number;
  states?: StateMap;
  key: string;
}

export async function readScalars(client: SnmpClient, specs: readonly ScalarSpec[]): Promise<SensorDraft[]> {
  const vals = await scalars(client, specs.map((s) => s.oid));
  const out: SensorDraft[] = [];
  specs.forEach((s, k) => {
    const raw = num(vals[k]);
    if (raw === undefined) return;
    const d: SensorDraft = { class: s.class, index: s.key, description: s.description };
    if (s.class === 'state') Object.assign(d, stateOf(raw, s.states ?? {}));
    else d.value = s.divisor ? div(raw, s.divisor) : raw;
    out.push(d);
  });
  return out;
}
