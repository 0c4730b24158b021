// Every poll module against a real Debian snmpd on 127.0.0.1, with Observium-style extend lines.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statfsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SnmpPoller, type PollTarget } from '../../../src/core/poll/poller';
import { profileFor } from '../../../src/core/inventory/parse';
import type { DevicePoll } from '../../../src/core/poll/types';
import { processorName } from '../../../src/core/poll/modules/health/hr-processors';
import { observiumExtendLines, startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { freeUdpPort } from '../../support/ports';
import { inventoryFrom, MapSecrets } from '../../support/estate';

const SECRETS = new MapSecrets({ ro: 'parc-ro-test', a: 'auth-pass-123', p: 'priv-pass-456', a512: 'auth-512-pass', wrong: 'not-the-password' });

describe('poll modules against a real snmpd', () => {
  let agent: RunningSnmpd;
  let deadPort: number;
  let extendDir: string;
  const results = new Map<string, DevicePoll>();
  let poller: SnmpPoller;
  let targets: PollTarget[];

  before(async () => {
    extendDir = mkdtempSync(path.join(os.tmpdir(), 'parc-extend-'));
    agent = await startSnmpd({
      community: 'parc-ro-test',
      v3: { user: 'parc', authPass: 'auth-pass-123', privPass: 'priv-pass-456' },
      extraLines: ['createUser parc512 SHA-512 "auth-512-pass" AES "priv-pass-456"', 'rouser parc512 priv -V all'],
      sysName: 'parc-lab-01',
      location: 'Suresnes HQ, salle serveurs [48.8711, 2.2266]',
      extendLines: observiumExtendLines(extendDir, { distro: 'Debian GNU/Linux 12 (bookworm)', hardware: 'Standard PC (Q35 + ICH9, 2009)', vendor: 'QEMU', serial: 'PARC-SN-0042', uptimeSeconds: 987654 }),
      ports: await Promise.all([1, 2, 3, 4, 5, 6, 7].map(() => freeUdpPort())),
    });
    deadPort = await freeUdpPort();
    const [p1, p2, p3, p4, p5, p6, p7] = agent.ports;
    const inv = inventoryFrom(`
snmp:
  default: v2
  profiles:
    v2: { version: 2c, credential: ro }
    v1: { version: 1, credential: ro }
    v3: { version: 3, user: parc, level: authPriv, auth: sha, priv: aes, authCredential: a, privCredential: p }
    v3-sha512: { version: 3, user: parc512, level: authPriv, auth: sha-512, priv: aes, authCredential: a512, privCredential: p }
    v3-wrong-auth: { version: 3, user: parc, level: authPriv, auth: sha, priv: aes, authCredential: wrong, privCredential: p }
    v3-wrong-priv: { version: 3, user: parc, level: authPriv, auth: sha, priv: aes, authCredential: a, privCredential: wrong }
    v3-unknown: { version: 3, user: nobody, level: authPriv, auth: sha, priv: aes, authCredential: a, privCredential: p }
    v2-wrong: { version: 2c, credential: wrong, timeoutMs: 300, retries: 0 }
    fast: { version: 2c, credential: ro, timeoutMs: 300, retries: 1 }
devices:
  - { host: 127.0.0.1, port: ${p1}, name: v2 }
  - { host: 127.0.0.1, port: ${p2}, name: v1, profile: v1 }
  - { host: 127.0.0.1, port: ${p3}, name: v3, profile: v3 }
  - { host: 127.0.0.1, port: ${p4}, name: v3-sha512, profile: v3-sha512 }
  - { host: 127.0.0.1, port: ${p5}, name: v3-wrong-auth, profile: v3-wrong-auth }
  - { host: 127.0.0.1, port: ${p6}, name: v3-wrong-priv, profile: v3-wrong-priv }
  - { host: 127.0.0.1, port: ${p7}, name: v3-unknown, profile: v3-unknown }
  - { host: localhost, port: ${p1}, name: v2-wrong, profile: v2-wrong }
  - { host: localhost, port: ${deadPort}, name: dead, profile: fast }
`);
    poller = new SnmpPoller({ secrets: SECRETS, concurrency: 4 });
    targets = inv.devices.map((device) => ({ device, profile: profileFor(inv, device) }));
    const polls = await poller.poll(targets);
    for (const p of polls) results.set(p.name!, p);
  });

  after(async () => {
    await agent?.stop();
  });

  it('system group: sysName, sysDescr, sysObjectID, sysLocation, sysContact', () => {
    const r = results.get('v2')!;
    assert.equal(r.status, 'up', r.error);
    assert.equal(r.sysName, 'parc-lab-01');
    assert.match(r.sysDescr!, /^Linux /);
    assert.equal(r.sysObjectID, '1.3.6.1.4.1.8072.3.2.10');
    assert.equal(r.sysLocation, 'Suresnes HQ, salle serveurs [48.8711, 2.2266]');
    assert.match(r.sysContact!, /parc-tests/);
    assert.equal(r.os, 'linux');
    assert.ok(r.rttMs !== undefined && r.rttMs > 0 && r.rttMs < 2000, `round trip ${r.rttMs} ms`);
  });

  it('extend data as Observium installs it: distro, hardware, vendor, serial, and uptime from /proc/uptime', () => {
    const r = results.get('v2')!;
    assert.equal(r.distro, 'Debian GNU/Linux 12 (bookworm)');
    assert.equal(r.hardware, 'Standard PC (Q35 + ICH9, 2009)');
    assert.equal(r.vendor, 'QEMU');
    assert.equal(r.serial, 'PARC-SN-0042');
    assert.equal(r.uptimeSeconds, 987654);
    assert.equal(r.uptimeSource, 'extend');
    assert.ok(r.sysUpTimeSeconds !== undefined && r.sysUpTimeSeconds < 3600, 'sysUpTime is the agent\'s own, short');
  });

  it('interfaces: ifTable + ifXTable with 64-bit counters', () => {
    const r = results.get('v2')!;
    const names = os.networkInterfaces();
    const lo = r.interfaces.find((i) => i.name === 'lo');
    assert.ok(lo, JSON.stringify(r.interfaces.map((i) => i.name)));
    assert.equal(lo.operStatus, 'up');
    assert.equal(lo.adminStatus, 'up');
    assert.equal(lo.counterBits, 64);
    assert.ok((lo.inOctets ?? 0) > 0);
    for (const name of Object.keys(names)) assert.ok(r.interfaces.some((i) => i.name === name), `interface ${name} of this machine is listed`);
  });

  it('storage: hrStorageTable sizes match the file system', () => {
    const r = results.get('v2')!;
    const root = r.storage.find((s) => s.description === '/');
    assert.ok(root, JSON.stringify(r.storage.map((s) => s.description)));
    assert.equal(root.type, 'fixedDisk');
    const fs = statfsSync('/');
    const size = fs.blocks * fs.bsize;
    assert.ok(Math.abs(root.sizeBytes - size) / size < 0.01, `${root.sizeBytes} vs ${size}`);
    assert.ok(root.usedBytes > 0 && root.usedBytes <= root.sizeBytes);
    assert.ok(r.storage.every((s) => !['ram', 'virtualMemory', 'other'].includes(s.type)), `filesystems only: ${r.storage.map((s) => s.description).join(', ')}`);
    assert.ok(!r.storage.some((s) => /memory|swap/i.test(s.description)));
  });

  it('memory pools: snmpd\'s RAM, virtual memory, buffers and cache rows, never storage', () => {
    const r = results.get('v2')!;
    const pools = r.mempools ?? [];
    const ram = pools.find((m) => m.description === 'Physical memory');
    assert.ok(ram && ram.type === 'ram' && ram.source === 'hr', JSON.stringify(pools));
    assert.ok(Math.abs(ram.totalBytes! - os.totalmem()) / os.totalmem() < 0.05, 'physical memory as seen by the OS');
    assert.ok(ram.usedPercent! > 0 && ram.usedPercent! <= 100);
    for (const d of ['Virtual memory', 'Memory buffers', 'Cached memory']) assert.ok(pools.some((m) => m.description === d), `${d} in ${pools.map((m) => m.description).join(', ')}`);
    const cached = pools.find((m) => m.type === 'cached')!;
    assert.equal(cached.totalBytes, ram.totalBytes, 'page cache is a share of the RAM');
    assert.ok(cached.usedPercent! < 100);
  });

  it('processors (hrProcessorLoad appears once snmpd has a minute of samples) and UCD load/memory', async () => {
    let r = results.get('v2')!;
    const deadline = Date.now() + 90_000;
    while (r.processors.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      r = await poller.pollOne(targets[0]);
    }
    assert.equal(r.processors.length, os.cpus().length);
    assert.ok(r.processors.every((p) => p.loadPercent >= 0 && p.loadPercent <= 100));
    // Named from hrDeviceDescr (snmpd reads /proc/cpuinfo), as the OS names its CPUs.
    assert.deepEqual([...new Set(r.processors.map((p) => p.description))], [...new Set(os.cpus().map((c) => processorName(c.model)))]);
    assert.ok(r.processors.every((p) => p.source === 'hr'));
    assert.ok(r.ucd);
    assert.ok(Math.abs(r.ucd.memTotalBytes! - os.totalmem()) / os.totalmem() < 0.05);
    assert.ok(r.ucd.load1! >= 0);
  });

  it('SNMP v1 polls the same data', () => {
    const r = results.get('v1')!;
    assert.equal(r.status, 'up', r.error);
    assert.equal(r.sysName, 'parc-lab-01');
    assert.equal(r.distro, 'Debian GNU/Linux 12 (bookworm)');
    assert.ok(r.interfaces.some((i) => i.name === 'lo'));
  });

  it('SNMP v3 authPriv with the right passwords (SHA/AES and SHA-512/AES)', () => {
    for (const name of ['v3', 'v3-sha512']) {
      const r = results.get(name)!;
      assert.equal(r.status, 'up', `${name}: ${r.error}`);
      assert.equal(r.sysName, 'parc-lab-01');
      assert.ok(r.storage.length > 0);
    }
  });

  it('SNMP v3 failures say why: wrong auth password, wrong privacy password, unknown user', () => {
    const auth = results.get('v3-wrong-auth')!;
    assert.deepEqual([auth.status, auth.errorKind], ['down', 'auth']);
    assert.match(auth.error!, /authentication failed for user "parc"/);
    const priv = results.get('v3-wrong-priv')!;
    assert.equal(priv.status, 'down');
    assert.equal(priv.errorKind, 'decrypt', priv.error); // was 'timeout': the agent never answers a request it cannot decrypt (issue 13)
    assert.match(priv.error!, /wrong privacy password/);
    const unknown = results.get('v3-unknown')!;
    assert.deepEqual([unknown.status, unknown.errorKind], ['down', 'unknown-user']);
    assert.match(unknown.error!, /"nobody" is unknown/);
    for (const r of [auth, priv, unknown]) assert.ok(!/auth-pass|priv-pass|not-the-password/.test(r.error!), 'no secret in errors');
  });

  it('a device that does not answer is down with the reason; a wrong community looks the same to SNMP', () => {
    const dead = results.get('dead')!;
    assert.deepEqual([dead.status, dead.errorKind], ['down', 'timeout']);
    assert.match(dead.error!, /no SNMP answer from localhost:\d+ after 2 attempt\(s\) of 300 ms/);
    const wrong = results.get('v2-wrong')!;
    assert.deepEqual([wrong.status, wrong.errorKind], ['down', 'timeout']);
  });
});
