// One poller per estate. `parc watch`, `parc serve` and the extension may all open the same state directory;
// only the holder of this lease polls (and delivers alerts), the others follow the state files it writes and
// hand "poll now" to it through request files it watches:
//   <state>/poll-lease.json          { id, kind, pid, host, since, heartbeat } (0600)
//   <state>/poll-requests/<id>.json  { id, device?, by?, at } — one file per request, removed when taken
// The holder refreshes the heartbeat every heartbeatMs; a lease older than staleMs, or whose holder process on
// this host is gone, is taken over by the next process that checks.
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { watch, type FSWatcher, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import type { Clock, Logger } from '../host';
import { DeliveryLease, type DeliveryLeaseLike } from '../notify/lease';
import { LeaseFile, leaseLive, readLeaseFile, type LeaseRecord } from './lease-file';

export type { LeaseRecord } from './lease-file';

export const POLL_LEASE_HEARTBEAT_MS = 5_000;
export const POLL_LEASE_STALE_MS = 20_000;
/** How often the holder also scans the request folder (in case a file-system event was missed). */
const REQUEST_SCAN_MS = 1_000;

export type LeaseKind = 'watch' | 'serve' | 'extension';

export interface PollRequest {
  id: string;
  /** A device key, name or host; absent: the whole estate. */
  device?: string;
  /** Who asked (a user name, "extension"…), for the log. */
  by?: string;
  /** Epoch ms. */
  at: number;
}

export function pollLeaseFile(stateDir: string): string {
  return path.join(stateDir, 'poll-lease.json');
}

export function pollRequestDir(stateDir: string): string {
  return path.join(stateDir, 'poll-requests');
}

/** Who holds the estate's poll lease now (undefined when nobody, or when the holder is stale or gone). */
export async function readPollLease(stateDir: string, now = Date.now(), staleMs = POLL_LEASE_STALE_MS): Promise<LeaseRecord | undefined> {
  const rec = await readLeaseFile(pollLeaseFile(stateDir));
  return rec && leaseLive(rec, now, staleMs) ? rec : undefined;
}

/** Asks the holder for a poll by dropping a request file (for processes without a PollLease of their own). */
export async function requestPoll(stateDir: string, req: { device?: string; by?: string } = {}, now = Date.now()): Promise<PollRequest> {
  const r: PollRequest = { id: randomUUID(), ...(req.device !== undefined ? { device: req.device } : {}), ...(req.by !== undefined ? { by: req.by } : {}), at: now };
  await atomicWriteFile(path.join(pollRequestDir(stateDir), `${r.id}.json`), JSON.stringify(r), 0o600);
  return r;
}

export interface PollLeaseOptions {
  stateDir: string;
  kind: LeaseKind | string;
  clock: Clock;
  logger: Logger;
  heartbeatMs?: number;
  staleMs?: number;
}

export interface PollLeaseEvents {
  /** This process now holds the lease: start polling. */
  acquired: [];
  /** Another process holds the lease (or took it over): stop polling, follow the state files. */
  lost: [LeaseRecord | undefined];
  /** A "poll now" for the holder (only emitted while holding). */
  request: [PollRequest];
}

export class PollLease extends EventEmitter<PollLeaseEvents> {
  private readonly lease: LeaseFile;
  private readonly heartbeatMs: number;
  private held = false;
  private started = false;
  private timer?: { cancel(): void };
  private scanTimer?: { cancel(): void };
  private watcher?: FSWatcher;
  private checking?: Promise<boolean>;
  private scanning?: Promise<void>;
  private lastHolder?: string;

  constructor(private readonly opts: PollLeaseOptions) {
    super();
    this.heartbeatMs = opts.heartbeatMs ?? POLL_LEASE_HEARTBEAT_MS;
    this.lease = new LeaseFile(pollLeaseFile(opts.stateDir), { kind: opts.kind }, opts.staleMs ?? POLL_LEASE_STALE_MS);
  }

  get id(): string {
    return this.lease.id;
  }

  get holding(): boolean {
    return this.held;
  }

  /** Who holds the lease (maybe this process). */
  holder(): Promise<LeaseRecord | undefined> {
    return readPollLease(this.opts.stateDir, this.opts.clock.now(), this.lease.staleMs);
  }

  /** Tries to take the lease and keeps checking every heartbeat; resolves with whether it holds it. */
  async start(): Promise<boolean> {
    this.started = true;
    const held = await this.check();
    this.arm();
    return held;
  }

  /** Releases the lease (if held) so another process can take over at once. */
  async stop(): Promise<void> {
    this.started = false;
    this.timer?.cancel();
    this.scanTimer?.cancel();
    this.watcher?.close();
    this.watcher = undefined;
    await this.checking;
    await this.scanning;
    if (this.held) await this.lease.release();
    this.held = false;
  }

  /** Re-checks the lease now (takes it when free or stale). */
  check(): Promise<boolean> {
    this.checking ??= this.doCheck().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async doCheck(): Promise<boolean> {
    let held: boolean;
    try {
      held = await this.lease.hold(this.opts.clock.now());
    } catch (err) {
      this.opts.logger.warn(`poll lease: ${(err as Error).message}`);
      held = this.held;
    }
    if (!this.started) return held;
    if (held && !this.held) {
      this.held = true;
      this.opts.logger.info(`poll lease taken: this ${this.opts.kind} (pid ${process.pid}) polls the estate of ${this.opts.stateDir}`);
      this.startRequests();
      this.emit('acquired');
    } else if (!held) {
      const cur = await this.lease.read();
      if (this.held || cur?.id !== this.lastHolder) {
        this.opts.logger.info(`poll lease held by ${cur ? `${cur.kind} pid ${cur.pid} on ${cur.host}` : 'another process'}: following its state files`);
        const was = this.held;
        this.held = false;
        this.stopRequests();
        if (was || this.lastHolder === undefined) this.emit('lost', cur);
      }
      this.lastHolder = cur?.id;
    }
    return held;
  }

  private arm(): void {
    this.timer?.cancel();
    if (!this.started) return;
    this.timer = this.opts.clock.setTimeout(() => {
      void this.check().finally(() => this.arm());
    }, this.heartbeatMs);
  }

  /** "Poll now": run here when holding, otherwise forwarded to the holder. */
  async requestPoll(req: { device?: string; by?: string } = {}): Promise<'self' | 'holder'> {
    if (this.held) {
      this.emit('request', { id: randomUUID(), ...req, at: this.opts.clock.now() });
      return 'self';
    }
    await requestPoll(this.opts.stateDir, req, this.opts.clock.now());
    // The holder may have gone since the last heartbeat: check now so a stale lease is taken over and the
    // request just written is served by this process.
    await this.check();
    return this.held ? 'self' : 'holder';
  }

  private startRequests(): void {
    const dir = pollRequestDir(this.opts.stateDir);
    void fs.mkdir(dir, { recursive: true, mode: 0o700 }).then(() => {
      // stop() may have run meanwhile: a watcher made now would keep the process alive.
      if (!this.started || !this.held || this.watcher) return;
      try {
        this.watcher = watch(dir, () => void this.scan());
        this.watcher.on('error', () => undefined);
      } catch {
        // The periodic scan still serves requests.
      }
      void this.scan();
    }, () => undefined);
    const tick = () => {
      this.scanTimer = this.opts.clock.setTimeout(() => void this.scan().finally(() => this.started && this.held && tick()), REQUEST_SCAN_MS);
    };
    tick();
  }

  private stopRequests(): void {
    this.scanTimer?.cancel();
    this.watcher?.close();
    this.watcher = undefined;
  }

  private scan(): Promise<void> {
    this.scanning ??= this.doScan().finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async doScan(): Promise<void> {
    if (!this.held) return;
    const dir = pollRequestDir(this.opts.stateDir);
    let names: string[];
    try {
      names = (await fs.readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
    } catch {
      return;
    }
    const reqs: PollRequest[] = [];
    for (const n of names) {
      const file = path.join(dir, n);
      try {
        const r = JSON.parse(await fs.readFile(file, 'utf8')) as PollRequest;
        await fs.rm(file, { force: true });
        if (typeof r === 'object' && r && typeof r.id === 'string') reqs.push({ id: r.id, at: Number(r.at) || this.opts.clock.now(), ...(typeof r.device === 'string' ? { device: r.device } : {}), ...(typeof r.by === 'string' ? { by: r.by } : {}) });
      } catch {
        await fs.rm(file, { force: true }).catch(() => undefined);
      }
    }
    for (const r of reqs.sort((a, b) => a.at - b.at)) if (this.held) this.emit('request', r);
  }
}

/**
 * Alert delivery that follows the poll lease: the process that polls is the one that sees the cycles, so it
 * must be the one that delivers. It also writes the older delivery lease file, so a process still using
 * that one alone (DeliveryLease) sees a live foreign holder and stays quiet.
 */
export function pollLeaseDelivery(poll: PollLease, stateDir: string): DeliveryLeaseLike {
  const legacy = new DeliveryLease(stateDir, undefined, 'delivery');
  return {
    async hold(now) {
      if (!poll.holding) return false;
      await legacy.seize(now);
      return true;
    },
    async holder() {
      const h = await poll.holder();
      return h ? `${h.kind} pid ${h.pid} on ${h.host}` : 'the holder of the poll lease';
    },
    release: () => legacy.release(),
  };
}
