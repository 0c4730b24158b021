// A lease kept in one small JSON file: the holder refreshes a heartbeat, another process takes over when the
// heartbeat is stale or when the holder's process is gone (same host, pid not alive). Used by alert delivery
// (one deliverer per state directory) and by the poll lease (one poller per estate).
//
// Taking or refreshing happens under a short exclusive lock file (O_EXCL), so two processes starting at the
// same moment cannot both believe they hold it.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';

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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a record still binds others at `now`. */
export function leaseLive(rec: LeaseRecord, now: number, staleMs: number): boolean {
  if (Math.abs(now - rec.heartbeat) >= staleMs) return false;
  // A holder on this machine whose process is gone (killed, crashed) binds nobody.
  if (rec.host === os.hostname() && Number.isInteger(rec.pid) && rec.pid !== process.pid && !alive(rec.pid)) return false;
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

const LOCK_STALE_MS = 5000;

async function withFileLock<T>(lockFile: string, fn: () => Promise<T>): Promise<T> {
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fs.open(lockFile, 'wx', 0o600);
      await h.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left by a process killed inside the few milliseconds it holds it.
      const st = await fs.stat(lockFile).catch(() => undefined);
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) await fs.rm(lockFile, { force: true });
      if (attempt > 500) throw new Error(`lease lock ${lockFile} stays taken`);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lockFile, { force: true });
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
    return withFileLock(`${this.file}.lock`, async () => {
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
    return withFileLock(`${this.file}.lock`, async () => {
      const cur = await this.read();
      if (!cur || cur.id !== this.id) this.since = now;
      await atomicWriteFile(this.file, JSON.stringify(this.record(now)), 0o600);
    });
  }

  async holder(): Promise<string | undefined> {
    return (await this.read())?.id;
  }

  async release(): Promise<void> {
    await withFileLock(`${this.file}.lock`, async () => {
      if ((await this.read())?.id === this.id) await fs.rm(this.file, { force: true });
    }).catch(() => undefined);
    this.since = undefined;
  }
}
