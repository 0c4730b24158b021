// parc serve benchmark: 10,000 devices, a real ParcServer on loopback in a process of its own (server-bench-serve.ts),
// this process as its 50 live SSE clients. Figures: GET /api/devices (full, and revalidated with its ETag); time
// until all 50 clients have a poll's changes (devices.json written by the poll holder → the last client has the
// last changed device); server RSS. Measured for today's server and for a baseline commit's server in the same run
// (BENCH_SERVER_BASELINE_REF), on a shared machine only the ratio means much; the load average is printed with them.
// Prints; asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as readline from 'node:readline';
import { ParcClient } from '../src/core/remote/client';
import { SseParser } from '../src/core/remote/stream';

/** The server before the bench work of issue 15 (per-message SSE writes, whole-estate re-resolution per change). */
const BASELINE_REF = process.env.BENCH_SERVER_BASELINE_REF ?? '09749e9b822831223fb0b6289b88c14cb95a5117';
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 50);
const DEVICES = Number(process.env.BENCH_SERVER_DEVICES ?? 10_000);
const ROUNDS = 3;
const ROOT = path.resolve(__dirname, '..', '..');

const now = () => performance.timeOrigin + performance.now();

/** Bundles the server of `ref` (git archive + esbuild); a reason string when it cannot. */
async function baselineLib(ref: string): Promise<{ file: string; ref: string; dir: string } | string> {
  let full: string;
  try {
    full = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch {
    return `no commit ${ref.slice(0, 12)} in this checkout`;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-server-baseline-'));
  const tar = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', full, 'src'], { maxBuffer: 256 << 20 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  fs.writeFileSync(path.join(dir, 'entry.ts'), `export { ParcServer } from './src/server/app';
export { EstateRunner } from './src/core/monitor/estate-runner';
export { FileStateStore } from './src/core/state/file-store';
export { LocalAccounts } from './src/core/auth/accounts';
export { PollLease } from './src/core/schedule/poll-lease';
export { SnmpPoller } from './src/core/poll/poller';
export { parseInventory } from './src/core/inventory/parse';
`);
  const { build } = await import('esbuild');
  const file = path.join(dir, 'lib.js');
  await build({ entryPoints: [path.join(dir, 'entry.ts')], outfile: file, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error', packages: 'external' });
  return { file, ref: full, dir };
}

interface Figures {
  getMedian: number;
  getP95: number;
  parseMedian: number;
  revalidateMedian?: number;
  fanout: number[];
  rss: number;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function measure(lib: string | undefined): Promise<Figures> {
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE}`] : []), '--expose-gc', path.join(__dirname, 'server-bench-serve.js')], {
    env: { ...process.env, BENCH_SERVER_DEVICES: String(DEVICES), ...(lib ? { BENCH_SERVER_LIB: lib, NODE_PATH: path.join(ROOT, 'node_modules') } : {}) }, stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const queue: Record<string, unknown>[] = [];
  let wake: (() => void) | undefined;
  lines.on('line', (l) => {
    queue.push(JSON.parse(l) as Record<string, unknown>);
    wake?.();
  });
  const next = async (): Promise<Record<string, unknown>> => {
    while (!queue.length) {
      if (child.exitCode !== null) throw new Error(`the bench server exited (${child.exitCode})`);
      await new Promise<void>((r) => {
        wake = r;
        child.once('exit', () => r());
      });
    }
    return queue.shift()!;
  };
  try {
    const ready = await next();
    const client = new ParcClient({ url: `http://127.0.0.1:${ready.port as number}`, timeoutMs: 120_000 });
    await client.login(ready.user as string, ready.password as string);
    // The answer's time: request sent → its last byte received; the client's JSON.parse of 3 MB is timed apart.
    const times: number[] = [];
    const parse: number[] = [];
    let etag = '';
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const res = await client.open('GET', '/api/devices');
      const chunks: Buffer[] = [];
      for await (const ch of res) chunks.push(ch as Buffer);
      times.push(performance.now() - t0);
      const t1 = performance.now();
      const list = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[];
      parse.push(performance.now() - t1);
      if (list.length !== DEVICES) throw new Error(`got ${list.length} devices`);
      etag = String(res.headers.etag ?? '');
    }
    times.sort((a, b) => a - b);
    parse.sort((a, b) => a - b);
    let revalidateMedian: number | undefined;
    if (etag) {
      const rt: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        const r = await client.send('GET', '/api/devices', { headers: { 'if-none-match': etag } });
        rt.push(performance.now() - t0);
        if (r.status !== 304) throw new Error(`revalidation answered ${r.status}`);
      }
      revalidateMedian = pct(rt.sort((a, b) => a - b), 0.5);
    }
    // 50 live clients; each notes when it has the last device of a round's changes.
    let target = '';
    const got = new Map<number, number>();
    let roundWake: (() => void) | undefined;
    const streams = await Promise.all(Array.from({ length: CLIENTS }, async (_, k) => {
      const res = await client.open('GET', '/api/stream', { headers: { accept: 'text/event-stream' } });
      let hello!: () => void;
      const helloSeen = new Promise<void>((r) => (hello = r));
      const parser = new SseParser((m) => {
        if (m.event === 'hello') hello();
        if (m.event !== 'device' || !target || got.has(k)) return;
        const d = JSON.parse(m.data) as { name: string; status: string };
        if (d.name === target && d.status === 'down') {
          got.set(k, now());
          if (got.size === CLIENTS) roundWake?.();
        }
      });
      res.setEncoding('utf8');
      res.on('data', (c: string) => parser.push(c));
      res.on('error', () => undefined);
      await helloSeen;
      return res;
    }));
    const fanout: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      got.clear();
      const done = new Promise<void>((r) => (roundWake = r));
      child.stdin!.write('change\n');
      const changed = await next();
      target = changed.last as string;
      const timeout = setTimeout(() => roundWake?.(), 120_000);
      await done;
      clearTimeout(timeout);
      if (got.size < CLIENTS) throw new Error(`only ${got.size} of ${CLIENTS} clients got ${target} within 120 s`);
      fanout.push(Math.max(...got.values()) - (changed.at as number));
      target = '';
      await new Promise((r) => setTimeout(r, 300));
    }
    child.stdin!.write('rss\n');
    const rss = (await next()).rss as number;
    streams.forEach((s) => s.destroy());
    child.stdin!.write('stop\n');
    await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    return { getMedian: pct(times, 0.5), getP95: pct(times, 0.95), parseMedian: pct(parse, 0.5), revalidateMedian, fanout, rss };
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

