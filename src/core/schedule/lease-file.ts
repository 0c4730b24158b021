// A lease kept in one small JSON file: the holder refreshes a heartbeat, another process takes over when the
// heartbeat is stale or when the holder's process is gone (same host, pid not alive). Used by alert delivery
// (one deliverer per state directory) and by the poll lease (one poller per estate).
//
// Taking or refreshing happens under a short exclusive lock file (../lock-file.ts), so two processes starting at
// the same moment cannot both believe they hold it.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { atomicWriteFile } from '../fsutil';
import { pidAlive, withLock } from '../lock-file';

export interface LeaseRecord {
  /** Unique per process and lease object: `<host>:<pid>:<random>`. */
  id: string;
  /** What holds it: watch, serve, extension… */
  kind: string;
  pid: number;
  host: string;
  /** Epoch ms the holder took the lease. */
  since: number;
  /** Epoch ms of the last refresh. */
  heartbeat: number;
}

export interface LeaseIdentity {
  kind: string;
  id?: string;
}

/** Whether a record still binds others at `now`. */
export function leaseLive(rec: LeaseRecord, now: number, staleMs: number): boolean {
  if (Math.abs(now - rec.heartbeat) >= staleMs) return false;
  // A holder on this machine whose process is gone (killed, crashed) binds nobody.
  if (rec.host === os.hostname() && Number.isInteger(rec.pid) && rec.pid !== process.pid && !pidAlive(rec.pid)) return false;
  return true;
}

export async function readLeaseFile(file: string): Promise<LeaseRecord | undefined> {
  try {
    const l = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LeaseRecord> & { owner?: string };
    // Older delivery leases had only { owner, heartbeat }.
    const id = typeof l.id === 'string' ? l.id : typeof l.owner === 'string' ? l.owner : undefined;
    if (!id || typeof l.heartbeat !== 'number') return undefined;
    const [host = '', pid = ''] = id.split(':');
    return {
      id,
      kind: typeof l.kind === 'string' ? l.kind : 'unknown',
      pid: typeof l.pid === 'number' ? l.pid : Number.parseInt(pid, 10),
      host: typeof l.host === 'string' ? l.host : host,
      since: typeof l.since === 'number' ? l.since : l.heartbeat,
      heartbeat: l.heartbeat,
    };
  } catch {
    return undefined;
  }
}

export class LeaseFile {
  readonly id: string;
  readonly kind: string;
  private since?: number;

  constructor(readonly file: string, identity: LeaseIdentity, readonly staleMs: number) {
    this.kind = identity.kind;
    this.id = identity.id ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  read(): Promise<LeaseRecord | undefined> {
    return readLeaseFile(this.file);
  }

  private record(now: number): LeaseRecord {
    return { id: this.id, kind: this.kind, pid: process.pid, host: os.hostname(), since: this.since ?? now, heartbeat: now };
  }

  /** Takes or refreshes the lease; false while another live process holds it. */
  hold(now: number): Promise<boolean> {
    return withLock(`${this.file}.lock`, async () => {
      const cur = await this.read();
      if (cur && cur.id !== this.id && leaseLive(cur, now, this.staleMs)) {
        this.since = undefined;
        return false;
      }
      if (!cur || cur.id !== this.id) this.since = now;
      await atomicWriteFile(this.file, JSON.stringify(this.record(now)), 0o600);
      return true;
    });
  }

  /** Takes the lease whoever holds it (the caller holds a lease that decides over this one). */
  seize(now: number): Promise<void> {
    return withLock(`${this.file}.lock`, async () => {
      const cur = await this.read();
      if (!cur || cur.id !== this.id) this.since = now;
      await atomicWriteFile(this.file, JSON.stringify(this.record(now)), 0o600);
    });
  }

  async holder(): Promise<string | undefined> {
    return (await this.read())?.id;
  }

  async release(): Promise<void> {
    await withLock(`${this.file}.lock`, async () => {
      if ((await this.read())?.id === this.id) await fs.rm(this.file, { force: true });
    }).catch(() => undefined);
    this.since = undefined;
  }
}
