// Two real processes recording into the same store at the same time (as the CLI beside the extension):
// both keep adding series, so column and shard allocation contend for the lock. Every value is checked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetricStore } from '../../../src/core/metrics/store';
import { seriesId } from '../../../src/core/metrics/series';
import { CRASH_T0 } from './crash-model';

const WRITER = path.join(__dirname, 'concurrent-writer.js');
const POLLS = 600;

function run(dir: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, [WRITER, dir, name, String(POLLS)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    c.stderr.on('data', (b: Buffer) => (err += b.toString()));
    c.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${name} exited ${code}: ${err}`))));
  });
}

describe('metric store: two processes recording at once', () => {
  it('keeps every value of both writers, each series in its own column', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-concurrent-'));
    try {
      await Promise.all([run(dir, 'cli'), run(dir, 'ext')]);
      const store = MetricStore.open(dir, { now: () => (CRASH_T0 + POLLS * 300) * 1000 });
      try {
        const devices = Math.floor((POLLS - 1) / 20) + 1;
        assert.equal(store.stats().series, 2 * devices * 40);
        for (const name of ['cli', 'ext']) {
          for (const d of [0, devices - 1]) {
            for (const i of [0, 39]) {
              const data = store.read(seriesId({ device: `${name}-${d}:161`, entity: `if:${i}`, ds: 'inBps' }), { from: CRASH_T0, to: CRASH_T0 + (POLLS - 1) * 300, archive: '5m' })!;
              data.t.forEach((t, j) => {
                const k = (t - CRASH_T0) / 300;
                assert.equal(data.avg[j], k >= d * 20 ? (d * 1000 + i * 10 + k) % 65536 : null, `${name}-${d} eth${i} at poll ${k}`);
              });
            }
          }
        }
        assert.equal(store.stats().bytes, store.expectedBytes());
      } finally {
        store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
