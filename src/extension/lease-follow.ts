// The window's side of the estate's poll lease (core/schedule/poll-lease.ts): this window polls only while
// it holds the lease; when `parc watch`, `parc serve` or another window holds it, this one follows the state
// files the holder writes and hands "poll now" to it. Acknowledgements and mutes made elsewhere
// (alerts-state.json) are followed in both roles.
import { unwatchFile, watchFile } from 'node:fs';
import * as path from 'node:path';
import { systemClock, type Logger } from '../core/host';
import { PollLease, pollLeaseDelivery, type PollRequest } from '../core/schedule/poll-lease';
import type { DeliveryLeaseLike } from '../core/notify/lease';

/** How often the followed files are stat'ed (fs.watch misses atomic renames on some file systems). */
const FOLLOW_MS = 300;

export interface LeaseHooks {
  /** Held or lost: start or stop the scheduler. */
  changed(holding: boolean): void;
  /** A "poll now" from a follower (while holding). */
  request(r: PollRequest): void;
  /** The holder rewrote devices.json or appended to events.jsonl (while following). */
  stateChanged(): void;
  /** alerts-state.json changed. */
  acksChanged(): void;
}

export class LeaseFollower {
  readonly lease: PollLease;
  private started = false;
  private following = false;
  private readonly files: { devices: string; events: string; acks: string };

  constructor(readonly stateDir: string, log: Logger, private readonly hooks: LeaseHooks) {
    this.lease = new PollLease({ stateDir, kind: 'extension', clock: systemClock, logger: log });
    this.lease.on('acquired', () => {
      this.follow(false);
      hooks.changed(true);
    });
    this.lease.on('lost', () => {
      this.follow(true);
      hooks.changed(false);
    });
    this.lease.on('request', (r) => hooks.request(r));
    this.files = { devices: path.join(stateDir, 'devices.json'), events: path.join(stateDir, 'events.jsonl'), acks: path.join(stateDir, 'alerts-state.json') };
    watchFile(this.files.acks, { interval: FOLLOW_MS, persistent: false }, () => hooks.acksChanged());
  }

  get holding(): boolean {
    return this.lease.holding;
  }

  /** Only the holder delivers alerts. */
  delivery(): DeliveryLeaseLike {
    return pollLeaseDelivery(this.lease, this.stateDir);
  }

  /** Competes for the lease (monitoring wanted) and follows the holder meanwhile. */
  async start(): Promise<boolean> {
    if (!this.started) {
      this.started = true;
      const held = await this.lease.start();
      if (!held) this.follow(true);
      return held;
    }
    return this.lease.holding;
  }

  /** Gives the lease up (monitoring off, Restricted Mode, attached to a server); keeps following. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.lease.stop();
    this.follow(true);
  }

  /** Asks the holder to poll (each device, or the estate); 'self' when this window took the lease meanwhile. */
  async requestPoll(devices: string[] | undefined, by: string): Promise<'self' | 'holder'> {
    let who: 'self' | 'holder' = 'holder';
    for (const device of devices ?? [undefined]) who = await this.lease.requestPoll({ ...(device ? { device } : {}), by });
    return who;
  }

  private follow(on: boolean): void {
    if (on === this.following) return;
    this.following = on;
    for (const f of [this.files.devices, this.files.events]) {
      if (on) watchFile(f, { interval: FOLLOW_MS, persistent: false }, () => this.hooks.stateChanged());
      else unwatchFile(f);
    }
  }

  dispose(): void {
    this.follow(false);
    unwatchFile(this.files.acks);
    void this.lease.stop();
  }
}
