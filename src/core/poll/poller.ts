// The poller turns inventory devices into DevicePoll results. It is an interface so that large estates
// can later be polled by an external engine (e.g. Prometheus + snmp_exporter) that Parc configures and reads.
import type { SecretSource } from '../host';
import { deviceKey, type Device, type SnmpProfile } from '../inventory/types';
import { mapLimit } from '../limiter';
import { classifyError, openClient, SnmpError, type SnmpClient } from '../snmp/client';
import { attachDiscovery, DiscoveryCache } from './discovery';
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
      const r = await this.pollOne(t);
      options.onResult?.(r, ++done, targets.length);
      return r;
    }, options.signal);
    this.discovery?.prune();
    return results.filter((r) => r !== undefined);
  }

  async pollOne({ device, profile }: PollTarget): Promise<DevicePoll> {
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
    let client: SnmpClient | undefined;
    try {
      client = await (this.options.openClient ? this.options.openClient({ host: device.host, port: device.port, profile }) : openClient({ host: device.host, port: device.port, profile }, this.options.secrets));
      await pollSystem(client, out);
      out.status = 'up';
      if (this.discovery) attachDiscovery(out, this.discovery.forDevice(deviceKey(device), out));
      await this.optionalModules(client, out);
    } catch (err) {
      const e = err instanceof SnmpError ? err : classifyError(err, { host: device.host, port: device.port, profile });
      out.status = 'down';
      out.error = e.message;
      out.errorKind = e.kind;
    } finally {
      client?.close();
      out.durationMs = now() - started;
    }
    return out;
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
