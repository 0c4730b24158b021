import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ARCHIVES, capacityOf, estimateBytes, regionOffset, shardBytes, slotOf } from '../../../src/core/metrics/archives';
import { MetricStore, type Sample } from '../../../src/core/metrics/store';
import { seriesId } from '../../../src/core/metrics/series';

const T0 = Date.UTC(2026, 0, 5) / 1000; // a Monday, 00:00 UTC: aligned to every archive's step
const key = { device: 'r1:161', entity: 'if:1', ds: 'inBps' };
const ID = seriesId(key);
const s = (t: number, value: number, k = key): Sample => ({ ...k, label: 'eth0', t, value });

let dir: string;
let nowMs = T0 * 1000;
const clock = { now: () => nowMs };
let store: MetricStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-metrics-'));
  store = MetricStore.open(dir, clock);
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Records one sample per 5 minutes from `start`, values from `value(k)` (undefined = no sample). */
function feed(start: number, count: number, value: (k: number) => number | undefined, k0 = key): void {
  const batch: Sample[] = [];
  for (let k = 0; k < count; k++) {
    const v = value(k);
    if (v !== undefined) batch.push(s(start + k * 300, v, k0));
  }
  store.record(batch);
  nowMs = (start + count * 300) * 1000;
}

describe('metric store: consolidation arithmetic', () => {
  it('30-minute point: average, min and max of its six 5-minute points', () => {
    feed(T0, 7, (k) => [4, 8, 15, 16, 23, 42, 1][k]); // the 7th sample closes the first bucket
    const d = store.read(ID, { from: T0, to: T0, archive: '30m' })!;
    assert.deepEqual(d.t, [T0]);
    assert.equal(d.avg[0], (4 + 8 + 15 + 16 + 23 + 42) / 6); // 18
    assert.equal(d.min[0], 4);
    assert.equal(d.max[0], 42);
  });

  it('xfiles factor 0.5: three known of six gives a point, two known gives unknown', () => {
    feed(T0, 13, (k) => ({ 0: 10, 2: 20, 4: 60, 7: 5, 9: 7, 12: 1 } as Record<number, number>)[k]);
    const d = store.read(ID, { from: T0, to: T0 + 1800, archive: '30m' })!;
    assert.equal(d.avg[0], 30); // (10 + 20 + 60) / 3
    assert.equal(d.min[0], 10);
    assert.equal(d.max[0], 60);
    assert.equal(d.avg[1], null); // only 5 and 7 known in the second bucket
    assert.equal(d.max[1], null);
  });

  it('2-hour point from 24 points and 1-day point with exactly half known', () => {
    // values 0..287 on even 5-minute slots only: 144 of 288 known for the day
    feed(T0, 289, (k) => (k === 288 ? 0 : k % 2 === 0 ? k : undefined));
    const day = store.read(ID, { from: T0, to: T0, archive: '1d' })!;
    // mean of 0, 2, ..., 286 = 143
    assert.equal(day.avg[0], 143);
    assert.equal(day.min[0], 0);
    assert.equal(day.max[0], 286);
    const h2 = store.read(ID, { from: T0, to: T0, archive: '2h' })!;
    assert.equal(h2.avg[0], 11); // mean of 0, 2, ..., 22
    assert.equal(h2.max[0], 22);
  });

  it('a day with one 5-minute point fewer than half is unknown', () => {
    feed(T0, 289, (k) => (k === 288 ? 0 : k % 2 === 0 && k !== 100 ? 1 : undefined));
    assert.equal(store.read(ID, { from: T0, to: T0, archive: '1d' })!.avg[0], null);
  });

  it('two samples in the same 5 minutes are averaged', () => {
    store.record([s(T0 + 10, 100)]);
    store.record([s(T0 + 200, 300)]);
    nowMs = (T0 + 300) * 1000;
    assert.equal(store.read(ID, { from: T0, to: T0, archive: '5m' })!.avg[0], 200);
  });

  it('the open bucket of a coarse archive is computed from 5-minute points', () => {
    feed(T0, 4, (k) => [2, 4, 6, 8][k]);
    const d = store.read(ID, { from: T0, to: T0, archive: '1d' })!;
    assert.deepEqual([d.avg[0], d.min[0], d.max[0]], [5, 2, 8]);
  });

  it('a late sample in an already consolidated bucket updates it', () => {
    feed(T0, 7, (k) => (k === 3 ? undefined : 6));
    store.record([s(T0 + 900, 0)]);
    // 30m bucket: 6, 6, 6, 0, 6, 6
    assert.equal(store.read(ID, { from: T0, to: T0, archive: '30m' })!.avg[0], 5);
  });
});

