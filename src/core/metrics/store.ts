// The metric store: series spread over a few fixed-size shard files in a directory (.parc/metrics).
// Layout per shard is time-major — one row holds every series of the shard for one point in time —
// so recording a poll of the whole estate costs one row write per shard, not one per series.
//
// Crash safety comes from the order of writes and from rows that carry their own timestamp:
//   1. buckets of the coarser archives that the new sample closes are consolidated from the
//      5-minute rows already on disk (idempotent: redoing it gives the same rows);
//   2. the 5-minute row is written (one aligned pwrite);
//   3. the shard's "latest" word is advanced.
// A kill between any two steps leaves older data intact; the next write redoes step 1.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clock } from '../host';
import { ARCHIVES, bucketStart, PRIMARY_STEP, retentionSeconds, rowSizeForNewShard, shardBytes, slotOf, XFF } from './archives';
import { withLock } from './lock';
import { RowBlock, VALUES_OFFSET_WORDS } from './row';
import { seriesId, type SeriesInfo, type SeriesKey } from './series';
import { SeriesTable, type TableEntry } from './series-table';
import { Shard } from './shard';

export interface Sample extends SeriesKey {
  /** Entity label (interface name...), kept with the series when it is first seen. */
  label: string;
  /** Epoch seconds. */
  t: number;
  value: number;
}

export interface ReadOptions {
  /** Epoch seconds, inclusive. */
  from: number;
  to: number;
  /** Picks the finest archive giving at most this many points (default 1000). */
  maxPoints?: number;
  /** Forces an archive by name (5m, 30m, 2h, 1d). */
  archive?: string;
}

export interface SeriesData {
  id: string;
  archive: string;
  step: number;
  /** Point start times, epoch seconds. */
  t: number[];
  avg: (number | null)[];
  min: (number | null)[];
  max: (number | null)[];
}

export interface StoreStats {
  files: number;
  series: number;
  capacity: number;
  /** Sum of file sizes: fixed once the files exist. */
  bytes: number;
  /** Disk blocks actually used (the files are sparse until every row has been written once). */
  allocatedBytes: number;
}

/** Series placed once by prepare(): per shard, which input positions go to which columns. */
export interface PreparedSeries {
  readonly size: number;
  readonly groups: readonly { entry: ShardEntry; idx: number[]; cols: number[] }[];
}

interface ShardEntry {
  n: number;
  shard: Shard;
  table: SeriesTable;
}

interface Location {
  entry: ShardEntry;
  col: number;
  info: SeriesInfo;
}

const scratches = new Map<number, { sum: Float64Array; k: Uint32Array; lo: Float64Array; hi: Float64Array }>();

/** Accumulators for consolidating `cap` columns, allocated once per row size. */
function scratch(cap: number) {
  let s = scratches.get(cap);
  if (!s) scratches.set(cap, (s = { sum: new Float64Array(cap), k: new Uint32Array(cap), lo: new Float64Array(cap), hi: new Float64Array(cap) }));
  return s;
}

const SHARD_RE = /^shard-(\d{4})\.prrd$/;
const PRIMARY = ARCHIVES[0];

export class MetricStore {
  private readonly shards: ShardEntry[] = [];
  private readonly index = new Map<string, Location>();
  private holding = false;

  private constructor(readonly dir: string, private readonly clock: Pick<Clock, 'now'>) {}

  /** Opens the store; the directory is created by the first write, not here (opening a view writes nothing). */
  static open(dir: string, clock: Pick<Clock, 'now'>): MetricStore {
    const s = new MetricStore(dir, clock);
    s.refresh();
    return s;
  }

  close(): void {
    for (const e of this.shards) e.shard.close();
    this.shards.length = 0;
    this.index.clear();
  }

