// The list of series a shard holds, one JSON line per column, appended before the column is first
// written. A line cut by a crash is ignored: its column was never written, and the next append
// starts on a fresh line.
import * as fs from 'node:fs';
import type { SeriesInfo } from './series';

export interface TableEntry extends SeriesInfo {
  col: number;
}

export class SeriesTable {
  private readBytes = 0;
  readonly entries: TableEntry[] = [];

  constructor(readonly file: string) {}

  /** Reads lines appended since the last call (possibly by another process). Returns the new entries. */
  refresh(): TableEntry[] {
    let size: number;
    try {
      size = fs.statSync(this.file).size;
    } catch {
      return [];
    }
    if (size <= this.readBytes) return [];
    const fd = fs.openSync(this.file, 'r');
    const buf = Buffer.alloc(size - this.readBytes);
    try {
      fs.readSync(fd, buf, 0, buf.length, this.readBytes);
    } finally {
      fs.closeSync(fd);
    }
    const text = buf.toString('utf8');
    const end = text.lastIndexOf('\n') + 1; // an unfinished last line waits (or is garbage from a crash)
    this.readBytes += Buffer.byteLength(text.slice(0, end));
    const fresh: TableEntry[] = [];
    for (const line of text.slice(0, end).split('\n')) {
      if (!line) continue;
      try {
        const e = JSON.parse(line) as TableEntry;
        if (Number.isInteger(e.col) && typeof e.id === 'string') fresh.push(e);
      } catch {
        // a line cut by a crash, followed by later appends
      }
    }
    this.entries.push(...fresh);
    return fresh;
  }

  nextCol(): number {
    return this.entries.reduce((m, e) => Math.max(m, e.col + 1), 0);
  }

  append(entries: TableEntry[]): void {
    if (!entries.length) return;
    let prefix = '';
    try {
      const size = fs.statSync(this.file).size;
      if (size > 0) {
        const fd = fs.openSync(this.file, 'r');
        const b = Buffer.alloc(1);
        fs.readSync(fd, b, 0, 1, size - 1);
        fs.closeSync(fd);
        if (b[0] !== 0x0a) prefix = '\n';
      }
    } catch {
      // new file
    }
    fs.appendFileSync(this.file, prefix + entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    this.refresh();
  }
}