describe('metric store: retention boundaries', () => {
  it('5-minute points: the 2016 newest are kept, the one before is overwritten', () => {
    feed(T0, 2017, (k) => k + 1);
    const first = store.read(ID, { from: T0, to: T0 + 300, archive: '5m' })!;
    assert.equal(first.avg[0], null); // its slot now holds sample 2017
    assert.equal(first.avg[1], 2);
    const last = store.read(ID, { from: T0 + 2016 * 300, to: T0 + 2016 * 300, archive: '5m' })!;
    assert.equal(last.avg[0], 2017);
  });

  it('30-minute points are kept 62 days, then overwritten', () => {
    const n = 2976 * 6 + 7; // 62 days of 5-minute samples, plus one 30-minute bucket more (closed)
    feed(T0, n, () => 1);
    const early = store.read(ID, { from: T0, to: T0 + 1800, archive: '30m' })!;
    assert.equal(early.avg[0], null); // the first bucket's slot was reused by bucket 2977
    assert.equal(early.avg[1], 1);
    const days = store.read(ID, { from: T0, to: T0 + 1800, archive: '1d' })!;
    assert.equal(days.avg[0], 1); // the day point outlives it
  });

  it('reads pick the finest archive covering the range with at most 1000 points', () => {
    nowMs = (T0 + 400 * 86400) * 1000;
    const now = nowMs / 1000;
    const pick = (seconds: number) => ARCHIVES[store.chooseArchive(now - seconds, now)].name;
    assert.equal(pick(6 * 3600), '5m');
    assert.equal(pick(24 * 3600), '5m');
    assert.equal(pick(7 * 86400), '30m'); // 2016 five-minute points would be too many
    assert.equal(pick(30 * 86400), '2h');
    assert.equal(pick(62 * 86400), '2h');
    assert.equal(pick(121 * 86400), '1d'); // beyond the 2-hour archive's 120 days
    assert.equal(pick(365 * 86400), '1d');
  });
});

describe('metric store: files', () => {
  it('size is fixed at creation and equals the estimate', () => {
    feed(T0, 10, () => 1);
    const st = store.stats();
    assert.equal(st.files, 1);
    assert.equal(st.bytes, estimateBytes(1));
    assert.equal(st.bytes, shardBytes(256));
    feed(T0 + 3000, 3000, (k) => k);
    assert.equal(store.stats().bytes, st.bytes);
  });

  it('series beyond a shard capacity go to a new shard; a reopened store reads them all', () => {
    const n = capacityOf(4096) + 10;
    const batch: Sample[] = [];
    for (let i = 0; i < n; i++) batch.push(s(T0, i, { device: `d${i}:161`, entity: 'device', ds: 'status' }));
    store.record(batch);
    assert.equal(store.stats().files, 2);
    assert.equal(store.stats().series, n);
    assert.equal(store.stats().bytes, estimateBytes(n));
    store.close();
    store = MetricStore.open(dir, clock);
    for (const i of [0, 1020, 1021, n - 1]) {
      assert.equal(store.read(seriesId({ device: `d${i}:161`, entity: 'device', ds: 'status' }), { from: T0, to: T0, archive: '5m' })!.avg[0], i);
    }
  });

  it('a second store on the same directory sees series the first one added', () => {
    feed(T0, 2, () => 7);
    const other = MetricStore.open(dir, clock);
    try {
      const k2 = { device: 'r2:161', entity: 'device', ds: 'uptime' };
      other.record([s(T0 + 600, 99, k2)]);
      assert.equal(store.read(seriesId(k2), { from: T0 + 600, to: T0 + 600, archive: '5m' })!.avg[0], 99);
      assert.equal(store.series({ device: 'r2:161' }).length, 1);
    } finally {
      other.close();
    }
  });

  it('a torn row reads as unknown and leaves its neighbours intact', () => {
    feed(T0, 3, (k) => 10 + k);
    const file = path.join(dir, 'shard-0000.prrd');
    const fd = fs.openSync(file, 'r+');
    // Garble the middle of the second 5-minute row, as a torn write would.
    fs.writeSync(fd, Buffer.from([1, 2, 3, 4]), 0, 4, regionOffset(256, 0, 'avg') + slotOf(T0 + 300, ARCHIVES[0]) * 256 + 8);
    fs.closeSync(fd);
    assert.deepEqual(store.read(ID, { from: T0, to: T0 + 600, archive: '5m' })!.avg, [10, null, 12]);
  });

  it('refuses a file that is not a metric shard', () => {
    store.close();
    fs.writeFileSync(path.join(dir, 'shard-0000.prrd'), 'hello');
    assert.throws(() => MetricStore.open(dir, clock), /not a Parc metric file/);
  });
});
