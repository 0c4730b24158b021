// Acknowledgements and mutes shared by every front end (the extension, `parc alerts ack|mute`, the delivery
// engine in `parc watch`): one small JSON file beside the event log, replaced atomically.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import type { Mute } from './windows';

export interface Acknowledgement {
  at: number;
  by?: string;
}

interface AckFile {
  version: 1;
  acks: [string, Acknowledgement][];
  mutes: Mute[];
}

export class AckStore {
  readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(stateDir: string) {
    this.file = path.join(stateDir, 'alerts-state.json');
  }

  async read(): Promise<{ acks: Map<string, Acknowledgement>; mutes: Mute[] }> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return { acks: new Map(), mutes: [] };
    }
    try {
      const f = JSON.parse(text) as AckFile;
      return { acks: new Map(Array.isArray(f.acks) ? f.acks : []), mutes: Array.isArray(f.mutes) ? f.mutes : [] };
    } catch (err) {
      throw new Error(`${this.file} is not valid JSON (${(err as Error).message}); move it aside to start afresh`);
    }
  }

  private update(fn: (s: { acks: Map<string, Acknowledgement>; mutes: Mute[] }) => void, now: number): Promise<void> {
    const run = this.queue.then(async () => {
      const s = await this.read();
      fn(s);
      s.mutes = s.mutes.filter((m) => m.until > now);
      const out: AckFile = { version: 1, acks: [...s.acks], mutes: s.mutes };
      await atomicWriteFile(this.file, JSON.stringify(out, null, 1), 0o600);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Acknowledges alerts; `keep` (ids still open), when given, drops acknowledgements of closed alerts. */
  acknowledge(ids: string[], now: number, by?: string, keep?: Set<string>): Promise<void> {
    return this.update((s) => {
      if (keep) for (const id of [...s.acks.keys()]) if (!keep.has(id)) s.acks.delete(id);
      for (const id of ids) if (!s.acks.has(id)) s.acks.set(id, { at: now, by });
    }, now);
  }

  mute(m: Mute, now: number): Promise<void> {
    return this.update((s) => {
      s.mutes = s.mutes.filter((x) => !(x.scope === m.scope && x.value.toLowerCase() === m.value.toLowerCase()));
      s.mutes.push(m);
    }, now);
  }

  unmute(scope: Mute['scope'], value: string, now: number): Promise<void> {
    return this.update((s) => {
      s.mutes = s.mutes.filter((x) => !(x.scope === scope && x.value.toLowerCase() === value.toLowerCase()));
    }, now);
  }
}
