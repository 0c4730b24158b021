// Soak of `parc watch` (issue 13): the built CLI polls an estate every few seconds for minutes — live agents
// (one real snmpd serving many ports), dead ones (loopback addresses where nothing listens) and hostile ones
// (test/support/hostile-agent.ts) — while this harness reads the cycles from its log and samples its open file
// descriptors and resident memory from /proc.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSnmpd, type RunningSnmpd } from './snmpd';
import { freeUdpPort } from './ports';
import { startHostileAgent, type HostileAgent, type HostileMode } from './hostile-agent';

// PARC_SOAK_CLI: another bundle (e.g. one built elsewhere while dist/ is in use).
export const CLI = process.env.PARC_SOAK_CLI ? path.resolve(process.env.PARC_SOAK_CLI) : path.resolve(__dirname, '../../../dist/cli.js');

export interface SoakOptions {
  seconds: number;
  agents: number;
  intervalSeconds: number;
  deadPercent: number;
  hostilePercent: number;
  /** Progress lines (the series as it comes). */
  log?: (line: string) => void;
  /** Seconds into the run at which the watcher writes a V8 heap snapshot (into snapshotDir). */
  heapSnapshotsAt?: number[];
  snapshotDir?: string;
  /** false: the watcher does not collect after each cycle (PARC_WATCH_GC=0), to see the collector left to itself. */
  gc?: boolean;
}

export interface SoakCycle {
  start: number;
  end: number;
  durationMs: number;
  devices: number;
  up: number;
  down: number;
}

export interface SoakSample {
  t: number;
  fds: number;
  rssMB: number;
}

/** The watcher's own figures after each cycle, after a forced collection (node --expose-gc). */
export interface SoakMemory {
  cycle: number;
  /** How long the watcher's collection took (ms), when it made one. */
  gcMs?: number;
  heapUsedMB: number;
  heapTotalMB: number;
  rssMB: number;
  externalMB: number;
  arrayBuffersMB: number;
}

export interface SoakResult {
  cycles: SoakCycle[];
  samples: SoakSample[];
  memory: SoakMemory[];
  snapshots: string[];
  overruns: string[];
  errors: string[];
  estate: { live: number; dead: number; hostile: number };
}

const HOSTILE_MIX: HostileMode[] = ['endless', 'every-other', 'echo', 'wrong-id', 'garbage', 'truncated', 'other-port', 'backwards', 'endless', 'every-other'];

function proc(pid: number): { fds: number; rssMB: number } | undefined {
  try {
    const fds = readdirSync(`/proc/${pid}/fd`).length;
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { fds, rssMB: rss ? Math.round(Number(rss[1]) / 102.4) / 10 : NaN };
  } catch {
    return undefined;
  }
}

