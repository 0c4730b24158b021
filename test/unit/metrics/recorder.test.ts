import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetricRecorder } from '../../../src/core/metrics/recorder';
import { seriesId } from '../../../src/core/metrics/series';
import type { CycleResult } from '../../../src/core/monitor/cycle';
import type { ParcEvent } from '../../../src/core/state/types';

describe('metric recorder', () => {
  it('records a cycle and archives its events once, and events raised outside cycles', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-rec-'));
    const now = Date.UTC(2026, 0, 5, 10);
    const warnings: string[] = [];
    const rec = new MetricRecorder(dir, { now: () => now }, { debug() {}, info() {}, warn: (m) => warnings.push(m), error() {} });
    const at = new Date(now).toISOString();
    const down: ParcEvent = { time: at, type: 'down', severity: 'critical', device: 'r1:161', message: 'r1 is down' };
    const result: CycleResult = {
      devices: [{ key: 'r1:161', host: 'r1', port: 161, status: 'down', polledAt: at, durationMs: 700, interfaces: [], storage: [], processors: [], region: 'R', site: 'S', siteReason: 'none', siteExplanation: '', statusSince: at, rebooted: false }],
      events: [down], startedAt: at, durationMs: 700,
    };
    await rec.record(result);
    rec.archiveEvents(result.events); // the Monitor's "events" after the cycle: the same array
    rec.archiveEvents([{ time: at, type: 'cycle-overrun', severity: 'warning', message: 'poll took 400 s' }]);
    assert.deepEqual(rec.events.read('events').map((e) => e.type).sort(), ['cycle-overrun', 'down']);
    assert.equal(rec.events.read('alerts').length, 2);
    const t = Math.floor(now / 1000);
    assert.equal(rec.store.read(seriesId({ device: 'r1:161', entity: 'device', ds: 'status' }), { from: t, to: t, archive: '5m' })!.avg[0], 0);
    assert.deepEqual(warnings, []);
    rec.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
