import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeviceReport } from '../../../src/core/monitor/cycle';
import { reportSamples, type CounterMemory } from '../../../src/core/metrics/samples';

function report(at: string, inErrors: number, extra: Partial<DeviceReport> = {}): DeviceReport {
  return {
    key: 'r1:161', host: 'r1', port: 161, name: 'core', status: 'up', polledAt: at, durationMs: 120, uptimeSeconds: 5000,
    interfaces: [{ ifIndex: 2, name: 'eth0', adminStatus: 'up', operStatus: 'up', counterBits: 32, inBps: 8000, outBps: 16000, inErrors, outErrors: 0 }],
    storage: [{ index: 31, description: '/', type: 'fixedDisk', sizeBytes: 100, usedBytes: 42, usedPercent: 42 }],
    processors: [{ index: 196608, loadPercent: 7, description: 'Intel Xeon E5-2620', source: 'hr' }],
    mempools: [{ index: 'hr.1', description: 'Physical memory', type: 'ram', totalBytes: 100, usedBytes: 63, usedPercent: 63, source: 'hr' }],
    region: 'R', site: 'S', siteReason: 'none', siteExplanation: '', statusSince: at, rebooted: false,
    ...extra,
  };
}

describe('samples from a poll', () => {
  it('records device, port, storage, processor and memory series; error counters become rates', () => {
    const mem: CounterMemory = new Map();
    const first = reportSamples(report('2026-01-05T00:00:00Z', 100), mem);
    const names = first.map((s) => `${s.entity}.${s.ds}=${s.value}`);
    assert.deepEqual(names.sort(), ['cpu:196608.load=7', 'device.pollMs=120', 'device.status=1', 'device.uptime=5000', 'if:2.inBps=8000', 'if:2.operUp=1', 'if:2.outBps=16000', 'mem:hr.1.usedPercent=63', 'storage:31.usedPercent=42'].sort());
    assert.deepEqual(first.filter((s) => s.entity.startsWith('cpu:') || s.entity.startsWith('mem:')).map((s) => s.label), ['Intel Xeon E5-2620', 'Physical memory']);
    const second = reportSamples(report('2026-01-05T00:05:00Z', 160), mem);
    assert.equal(second.find((s) => s.ds === 'inErrors')!.value, 60 / 300);
    assert.equal(second.find((s) => s.ds === 'outErrors')!.value, 0);
    // A 32-bit counter that wrapped still gives the right rate.
    reportSamples(report('2026-01-05T00:10:00Z', 2 ** 32 - 10), mem);
    const wrapped = reportSamples(report('2026-01-05T00:15:00Z', 130), mem);
    assert.equal(wrapped.find((s) => s.ds === 'inErrors')!.value, 140 / 300);
  });

  it('after a reboot the error rate is unknown; a down device records status and poll time only', () => {
    const mem: CounterMemory = new Map();
    reportSamples(report('2026-01-05T00:00:00Z', 100), mem);
    const after = reportSamples(report('2026-01-05T00:05:00Z', 3, { rebooted: true }), mem);
    assert.equal(after.find((s) => s.ds === 'inErrors'), undefined);
    const down = reportSamples(report('2026-01-05T00:10:00Z', 3, { status: 'down' }), mem);
    assert.deepEqual(down.map((s) => `${s.ds}=${s.value}`), ['status=0', 'pollMs=120']);
  });
});
