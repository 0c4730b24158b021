// `engine:` in parc.yaml — who polls: Parc itself (default) or a Prometheus-compatible API that Parc reads.
//   engine: { kind: prometheus, url: http://prom.example:9090, credential: prom-read, alertmanager: http://am:9093, job: parc-snmp }
import type { Node } from 'yaml';
import type { NodeReader } from './reader';

export interface LocalEngine {
  kind: 'local';
}

export interface PrometheusEngine {
  kind: 'prometheus';
  /** Base URL of the Prometheus HTTP API (Prometheus, VictoriaMetrics, Thanos/Mimir query front ends). */
  url: string;
  /** Credential holding a bearer token, or `user:password` for basic auth. */
  credential?: string;
  /** Alertmanager base URL; its active alerts are shown beside Parc's own. */
  alertmanager?: string;
  /** Scrape job name(s) the exported configuration uses (regex); default `parc-snmp.*`. */
  job: string;
  timeoutMs: number;
}

export type EngineConfig = LocalEngine | PrometheusEngine;

const KINDS: Record<string, 'local' | 'prometheus'> = { local: 'local', prometheus: 'prometheus' };

function url(r: NodeReader, node: Node | null | undefined, where: string): string | undefined {
  const s = r.string(node, where);
  if (s === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    r.report(node, `${where}: "${s}" is not a URL (e.g. http://127.0.0.1:9090)`);
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    r.report(node, `${where}: only http and https URLs are supported, not ${u.protocol}`);
    return undefined;
  }
  if (u.username || u.password) {
    r.report(node, `${where}: no user or password in the URL — name a credential instead (engine.credential)`);
    return undefined;
  }
  return s.replace(/\/+$/, '');
}

export function readEngine(r: NodeReader, node: Node): EngineConfig | undefined {
  const m = r.map(node, 'engine');
  if (!m) return undefined;
  const e = r.entries(m, 'engine', ['kind', 'url', 'credential', 'alertmanager', 'job', 'timeoutMs']);
  const kindNode = e.get('kind')?.value;
  if (!kindNode) {
    r.report(m, 'engine: "kind" is required (local or prometheus)');
    return undefined;
  }
  const kind = r.oneOf(kindNode, 'engine.kind', KINDS);
  if (kind === 'local' || kind === undefined) {
    for (const k of ['url', 'credential', 'alertmanager', 'job']) if (e.get(k)) r.report(e.get(k)!.key as Node, `engine.${k} applies only to kind: prometheus`, 'warning');
    return kind ? { kind } : undefined;
  }
  const urlNode = e.get('url')?.value;
  if (!urlNode) {
    r.report(m, 'engine: "url" is required for kind: prometheus (the Prometheus HTTP API, e.g. http://127.0.0.1:9090)');
    return undefined;
  }
  const base = url(r, urlNode, 'engine.url');
  const am = e.get('alertmanager')?.value;
  const alertmanager = am ? url(r, am, 'engine.alertmanager') : undefined;
  const cred = e.get('credential')?.value;
  const job = e.get('job')?.value;
  const t = e.get('timeoutMs')?.value;
  if (!base) return undefined;
  return {
    kind: 'prometheus',
    url: base,
    credential: cred ? r.string(cred, 'engine.credential') : undefined,
    alertmanager,
    job: (job ? r.string(job, 'engine.job') : undefined) ?? 'parc-snmp.*',
    timeoutMs: (t ? r.number(t, 'engine.timeoutMs', 100, 120000) : undefined) ?? 10000,
  };
}
