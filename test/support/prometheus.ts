// Debian's Prometheus, snmp_exporter, Alertmanager and VictoriaMetrics started on 127.0.0.1 free ports for tests,
// each with its own temporary directory (nothing of /etc/prometheus or /var/lib is used), stopped after.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeTcpPort } from './ports';

export const BIN = {
  prometheus: '/usr/bin/prometheus',
  promtool: '/usr/bin/promtool',
  exporter: '/usr/bin/prometheus-snmp-exporter',
  alertmanager: '/usr/bin/prometheus-alertmanager',
  victoria: '/usr/bin/victoria-metrics',
};

export function prometheusAvailable(): string | false {
  const missing = Object.values(BIN).filter((b) => !existsSync(b));
  return missing.length ? `not installed: ${missing.join(', ')} (scripts/install-deps.sh installs them)` : false;
}

export interface Running {
  url: string;
  port: number;
  dir: string;
  log(): string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));

async function launch(name: string, bin: string, args: (port: number, dir: string) => string[], ready: string, fixedPort?: number): Promise<Running> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `parc-${name}-`));
  const port = fixedPort ?? (await freeTcpPort());
  const logFile = path.join(dir, `${name}.log`);
  const out = openSync(logFile, 'a');
  const child = spawn(bin, args(port, dir), { stdio: ['ignore', out, out], cwd: dir });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
  const deadline = Date.now() + 30000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}: ${log().slice(-800)}`);
    const ok = await fetch(url + ready, { signal: AbortSignal.timeout(1000) }).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${name} not ready after 30 s: ${log().slice(-800)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url, port, dir, log,
    async stop() {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `port`: the one the exported prometheus.yml names (pick it with freeTcpPort before exporting). */
export function startExporter(configFile: string, port: number): Promise<Running> {
  return launch('snmp-exporter', BIN.exporter, (p) => [`--config.file=${configFile}`, `--web.listen-address=127.0.0.1:${p}`], '/', port);
}

export function startPrometheus(configFile: string): Promise<Running> {
  return launch('prometheus', BIN.prometheus, (port, dir) => [
    `--config.file=${configFile}`, `--web.listen-address=127.0.0.1:${port}`, `--storage.tsdb.path=${path.join(dir, 'data')}`,
  ], '/-/ready');
}

export function startAlertmanager(): Promise<Running> {
  return launch('alertmanager', BIN.alertmanager, (port, dir) => {
    const cfg = path.join(dir, 'alertmanager.yml');
    writeFileSync(cfg, 'route: { receiver: none, group_wait: 1s }\nreceivers: [ { name: none } ]\n');
    // No cluster port: a lone test instance, loopback only.
    return [`--config.file=${cfg}`, `--web.listen-address=127.0.0.1:${port}`, `--storage.path=${path.join(dir, 'data')}`, '--cluster.listen-address='];
  }, '/-/ready');
}

export function startVictoriaMetrics(scrapeConfig: string): Promise<Running> {
  return launch('victoria-metrics', BIN.victoria, (port, dir) => [
    `-httpListenAddr=127.0.0.1:${port}`, `-storageDataPath=${path.join(dir, 'data')}`, `-promscrape.config=${scrapeConfig}`, '-search.latencyOffset=0s',
    // Prometheus-only keys (rule_files, evaluation_interval) are ignored rather than refused.
    '-promscrape.config.strictParse=false',
  ], '/health');
}

export function promtool(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(BIN.promtool, args, { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Polls `fn` until it returns a value, or fails with `what` after `ms`. */
export async function until<T>(what: string, ms: number, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