  /** Picks up shards and series added by another process (the CLI beside the extension). */
  refresh(): void {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const m = SHARD_RE.exec(name);
      if (!m || this.shards.some((e) => e.n === Number(m[1]))) continue;
      const n = Number(m[1]);
      this.shards.push({ n, shard: Shard.open(path.join(this.dir, name)), table: new SeriesTable(path.join(this.dir, `shard-${m[1]}.series`)) });
    }
    this.shards.sort((a, b) => a.n - b.n);
    for (const entry of this.shards) {
      for (const e of entry.table.refresh()) {
        if (e.col < entry.shard.capacity) this.index.set(e.id, { entry, col: e.col, info: e });
      }
    }
  }

  series(filter?: { device?: string }): SeriesInfo[] {
    const out: SeriesInfo[] = [];
    for (const l of this.index.values()) if (!filter?.device || l.info.device === filter.device) out.push(l.info);
    return out;
  }

  /** Records samples (any series, any mix of times); waits for another process recording at once. */
  record(samples: Sample[]): void {
    const usable = samples.filter((s) => Number.isFinite(s.value) && Number.isFinite(s.t) && s.t > 0);
    if (!usable.length) return;
    const ids = usable.map(seriesId);
    this.locked(() => {
      this.refresh();
      this.place(usable, ids);
      const groups = new Map<ShardEntry, Map<number, { cols: number[]; vals: number[] }>>();
      for (let i = 0; i < usable.length; i++) {
        const s = usable[i];
        const loc = this.index.get(ids[i])!;
        const slot = bucketStart(s.t, PRIMARY_STEP);
        let bySlot = groups.get(loc.entry);
        if (!bySlot) groups.set(loc.entry, (bySlot = new Map()));
        let cells = bySlot.get(slot);
        if (!cells) bySlot.set(slot, (cells = { cols: [], vals: [] }));
        cells.cols.push(loc.col);
        cells.vals.push(s.value);
      }
      for (const [entry, bySlot] of groups) {
        for (const slot of [...bySlot.keys()].sort((a, b) => a - b)) this.writePrimary(entry.shard, slot, bySlot.get(slot)!.cols, bySlot.get(slot)!.vals);
      }
    });
  }

  /**
   * Places a fixed list of series once, for callers that record the same series again and again
   * (the benchmark, the simulated year): `recordPrepared` then skips the per-sample lookups.
   */
  prepare(keys: (SeriesKey & { label: string })[]): PreparedSeries {
    return this.locked(() => {
      this.refresh();
      this.place(keys.map((k) => ({ ...k, t: 0, value: 0 })), keys.map(seriesId));
      const byShard = new Map<ShardEntry, { idx: number[]; cols: number[] }>();
      keys.forEach((k, i) => {
        const loc = this.index.get(seriesId(k))!;
        let g = byShard.get(loc.entry);
        if (!g) byShard.set(loc.entry, (g = { idx: [], cols: [] }));
        g.idx.push(i);
        g.cols.push(loc.col);
      });
      return { size: keys.length, groups: [...byShard].map(([entry, g]) => ({ entry, idx: g.idx, cols: g.cols })) };
    });
  }

  /** Records values[i] for the i-th prepared series at time t (epoch s); NaN means no sample. */
  recordPrepared(p: PreparedSeries, t: number, values: ArrayLike<number>): void {
    if (values.length !== p.size) throw new Error(`expected ${p.size} values, got ${values.length}`);
    this.locked(() => {
      const slot = bucketStart(t, PRIMARY_STEP);
      for (const g of p.groups) {
        const cols: number[] = [];
        const vals: number[] = [];
        for (let j = 0; j < g.idx.length; j++) {
          const v = values[g.idx[j]];
          if (v === v) {
            cols.push(g.cols[j]);
            vals.push(v);
          }
        }
        if (cols.length) this.writePrimary(g.entry.shard, slot, cols, vals);
      }
    });
  }

  /**
   * Runs fn holding the store's lock once, so many record calls (a backfill, the simulated year)
   * do not take it each time.
   */
  batch<T>(fn: () => T): T {
    return this.locked(fn);
  }

  private locked<T>(fn: () => T): T {
    if (this.holding) return fn();
    fs.mkdirSync(this.dir, { recursive: true });
    return withLock(path.join(this.dir, 'lock'), () => {
      this.holding = true;
      try {
        return fn();
      } finally {
        this.holding = false;
      }
    });
  }

  /** Gives every new series a column, in a shard with room or in a new shard. */
  private place(samples: Sample[], ids: string[]): void {
    const fresh = new Map<string, Sample>();
    for (let i = 0; i < samples.length; i++) {
      const id = ids[i];
      if (!this.index.has(id) && !fresh.has(id)) fresh.set(id, samples[i]);
    }
    const pending = [...fresh.entries()];
    while (pending.length) {
      let entry = this.shards.find((e) => e.table.nextCol() < e.shard.capacity);
      if (!entry) {
        this.removeLeftovers();
        const n = this.shards.length ? this.shards[this.shards.length - 1].n + 1 : 0;
        const name = `shard-${String(n).padStart(4, '0')}`;
        const shard = Shard.create(path.join(this.dir, `${name}.prrd`), rowSizeForNewShard(pending.length, this.index.size), Math.floor(this.clock.now() / 1000));
        entry = { n, shard, table: new SeriesTable(path.join(this.dir, `${name}.series`)) };
        this.shards.push(entry);
      }
      const start = entry.table.nextCol();
      const take = pending.splice(0, entry.shard.capacity - start);
      const lines: TableEntry[] = take.map(([id, s], i) => ({ col: start + i, id, device: s.device, entity: s.entity, ds: s.ds, label: s.label }));
      entry.table.append(lines);
      for (const e of lines) this.index.set(e.id, { entry, col: e.col, info: e });
    }
  }

  /** Half-created shards of a writer killed mid-creation (we hold the lock: nobody is creating one). */
  private removeLeftovers(): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (/^\.shard-\d{4}\.prrd\.\d+\.tmp$/.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private writePrimary(shard: Shard, t: number, cols: number[], vals: number[]): void {
    const latest = shard.readLatest();
    // Its slot already holds a newer lap: the sample is older than the 5-minute archive keeps.
    if (latest && t <= latest - retentionSeconds(PRIMARY)) return;
    if (latest && t > latest) this.consolidateClosed(shard, latest, t);
    const slot = slotOf(t, PRIMARY);
    // A point newer than any written starts from nothing; otherwise merge into what is there.
    const row = t > latest ? RowBlock.empty(shard.rowBytes) : shard.readSlots(0, 'avg', slot, 1);
    if (t > latest || !row.valid(0, t)) row.clear(0);
    for (let i = 0; i < cols.length; i++) {
      const old = row.value(0, cols[i]);
      // Two polls in the same 5 minutes (a manual poll beside the scheduled one): keep their mean.
      row.set(0, cols[i], old !== old ? vals[i] : (old + vals[i]) / 2);
    }
    row.seal(0, t);
    shard.writeRow(0, 'avg', slot, row);
    if (t > latest) shard.writeLatest(t);
    else {
      // A late sample in buckets already consolidated: consolidate them again.
      for (let i = 1; i < ARCHIVES.length; i++) {
        const b = bucketStart(t, ARCHIVES[i].step);
        if (b < bucketStart(latest, ARCHIVES[i].step)) this.consolidateBucket(shard, i, b);
      }
    }
  }

  /** Consolidates every bucket from the one holding `latest` up to (not including) the one holding `t`. */
  private consolidateClosed(shard: Shard, latest: number, t: number): void {
    const oldestIntact = t - retentionSeconds(PRIMARY) + PRIMARY_STEP; // 5-minute rows from here on survive writing t
    for (let i = 1; i < ARCHIVES.length; i++) {
      const step = ARCHIVES[i].step;
      const until = bucketStart(t, step);
      let b = bucketStart(latest, step);
      if (b < oldestIntact) b = Math.ceil(oldestIntact / step) * step;
      for (; b < until; b += step) this.consolidateBucket(shard, i, b);
    }
  }

  /** Writes the avg/min/max rows of one closed bucket from its 5-minute rows, with the xfiles factor. */
  private consolidateBucket(shard: Shard, archive: number, b: number): void {
    const a = ARCHIVES[archive];
    const n = a.step / PRIMARY_STEP;
    const src = shard.readSlots(0, 'avg', slotOf(b, PRIMARY), n);
    const valid: number[] = [];
    for (let r = 0; r < n; r++) if (src.valid(r, b + r * PRIMARY_STEP)) valid.push(r);
    if (!valid.length) return; // nothing known: the stale row reads as unknown anyway
    const cap = shard.capacity;
    // Rows avg, min, max of the consolidated point, and column-wise accumulators reused between calls.
    const out = RowBlock.empty(shard.rowBytes, 3);
    const { sum, k, lo, hi } = scratch(cap);
    sum.fill(0);
    k.fill(0);
    lo.fill(Infinity);
    hi.fill(-Infinity);
    const f = src.floats;
    for (const r of valid) {
      const base = r * src.rowWords + VALUES_OFFSET_WORDS;
      for (let col = 0; col < cap; col++) {
        const v = f[base + col];
        if (v !== v) continue; // NaN: unknown
        k[col]++;
        sum[col] += v;
        if (v < lo[col]) lo[col] = v;
        if (v > hi[col]) hi[col] = v;
      }
    }
    const needed = n * (1 - XFF);
    const o = out.floats;
    const [ao, mo, xo] = [0, 1, 2].map((r) => r * out.rowWords + VALUES_OFFSET_WORDS);
    for (let col = 0; col < cap; col++) {
      const known = k[col] > 0 && k[col] >= needed;
      o[ao + col] = known ? sum[col] / k[col] : NaN;
      o[mo + col] = known ? lo[col] : NaN;
      o[xo + col] = known ? hi[col] : NaN;
    }
    const slot = slotOf(b, a);
    (['avg', 'min', 'max'] as const).forEach((cf, r) => {
      out.seal(r, b);
      shard.writeRow(archive, cf, slot, out, r);
    });
  }

  /** Average/min/max of one column over a bucket still open (or never consolidated), from 5-minute rows. */
  private partial(shard: Shard, col: number, step: number, b: number): [number, number, number] | undefined {
    const n = step / PRIMARY_STEP;
    const src = shard.readSlots(0, 'avg', slotOf(b, PRIMARY), n);
    let k = 0;
    let sum = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < n; r++) {
      if (!src.valid(r, b + r * PRIMARY_STEP)) continue;
      const v = src.value(r, col);
      if (v !== v) continue;
      k++;
      sum += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return k ? [sum / k, lo, hi] : undefined;
  }

  /** The finest archive that still covers `from` and gives at most maxPoints points. */
  chooseArchive(from: number, to: number, maxPoints = 1000): number {
    const now = this.clock.now() / 1000;
    for (let i = 0; i < ARCHIVES.length; i++) {
      const a = ARCHIVES[i];
      if (from >= now - retentionSeconds(a) && (to - from) / a.step <= maxPoints) return i;
    }
    return ARCHIVES.length - 1;
  }

  read(id: string, o: ReadOptions): SeriesData | undefined {
    let loc = this.index.get(id);
    if (!loc) {
      this.refresh();
      loc = this.index.get(id);
      if (!loc) return undefined;
    }
    const ai = o.archive !== undefined ? ARCHIVES.findIndex((a) => a.name === o.archive) : this.chooseArchive(o.from, o.to, o.maxPoints);
    if (ai < 0) throw new Error(`no archive "${o.archive}" (have ${ARCHIVES.map((a) => a.name).join(', ')})`);
    const a = ARCHIVES[ai];
    const last = bucketStart(o.to, a.step);
    const first = Math.max(bucketStart(o.from, a.step), last - (a.rows - 1) * a.step);
    const out: SeriesData = { id, archive: a.name, step: a.step, t: [], avg: [], min: [], max: [] };
    if (last < first) return out;
    const count = (last - first) / a.step + 1;
    const { shard } = loc.entry;
    const col = loc.col;
    const num = (v: number) => (v !== v ? null : v);
    if (ai === 0) {
      const rows = shard.readPoints(0, 'avg', first, count);
      for (let r = 0; r < count; r++) {
        const t = first + r * a.step;
        const v = rows.valid(r, t) ? num(rows.value(r, col)) : null;
        out.t.push(t);
        out.avg.push(v);
        out.min.push(v);
        out.max.push(v);
      }
      return out;
    }
    const open = bucketStart(shard.readLatest(), a.step);
    const avg = shard.readPoints(ai, 'avg', first, count);
    const min = shard.readPoints(ai, 'min', first, count);
    const max = shard.readPoints(ai, 'max', first, count);
    for (let r = 0; r < count; r++) {
      const t = first + r * a.step;
      out.t.push(t);
      if (t >= open) {
        const p = t === open ? this.partial(shard, col, a.step, t) : undefined;
        out.avg.push(p ? p[0] : null);
        out.min.push(p ? p[1] : null);
        out.max.push(p ? p[2] : null);
        continue;
      }
      const ok = avg.valid(r, t);
      out.avg.push(ok ? num(avg.value(r, col)) : null);
      out.min.push(ok && min.valid(r, t) ? num(min.value(r, col)) : null);
      out.max.push(ok && max.valid(r, t) ? num(max.value(r, col)) : null);
    }
    return out;
  }

  stats(): StoreStats {
    let bytes = 0;
    let allocatedBytes = 0;
    for (const e of this.shards) {
      const st = fs.statSync(e.shard.file);
      bytes += st.size;
      allocatedBytes += st.blocks * 512;
    }
    return {
      files: this.shards.length,
      series: this.index.size,
      capacity: this.shards.reduce((n, e) => n + e.shard.capacity, 0),
      bytes,
      allocatedBytes,
    };
  }

  /** Expected size of the shard files alone, from their row sizes. */
  expectedBytes(): number {
    return this.shards.reduce((n, e) => n + shardBytes(e.shard.rowBytes), 0);
  }
}
