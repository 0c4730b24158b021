// A shard: one fixed-size file holding up to `capacity` series in every archive. Files are created
// at their full size (sparse) and never grow. Rows are powers of two no larger than a page and
// page-aligned, so each row is written by one pwrite that a kill -9 cannot cut in half.
// Synchronous I/O on purpose: a poll's worth of rows is a handful of small writes, and the
// promise-based API costs more than the writes themselves.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ARCHIVES, capacityOf, HEADER_BYTES, PRIMARY_STEP, regionOffset, ROW_SIZES, shardBytes, slotOf, type Consolidation } from './archives';
import { RowBlock } from './row';

const MAGIC = 'PARCMET1';
const VERSION = 1;
/** Where the shard's one mutable header word lives: the newest 5-minute point written. */
const STATE_OFFSET = 2048;

export class ShardFormatError extends Error {}

export class Shard {
  private constructor(
    readonly file: string,
    private fd: number,
    readonly rowBytes: number,
    readonly createdAt: number,
  ) {}

  get capacity(): number {
    return capacityOf(this.rowBytes);
  }

  /** Creates the file complete (header + full size) under a temporary name, then renames it into place. */
  static create(file: string, rowBytes: number, createdAt: number): Shard {
    if (!(ROW_SIZES as readonly number[]).includes(rowBytes)) throw new Error(`invalid row size ${rowBytes}`);
    const header = Buffer.alloc(HEADER_BYTES);
    header.write(MAGIC, 0, 'latin1');
    let o = 8;
    for (const v of [VERSION, rowBytes, PRIMARY_STEP, createdAt, ARCHIVES.length]) o = header.writeUInt32LE(v, o);
    for (const a of ARCHIVES) for (const v of [a.step, a.rows, a.cfs.length]) o = header.writeUInt32LE(v, o);
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    const fd = fs.openSync(tmp, 'w+', 0o644);
    try {
      fs.writeSync(fd, header, 0, header.length, 0);
      fs.ftruncateSync(fd, shardBytes(rowBytes));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
    return Shard.open(file);
  }

  static open(file: string): Shard {
    const fd = fs.openSync(file, 'r+');
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      fs.readSync(fd, header, 0, HEADER_BYTES, 0);
      if (header.toString('latin1', 0, 8) !== MAGIC) throw new ShardFormatError(`${file} is not a Parc metric file`);
      const [version, rowBytes, step, createdAt, archives] = [0, 1, 2, 3, 4].map((i) => header.readUInt32LE(8 + i * 4));
      if (version !== VERSION) throw new ShardFormatError(`${file} has format version ${version}; this Parc reads version ${VERSION}`);
      let o = 28;
      const same = step === PRIMARY_STEP && archives === ARCHIVES.length && ARCHIVES.every((a) => {
        const ok = header.readUInt32LE(o) === a.step && header.readUInt32LE(o + 4) === a.rows && header.readUInt32LE(o + 8) === a.cfs.length;
        o += 12;
        return ok;
      });
      if (!same || !(ROW_SIZES as readonly number[]).includes(rowBytes)) throw new ShardFormatError(`${file} was written with other archive settings`);
      const size = fs.fstatSync(fd).size;
      if (size !== shardBytes(rowBytes)) throw new ShardFormatError(`${file} is ${size} bytes, expected ${shardBytes(rowBytes)}`);
      return new Shard(file, fd, rowBytes, createdAt);
    } catch (err) {
      fs.closeSync(fd);
      throw err;
    }
  }

  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }

  /** Newest 5-minute point written (epoch s), 0 when none. May lag by one write after a crash. */
  readLatest(): number {
    const b = Buffer.alloc(4);
    fs.readSync(this.fd, b, 0, 4, STATE_OFFSET);
    return b.readUInt32LE(0);
  }

  writeLatest(ts: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(ts, 0);
    fs.writeSync(this.fd, b, 0, 4, STATE_OFFSET);
  }

  /** Reads `count` consecutive slots starting at `slot` (no wrap: the caller splits at the ring's end). */
  readSlots(archive: number, cf: Consolidation, slot: number, count: number, into?: RowBlock): RowBlock {
    const block = into ?? RowBlock.empty(this.rowBytes, count);
    const want = count * this.rowBytes;
    const got = fs.readSync(this.fd, block.bytes(), 0, want, regionOffset(this.rowBytes, archive, cf) + slot * this.rowBytes);
    if (got !== want) throw new ShardFormatError(`${this.file}: short read`);
    return block;
  }

  /** Reads the rows for points starting at t0, t0+step, ... (count points), wrapping around the ring. */
  readPoints(archive: number, cf: Consolidation, t0: number, count: number): RowBlock {
    const a = ARCHIVES[archive];
    const block = RowBlock.empty(this.rowBytes, count);
    const first = slotOf(t0, a);
    const head = Math.min(count, a.rows - first);
    const bytes = block.bytes();
    const base = regionOffset(this.rowBytes, archive, cf);
    fs.readSync(this.fd, bytes, 0, head * this.rowBytes, base + first * this.rowBytes);
    if (count > head) fs.readSync(this.fd, bytes, head * this.rowBytes, (count - head) * this.rowBytes, base);
    return block;
  }

  writeRow(archive: number, cf: Consolidation, slot: number, block: RowBlock, r = 0): void {
    fs.writeSync(this.fd, block.bytes(), r * this.rowBytes, this.rowBytes, regionOffset(this.rowBytes, archive, cf) + slot * this.rowBytes);
  }
}
