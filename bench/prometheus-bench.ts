// Prometheus engine benchmark, in one run on the same agents: CPU per device of snmp_exporter (Debian's) against
// Parc's own poller for the same OIDs, then Parc reading the state of every device back from Prometheus.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mapLimit } from '../src/core/limiter';
import { deviceKey } from '../src/core/inventory/types';
import { SnmpPoller } from '../src/core/poll/poller';
import { prometheusExport } from '../src/core/prometheus/export';
import { PrometheusPoller } from '../src/core/prometheus/poller';
import { freeTcpPort } from '../test/support/ports';
import { prometheusAvailable, startExporter, startPrometheus, until } from '../test/support/prometheus';
import { MapSecrets } from '../test/support/estate';
import { benchInventory, cpuOfPid, selfCpuMs, startBenchAgents } from './support';

const DEVICES = Number(process.env.BENCH_PROM_DEVICES ?? 1000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 4);
const COMMUNITY = 'bench-ro';

const pidListening = (port: number): number => {
  // The exporter was started by us: find it by its --web.listen-address in /proc.
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(`--web.listen-address=127.0.0.1:${port}`)) return Number(d);
    } catch {
      // gone
    }
  }
  throw new Error(`no process listening on ${port}`);
};

async function main(): Promise<void> {
  const skip = prometheusAvailable();
  if (skip) {
    console.log(`prometheus benchmark skipped: ${skip}`);
    return;
  }
  console.log(`prometheus benchmark: ${DEVICES} device entries on ${AGENTS} snmpd instances, 127.0.0.1`);
  const bench = await startBenchAgents(DEVICES, AGENTS, COMMUNITY);
  const endpoints = bench.endpoints;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-prom-bench-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const { inventory: inv, targets } = benchInventory(endpoints);
    const secrets = new MapSecrets({ ro: COMMUNITY });
    const exporterPort = await freeTcpPort();
    for (const f of await prometheusExport(inv, secrets, { exporterVersion: '0.21', exporter: `127.0.0.1:${exporterPort}`, scrapeIntervalSeconds: 30 })) {
      const p = path.join(dir, f.path);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, f.content, { mode: f.secret ? 0o600 : 0o644 });
    }
    const exporter = await startExporter(path.join(dir, 'snmp.yml'), exporterPort);
    stops.push(() => exporter.stop());
    const exporterPid = pidListening(exporterPort);

    // 1. The same devices through snmp_exporter directly (64 at once, as a scraper would) and through Parc's poller.
    const poller = new SnmpPoller({ secrets, concurrency: 64 });
    await poller.poll(targets.slice(0, 50));
    const scrape = (port: number) => fetch(`${exporter.url}/snmp?module=parc_v2&target=127.0.0.1:${port}`).then((r) => r.text());
    await mapLimit(endpoints.slice(0, 50), 16, scrape);
    const e0 = cpuOfPid(exporterPid);
    const t0 = performance.now();
    let failed = 0;
    await mapLimit(endpoints, 64, async (port) => {
      if (!(await scrape(port)).includes('sysUpTime')) failed++;
    });
    const exporterWall = performance.now() - t0;
    const exporterCpu = (cpuOfPid(exporterPid) - e0) / DEVICES;
    const p0 = selfCpuMs();
    const t1 = performance.now();
    const local = await poller.poll(targets);
    const parcWall = performance.now() - t1;
    const parcCpu = (selfCpuMs() - p0) / DEVICES;

    // 2. Prometheus scrapes them all; Parc reads the state of every device back.
    const prom = await startPrometheus(path.join(dir, 'prometheus.yml'));
    stops.push(() => prom.stop());
    await until(`Prometheus to have scraped all ${DEVICES} targets`, 180_000, async () => {
      const body = await (await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent('count(up == 1)')}`)).json() as { data: { result: { value: [number, string] }[] } };
      return Number(body.data.result[0]?.value[1] ?? 0) >= DEVICES ? true : undefined;
    });
    const reader = new PrometheusPoller({ kind: 'prometheus', url: prom.url, job: 'parc-snmp.*', timeoutMs: 60_000 }, secrets);
    await reader.poll(targets);
    const reads: { wall: number; cpu: number; up: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const c0 = selfCpuMs();
      const w0 = performance.now();
      const res = await reader.poll(targets);
      reads.push({ wall: performance.now() - w0, cpu: selfCpuMs() - c0, up: res.filter((r) => r.status === 'up').length });
    }
    const same = local.filter((l) => l.status === 'up').length;
    const r = (n: number, d = 2) => n.toFixed(d);
    console.log('');
    console.log(`Polling the same ${DEVICES} devices (system, ifTable+ifXTable, hrStorage, hrProcessor, UCD, extend, UPS-MIB):`);
    console.log(`  snmp_exporter 0.21: wall ${r(exporterWall / 1000)} s, CPU per device ${r(exporterCpu)} ms (exporter process), ${failed} failed`);
    console.log(`  Parc's poller:      wall ${r(parcWall / 1000)} s, CPU per device ${r(parcCpu)} ms, ${same}/${DEVICES} up`);
    console.log(`  ratio: exporter CPU / Parc CPU per device = ${r(exporterCpu / parcCpu, 1)}×`);
    console.log('');
    console.log(`Parc reading the state of ${DEVICES} devices from Prometheus (${deviceKey(targets[0].device)} …), 3 reads:`);
    for (const [i, x] of reads.entries()) console.log(`  read ${i + 1}: wall ${r(x.wall / 1000)} s, CPU ${r(x.cpu, 0)} ms (${r(x.cpu / DEVICES)} ms per device), ${x.up}/${DEVICES} up`);
  } finally {
    for (const s of stops.reverse()) await s();
    await bench.stop();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
