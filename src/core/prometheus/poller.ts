// The Prometheus engine: device state read from a Prometheus-compatible API instead of polled by Parc.
// One set of queries per cycle fetches every device's samples; each device is then "polled" by Parc's own
// modules against those samples (SnapshotClient), so views, events and --json stay the same.
import type { SecretSource } from '../host';
import type { PrometheusEngine } from '../inventory/engine-section';
import { deviceKey } from '../inventory/types';
import { SnmpPoller, type Poller, type PollOptions, type PollTarget } from '../poll/poller';
import type { DevicePoll, EngineAlert } from '../poll/types';
import { SnmpError } from '../snmp/client';
import { PrometheusApi, PrometheusApiError, type ActiveTarget, type AlertmanagerAlert, type Sample } from './api';
import { EXPORTER_MODULES } from './exporter-metrics';
import { SnapshotClient, varbindsFromSamples } from './snapshot-client';

/** Metric families fetched per query, so no single answer grows with every metric of the estate. */
const FAMILIES: string[][] = EXPORTER_MODULES.map((m) => m.metrics.map((x) => x.name));

interface DeviceData {
  samples: Sample[];
  alerts?: EngineAlert[];
  up?: boolean;
  lastError?: string;
  /** Newest sample time, ms. */
  time?: number;
}

// Labels every series of a device carries: they say which device, not which alert instance.
const DEVICE_LABELS = new Set(['alertname', 'job', 'instance', 'device', 'parc_key', 'region', 'site', 'profile', 'severity', 'parc_event', '__name__', 'parc_shard', 'parc_region', 'parc_site']);

export function engineAlert(a: AlertmanagerAlert): EngineAlert {
  const name = a.labels.alertname ?? 'alert';
  const extra = Object.keys(a.labels).filter((k) => !DEVICE_LABELS.has(k)).sort().map((k) => `${k}=${a.labels[k]}`);
  const sev = a.labels.severity;
  return {
    id: [name, ...extra].join(' '),
    name,
    severity: sev === 'critical' || sev === 'warning' ? sev : 'info',
    summary: a.annotations.summary ?? name,
    since: a.startsAt,
  };
}

/** snmp_exporter's reason from a scrape error (its 500 body quoted in the target's lastError), and its kind. */
export function exporterReason(lastError: string | undefined): { reason: string; kind: 'timeout' | 'auth' | 'protocol' } {
  const text = (lastError ?? 'scrape failed').replace(/\\n/g, ' ').replace(/\\"/g, '"');
  const m = /error getting target [^:]*: (.*?)(?:"|\s*$)/.exec(text) ?? /error collecting metric[^:]*: (.*?)(?:"|\s*$)/.exec(text);
  let reason = (m?.[1] ?? text).trim().slice(0, 300);
  // Prometheus keeps only the status line of the exporter's answer; the exporter's own log has the SNMP reason.
  if (/^server returned HTTP status 500/.test(reason)) reason += ' (snmp_exporter got no valid SNMP answer; its log says why)';
  const kind = /timeout|timed out|connection refused|no route/i.test(reason) ? 'timeout'
    : /authentication|wrong digest|unknown user|decrypt/i.test(reason) ? 'auth' : 'protocol';
  return { reason, kind };
}

function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|"]/g, (c) => (c === '"' ? '\\"' : `\\${c}`));
}

export class PrometheusPoller implements Poller {
  constructor(private readonly engine: PrometheusEngine, private readonly secrets: SecretSource) {}

  private async api(): Promise<PrometheusApi> {
    const cred = this.engine.credential ? await this.secrets.get(this.engine.credential) : undefined;
    if (this.engine.credential && cred === undefined) {
      throw new PrometheusApiError(`no secret stored for engine credential "${this.engine.credential}" (set PARC_CRED_${this.engine.credential.toUpperCase().replace(/[^A-Z0-9]/g, '_')})`);
    }
    return new PrometheusApi(this.engine.url, cred, this.engine.timeoutMs);
  }

