// Metric store benchmark: the cost of recording one poll of 1,000 devices × 20 metrics, compared with
// the CPU of polling those 1,000 devices for real (snmpd instances on loopback); reading 24 h, 30 days
// and a year of one series; the store's size for a year of that estate. Prints figures; asserts nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { estimateBytes } from '../src/core/metrics/archives';
import { MetricRecorder } from '../src/core/metrics/recorder';
import { MetricStore } from '../src/core/metrics/store';
import { silentLogger } from '../src/core/host';
import type { CycleResult, DeviceReport } from '../src/core/monitor/cycle';
import { SnmpPoller } from '../src/core/poll/poller';
import { snmpdAvailable } from '../test/support/snmpd';
import { MapSecrets } from '../test/support/estate';
import { benchInventory, selfCpuMs, startBenchAgents } from './support';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 1000);
const POLLS = Number(process.env.BENCH_RECORD_POLLS ?? 100);
const HISTORY_DAYS = Number(process.env.BENCH_HISTORY_DAYS ?? 30);
const T0 = Date.UTC(2026, 0, 5) / 1000;

const cpuMs = selfCpuMs;
const r = (n: number, d = 2) => n.toFixed(d);

/** 20 metrics: status, poll time, uptime; 3 ports × (in, out, status, in errors, out errors); a disk; a CPU. */
function report(d: number, k: number): DeviceReport {
  const at = new Date((T0 + k * 300 + (d % 60)) * 1000).toISOString();
  return {
    key: `10.${d >> 8}.${d & 255}.1:161`.replace(/^10\./, 'dev-'), host: `dev${d}`, port: 161, name: `dev${d}`, status: 'up', polledAt: at, durationMs: 40 + (d % 30),
    uptimeSeconds: 86400 + k * 300,
    interfaces: [1, 2, 3].map((i) => ({ ifIndex: i, name: `ge-0/0/${i}`, adminStatus: 'up', operStatus: 'up', counterBits: 64 as const, speedBps: 1e9,
      inBps: 1e6 * ((d + i + k) % 700), outBps: 1e6 * ((d * 3 + i + k) % 500), inErrors: k * i, outErrors: k })),
    storage: [{ index: 31, description: '/', type: 'fixedDisk', sizeBytes: 1e11, usedBytes: 5e10, usedPercent: 40 + ((d + k) % 50) }],
    processors: [{ index: 1, loadPercent: (d + k) % 100 }],
    region: 'R', site: 'S', siteReason: 'none', siteExplanation: '', statusSince: at, rebooted: false,
  };
}

const cycle = (k: number): CycleResult => ({ devices: Array.from({ length: DEVICES }, (_, d) => report(d, k)), events: [], startedAt: new Date((T0 + k * 300) * 1000).toISOString(), durationMs: 0 });

async function realPollCpuMs(): Promise<{ cpuMs: number; wallMs: number; up: number } | undefined> {
  if (!snmpdAvailable() || process.env.BENCH_SKIP_POLL) return undefined;
  const bench = await startBenchAgents(DEVICES, 4, 'bench-ro');
  try {
    const { targets } = benchInventory(bench.endpoints);
    const poller = new SnmpPoller({ secrets: new MapSecrets({ ro: 'bench-ro' }), concurrency: 64 });
    await poller.poll(targets.slice(0, 50)); // warm-up
    const c0 = cpuMs();
    const w0 = performance.now();
    const res = await poller.poll(targets);
    return { cpuMs: cpuMs() - c0, wallMs: performance.now() - w0, up: res.filter((x) => x.status === 'up').length };
  } finally {
    await bench.stop();
  }
}

