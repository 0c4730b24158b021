import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPoll } from '../../../src/core/monitor/changes';
import type { DevicePoll } from '../../../src/core/poll/types';
import { DEFAULT_THRESHOLDS } from '../../../src/core/inventory/types';

function poll(at: string, over: Partial<DevicePoll> = {}): DevicePoll {
  return {
    host: '192.0.2.10', port: 161, name: 'nas', status: 'up', polledAt: at, durationMs: 40, uptimeSeconds: 1000, uptimeSource: 'snmpEngineTime',
    interfaces: [{ ifIndex: 1, name: 'eth0', adminStatus: 'up', operStatus: 'up', counterBits: 64, inOctets: 1000, outOctets: 2000, speedBps: 1e9 }],
    storage: [{ index: 31, description: '/data', type: 'fixedDisk', sizeBytes: 1000, usedBytes: 500, usedPercent: 50 }],
    processors: [{ index: 196608, loadPercent: 10, description: 'Intel Xeon E5-2620', source: 'hr' }],
    mempools: [
      { index: 'hr.1', description: 'Physical memory', type: 'ram', totalBytes: 100, usedBytes: 50, usedPercent: 50, source: 'hr' },
      { index: 'hr.7', description: 'Cached memory', type: 'cached', totalBytes: 100, usedBytes: 99, usedPercent: 99, source: 'hr' },
    ],
    ...over,
  };
}

describe('events from two polls', () => {
  it('storage and processor crossing their thresholds raise one event each, and clear once', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z'), DEFAULT_THRESHOLDS);
    assert.deepEqual(a.events, [], 'page cache at 99 % is not news');
    const full = poll('2026-01-01T00:05:00Z', { uptimeSeconds: 1300, storage: [{ index: 31, description: '/data', type: 'fixedDisk', sizeBytes: 1000, usedBytes: 950, usedPercent: 95 }], processors: [{ index: 196608, loadPercent: 97, description: 'Intel Xeon E5-2620', source: 'hr' }] });
    const b = applyPoll('k', a.record, full, DEFAULT_THRESHOLDS);
    assert.deepEqual(b.events.map((e) => [e.type, e.entity]), [['storage-high', '/data'], ['processor-high', 'cpu196608']]);
    assert.match(b.events[0].message, /nas \/data is 95% full \(threshold 90%\)/);
    assert.equal(b.events[1].message, "nas CPU 'Intel Xeon E5-2620' at 97% (threshold 90%)");
    const still = applyPoll('k', b.record, { ...full, polledAt: '2026-01-01T00:10:00Z', uptimeSeconds: 1600 }, DEFAULT_THRESHOLDS);
    assert.deepEqual(still.events, [], 'no repeat while it stays over');
    const ok = applyPoll('k', still.record, poll('2026-01-01T00:15:00Z', { uptimeSeconds: 1900 }), DEFAULT_THRESHOLDS);
    assert.deepEqual(ok.events.map((e) => e.type), ['storage-ok', 'processor-ok']);
  });

  it('memory over its threshold raises memory-high once and memory-ok on the way back; buffers/cache never do', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z'), DEFAULT_THRESHOLDS);
    const hot = poll('2026-01-01T00:05:00Z', { uptimeSeconds: 1300, mempools: [{ index: 'hr.1', description: 'Physical memory', type: 'ram', totalBytes: 100, usedBytes: 93, usedPercent: 93, source: 'hr' }, { index: 'hr.7', description: 'Cached memory', type: 'cached', usedPercent: 100, source: 'hr' }] });
    const b = applyPoll('k', a.record, hot, DEFAULT_THRESHOLDS);
    assert.deepEqual(b.events.map((e) => [e.type, e.entity, e.message]), [['memory-high', 'mem:hr.1', "nas memory 'Physical memory' at 93% (threshold 90%)"]]);
    assert.deepEqual(applyPoll('k', b.record, { ...hot, polledAt: '2026-01-01T00:10:00Z', uptimeSeconds: 1600 }, DEFAULT_THRESHOLDS).events, []);
    const ok = applyPoll('k', b.record, poll('2026-01-01T00:10:00Z', { uptimeSeconds: 1600 }), { ...DEFAULT_THRESHOLDS });
    assert.deepEqual(ok.events.map((e) => e.type), ['memory-ok']);
    assert.deepEqual(applyPoll('k', a.record, hot, { ...DEFAULT_THRESHOLDS, memoryPercent: 95 }).events, [], 'threshold from parc.yaml');
  });

  it('processors polled before they had names are still told apart by index', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z', { processors: [{ index: 3, loadPercent: 1 }] }), DEFAULT_THRESHOLDS);
    const b = applyPoll('k', a.record, poll('2026-01-01T00:05:00Z', { uptimeSeconds: 1300, processors: [{ index: 3, loadPercent: 99 }] }), DEFAULT_THRESHOLDS);
    assert.equal(b.events[0].message, 'nas processor 3 at 99% (threshold 90%)');
  });

  it('a port going down on an admin-up interface is a warning; an admin-down port is not news', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z'), DEFAULT_THRESHOLDS);
    const down = poll('2026-01-01T00:05:00Z', { uptimeSeconds: 1300, interfaces: [{ ...poll('x').interfaces[0], operStatus: 'down', inOctets: 1000, outOctets: 2000 }] });
    const b = applyPoll('k', a.record, down, DEFAULT_THRESHOLDS);
    assert.deepEqual(b.events.map((e) => [e.type, e.severity]), [['interface-down', 'warning']]);
    const shut = poll('2026-01-01T00:10:00Z', { uptimeSeconds: 1600, interfaces: [{ ...poll('x').interfaces[0], adminStatus: 'down', operStatus: 'down' }] });
    const c = applyPoll('k', applyPoll('k', undefined, poll('2026-01-01T00:05:00Z'), DEFAULT_THRESHOLDS).record, shut, DEFAULT_THRESHOLDS);
    assert.deepEqual(c.events, []);
  });

  it('down keeps the last identity, up again says for how long it was down', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z'), DEFAULT_THRESHOLDS);
    const d = applyPoll('k', a.record, { ...poll('2026-01-01T00:05:00Z'), status: 'down', error: 'no SNMP answer', interfaces: [], storage: [], processors: [] }, DEFAULT_THRESHOLDS);
    assert.equal(d.record.last.status, 'down');
    assert.equal(d.record.last.interfaces.length, 1, 'last known ports kept for the views');
    assert.equal(d.record.last.interfaces[0].inBps, undefined);
    assert.deepEqual(d.events.map((e) => e.type), ['down']);
    const again = applyPoll('k', d.record, { ...d.record.last, status: 'down', polledAt: '2026-01-01T00:10:00Z' }, DEFAULT_THRESHOLDS);
    assert.deepEqual(again.events, [], 'still down: no new event');
    const up = applyPoll('k', again.record, poll('2026-01-01T00:35:00Z', { uptimeSeconds: 3100 }), DEFAULT_THRESHOLDS);
    assert.deepEqual(up.events.map((e) => e.type), ['up']);
    assert.match(up.events[0].message, /up again after 30m/);
    assert.equal(up.record.statusSince, '2026-01-01T00:35:00Z');
  });
});