  /** Every device's samples and scrape health, keyed by parc_key. */
  async fetch(keys: Set<string>): Promise<Map<string, DeviceData>> {
    const api = await this.api();
    const job = escapeRe(this.engine.job).replace(/\\\.\\\*/g, '.*');
    const sel = (names: string[]) => `{__name__=~"${names.map(escapeRe).join('|')}",job=~"${job}",parc_key!=""}`;
    const am = this.engine.alertmanager;
    const [up, targets, alerts, ...families] = await Promise.all([
      api.query(`up{job=~"${job}",parc_key!=""}`),
      api.targets().catch(() => undefined),
      am ? api.alerts(am).catch(() => undefined) : Promise.resolve(undefined),
      ...FAMILIES.map((f) => api.query(sel(f))),
    ]);
    const out = new Map<string, DeviceData>();
    const get = (k: string) => {
      let d = out.get(k);
      if (!d) out.set(k, (d = { samples: [] }));
      return d;
    };
    for (const s of up) {
      const k = s.metric.parc_key;
      if (!keys.has(k)) continue;
      const d = get(k);
      d.up = s.value === 1;
      d.time = s.time * 1000;
    }
    for (const t of targets ?? ([] as ActiveTarget[])) {
      const k = t.labels.parc_key;
      if (k && keys.has(k) && t.lastError) get(k).lastError = t.lastError;
    }
    if (alerts) {
      // Every device gets a list (possibly empty), so an alert that cleared is seen as cleared.
      for (const k of keys) get(k).alerts = [];
      for (const a of alerts) {
        const k = a.labels.parc_key;
        if (k && keys.has(k)) get(k).alerts!.push(engineAlert(a));
      }
    }
    for (const fam of families) for (const s of fam) {
      const k = s.metric.parc_key;
      if (!keys.has(k)) continue;
      const d = get(k);
      d.samples.push(s);
      d.time = Math.max(d.time ?? 0, s.time * 1000);
    }
    return out;
  }

  async poll(targets: PollTarget[], options: PollOptions = {}): Promise<DevicePoll[]> {
    const keys = new Set(targets.map((t) => deviceKey(t.device)));
    let data: Map<string, DeviceData>;
    try {
      data = await this.fetch(keys);
    } catch (err) {
      // The engine itself is unreachable: every device is unknown, not down on its own account.
      const msg = `Prometheus engine: ${(err as Error).message}`;
      const now = new Date().toISOString();
      const results = targets.map((t): DevicePoll => ({ host: t.device.host, port: t.device.port, name: t.device.name, status: 'down', error: msg, errorKind: 'engine', polledAt: now, durationMs: 0, interfaces: [], storage: [], processors: [] }));
      results.forEach((r, i) => options.onResult?.(r, i + 1, results.length));
      return results;
    }
    const inner = new SnmpPoller({
      secrets: this.secrets,
      concurrency: 16,
      openClient: async (t) => {
        const d = data.get(`${t.host.toLowerCase()}:${t.port}`);
        if (!d || d.up === undefined) throw new SnmpError('timeout', `${t.host}:${t.port}: not among Prometheus's targets (export the configuration again: parc prometheus export)`);
        if (!d.up) {
          const { reason, kind } = exporterReason(d.lastError);
          throw new SnmpError(kind, `${t.host}:${t.port}: snmp_exporter could not poll it: ${reason}`);
        }
        return new SnapshotClient(t, varbindsFromSamples(d.samples));
      },
    });
    const results = await inner.poll(targets, options);
    // The time of the data, not of the read: rates between cycles are then exact.
    for (const r of results) {
      const t = data.get(deviceKey(r))?.time;
      if (t) r.polledAt = new Date(t).toISOString();
      r.rttMs = undefined;
      const alerts = data.get(deviceKey(r))?.alerts;
      if (alerts) r.engineAlerts = alerts;
    }
    return results;
  }
}
