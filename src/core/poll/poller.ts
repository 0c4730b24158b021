// The poller turns inventory devices into DevicePoll results. It is an interface so that large estates
// can later be polled by an external engine (e.g. Prometheus + snmp_exporter) that Parc configures and reads.
import type { SecretSource } from '../host';
import { deviceKey, type Device, type SnmpProfile } from '../inventory/types';
import { mapLimit } from '../limiter';
import { classifyError, openClient, SnmpError, type SnmpClient } from '../snmp/client';
import { attachDiscovery, DiscoveryCache } from './discovery';
import { Budget, BudgetedClient, DEFAULT_DEVICE_BUDGET_MS } from './budget';
import { modulesFor, STAGES } from './modules/registry';
import { pollSystem } from './modules/system';
import type { DevicePoll } from './types';

export interface PollTarget {
  device: Device;
  profile?: SnmpProfile;
}

export interface PollOptions {
  signal?: AbortSignal;
  /** Called as each device finishes, for progress reporting. */
  onResult?: (result: DevicePoll, done: number, total: number) => void;
  /**
   * Time (epoch ms) by which the whole poll must be over, e.g. the next cycle of `parc watch`: a device still
   * being polled then is cut (errorKind `budget`), and one not started yet gets no time at all.
   */
  deadline?: number;
  /** Overrides the poller's per-device budget for this poll. */
  deviceBudgetMs?: number;
}

export interface Poller {
  poll(targets: PollTarget[], options?: PollOptions): Promise<DevicePoll[]>;
}

export interface SnmpPollerOptions {
  secrets: SecretSource;
  /** Devices polled at once; also the bound on open UDP sockets (one per device in flight). */
  concurrency?: number;
  now?: () => number;
  /**
   * Rediscovery interval: what only discovery needs (OS probes, ENTITY-MIB chassis rows, processor names) is read
   * once per interval and remembered in between (see discovery.ts). Absent: everything is read at every poll.
   */
  rediscoveryMs?: number | (() => number);
  /** Where SNMP answers come from: a real agent (default) or another engine's data (e.g. Prometheus). */
  openClient?: (target: { host: string; port: number; profile: SnmpProfile }) => Promise<SnmpClient>;
  /** Most time one device may take (default 60 s); a device whose agent keeps answering is cut there. */
  deviceBudgetMs?: number;
}

export class SnmpPoller implements Poller {
  private readonly concurrency: number;
  private readonly discovery?: DiscoveryCache;
  constructor(private readonly options: SnmpPollerOptions) {
    this.concurrency = options.concurrency ?? 64;
    const every = options.rediscoveryMs;
    if (every !== undefined) this.discovery = new DiscoveryCache(typeof every === 'function' ? every : () => every, options.now);
  }

  async poll(targets: PollTarget[], options: PollOptions = {}): Promise<DevicePoll[]> {
    let done = 0;
    const results = await mapLimit(targets, this.concurrency, async (t) => {
      const r = await this.pollOne(t, options.deadline, options.deviceBudgetMs);
      options.onResult?.(r, ++done, targets.length);
      return r;
    }, options.signal);
    this.discovery?.prune();
    return results.filter((r) => r !== undefined);
  }

  async pollOne({ device, profile }: PollTarget, deadline?: number, budgetMs?: number): Promise<DevicePoll> {
    const now = this.options.now ?? Date.now;
    const started = now();
    const out: DevicePoll = {
      host: device.host, port: device.port, name: device.name, status: 'down',
      polledAt: new Date(started).toISOString(), durationMs: 0, interfaces: [], storage: [], processors: [],
    };
    if (!profile) {
      out.error = 'no SNMP profile: set snmp.default or the device\'s profile in parc.yaml';
      out.errorKind = 'config';
      return out;
    }
    const own = budgetMs ?? this.options.deviceBudgetMs ?? DEFAULT_DEVICE_BUDGET_MS;
    // Deadlines are wall-clock times (the cycle's next slot); the budget itself runs on a timer.
    const left = deadline === undefined ? Infinity : deadline - Date.now();
    if (left <= 0) {
      out.skipped = true;
      out.errorKind = 'budget';
      out.error = `${device.host}:${device.port}: not polled, the cycle's deadline had passed before its turn`;
      return out;
    }
    const byDeadline = left < own;
    const budget = new Budget(Math.min(own, left), `${device.host}:${device.port}`, byDeadline ? 'the cycle\'s deadline' : 'the per-device time budget');
    let client: SnmpClient | undefined;
    let result: DevicePoll = out;
    try {
      const opening = this.options.openClient ? this.options.openClient({ host: device.host, port: device.port, profile }) : openClient({ host: device.host, port: device.port, profile }, this.options.secrets);
      // A client that arrives after the budget ran out is closed at once (its socket would stay open).
      opening.then((c) => budget.spent && c.close(), () => undefined);
      client = await budget.run(() => opening);
      const limited = new BudgetedClient(client, budget);
      await budget.run(() => pollSystem(limited, out));
      out.status = 'up';
      if (this.discovery) attachDiscovery(out, this.discovery.forDevice(deviceKey(device), out));
      await budget.run(() => this.optionalModules(limited, out));
    } catch (err) {
      const e = err instanceof SnmpError ? err : classifyError(err, { host: device.host, port: device.port, profile });
      if (e.kind === 'budget') {
        // What is there when the budget ran out; modules still running write into `out`, which is left behind.
        result = structuredClone(out);
        result.errorKind = 'budget';
        if (result.status === 'up') result.moduleErrors = { ...result.moduleErrors, budget: e.message };
        else result.error = e.message;
        if (result.status === 'up') result.error = e.message;
      } else {
        out.status = 'down';
        out.error = e.message;
        out.errorKind = e.kind;
      }
    } finally {
      budget.dispose();
      client?.close();
      result.durationMs = now() - started;
    }
    return result;
  }

  private async optionalModules(client: SnmpClient, out: DevicePoll): Promise<void> {
    const errors: Record<string, string> = {};
    // Stage by stage: a later stage sees what the earlier ones found (OS refined, tables read).
    for (const stage of STAGES) {
      await Promise.all(modulesFor(stage, out).map(async (m) => {
        try {
          await m.run(client, out);
        } catch (err) {
          errors[m.name] = (err as Error).message;
        }
      }));
    }
    if (Object.keys(errors).length) out.moduleErrors = errors;
  }
}
