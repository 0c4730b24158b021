// Child process for the concurrency test: records `polls` polls for its own devices (a new device every
// 20 polls, so both writers keep adding series) into a shared store. Usage: node concurrent-writer.js DIR NAME POLLS
import { MetricStore, type Sample } from '../../../src/core/metrics/store';
import { CRASH_T0 } from './crash-model';

const [dir, name, pollsArg] = process.argv.slice(2);
const polls = Number(pollsArg);
const store = MetricStore.open(dir, { now: () => (CRASH_T0 + polls * 300) * 1000 });
for (let k = 0; k < polls; k++) {
  const t = CRASH_T0 + k * 300 + 7;
  const samples: Sample[] = [];
  for (let d = 0; d <= Math.floor(k / 20); d++) {
    for (let i = 0; i < 40; i++) samples.push({ device: `${name}-${d}:161`, entity: `if:${i}`, ds: 'inBps', label: `eth${i}`, t, value: (d * 1000 + i * 10 + k) % 65536 });
  }
  store.record(samples);
}
store.close();