async function main(): Promise<void> {
  const base = await baselineLib(BASELINE_REF);
  const load0 = os.loadavg();
  const b = typeof base === 'string' ? undefined : await measure(base.file);
  const c = await measure(undefined);
  const load1 = os.loadavg();
  if (typeof base !== 'string') fs.rmSync(base.dir, { recursive: true, force: true });
  const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
  const ratio = (was: number, is: number) => `${(was / is).toFixed(1)}× faster than the baseline`;
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(`server bench: ${DEVICES} devices, ${CLIENTS} SSE clients; load average ${load0.map((l) => l.toFixed(2)).join(' ')} → ${load1.map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`);
  console.log(`  baseline: ${typeof base === 'string' ? `none (${base})` : `the server of ${base.ref.slice(0, 10)}, same run`}`);
  console.log(`  GET /api/devices: median ${ms(c.getMedian)}, p95 ${ms(c.getP95)}${b ? ` (baseline median ${ms(b.getMedian)}: ${ratio(b.getMedian, c.getMedian)})` : ''}; the client's JSON.parse of it: median ${ms(c.parseMedian)}; revalidated with its ETag (304): median ${c.revalidateMedian !== undefined ? ms(c.revalidateMedian) : 'n/a'}`);
  console.log(`  a poll's changes (100 devices down) reached all ${CLIENTS} SSE clients in ${c.fanout.map(ms).join(', ')} (median ${ms(med(c.fanout))}; devices.json written → last client has the last device)${b ? `; baseline ${b.fanout.map(ms).join(', ')}: ${ratio(med(b.fanout), med(c.fanout))}` : ''}`);
  console.log(`  server RSS with ${DEVICES} devices and ${CLIENTS} clients: ${(c.rss / 1048576).toFixed(0)} MiB${b ? ` (baseline ${(b.rss / 1048576).toFixed(0)} MiB)` : ''}`);
}

void main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
