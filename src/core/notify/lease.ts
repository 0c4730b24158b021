// One deliverer per state directory: `parc watch` and an open editor on the same estate would otherwise both
// send every message (and both rewrite notify/state.json). The holder refreshes a heartbeat; another process
// takes over when it is stale. (A stop-gap until `parc serve`'s estate-wide lease decides who polls at all.)
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import { notifyDir } from './store';

export const LEASE_STALE_MS = 180_000;
export const LEASE_HEARTBEAT_MS = 60_000;

interface LeaseFile {
  owner: string;
  heartbeat: number;
}

export class DeliveryLease {
  readonly file: string;
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(stateDir: string, private readonly staleMs = LEASE_STALE_MS) {
    this.file = path.join(notifyDir(stateDir), 'lease.json');
  }

  private async read(): Promise<LeaseFile | undefined> {
    try {
      const l = JSON.parse(await fs.readFile(this.file, 'utf8')) as LeaseFile;
      return typeof l.owner === 'string' && typeof l.heartbeat === 'number' ? l : undefined;
    } catch {
      return undefined;
    }
  }

  /** Takes or refreshes the lease; false while another live process holds it. */
  async hold(now: number): Promise<boolean> {
    const cur = await this.read();
    if (cur && cur.owner !== this.owner && Math.abs(now - cur.heartbeat) < this.staleMs) return false;
    await atomicWriteFile(this.file, JSON.stringify({ owner: this.owner, heartbeat: now }), 0o600);
    return (await this.read())?.owner === this.owner;
  }

  async holder(): Promise<string | undefined> {
    return (await this.read())?.owner;
  }

  async release(): Promise<void> {
    if ((await this.read())?.owner === this.owner) await fs.rm(this.file, { force: true });
  }
}
