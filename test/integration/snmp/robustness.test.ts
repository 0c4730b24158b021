// The engine stays up when agents misbehave, and its sockets stay bounded however many devices it polls.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import { readdirSync } from 'node:fs';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { probeProfiles, scanSubnet } from '../../../src/core/discovery/probe';
import { profileFor } from '../../../src/core/inventory/parse';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { freeUdpPort } from '../../support/ports';
import { inventoryFrom, MapSecrets } from '../../support/estate';

const openFds = () => readdirSync('/proc/self/fd').length;

describe('engine robustness', () => {
  let agent: RunningSnmpd;
  before(async () => {
    agent = await startSnmpd({ community: 'many-ro', ports: await Promise.all(Array.from({ length: 50 }, () => freeUdpPort())) });
  });
  after(() => agent?.stop());

  it('a malformed reply is an error for that device, not a crash of the process', async () => {
    // No real agent sends garbage on purpose: this UDP peer answers every request with bytes that are not BER.
    const junk = dgram.createSocket('udp4');
    await new Promise<void>((r) => junk.bind(0, '127.0.0.1', () => r()));
    junk.on('message', (_msg, rinfo) => junk.send(Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01]), rinfo.port, rinfo.address));
    const inv = inventoryFrom(`snmp: { profiles: { p: { version: 2c, credential: c, timeoutMs: 300, retries: 0 } } }
devices: [{ host: 127.0.0.1, port: ${junk.address().port} }, { host: 127.0.0.1, port: ${agent.port} }]`);
    const poller = new SnmpPoller({ secrets: new MapSecrets({ c: 'many-ro' }) });
    const [bad, good] = await poller.poll(inv.devices.map((device) => ({ device, profile: profileFor(inv, device) })));
    junk.close();
    assert.equal(bad.status, 'down');
    assert.equal(good.status, 'up', good.error);
  });

  it('a subnet scan reports progress, finds the agent, and stops when cancelled', async () => {
    const inv = inventoryFrom(`snmp: { profiles: { p: { version: 2c, credential: c, timeoutMs: 200, retries: 0 } } }`);
    const secrets = new MapSecrets({ c: 'many-ro' });
    const progress: number[] = [];
    const found = await scanSubnet('127.0.0.0/29', probeProfiles(inv), secrets, { port: agent.port, concurrency: 3, onProgress: (done) => progress.push(done) });
    assert.deepEqual(found.map((f) => f.host), ['127.0.0.1']);
    assert.deepEqual(progress, [1, 2, 3, 4, 5, 6]);
    const controller = new AbortController();
    let seen = 0;
    const t0 = Date.now();
    await scanSubnet('127.0.0.0/24', probeProfiles(inv), secrets, { port: agent.port, concurrency: 2, signal: controller.signal, onProgress: () => ++seen === 4 && controller.abort() });
    assert.ok(seen < 10, `${seen} probes after cancelling`);
    assert.ok(Date.now() - t0 < 5000);
    await assert.rejects(scanSubnet('10.0.0.0/8', probeProfiles(inv), secrets), /16777214 addresses, more than the 4096/);
  });

  it('open sockets stay within the concurrency limit while polling 200 entries, and none leak', async () => {
    // Four spellings of loopback × 50 ports = 200 distinct inventory entries served by one real snmpd.
    const entries = agent.ports.flatMap((port) => ['127.0.0.1', 'localhost', '127.1', '127.0.1'].map((host) => ({ host, port })));
    const inv = inventoryFrom(`snmp: { profiles: { p: { version: 2c, credential: c, timeoutMs: 3000, retries: 1 } } }
devices:
${entries.map((e) => `  - { host: "${e.host}", port: ${e.port} }`).join('\n')}
`);
    const poller = new SnmpPoller({ secrets: new MapSecrets({ c: 'many-ro' }), concurrency: 8 });
    const baseline = openFds();
    let peak = baseline;
    const timer = setInterval(() => (peak = Math.max(peak, openFds())), 2);
    const results = await poller.poll(inv.devices.map((device) => ({ device, profile: profileFor(inv, device) })));
    clearInterval(timer);
    assert.equal(results.length, inv.devices.length);
    assert.equal(results.length, 200);
    assert.ok(results.every((r) => r.status === 'up'), results.find((r) => r.status !== 'up')?.error);
    assert.ok(peak - baseline <= 8 + 2, `peak ${peak - baseline} extra descriptors for concurrency 8`);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(openFds() <= baseline + 1, `descriptors after the cycle: ${openFds()} vs ${baseline}`);
  });
});
