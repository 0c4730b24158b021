// A simulated year of 5-minute polls for 1,000 devices (two series each), with an injected clock:
// retention of every archive, consolidated values checked against values computed here, and the
// store's size fixed from the first poll to the last.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { estimateBytes } from '../../../src/core/metrics/archives';
import { MetricStore, type PreparedSeries } from '../../../src/core/metrics/store';
import { seriesId } from '../../../src/core/metrics/series';

const DEVICES = 1000;
const DAYS = 366;
const T0 = Date.UTC(2025, 0, 1) / 1000;
const STEPS = (DAYS * 86400) / 300;
const END = T0 + (STEPS - 1) * 300; // time of the last poll

/** pollMs of device d at poll k: integers, so float32 keeps them exact. */
const pollMs = (d: number, k: number) => (d * 7 + k) % 97;
/** Device 3 is down for 3 hours every day from 02:00 (status 0), others always up. */
const status = (d: number, k: number) => (d === 3 && k % 288 >= 24 && k % 288 < 60 ? 0 : 1);

describe('metric store: a simulated year of 1,000 devices', () => {
  let dir: string;
  let nowMs = T0 * 1000;
  let store: MetricStore;
  const sizes: number[] = [];
  let seconds = 0;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-year-'));
    store = MetricStore.open(dir, { now: () => nowMs });
    const keys = [];
    for (let d = 0; d < DEVICES; d++) {
      keys.push({ device: `dev${d}:161`, entity: 'device', ds: 'status', label: `dev${d}` });
      keys.push({ device: `dev${d}:161`, entity: 'device', ds: 'pollMs', label: `dev${d}` });
    }
    const p: PreparedSeries = store.prepare(keys);
    const values = new Float64Array(keys.length);
    const started = process.hrtime.bigint();
    // A day of polls per lock: the writer is alone, as a backfill would be.
    const day = (first: number) => {
      for (let k = first; k < Math.min(first + 288, STEPS); k++) {
        for (let d = 0; d < DEVICES; d++) {
          values[2 * d] = status(d, k);
          values[2 * d + 1] = pollMs(d, k);
        }
        const t = T0 + k * 300 + 17; // polls land a few seconds into their 5 minutes
        nowMs = t * 1000;
        store.recordPrepared(p, t, values);
        if (k % 20000 === 0 || k === STEPS - 1) sizes.push(store.stats().bytes);
      }
    };
    for (let k = 0; k < STEPS; k += 288) store.batch(() => day(k));
    seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`simulated year: ${STEPS} polls × ${keys.length} series in ${seconds.toFixed(1)} s; store ${(store.stats().bytes / 1e6).toFixed(1)} MB`);
  });
  after(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const id = (d: number, ds: string) => seriesId({ device: `dev${d}:161`, entity: 'device', ds });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('the size never changed and is what estimateBytes predicts for 2,000 series', () => {
    assert.ok(sizes.length > 5);
    assert.ok(sizes.every((s) => s === estimateBytes(2 * DEVICES)), `sizes ${sizes.join(', ')} vs ${estimateBytes(2 * DEVICES)}`);
    assert.ok(store.stats().allocatedBytes <= store.stats().bytes + 2 * 4096);
  });

  it('last 24 h at 5 minutes: 288 points equal to what was recorded', () => {
    const d = store.read(id(42, 'pollMs'), { from: END - 86400 + 300, to: END })!;
    assert.equal(d.archive, '5m');
    assert.equal(d.t.length, 288);
    const k0 = STEPS - 288;
    assert.deepEqual(d.avg, Array.from({ length: 288 }, (_, j) => pollMs(42, k0 + j)));
  });

  it('5-minute points older than 7 days are gone, the 30-minute ones remain', () => {
    const t = T0 + (STEPS - 2016 - 12) * 300; // 7 days and an hour ago, on a 30-minute boundary
    assert.equal((t - T0) % 1800, 0);
    assert.deepEqual(store.read(id(5, 'pollMs'), { from: t, to: t, archive: '5m' })!.avg, [null]);
    const k = (t - T0) / 300;
    const xs = [0, 1, 2, 3, 4, 5].map((j) => pollMs(5, k + j));
    const d = store.read(id(5, 'pollMs'), { from: t, to: t, archive: '30m' })!;
    assert.equal(d.avg[0], Math.fround(mean(xs)));
    assert.equal(d.min[0], Math.min(...xs));
    assert.equal(d.max[0], Math.max(...xs));
  });

  it('30-minute points cover 62 days; beyond, the 2-hour points answer', () => {
    const day63 = T0 + (DAYS - 63) * 86400;
    assert.deepEqual(store.read(id(9, 'pollMs'), { from: day63, to: day63, archive: '30m' })!.avg, [null]);
    const k = (day63 - T0) / 300;
    const xs = Array.from({ length: 24 }, (_, j) => pollMs(9, k + j));
    const d = store.read(id(9, 'pollMs'), { from: day63, to: day63, archive: '2h' })!;
    assert.equal(d.avg[0], Math.fround(mean(xs)));
    assert.equal(d.max[0], Math.max(...xs));
  });

  it('2-hour points cover 120 days; beyond, the daily points answer, for the whole year', () => {
    const day121 = T0 + (DAYS - 121) * 86400;
    assert.deepEqual(store.read(id(9, 'pollMs'), { from: day121, to: day121, archive: '2h' })!.avg, [null]);
    const year = store.read(id(3, 'status'), { from: T0, to: END })!;
    assert.equal(year.archive, '1d');
    assert.equal(year.t.length, DAYS);
    // Device 3 was down 36 of 288 five-minute points every day.
    assert.ok(year.avg.slice(0, DAYS - 1).every((v) => v === Math.fround(1 - 36 / 288)), `daily availability ${year.avg.slice(0, 3).join(', ')}`);
    assert.ok(year.min.slice(0, DAYS - 1).every((v) => v === 0));
    const first = store.read(id(500, 'pollMs'), { from: T0, to: T0, archive: '1d' })!;
    assert.equal(first.avg[0], Math.fround(mean(Array.from({ length: 288 }, (_, j) => pollMs(500, j)))));
  });
});