export async function runSoak(o: SoakOptions): Promise<SoakResult> {
  const log = o.log ?? (() => undefined);
  const dead = Math.round((o.agents * o.deadPercent) / 100);
  const hostile = Math.round((o.agents * o.hostilePercent) / 100);
  const live = o.agents - dead - hostile;
  const ports: number[] = [];
  for (let i = 0; i < live; i++) ports.push(await freeUdpPort());
  const snmpd: RunningSnmpd = await startSnmpd({ community: 'soak', ports });
  const liars: HostileAgent[] = [];
  for (let i = 0; i < hostile; i++) liars.push(await startHostileAgent(HOSTILE_MIX[i % HOSTILE_MIX.length]));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-soak-'));
  const devices = [
    ...snmpd.ports.map((p, i) => `  - { host: 127.0.0.1, port: ${p}, name: live-${i} }`),
    // Nothing listens on these loopback addresses: a silent, dead device.
    ...Array.from({ length: dead }, (_, i) => `  - { host: 127.0.${200 + Math.floor(i / 250)}.${(i % 250) + 1}, port: 161, name: dead-${i} }`),
    ...liars.map((a, i) => `  - { host: 127.0.0.1, port: ${a.port}, name: hostile-${i}-${HOSTILE_MIX[i % HOSTILE_MIX.length]} }`),
  ];
  writeFileSync(path.join(dir, 'parc.yaml'), [
    'snmp:',
    '  default: soak',
    '  profiles:',
    '    soak: { version: 2c, credential: soak, timeoutMs: 1000, retries: 1 }',
    'schedule:',
    `  pollSeconds: ${o.intervalSeconds}`,
    'devices:',
    ...devices,
    '',
  ].join('\n'));
  log(`estate: ${live} live (one snmpd, ${live} ports), ${dead} dead, ${hostile} hostile (${liars.map((_, i) => HOSTILE_MIX[i % HOSTILE_MIX.length]).join(', ')}); interval ${o.intervalSeconds} s, ${o.seconds} s`);

  const snapDir = o.snapshotDir ?? dir;
  const child = spawn(process.execPath, ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapDir}`, CLI, 'watch', '--inventory', path.join(dir, 'parc.yaml'), '--state', path.join(dir, '.parc'), '--verbose'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, PARC_CRED_SOAK: 'soak', PARC_WATCH_MEMORY: '1', ...(o.gc === false ? { PARC_WATCH_GC: '0' } : {}) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const cycles: SoakCycle[] = [];
  const overruns: string[] = [];
  const errors: string[] = [];
  const memory: SoakMemory[] = [];
  let started: number | undefined;
  let buf = '';
  child.stderr!.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const t = Date.parse(line.slice(0, 24));
      if (/ debug polling \d+ device/.test(line)) started = t;
      const m = / info polled (\d+) device\(s\) in (\d+) ms: (\d+) up, (\d+) down/.exec(line);
      if (m && started !== undefined) {
        const c = { start: started, end: t, durationMs: Number(m[2]), devices: Number(m[1]), up: Number(m[3]), down: Number(m[4]) };
        cycles.push(c);
        started = undefined;
        log(`cycle ${cycles.length}: ${c.devices} devices in ${c.durationMs} ms, ${c.up} up, ${c.down} down`);
      }
      const g = / info memory(?: after gc \((\d+) ms\))?: heapUsed ([\d.]+) MB, heapTotal ([\d.]+) MB, rss ([\d.]+) MB, external ([\d.]+) MB, arrayBuffers ([\d.]+) MB/.exec(line);
      if (g) {
        memory.push({ cycle: cycles.length, gcMs: g[1] ? Number(g[1]) : undefined, heapUsedMB: Number(g[2]), heapTotalMB: Number(g[3]), rssMB: Number(g[4]), externalMB: Number(g[5]), arrayBuffersMB: Number(g[6]) });
        log(`cycle ${cycles.length}: ${g[1] ? `after gc (${g[1]} ms) ` : ''}heapUsed ${g[2]} MB, heapTotal ${g[3]} MB, rss ${g[4]} MB, external ${g[5]} MB, arrayBuffers ${g[6]} MB`);
      }
      if (/ warn .*longer than its/.test(line)) {
        overruns.push(line);
        log(line);
      }
      if (/ error /.test(line)) errors.push(line);
    }
  });
  const samples: SoakSample[] = [];
  const t0 = Date.now();
  const sampler = setInterval(() => {
    const p = proc(child.pid!);
    if (!p) return;
    samples.push({ t: Math.round((Date.now() - t0) / 1000), ...p });
    log(`t=${samples[samples.length - 1].t}s fds=${p.fds} rss=${p.rssMB} MB`);
  }, o.intervalSeconds * 1000);
  const snapTimers = (o.heapSnapshotsAt ?? []).map((at) => setTimeout(() => {
    log(`t=${Math.round((Date.now() - t0) / 1000)}s heap snapshot requested (SIGUSR2)`);
    child.kill('SIGUSR2');
  }, at * 1000));
  let over = false;
  await new Promise<void>((resolve) => {
    const stop = setTimeout(() => {
      over = true;
      resolve();
    }, o.seconds * 1000);
    child.once('exit', (code) => {
      if (over) return;
      clearTimeout(stop);
      errors.push(`parc watch exited early with code ${code}`);
      resolve();
    });
  });
  clearInterval(sampler);
  snapTimers.forEach(clearTimeout);
  if (child.exitCode === null) {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15000).unref();
    });
  }
  await snmpd.stop();
  await Promise.all(liars.map((a) => a.stop()));
  // Snapshots written into the estate's own directory go with it.
  const snapshots = o.snapshotDir ? readdirSync(snapDir).filter((f) => f.endsWith('.heapsnapshot')).map((f) => path.join(snapDir, f)).sort() : [];
  rmSync(dir, { recursive: true, force: true });
  return { cycles, samples, memory, snapshots, overruns, errors, estate: { live, dead, hostile } };
}

/** The figures of a run, as printed by the script and the test. */
export function summary(r: SoakResult, intervalSeconds: number): string[] {
  const d = r.cycles.map((c) => c.durationMs).sort((a, b) => a - b);
  const q = (p: number) => d[Math.min(d.length - 1, Math.floor(p * d.length))];
  const overlaps = r.cycles.filter((c, i) => i > 0 && c.start < r.cycles[i - 1].end).length;
  const late = r.cycles.filter((c) => c.durationMs > intervalSeconds * 1000).length;
  const s = r.samples;
  const half = Math.floor(s.length / 2);
  const range = (xs: number[]) => (xs.length ? `${Math.min(...xs)}–${Math.max(...xs)}` : '-');
  return [
    `estate: ${r.estate.live} live, ${r.estate.dead} dead, ${r.estate.hostile} hostile; ${r.cycles.length} cycles`,
    `cycle duration ms: min ${d[0]} median ${q(0.5)} p95 ${q(0.95)} max ${d[d.length - 1]} (interval ${intervalSeconds * 1000}); over the interval: ${late}; overlapping: ${overlaps}; overrun warnings: ${r.overruns.length}`,
    `open fds: first half ${range(s.slice(0, half).map((x) => x.fds))}, second half ${range(s.slice(half).map((x) => x.fds))}`,
    `RSS MB: first half ${range(s.slice(0, half).map((x) => x.rssMB))}, second half ${range(s.slice(half).map((x) => x.rssMB))}`,
    `fd series: ${s.map((x) => x.fds).join(' ')}`,
    `RSS series (MB): ${s.map((x) => x.rssMB).join(' ')}`,
    `heapUsed after each cycle (after the watcher's collection unless PARC_WATCH_GC=0) (MB): ${r.memory.map((m) => m.heapUsedMB).join(' ')}`,
    `collection after each cycle (ms): ${r.memory.map((m) => m.gcMs ?? '-').join(' ')}`,
    `heapTotal after each cycle (MB): ${r.memory.map((m) => m.heapTotalMB).join(' ')}`,
    `rss after each cycle (MB): ${r.memory.map((m) => m.rssMB).join(' ')}`,
    `external / arrayBuffers after gc, first and last cycle (MB): ${r.memory.length ? `${r.memory[0].externalMB} / ${r.memory[0].arrayBuffersMB} → ${r.memory[r.memory.length - 1].externalMB} / ${r.memory[r.memory.length - 1].arrayBuffersMB}` : '-'}`,
    `errors logged: ${r.errors.length}${r.errors.length ? ` (first: ${r.errors[0]})` : ''}`,
  ];
}
