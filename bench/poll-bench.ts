// Poll benchmark: 1,000 device entries served by several real snmpd instances on loopback, polled by
// Parc in one process, against the same work done the way Observium does it (one snmpget/snmpbulkwalk
// process per table per device, 16 in parallel), measured in the same run. Prints figures and ratios.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { SnmpPoller } from '../src/core/poll/poller';
import { profileFor } from '../src/core/inventory/parse';
import { mapLimit } from '../src/core/limiter';
import { startSnmpd, type RunningSnmpd } from '../test/support/snmpd';
import { freeUdpPort } from '../test/support/ports';
import { inventoryFrom, MapSecrets } from '../test/support/estate';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 1000);
const AGENTS = Number(process.env.BENCH_AGENTS ?? 4);
const BASELINE_DEVICES = Math.min(DEVICES, Number(process.env.BENCH_BASELINE_DEVICES ?? 250));
const CYCLES = Number(process.env.BENCH_CYCLES ?? 3);
const COMMUNITY = 'bench-ro';

const fds = () => readdirSync('/proc/self/fd').length;
/** CPU ms of waited-for children (utime+stime of /proc/self/stat, fields 16 and 17, in clock ticks). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}
const selfCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function run(cmd: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    c.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<void> {
  console.log(`poll benchmark: ${DEVICES} device entries on ${AGENTS} snmpd instances, 127.0.0.1`);
  const perAgent = Math.ceil(DEVICES / AGENTS);
  const agents: RunningSnmpd[] = [];
  for (let a = 0; a < AGENTS; a++) {
    const ports: number[] = [];
    while (ports.length < perAgent) {
      const p = await freeUdpPort();
      if (!ports.includes(p) && !agents.some((ag) => ag.ports.includes(p))) ports.push(p);
    }
    agents.push(await startSnmpd({ community: COMMUNITY, ports }));
  }
  const endpoints = agents.flatMap((a) => a.ports).slice(0, DEVICES);
  try {
    const inv = inventoryFrom(`snmp: { profiles: { v2: { version: 2c, credential: ro, timeoutMs: 5000, retries: 1 } } }
devices:
${endpoints.map((port, i) => `  - { host: 127.0.0.1, port: ${port}, name: dev${i} }`).join('\n')}
`);
    const targets = inv.devices.map((device) => ({ device, profile: profileFor(inv, device) }));
    const poller = new SnmpPoller({ secrets: new MapSecrets({ ro: COMMUNITY }), concurrency: 64 });

    // warm-up: JIT, agent caches
    await poller.poll(targets.slice(0, 50));
    const fdsBefore = fds();
    let peakRss = process.memoryUsage().rss;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const cycles: { wallMs: number; cpuMs: number; up: number; fdsAfter: number }[] = [];
    for (let c = 0; c < CYCLES; c++) {
      const cpu0 = selfCpuMs();
      const t0 = performance.now();
      const results = await poller.poll(targets);
      cycles.push({ wallMs: performance.now() - t0, cpuMs: selfCpuMs() - cpu0, up: results.filter((r) => r.status === 'up').length, fdsAfter: fds() });
    }
    clearInterval(rssTimer);
    const best = cycles.reduce((a, b) => (a.wallMs < b.wallMs ? a : b));
    const parcCpuPerDevice = cycles.reduce((s, c) => s + c.cpuMs, 0) / cycles.length / DEVICES;

    // Baseline: Observium's way, one process per table per device, 16 in parallel.
    const base = { wall0: performance.now(), cpu0: childrenCpuMs(), failures: 0 };
    const tables = ['1.3.6.1.2.1.2.2', '1.3.6.1.2.1.31.1.1', '1.3.6.1.2.1.25.2.3', '1.3.6.1.2.1.25.3.3.1.2'];
    const jobs: [string, string[]][] = endpoints.slice(0, BASELINE_DEVICES).flatMap((port) => [
      ['snmpget', ['-v2c', '-c', COMMUNITY, '-OQUsn', '-t', '5', '-r', '1', `127.0.0.1:${port}`, '1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.4.0', '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.6.0']] as [string, string[]],
      ...tables.map((t) => ['snmpbulkwalk', ['-v2c', '-c', COMMUNITY, '-OQUsn', '-t', '5', '-r', '1', '-Cr30', `127.0.0.1:${port}`, t]] as [string, string[]]),
    ]);
    await mapLimit(jobs, 16, async ([cmd, args]) => {
      if ((await run(cmd, args)) !== 0) base.failures++;
    });
    const baseWall = performance.now() - base.wall0;
    const baseCpuPerDevice = (childrenCpuMs() - base.cpu0) / BASELINE_DEVICES;

    const r = (n: number, d = 1) => n.toFixed(d);
    console.log('');
    console.log(`Parc, one process (concurrency 64), ${CYCLES} cycles of ${DEVICES} devices (system, extend, ifTable+ifXTable, hrStorage, hrProcessor, UCD):`);
    for (const [i, c] of cycles.entries()) console.log(`  cycle ${i + 1}: wall ${r(c.wallMs / 1000, 2)} s, CPU ${r(c.cpuMs)} ms, ${c.up}/${DEVICES} up, open fds after ${c.fdsAfter}`);
    console.log(`  best cycle wall time        ${r(best.wallMs / 1000, 2)} s   (target < 15 s; interval 300 s)`);
    console.log(`  CPU per device poll         ${r(parcCpuPerDevice, 2)} ms`);
    console.log(`  peak RSS                    ${r(peakRss / 1048576)} MB  (target < 200 MB)`);
    console.log(`  open fds                    before ${fdsBefore}, after each cycle ${cycles.map((c) => c.fdsAfter).join(', ')}  (growth ${cycles[cycles.length - 1].fdsAfter - fdsBefore})`);
    console.log('');
    console.log(`Observium-style baseline, ${BASELINE_DEVICES} devices × 5 processes (snmpget + 4 snmpbulkwalk), 16 in parallel:`);
    console.log(`  wall ${r(baseWall / 1000, 2)} s (${r((baseWall / BASELINE_DEVICES) * DEVICES / 1000, 1)} s extrapolated to ${DEVICES}), failures ${base.failures}`);
    console.log(`  CPU per device poll         ${r(baseCpuPerDevice, 2)} ms (children)`);
    console.log('');
    console.log(`ratio: baseline CPU / Parc CPU per device = ${r(baseCpuPerDevice / parcCpuPerDevice, 1)}×   (target ≥ 10×)`);
    console.log(`ratio: baseline wall / Parc wall per device = ${r((baseWall / BASELINE_DEVICES) / (best.wallMs / DEVICES), 1)}×`);
  } finally {
    await Promise.all(agents.map((a) => a.stop()));
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
