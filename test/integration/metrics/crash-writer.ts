// Child process for the kill -9 test: records polls in a tight loop into a metric store and reports
// each finished poll on stdout. Usage: node crash-writer.js DIR START_K
import * as fs from 'node:fs';
import { MetricStore, type Sample } from '../../../src/core/metrics/store';
import { crashDevices, crashValue, CRASH_SERIES, CRASH_T0 } from './crash-model';

const [dir, startArg] = process.argv.slice(2);
let k = Number(startArg);
let nowMs = (CRASH_T0 + k * 300) * 1000;
const store = MetricStore.open(dir, { now: () => nowMs });
for (;;) {
  const t = CRASH_T0 + k * 300 + 5;
  nowMs = t * 1000;
  const samples: Sample[] = [];
  for (let d = 0; d < crashDevices(k); d++) {
    CRASH_SERIES.forEach((ds, s) => samples.push({ device: `dev${d}:161`, entity: 'device', ds, label: `dev${d}`, t, value: crashValue(d, s, k) }));
  }
  store.record(samples);
  fs.writeSync(1, `done ${k}\n`);
  k++;
}
