// One deliverer per state directory: `parc watch` and an open editor on the same estate would otherwise both
// send every message (and both rewrite notify/state.json). Where a process holds the estate's poll lease
// (src/core/schedule/poll-lease.ts), delivery follows it instead: see pollLeaseDelivery().
import * as path from 'node:path';
import { LeaseFile } from '../schedule/lease-file';
import { notifyDir } from './store';

export const LEASE_STALE_MS = 180_000;
export const LEASE_HEARTBEAT_MS = 60_000;

/** What the delivery engine asks of a lease. */
export interface DeliveryLeaseLike {
  hold(now: number): Promise<boolean>;
  holder(): Promise<string | undefined>;
  release(): Promise<void>;
}

export class DeliveryLease extends LeaseFile implements DeliveryLeaseLike {
  constructor(stateDir: string, staleMs = LEASE_STALE_MS, kind = 'delivery') {
    super(path.join(notifyDir(stateDir), 'lease.json'), { kind }, staleMs);
  }

  /** Kept for callers of the first version. */
  get owner(): string {
    return this.id;
  }
}
