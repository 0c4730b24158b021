// A device the cycle's deadline left no time for (skipped) keeps its previous state: not polled is not down.
// And schedule.pollSeconds, the interval under a minute the soak runs at.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPollCycle } from '../../../src/core/monitor/cycle';
import { FileStateStore } from '../../../src/core/state/file-store';
import { parseInventory } from '../../../src/core/inventory/parse';
import type { Poller, PollTarget } from '../../../src/core/poll/poller';
import type { DevicePoll } from '../../../src/core/poll/types';
import { inventoryFrom } from '../../support/estate';

class Scripted implements Poller {
  constructor(private readonly make: (t: PollTarget) => Partial<DevicePoll>) {}
  async poll(targets: PollTarget[]): Promise<DevicePoll[]> {
    return targets.map((t) => ({ host: t.device.host, port: t.device.port, name: t.device.name, status: 'down', polledAt: new Date().toISOString(), durationMs: 1, interfaces: [], storage: [], processors: [], ...this.make(t) }));
  }
}

describe('skipped devices', () => {
  const inventory = inventoryFrom('snmp: { profiles: { p: { version: 2c, credential: c } } }\ndevices: [{ host: 10.0.0.1, name: a }, { host: 10.0.0.2, name: b }]');
  it('keep their last state and raise no event; one never polled gets no record (no down event)', async () => {
    const store = new FileStateStore(mkdtempSync(path.join(os.tmpdir(), 'parc-skip-')));
    const r0 = await runPollCycle({ inventory, store, poller: new Scripted((t) => (t.device.name === 'a' ? { status: 'up', sysName: 'a' } : { skipped: true, errorKind: 'budget', error: 'not polled' })) });
    assert.deepEqual(r0.events, [], 'a device never polled, skipped, was reported down');
    assert.equal(r0.devices[1].skipped, true);
    const first = await store.loadDevices();
    assert.equal(first.get('10.0.0.1:161')?.last.status, 'up');
    assert.equal(first.has('10.0.0.2:161'), false);
    const r = await runPollCycle({ inventory, store, poller: new Scripted(() => ({ skipped: true, errorKind: 'budget', error: 'not polled' })) });
    assert.deepEqual(r.events, []);
    const second = await store.loadDevices();
    assert.deepEqual(second.get('10.0.0.1:161'), first.get('10.0.0.1:161'));
    assert.equal(second.get('10.0.0.1:161')?.last.status, 'up');
  });
});

describe('schedule.pollSeconds', () => {
  it('sets an interval under a minute; below 10 s it is refused with its location', () => {
    const ok = parseInventory('schedule: { pollSeconds: 10 }\ndevices: [10.0.0.1]\n', 'parc.yaml');
    assert.equal(ok.inventory?.schedule.pollMinutes, 10 / 60);
    const bad = parseInventory('schedule: { pollSeconds: 2 }\ndevices: [10.0.0.1]\n', 'parc.yaml');
    const d = bad.diagnostics.find((x) => /pollSeconds/.test(x.message));
    assert.ok(d, JSON.stringify(bad.diagnostics));
    assert.deepEqual([d.line, d.severity], [1, 'error']);
    assert.match(d.message, /from 10 to 86400/);
  });
});
