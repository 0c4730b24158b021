// Poll cycles against real agents: traffic rates, counter wrap and reboot detection, events that persist.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { runPollCycle } from '../../../src/core/monitor/cycle';
import { FileStateStore } from '../../../src/core/state/file-store';
import { observiumExtendLines, startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { startSnmpsim, type RunningSnmpsim } from '../../support/snmpsim';
import { inventoryFrom, MapSecrets } from '../../support/estate';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

describe('reboot and rates against a real snmpd', () => {
  let agent: RunningSnmpd;
  let extendDir: string;
  before(async () => {
    extendDir = tmp('parc-reboot-');
    agent = await startSnmpd({ community: 'cycle-ro', extendLines: observiumExtendLines(extendDir, { distro: 'Debian 12', hardware: 'x', vendor: 'y', serial: 'z', uptimeSeconds: 500000 }) });
  });
  after(() => agent?.stop());

  it('computes rates between polls, detects a reboot, and keeps the event log across restarts', async () => {
    const inv = inventoryFrom(`sites:
  - { region: Lab, name: Loopback, subnets: [127.0.0.0/8] }
snmp: { profiles: { v2: { version: 2c, credential: ro } } }
devices: [{ host: 127.0.0.1, port: ${agent.port}, name: lab }]`);
    const stateDir = tmp('parc-state-');
    const poller = new SnmpPoller({ secrets: new MapSecrets({ ro: 'cycle-ro' }) });
    const first = await runPollCycle({ inventory: inv, poller, store: new FileStateStore(stateDir) });
    assert.equal(first.devices[0].status, 'up');
    assert.deepEqual([first.devices[0].region, first.devices[0].site, first.devices[0].siteReason], ['Lab', 'Loopback', 'subnet']);
    assert.equal(first.devices[0].interfaces.find((i) => i.name === 'lo')!.inBps, undefined, 'no rate on the first poll');

    await new Promise((r) => setTimeout(r, 1200));
    const second = await runPollCycle({ inventory: inv, poller, store: new FileStateStore(stateDir) });
    const lo = second.devices[0].interfaces.find((i) => i.name === 'lo')!;
    // snmpd caches interface counters for a few seconds, so the rate may be 0; it must exist and be sane.
    assert.ok(lo.inBps !== undefined && lo.inBps >= 0 && lo.inBps < 1e11, `lo rate ${lo.inBps}`);
    assert.equal(second.devices[0].rebooted, false);
    assert.deepEqual(second.events, []);

    // "Reboot": the host uptime (from /proc/uptime via extend) goes back, and the agent restarts.
    writeFileSync(path.join(extendDir, 'uptime.txt'), '42.00 80.00\n');
    await agent.restart();
    const third = await runPollCycle({ inventory: inv, poller, store: new FileStateStore(stateDir) });
    assert.equal(third.devices[0].rebooted, true);
    assert.equal(third.devices[0].uptimeSeconds, 42);
    assert.ok(third.devices[0].interfaces.every((i) => i.inBps === undefined && i.outBps === undefined), 'no rate across a reboot');
    assert.deepEqual(third.events.map((e) => e.type), ['reboot']);

    // Down, then up again: both are events, and the log is read back by a new store instance.
    await agent.stop();
    const inv2 = inventoryFrom(`snmp: { profiles: { v2: { version: 2c, credential: ro, timeoutMs: 1500, retries: 1 } } }
devices: [{ host: 127.0.0.1, port: ${agent.port}, name: lab }]`);
    const down = await runPollCycle({ inventory: inv2, poller, store: new FileStateStore(stateDir) });
    assert.equal(down.devices[0].status, 'down');
    assert.equal(down.devices[0].sysName !== undefined, true, 'a down device keeps its last known identity');
    assert.deepEqual(down.events.map((e) => [e.type, e.severity]), [['down', 'critical']]);
    const log = await new FileStateStore(stateDir).readEvents();
    assert.deepEqual(log.map((e) => e.type), ['down', 'reboot']);
    agent = await startSnmpd({ community: 'cycle-ro', ports: [agent.port] });
    const up = await runPollCycle({ inventory: inv2, poller, store: new FileStateStore(stateDir) });
    assert.deepEqual(up.events.map((e) => e.type), ['up']);
  });
});

/** ifTable rows of a recording: one interface, 32-bit counters only, 100 Mbit/s. */
function recording(uptimeTicks: number, inOctets: number, outOctets: number, oper = 1): string[] {
  return [
    // IOS is told by its banner, as LibreNMS tells it; a Cisco product OID alone is not enough.
    '1.3.6.1.2.1.1.1.0|4|Cisco IOS Software, C2960S Software (C2960S-UNIVERSALK9-M), Version 15.2(2)E9, RELEASE SOFTWARE (fc4)',
    '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208',
    `1.3.6.1.2.1.1.3.0|67|${uptimeTicks}`,
    '1.3.6.1.2.1.1.5.0|4|wrap-sw',
    '1.3.6.1.2.1.2.2.1.1.1|2|1',
    '1.3.6.1.2.1.2.2.1.2.1|4|FastEthernet0/1',
    '1.3.6.1.2.1.2.2.1.3.1|2|6',
    '1.3.6.1.2.1.2.2.1.5.1|66|100000000',
    '1.3.6.1.2.1.2.2.1.7.1|2|1',
    `1.3.6.1.2.1.2.2.1.8.1|2|${oper}`,
    `1.3.6.1.2.1.2.2.1.10.1|65|${inOctets}`,
    `1.3.6.1.2.1.2.2.1.16.1|65|${outOctets}`,
  ];
}

describe('32-bit counter wrap and reboot against snmpsim', () => {
  let sim: RunningSnmpsim;
  before(async () => {
    sim = await startSnmpsim({
      records: {
        'wrap-a': recording(100_000, 4294967000, 1000),
        'wrap-b': recording(130_000, 704, 751000, 1), // 300 s later: in wrapped past 2^32, out grew
        'wrap-c': recording(200, 5000, 6000, 2), // rebooted, port down
      },
    });
  });
  after(() => sim?.stop());

  it('rates across a wrap are right, and a reboot gives no rate and an event', async () => {
    const inv = inventoryFrom(`snmp: { profiles: { v2: { version: 2c, credential: sim } } }
devices: [{ host: 127.0.0.1, port: ${sim.port}, name: wrap-sw }]`);
    const secrets = new MapSecrets({ sim: 'wrap-a' });
    let now = Date.parse('2026-03-01T10:00:00Z');
    const poller = new SnmpPoller({ secrets, now: () => now });
    const store = new FileStateStore(tmp('parc-wrap-'));
    const a = await runPollCycle({ inventory: inv, poller, store, now: () => now });
    assert.equal(a.devices[0].status, 'up', a.devices[0].error);
    assert.equal(a.devices[0].interfaces[0].counterBits, 32);
    assert.deepEqual([a.devices[0].os, a.devices[0].vendor], ['ios', 'Cisco'], 'Cisco IOS banner');

    secrets.values.sim = 'wrap-b';
    now += 300_000;
    const b = await runPollCycle({ inventory: inv, poller, store, now: () => now });
    const i = b.devices[0].interfaces[0];
    assert.equal(i.inBps, Math.round(((2 ** 32 - 4294967000 + 704) * 8) / 300));
    assert.equal(i.outBps, Math.round(((751000 - 1000) * 8) / 300));
    assert.equal(b.devices[0].rebooted, false);

    secrets.values.sim = 'wrap-c';
    now += 300_000;
    const c = await runPollCycle({ inventory: inv, poller, store, now: () => now });
    assert.equal(c.devices[0].rebooted, true);
    assert.equal(c.devices[0].interfaces[0].inBps, undefined);
    assert.equal(c.devices[0].interfaces[0].outBps, undefined);
    assert.deepEqual(c.events.map((e) => e.type).sort(), ['interface-down', 'reboot']);
  });
});