async function main(): Promise<void> {
  console.log(`metric store benchmark: ${DEVICES} devices × 20 metrics, 5-minute polls`);
  const poll = await realPollCpuMs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-metrics-bench-'));
  let now = T0 * 1000;
  const clock = { now: () => now };
  try {
    // 1. Recording, through the recorder the poll cycle calls (samples, counters file, store, events).
    const rec = new MetricRecorder(dir, clock, silentLogger);
    const first = cycle(0);
    let c0 = cpuMs();
    let w0 = performance.now();
    await rec.record(first);
    const firstCpu = cpuMs() - c0;
    const firstWall = performance.now() - w0;
    const cpu: number[] = [];
    const wall: number[] = [];
    for (let k = 1; k <= POLLS; k++) {
      const c = cycle(k);
      now = (T0 + k * 300 + 60) * 1000;
      c0 = cpuMs();
      w0 = performance.now();
      await rec.record(c);
      cpu.push(cpuMs() - c0);
      wall.push(performance.now() - w0);
    }
    const st = rec.store.stats();
    rec.close();
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log('');
    console.log(`recording one poll (${st.series} series in ${st.files} shard files):`);
    console.log(`  first poll (creates the files)   CPU ${r(firstCpu, 1)} ms, wall ${r(firstWall, 1)} ms`);
    console.log(`  next ${POLLS} polls                   CPU mean ${r(mean(cpu))} ms, max ${r(Math.max(...cpu))} ms; wall mean ${r(mean(wall))} ms, max ${r(Math.max(...wall))} ms`);
    if (poll) {
      console.log(`  that poll's CPU (real snmpd, ${poll.up}/${DEVICES} up)   ${r(poll.cpuMs, 0)} ms (wall ${r(poll.wallMs / 1000, 2)} s)`);
      console.log(`  recording / polling CPU          ${r((mean(cpu) / poll.cpuMs) * 100)} %   (target < 5 %)`);
    } else {
      console.log('  that poll\'s CPU: not measured (no snmpd, or BENCH_SKIP_POLL set)');
    }

    // 2. History: HISTORY_DAYS days of 5-minute polls, then reads of one series.
    const store = MetricStore.open(dir, clock);
    const keys = store.series();
    const p = store.prepare(keys);
    const values = new Float64Array(keys.length);
    const polls = (HISTORY_DAYS * 86400) / 300;
    w0 = performance.now();
    for (let k = POLLS + 1; k < POLLS + 1 + polls; k += 288) {
      store.batch(() => {
        for (let j = k; j < Math.min(k + 288, POLLS + 1 + polls); j++) {
          for (let i = 0; i < values.length; i++) values[i] = (i * 7 + j) % 1000;
          store.recordPrepared(p, T0 + j * 300 + 30, values);
        }
      });
    }
    const fillSeconds = (performance.now() - w0) / 1000;
    const end = T0 + (POLLS + polls) * 300;
    now = (end + 60) * 1000;
    const timeRead = (label: string, from: number, archive?: string) => {
      const reps = 200;
      let points = 0;
      let known = 0;
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) {
        const s = keys[(i * 7919) % keys.length];
        const d = store.read(s.id, { from, to: end, archive })!;
        points = d.t.length;
        known = d.avg.filter((v) => v !== null).length;
      }
      console.log(`  ${label.padEnd(34)} ${r((performance.now() - t0) / reps, 3)} ms  (${points} points, ${known} known)`);
    };
    console.log('');
    console.log(`reading one series (after ${HISTORY_DAYS} days of polls, recorded in ${r(fillSeconds, 1)} s; mean of 200 series):`);
    timeRead('24 h (5-minute points)', end - 86400 + 300);
    timeRead('7 days (30-minute points)', end - 7 * 86400 + 1800);
    timeRead('30 days (2-hour points)', end - 30 * 86400 + 7200);
    timeRead('30 days at 30-minute points', end - 30 * 86400 + 1800, '30m');
    timeRead('1 year (daily points)', end - 365 * 86400 + 86400);
    const after = store.stats();
    store.close();

    console.log('');
    console.log('store size:');
    console.log(`  files for ${after.series} series          ${r(after.bytes / 1e6, 1)} MB (${after.files} shards), allocated so far ${r(after.allocatedBytes / 1e6, 1)} MB`);
    console.log(`  for a year of that estate        ${r(estimateBytes(after.series) / 1e6, 1)} MB — the same: files are created at full size and never grow`);
    console.log(`  per series                       ${r(estimateBytes(after.series) / after.series / 1024, 1)} KiB (5-min × 2016, 30-min/2-h/1-day avg+min+max × 2976/1440/1461)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
