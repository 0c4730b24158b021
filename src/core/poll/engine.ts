// Which engine polls, decided from the inventory at each cycle (an edit of `engine:` applies without a restart):
// Parc's own SNMP poller, or Prometheus + snmp_exporter read through its API.
import type { SecretSource } from '../host';
import { DEFAULT_SCHEDULE, type Inventory } from '../inventory/types';
import { PrometheusPoller } from '../prometheus/poller';
import { SnmpPoller, type Poller, type PollOptions, type PollTarget, type SnmpPollerOptions } from './poller';
import type { DevicePoll } from './types';

export class EnginePoller implements Poller {
  private readonly local: SnmpPoller;
  private prometheus?: { key: string; poller: PrometheusPoller };

  constructor(private readonly inventory: () => (Pick<Inventory, 'engine'> & Partial<Pick<Inventory, 'schedule'>>) | undefined, private readonly secrets: SecretSource, local: Omit<SnmpPollerOptions, 'secrets'> = {}) {
    // Rediscovery follows `schedule.discoveryHours` of parc.yaml (6 h by default), read at each poll.
    const rediscoveryMs = local.rediscoveryMs ?? (() => (this.inventory()?.schedule?.discoveryHours ?? DEFAULT_SCHEDULE.discoveryHours) * 3_600_000);
    this.local = new SnmpPoller({ ...local, rediscoveryMs, secrets });
  }

  /** `local` or the Prometheus URL, for status lines. */
  describe(): string {
    const e = this.inventory()?.engine;
    return e?.kind === 'prometheus' ? `Prometheus at ${e.url}` : 'local SNMP poller';
  }

  poll(targets: PollTarget[], options?: PollOptions): Promise<DevicePoll[]> {
    const e = this.inventory()?.engine;
    if (e?.kind !== 'prometheus') return this.local.poll(targets, options);
    const key = JSON.stringify(e);
    if (this.prometheus?.key !== key) this.prometheus = { key, poller: new PrometheusPoller(e, this.secrets) };
    return this.prometheus.poller.poll(targets, options);
  }
}
