// Poll benchmark: 1,000 device entries served by several real snmpd instances on loopback, polled by Parc in one
// process, against — in the same run, on the same agents — Parc 0.1's poller (built from git, cycles interleaved)
// and the same work done the way Observium does it (one snmpget/snmpbulkwalk process per table per device, 16 in
// parallel). Prints figures and ratios; asserts nothing.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { SnmpPoller, type Poller, type PollTarget } from '../src/core/poll/poller';
import { mapLimit } from '../src/core/limiter';
import { MapSecrets } from '../test/support/estate';
import { loadBaselinePoller } from './baseline-poller';
import { benchInventory, childrenCpuMs, selfCpuMs, startBenchAgents } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 1000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 4);
const BASELINE_DEVICES = Math.min(DEVICES, Number(process.env.BENCH_BASELINE_DEVICES ?? 250));
const CYCLES = Number(process.env.BENCH_CYCLES ?? 3);
const COMMUNITY = 'bench-ro';
const ROOT = path.resolve(__dirname, '../..');

const fds = () => readdirSync('/proc/self/fd').length;

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    c.on('exit', (code) => resolve(code ?? 1));
  });
}

interface Cycle { wallMs: number; cpuMs: number; agentCpuMs: number; up: number; fdsAfter: number }

async function cycle(poller: Poller, targets: PollTarget[], agentCpuMs: () => number): Promise<Cycle> {
  const cpu0 = selfCpuMs();
  const agent0 = agentCpuMs();
  const t0 = performance.now();
  const results = await poller.poll(targets);
  const wallMs = performance.now() - t0;
  return { wallMs, cpuMs: selfCpuMs() - cpu0, agentCpuMs: agentCpuMs() - agent0, up: results.filter((r) => r.status === 'up').length, fdsAfter: fds() };
}

const r = (n: number, d = 1) => n.toFixed(d);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const spread = (xs: number[], d = 2) => (xs.length > 1 ? `${r(Math.min(...xs), d)}–${r(Math.max(...xs), d)}` : r(xs[0], d));

