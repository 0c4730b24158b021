// kill -9 of a real child process recording in a loop, several times at random moments; then every
// value that was recorded before each kill is checked, the files' sizes unchanged, and recording
// resumes (the dead writer's lock is taken over).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ARCHIVES, shardBytes } from '../../../src/core/metrics/archives';
import { MetricStore } from '../../../src/core/metrics/store';
import { seriesId } from '../../../src/core/metrics/series';
import { crashDevices, crashValue, CRASH_SERIES, CRASH_T0 } from './crash-model';

const WRITER = path.join(__dirname, 'crash-writer.js');
const ROUNDS = 6;

/** Runs the writer from poll `startK`, kills it with SIGKILL after `ms`, returns the last poll it finished. */
function runAndKill(dir: string, startK: number, ms: number): Promise<{ last: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, dir, String(startK)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (!timer && out.includes('done')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself (code ${code}): ${stderr}`));
      const done = [...out.matchAll(/done (\d+)\n/g)].map((m) => Number(m[1]));
      resolve({ last: done.length ? done[done.length - 1] : startK - 1, stderr });
    });
  });
}

function shardSizes(dir: string): Map<string, number> {
  return new Map(fs.readdirSync(dir).filter((n) => n.endsWith('.prrd')).map((n) => [n, fs.statSync(path.join(dir, n)).size]));
}

describe('metric store: kill -9 mid-write', () => {
  let dir: string;
  let last = -1;
  const sizesAfterRound: Map<string, number>[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-crash-'));
    for (let r = 0; r < ROUNDS; r++) {
      const ms = 300 + Math.floor(Math.random() * 900);
      const res = await runAndKill(dir, last + 1, ms);
      assert.ok(res.last > last, `round ${r} made no progress: ${res.stderr}`);
      last = res.last;
      sizesAfterRound.push(shardSizes(dir));
    }
    console.log(`killed the writer ${ROUNDS} times; ${last + 1} polls recorded (${((last + 1) / 288).toFixed(1)} simulated days)`);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('every shard keeps its size across kills', () => {
    for (let r = 1; r < sizesAfterRound.length; r++) {
      for (const [name, size] of sizesAfterRound[r - 1]) assert.equal(sizesAfterRound[r].get(name), size, `${name} after round ${r}`);
    }
    const store = MetricStore.open(dir, { now: () => Date.now() });
    try {
      assert.equal(store.stats().bytes, store.expectedBytes());
    } finally {
      store.close();
    }
    for (const [, size] of sizesAfterRound.at(-1)!) assert.ok(([256, 512, 1024, 2048, 4096] as number[]).some((r) => shardBytes(r) === size));
  });

  it('every 5-minute point recorded before the kills is intact (a sample of series over the last 7 days)', () => {
    const end = CRASH_T0 + last * 300;
    const store = MetricStore.open(dir, { now: () => (end + 300) * 1000 });
    try {
      // The poll being written at the last kill may have landed, reusing the oldest slot.
      const firstK = Math.max(0, last - 2014);
      const devices = [0, 1, 77, 150, 299, crashDevices(last) - 1];
      for (const d of devices) {
        CRASH_SERIES.forEach((ds, s) => {
          const data = store.read(seriesId({ device: `dev${d}:161`, entity: 'device', ds }), { from: CRASH_T0 + firstK * 300, to: end, archive: '5m' });
          assert.ok(data, `dev${d} ${ds} missing`);
          data.t.forEach((t, i) => {
            const k = (t - CRASH_T0) / 300;
            const expected = d < crashDevices(k) ? crashValue(d, s, k) : null;
            assert.equal(data.avg[i], expected, `dev${d} ${ds} at poll ${k}`);
          });
        });
      }
      // And the newest point of every series.
      for (let d = 0; d < crashDevices(last); d++) {
        const data = store.read(seriesId({ device: `dev${d}:161`, entity: 'device', ds: 'disk' }), { from: end, to: end, archive: '5m' })!;
        assert.equal(data.avg[0], crashValue(d, 4, last), `dev${d} at the last poll`);
      }
    } finally {
      store.close();
    }
  });

  it('consolidated points of closed buckets equal the arithmetic of their 5-minute points', () => {
    const end = CRASH_T0 + last * 300;
    const store = MetricStore.open(dir, { now: () => (end + 300) * 1000 });
    try {
      for (const a of ARCHIVES.slice(1)) {
        const per = a.step / 300;
        const closed = Math.floor((last + 1) / per); // buckets entirely before the newest point's bucket
        for (const d of [0, 150]) {
          const data = store.read(seriesId({ device: `dev${d}:161`, entity: 'device', ds: 'pollMs' }), { from: CRASH_T0, to: CRASH_T0 + (closed - 1) * a.step, archive: a.name })!;
          data.t.forEach((t, i) => {
            const k0 = (t - CRASH_T0) / 300;
            const xs = Array.from({ length: per }, (_, j) => crashValue(d, 2, k0 + j));
            assert.equal(data.avg[i], Math.fround(xs.reduce((x, y) => x + y, 0) / per), `${a.name} avg at poll ${k0}`);
            assert.equal(data.min[i], Math.min(...xs), `${a.name} min at poll ${k0}`);
            assert.equal(data.max[i], Math.max(...xs), `${a.name} max at poll ${k0}`);
          });
        }
      }
    } finally {
      store.close();
    }
  });

  it('recording resumes after the last kill (the dead writer lock is taken over)', () => {
    const t = CRASH_T0 + (last + 2) * 300 + 5; // last + 1 may hold the poll being written at the kill
    const store = MetricStore.open(dir, { now: () => t * 1000 });
    try {
      store.record([{ device: 'dev0:161', entity: 'device', ds: 'status', label: 'dev0', t, value: 123 }]);
      assert.equal(store.read(seriesId({ device: 'dev0:161', entity: 'device', ds: 'status' }), { from: t, to: t, archive: '5m' })!.avg[0], 123);
    } finally {
      store.close();
    }
  });
});
