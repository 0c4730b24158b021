// The round-robin archives every metric is kept in, with Observium's default retention:
// 5-minute points for 7 days, 30-minute for 62 days, 2-hour for 120 days, 1-day for 4 years.
// Consolidated archives keep average, minimum and maximum; the 5-minute one keeps the sample itself.

export const PRIMARY_STEP = 300; // seconds

export type Consolidation = 'avg' | 'min' | 'max';

export interface ArchiveDef {
  name: string;
  /** Seconds per point; a multiple of PRIMARY_STEP whose ratio divides PRIMARY_ROWS. */
  step: number;
  rows: number;
  /** Consolidations stored; the primary archive stores only 'avg' (the sample). */
  cfs: readonly Consolidation[];
}

const ALL_CFS: readonly Consolidation[] = ['avg', 'min', 'max'];

export const ARCHIVES: readonly ArchiveDef[] = [
  { name: '5m', step: 300, rows: 2016, cfs: ['avg'] }, // 7 days
  { name: '30m', step: 1800, rows: 2976, cfs: ALL_CFS }, // 62 days
  { name: '2h', step: 7200, rows: 1440, cfs: ALL_CFS }, // 120 days
  { name: '1d', step: 86400, rows: 1461, cfs: ALL_CFS }, // 4 years (365.25 × 4)
];

/**
 * RRD's xfiles factor: a consolidated point is unknown when more than this fraction of its
 * 5-minute points is unknown (Observium and LibreNMS use 0.5).
 */
export const XFF = 0.5;

/** Row sizes allowed for a shard: powers of two up to a page, so a row never straddles a page. */
export const ROW_SIZES = [256, 512, 1024, 2048, 4096] as const;
export const PAGE = 4096;
export const HEADER_BYTES = PAGE;

/** 32-bit words per row that are not values: head timestamp, checksum, tail timestamp. */
export const ROW_OVERHEAD_WORDS = 3;

export function capacityOf(rowBytes: number): number {
  return rowBytes / 4 - ROW_OVERHEAD_WORDS;
}

/** Total rows in a shard, all archives and consolidations. */
export function rowsPerShard(): number {
  return ARCHIVES.reduce((n, a) => n + a.rows * a.cfs.length, 0);
}

/** File size of a shard: fixed at creation, it never changes afterwards. */
export function shardBytes(rowBytes: number): number {
  return HEADER_BYTES + rowsPerShard() * rowBytes;
}

/** Byte offset of the first row of (archive, consolidation) in a shard. */
export function regionOffset(rowBytes: number, archive: number, cf: Consolidation): number {
  let off = HEADER_BYTES;
  for (let i = 0; i < archive; i++) off += ARCHIVES[i].rows * ARCHIVES[i].cfs.length * rowBytes;
  const k = ARCHIVES[archive].cfs.indexOf(cf);
  if (k < 0) throw new Error(`archive ${ARCHIVES[archive].name} keeps no ${cf}`);
  return off + k * ARCHIVES[archive].rows * rowBytes;
}

/** Start (epoch seconds) of the point of `archive` that contains time t. */
export function bucketStart(t: number, step: number): number {
  return Math.floor(t / step) * step;
}

/** Ring slot of the point starting at bucket time t. */
export function slotOf(t: number, a: ArchiveDef): number {
  return Math.floor(t / a.step) % a.rows;
}

/** Seconds of history an archive holds. */
export function retentionSeconds(a: ArchiveDef): number {
  return a.step * a.rows;
}

/**
 * Row size for a new shard when `pending` series need a home and `existing` series already have one:
 * it grows with the estate (like a vector's capacity) so a growing estate ends up in few shards.
 */
export function rowSizeForNewShard(pending: number, existing: number): number {
  return rowSizeFor(Math.max(pending, existing));
}

/** Smallest allowed row size holding `series` values (the largest when they do not fit). */
export function rowSizeFor(series: number): number {
  for (const r of ROW_SIZES) if (capacityOf(r) >= series) return r;
  return PAGE;
}

/**
 * Disk needed for `series` metrics arriving together, known in advance. Files are created at
 * their full size, so the store never grows beyond this however long it runs.
 */
export function estimateBytes(series: number): number {
  let bytes = 0;
  let placed = 0;
  while (placed < series) {
    const rowBytes = rowSizeForNewShard(series - placed, placed);
    bytes += shardBytes(rowBytes);
    placed += capacityOf(rowBytes);
  }
  return bytes;
}