async function main(): Promise<void> {
  console.log(`poll benchmark: ${DEVICES} device entries on ${AGENTS} snmpd instances, 127.0.0.1`);
  const bench = await startBenchAgents(DEVICES, AGENTS, COMMUNITY);
  try {
    const { targets } = benchInventory(bench.endpoints);
    const secrets = new MapSecrets({ ro: COMMUNITY });
    // As the monitor polls: what only discovery needs is read at the first poll and again every 6 h.
    const poller = new SnmpPoller({ secrets, concurrency: 64, rediscoveryMs: 6 * 3_600_000 });
    const loaded = await loadBaselinePoller(ROOT);
    const baseline = typeof loaded === 'string' ? undefined : loaded.create({ secrets, concurrency: 64 });

    // Warm-up: JIT, and the agents' caches on every port (a cold snmpd answers its first requests far slower), with
    // 0.1 where it was built; then Parc's discovery poll of every device, measured on its own.
    await (baseline ?? poller).poll(targets);
    const discovery = await cycle(poller, targets, bench.cpuMs);
    const fdsBefore = fds();
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const cycles: Cycle[] = [];
    const baseCycles: Cycle[] = [];
    // Interleaved, the order swapped every cycle, so that both see the same load of a shared machine.
    for (let c = 0; c < CYCLES; c++) {
      if (baseline && c % 2) baseCycles.push(await cycle(baseline, targets, bench.cpuMs));
      cycles.push(await cycle(poller, targets, bench.cpuMs));
      if (baseline && !(c % 2)) baseCycles.push(await cycle(baseline, targets, bench.cpuMs));
    }
    clearInterval(rssTimer);
    const best = (cs: Cycle[]) => Math.min(...cs.map((c) => c.wallMs));
    const cpuPerDevice = (cs: Cycle[]) => cs.map((c) => c.cpuMs / DEVICES);
    const agentCpuPerDevice = (cs: Cycle[]) => mean(cs.map((c) => c.agentCpuMs / DEVICES));

    // Observium's way, one process per table per device, 16 in parallel.
    const base = { wall0: performance.now(), cpu0: childrenCpuMs(), failures: 0 };
    const tables = ['1.3.6.1.2.1.2.2', '1.3.6.1.2.1.31.1.1', '1.3.6.1.2.1.25.2.3', '1.3.6.1.2.1.25.3.3.1.2'];
    const jobs: [string, string[]][] = bench.endpoints.slice(0, BASELINE_DEVICES).flatMap((port) => [
      ['snmpget', ['-v2c', '-c', COMMUNITY, '-OQUsn', '-t', '5', '-r', '1', `127.0.0.1:${port}`, '1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.4.0', '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.6.0']] as [string, string[]],
      ...tables.map((t) => ['snmpbulkwalk', ['-v2c', '-c', COMMUNITY, '-OQUsn', '-t', '5', '-r', '1', '-Cr30', `127.0.0.1:${port}`, t]] as [string, string[]]),
    ]);
    await mapLimit(jobs, 16, async ([cmd, args]) => {
      if ((await run(cmd, args)) !== 0) base.failures++;
    });
    const obsWall = performance.now() - base.wall0;
    const obsCpuPerDevice = (childrenCpuMs() - base.cpu0) / BASELINE_DEVICES;

    const parcCpu = mean(cpuPerDevice(cycles));
    console.log('');
    console.log(`Parc, one process (concurrency 64), ${CYCLES} cycles of ${DEVICES} devices (every module that applies to a net-snmp Linux host):`);
    for (const [i, c] of cycles.entries()) console.log(`  cycle ${i + 1}: wall ${r(c.wallMs / 1000, 2)} s, CPU ${r(c.cpuMs)} ms (agents ${r(c.agentCpuMs)} ms), ${c.up}/${DEVICES} up, open fds after ${c.fdsAfter}`);
    console.log(`  discovery poll (first of each device, again every 6 h): wall ${r(discovery.wallMs / 1000, 2)} s, CPU ${r(discovery.cpuMs / DEVICES, 2)} ms per device`);
    console.log(`  best cycle wall time        ${r(best(cycles) / 1000, 2)} s   (target < 4 s; interval 300 s)`);
    console.log(`  CPU per device poll         ${r(parcCpu, 2)} ms (cycles ${spread(cpuPerDevice(cycles))})`);
    console.log(`  agents' CPU per device poll ${r(agentCpuPerDevice(cycles), 2)} ms (snmpd answering Parc's requests)`);
    console.log(`  peak RSS                    ${r(peakRss / 1048576)} MB  (target < 200 MB)`);
    console.log(`  open fds                    before ${fdsBefore}, after each cycle ${cycles.map((c) => c.fdsAfter).join(', ')}  (growth ${cycles[cycles.length - 1].fdsAfter - fdsBefore})`);
    console.log('');
    if (typeof loaded === 'string' || !baseline) {
      console.log(`Parc 0.1 baseline: not measured, ${loaded as string}`);
    } else {
      const baseCpu = mean(cpuPerDevice(baseCycles));
      console.log(`Parc 0.1 (${loaded.ref.slice(0, 12)}, built from git), the same ${DEVICES} devices, cycles interleaved with the above:`);
      for (const [i, c] of baseCycles.entries()) console.log(`  cycle ${i + 1}: wall ${r(c.wallMs / 1000, 2)} s, CPU ${r(c.cpuMs)} ms (agents ${r(c.agentCpuMs)} ms), ${c.up}/${DEVICES} up`);
      console.log(`  best cycle wall time        ${r(best(baseCycles) / 1000, 2)} s`);
      console.log(`  CPU per device poll         ${r(baseCpu, 2)} ms (cycles ${spread(cpuPerDevice(baseCycles))})`);
      console.log(`  agents' CPU per device poll ${r(agentCpuPerDevice(baseCycles), 2)} ms`);
      const perCycle = cycles.map((c, i) => c.cpuMs / baseCycles[i].cpuMs);
      console.log(`ratio: Parc CPU / 0.1 CPU per device = ${r(parcCpu / baseCpu, 2)}×  (cycle by cycle ${spread(perCycle)}; target ≤ 1.5×)`);
      console.log(`ratio: Parc wall / 0.1 wall, best cycles = ${r(best(cycles) / best(baseCycles), 2)}×`);
      console.log(`ratio: agents' CPU for Parc / for 0.1 = ${r(agentCpuPerDevice(cycles) / agentCpuPerDevice(baseCycles), 2)}×`);
    }
    console.log('');
    console.log(`Observium-style baseline, ${BASELINE_DEVICES} devices × 5 processes (snmpget + 4 snmpbulkwalk), 16 in parallel:`);
    console.log(`  wall ${r(obsWall / 1000, 2)} s (${r((obsWall / BASELINE_DEVICES) * DEVICES / 1000, 1)} s extrapolated to ${DEVICES}), failures ${base.failures}`);
    console.log(`  CPU per device poll         ${r(obsCpuPerDevice, 2)} ms (children)`);
    console.log(`ratio: Observium-style CPU / Parc CPU per device = ${r(obsCpuPerDevice / parcCpu, 1)}×   (target ≥ 10×)`);
    console.log(`ratio: Observium-style wall / Parc wall per device = ${r((obsWall / BASELINE_DEVICES) / (best(cycles) / DEVICES), 1)}×`);
  } finally {
    await bench.stop();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
