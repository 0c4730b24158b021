// The poller against an agent that lies (issue 13): every device finishes within its time budget, with a clear
// errorKind; the number of requests stays bounded and stops when the device is done (no walk left running);
// memory per device is bounded; counters that go backwards never give a negative or impossible rate.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { profileFor } from '../../../src/core/inventory/parse';
import { applyPoll } from '../../../src/core/monitor/changes';
import type { DeviceRecord } from '../../../src/core/state/types';
import type { DevicePoll } from '../../../src/core/poll/types';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { startHostileAgent, type HostileAgent, type HostileMode } from '../../support/hostile-agent';

const agents: HostileAgent[] = [];
after(async () => Promise.all(agents.map((a) => a.stop())));

async function agent(mode: HostileMode): Promise<HostileAgent> {
  const a = await startHostileAgent(mode);
  agents.push(a);
  return a;
}

function targets(ports: number[], version = '2c') {
  const inv = inventoryFrom(`snmp: { profiles: { p: { version: ${version}, credential: c, timeoutMs: 300, retries: 1 } } }
devices: [${ports.map((p, i) => `{ host: 127.0.0.1, port: ${p}, name: d${i} }`).join(', ')}]`);
  return { inv, targets: inv.devices.map((device) => ({ device, profile: profileFor(inv, device) })) };
}

/**
 * Requests the agent gets once the poll is over: none, or the device was not let go. A request the walk sent
 * just before the cut is still in flight when poll() returns (the agent, in this process, counts it on a later
 * turn of the event loop), so counting starts once such a packet has landed.
 */
async function requestsAfter(a: HostileAgent, ms = 600): Promise<number> {
  await new Promise((r) => setTimeout(r, 100));
  const before = a.requests;
  await new Promise((r) => setTimeout(r, ms));
  return a.requests - before;
}

const secrets = new MapSecrets({ c: 'public' });

describe('poller against a hostile SNMP agent', () => {
  for (const mode of ['garbage', 'wrong-id', 'truncated', 'other-port', 'echo', 'every-other'] as HostileMode[]) {
    it(`${mode}: the device is finished with a clear error kind, requests bounded`, async () => {
      const a = await agent(mode);
      const poller = new SnmpPoller({ secrets, deviceBudgetMs: 4000 });
      const [r] = await poller.poll(targets([a.port]).targets);
      if (r.status === 'down') assert.ok(['timeout', 'protocol', 'budget'].includes(r.errorKind!), `${r.errorKind}: ${r.error}`);
      assert.ok(a.requests < 2000, `${a.requests} requests: a walk that never ends`);
      assert.equal(await requestsAfter(a), 0, 'requests still sent after the poll ended');
    });
  }

  it('honest recording (the control): up, both interfaces, no module error', async () => {
    const a = await agent('honest');
    const [r] = await new SnmpPoller({ secrets }).poll(targets([a.port]).targets);
    assert.equal(r.status, 'up', r.error);
    assert.equal(r.sysName, 'hostile');
    assert.deepEqual(r.interfaces.map((i) => i.name), ['eth0', 'eth1']);
    assert.equal(r.interfaces[0].counterBits, 64);
    assert.equal(r.moduleErrors?.budget, undefined);
  });

  it('endless table: cut at the device budget (errorKind budget) while another device of the cycle finishes in full', async () => {
    const endless = await agent('endless');
    const honest = await agent('honest');
    const [cut, fine] = await new SnmpPoller({ secrets, deviceBudgetMs: 1500 }).poll(targets([endless.port, honest.port]).targets);
    assert.equal(cut.status, 'up', 'the system group answered');
    assert.equal(cut.errorKind, 'budget', JSON.stringify(cut.moduleErrors));
    assert.match(cut.moduleErrors!.budget, /poll cut after 1500 ms \(the per-device time budget\)/);
    assert.equal(fine.status, 'up');
    assert.equal(fine.errorKind, undefined);
    assert.equal(fine.interfaces.length, 2);
    assert.equal(await requestsAfter(endless), 0, 'the endless walk went on after the device was cut');
  });

  it('endless table against the cycle deadline: cut there, and a device whose turn comes after it is skipped, not down', async () => {
    const endless = await agent('endless');
    const honest = await agent('honest');
    const poller = new SnmpPoller({ secrets, concurrency: 1 });
    const [cut, skipped] = await poller.poll(targets([endless.port, honest.port]).targets, { deadline: Date.now() + 1200 });
    assert.equal(cut.errorKind, 'budget');
    assert.match(cut.error!, /the cycle's deadline/);
    assert.equal(skipped.skipped, true);
    assert.equal(skipped.errorKind, 'budget');
    assert.equal(honest.requests, 0, 'a skipped device is not contacted');
  });

  it('every other packet dropped on SNMPv1 and v2c: finishes within the budget, never loops', async () => {
    for (const version of ['1', '2c']) {
      const a = await agent('every-other');
      const [r] = await new SnmpPoller({ secrets, deviceBudgetMs: 2500 }).poll(targets([a.port], version).targets);
      assert.ok(r.status === 'up' || ['timeout', 'budget', 'protocol'].includes(r.errorKind!), `${r.status} ${r.errorKind}: ${r.error}`);
      assert.equal(await requestsAfter(a), 0);
    }
  });

  it('huge octet strings: memory per device bounded (the walk stops at the byte bound), the device still up', async () => {
    const a = await agent('huge');
    const heap0 = process.memoryUsage().heapUsed;
    const [r] = await new SnmpPoller({ secrets, deviceBudgetMs: 60_000 }).poll(targets([a.port]).targets);
    assert.equal(r.status, 'up', r.error);
    assert.equal(r.sysDescr?.length, 30_000);
    const errors = JSON.stringify(r.moduleErrors ?? {});
    assert.match(errors, /more than 32 MB of values from this device|poll cut after/, errors);
    // 1,000,000 rows of 30 kB would be 30 GB; what the device may hold is 32 MB (plus what the modules keep of it).
    assert.ok(process.memoryUsage().heapUsed - heap0 < 256 * 1024 * 1024, `heap grew by ${Math.round((process.memoryUsage().heapUsed - heap0) / 1048576)} MB`);
    assert.equal(await requestsAfter(a), 0);
  });

  it('counters going backwards: no negative or impossible rate, 64-bit ones give none', async () => {
    const a = await agent('backwards');
    const { inv, targets: t } = targets([a.port]);
    const poller = new SnmpPoller({ secrets });
    let record: DeviceRecord | undefined;
    const seen: DevicePoll[] = [];
    for (let i = 0; i < 3; i++) {
      const [r] = await poller.poll(t);
      assert.equal(r.status, 'up', r.error);
      // polls a second apart, as the scheduler would space them (the agent's counters went back meanwhile)
      r.polledAt = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 1000).toISOString();
      record = applyPoll('d0', record, r, inv.thresholds).record;
      seen.push(record.last);
    }
    const counters = seen.map((p) => p.interfaces.map((i) => i.inOctets));
    assert.ok(counters[2][0]! < counters[0][0]!, `the agent's counters did not go back: ${JSON.stringify(counters)}`);
    for (const p of seen.slice(1)) {
      const [eth0, eth1] = p.interfaces;
      assert.equal(eth0.inBps, undefined, 'a 64-bit counter that went back is a reset, not traffic');
      assert.equal(eth0.outBps, undefined);
      for (const bps of [eth1.inBps, eth1.outBps]) assert.ok(bps === undefined || (bps >= 0 && bps <= 1.1 * 100e6), `eth1 rate ${bps}`);
    }
  });
});
