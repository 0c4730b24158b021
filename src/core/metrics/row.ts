// One row of a shard: [head timestamp][checksum][values as float32...][tail timestamp], all 32-bit
// little-endian words. A row is valid only for the exact timestamp its slot is read for, with both
// timestamps equal and the checksum right, so a row cut short by a crash or left from an earlier
// lap of the ring reads as "unknown", never as wrong data.
import { ROW_OVERHEAD_WORDS } from './archives';

export const VALUES_OFFSET_WORDS = 2;

/** FNV-1a over 32-bit words, seeded with the timestamp. */
export function rowChecksum(words: Uint32Array, base: number, valueWords: number, ts: number): number {
  let h = (0x811c9dc5 ^ ts) >>> 0;
  const end = base + VALUES_OFFSET_WORDS + valueWords;
  for (let i = base + VALUES_OFFSET_WORDS; i < end; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h >>> 0;
}

/** A view over `count` consecutive rows in one buffer. */
export class RowBlock {
  readonly words: Uint32Array;
  readonly floats: Float32Array;
  readonly rowWords: number;
  readonly capacity: number;

  constructor(readonly buffer: ArrayBuffer, readonly rowBytes: number, readonly count: number) {
    this.words = new Uint32Array(buffer, 0, (rowBytes / 4) * count);
    this.floats = new Float32Array(buffer, 0, (rowBytes / 4) * count);
    this.rowWords = rowBytes / 4;
    this.capacity = this.rowWords - ROW_OVERHEAD_WORDS;
  }

  static empty(rowBytes: number, count = 1): RowBlock {
    return new RowBlock(new ArrayBuffer(rowBytes * count), rowBytes, count);
  }

  bytes(): Uint8Array {
    return new Uint8Array(this.buffer, 0, this.rowBytes * this.count);
  }

  /** Whether row r holds the point that starts at `ts`, intact. */
  valid(r: number, ts: number): boolean {
    const base = r * this.rowWords;
    const w = this.words;
    if (w[base] !== ts || w[base + this.rowWords - 1] !== ts || ts === 0) return false;
    return w[base + 1] === rowChecksum(w, base, this.capacity, ts);
  }

  value(r: number, col: number): number {
    return this.floats[r * this.rowWords + VALUES_OFFSET_WORDS + col];
  }

  set(r: number, col: number, v: number): void {
    this.floats[r * this.rowWords + VALUES_OFFSET_WORDS + col] = v;
  }

  /** Every value unknown (NaN). */
  clear(r: number): void {
    const start = r * this.rowWords + VALUES_OFFSET_WORDS;
    this.floats.fill(NaN, start, start + this.capacity);
  }

  /** Stamps row r for `ts`: both timestamps and the checksum. */
  seal(r: number, ts: number): void {
    const base = r * this.rowWords;
    this.words[base] = ts;
    this.words[base + this.rowWords - 1] = ts;
    this.words[base + 1] = rowChecksum(this.words, base, this.capacity, ts);
  }
}
