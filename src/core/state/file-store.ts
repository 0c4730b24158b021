// StateStore in plain files under .parc/: devices.json (replaced atomically) and events.jsonl (append-only).
// The CLI and the extension share the directory.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import type { DeviceRecord, ParcEvent, StateStore } from './types';

export class FileStateStore implements StateStore {
  private readonly devicesFile: string;
  private readonly eventsFile: string;

  constructor(readonly dir: string) {
    this.devicesFile = path.join(dir, 'devices.json');
    this.eventsFile = path.join(dir, 'events.jsonl');
  }

  private async ensureDir(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // Keep state out of git even when the user has no .gitignore for it.
    const ignore = path.join(this.dir, '.gitignore');
    await fs.writeFile(ignore, '*\n', { flag: 'wx' }).catch(() => undefined);
  }

  async loadDevices(): Promise<Map<string, DeviceRecord>> {
    let text: string;
    try {
      text = await fs.readFile(this.devicesFile, 'utf8');
    } catch {
      return new Map();
    }
    try {
      const obj = JSON.parse(text) as { version: number; devices: Record<string, DeviceRecord> };
      return new Map(Object.entries(obj.devices ?? {}));
    } catch (err) {
      throw new Error(`${this.devicesFile} is not valid JSON (${(err as Error).message}); move it aside to start afresh`);
    }
  }

  async saveDevices(records: Map<string, DeviceRecord>): Promise<void> {
    await this.ensureDir();
    await atomicWriteFile(this.devicesFile, JSON.stringify({ version: 1, devices: Object.fromEntries(records) }));
  }

  async appendEvents(events: ParcEvent[]): Promise<void> {
    if (!events.length) return;
    await this.ensureDir();
    // One write per batch with O_APPEND: concurrent writers (CLI and extension) do not interleave lines.
    // A line cut by a crash or a full disk is ended first, or the next event would be joined to it and lost too.
    const lead = (await this.endsCut()) ? '\n' : '';
    await fs.appendFile(this.eventsFile, lead + events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  }

  /** Whether events.jsonl ends in the middle of a line. */
  private async endsCut(): Promise<boolean> {
    let h: import('node:fs').promises.FileHandle | undefined;
    try {
      h = await fs.open(this.eventsFile, 'r');
      const { size } = await h.stat();
      if (!size) return false;
      const b = Buffer.alloc(1);
      await h.read(b, 0, 1, size - 1);
      return b[0] !== 0x0a;
    } catch {
      return false;
    } finally {
      await h?.close();
    }
  }

  async readEvents(options: { since?: number; device?: string; limit?: number } = {}): Promise<ParcEvent[]> {
    let text: string;
    try {
      text = await fs.readFile(this.eventsFile, 'utf8');
    } catch {
      return [];
    }
    const out: ParcEvent[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      let e: ParcEvent;
      try {
        e = JSON.parse(line) as ParcEvent;
      } catch {
        continue; // a line cut by a crash mid-write
      }
      if (options.since !== undefined && Date.parse(e.time) < options.since) continue;
      if (options.device !== undefined && e.device !== options.device) continue;
      out.push(e);
    }
    out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    return options.limit !== undefined ? out.slice(0, options.limit) : out;
  }

  async pruneEvents(before: number): Promise<number> {
    let text: string;
    try {
      text = await fs.readFile(this.eventsFile, 'utf8');
    } catch {
      return 0;
    }
    const lines = text.split('\n').filter(Boolean);
    const keep = lines.filter((line) => {
      try {
        return Date.parse((JSON.parse(line) as ParcEvent).time) >= before;
      } catch {
        return false;
      }
    });
    if (keep.length === lines.length) return 0;
    await atomicWriteFile(this.eventsFile, keep.length ? keep.join('\n') + '\n' : '');
    return lines.length - keep.length;
  }
}
