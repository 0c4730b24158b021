// Recordings of real devices (../shared/corpus/snmprec) served by Debian's snmpsim, polled by Parc.
// What Parc reports is checked against an independent reading of each recording file.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SnmpPoller } from '../../../src/core/poll/poller';
import type { DevicePoll } from '../../../src/core/poll/types';
import { corpusRecordings, readSnmprec, startSnmpsim, type RunningSnmpsim } from '../../support/snmpsim';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { profileFor } from '../../../src/core/inventory/parse';

// What each recorded device is, from the corpus's SOURCES.md, as LibreNMS's os names.
const EXPECTED_OS: Record<string, string> = {
  'librenms-snmpsim_airos': 'airos',
  // A NetBotz 200 behind an APC PowerNet card (318.1.3.8.4): LibreNMS keeps it with APC; its netbotz os is 5528's.
  'librenms-snmpsim_apc-netbotz200': 'apc',
  'librenms-snmpsim_brother-nc7700w': 'brother',
  'librenms-snmpsim_ciscoasa': 'asa',
  'librenms-snmpsim_eaton-powerxpert': 'eatonups',
  'librenms-snmpsim_hp-lj500': 'jetdirect',
  'librenms-snmpsim_synology-ds1515': 'dsm',
  'librenms-snmpsim_tripplite': 'poweralert',
  'librenms-snmpsim_unifi-ac-pro-gen2': 'unifi',
  'librenms-snmpsim_mimosa-b5c': 'mimosa',
  'librenms-snmpsim_oracle-ilom': 'oracle-ilom',
  'librenms-snmpsim_dragonflybsd': 'dragonfly',
  'snmpsim-data_windows-server-2003-5-2': 'windows',
  'snmpsim-data_windows-xp': 'windows',
  'snmpsim-data_paloalto-pa-5000': 'panos',
  'snmpsim-data_apc-8932': 'apc',
  // The x3550 M3's IMM (a MIPS Linux answering with net-snmp's sysObjectID) carries IBM's IMM subtree.
  'snmpsim-data_linux-ibm-x3550-m3': 'ibm-imm',
};

const files = corpusRecordings();

describe('real device recordings served by snmpsim', { skip: files.length ? false : 'no ../shared/corpus/snmprec beside the project' }, () => {
  let sim: RunningSnmpsim;
  const polls = new Map<string, DevicePoll>();
  before(async () => {
    sim = await startSnmpsim({ files });
    const names = files.map((f) => path.basename(f, '.snmprec'));
    // snmpsim picks the recording by community; one device entry per recording (distinct host names on loopback).
    const inv = inventoryFrom(`snmp:
  profiles:
${names.map((n) => `    ${n}: { version: 2c, credential: ${n}, timeoutMs: 4000, retries: 2 }`).join('\n')}
devices:
${names.map((n, i) => `  - { host: 127.0.${Math.floor(i / 250)}.${(i % 250) + 1}, port: ${sim.port}, name: ${n}, profile: ${n} }`).join('\n')}
`);
    // snmpsim listens on 127.0.0.1 only: point every entry there while keeping them distinct in the inventory.
    const targets = inv.devices.map((device) => ({ device: { ...device, host: '127.0.0.1' }, profile: profileFor(inv, device) }));
    const poller = new SnmpPoller({ secrets: new MapSecrets(Object.fromEntries(names.map((n) => [n, n]))), concurrency: 4 });
    for (const p of await poller.poll(targets)) polls.set(p.name!, p);
  });
  after(() => sim?.stop());

  for (const file of files) {
    const name = path.basename(file, '.snmprec');
    it(`${name}: identity, interfaces, storage and processors match the recording`, () => {
      const rec = readSnmprec(file);
      const p = polls.get(name)!;
      assert.equal(p.status, 'up', p.error);
      const oid = rec.get('1.3.6.1.2.1.1.2.0')?.[1];
      if (oid) assert.equal(p.sysObjectID, oid);
      const rows = (prefix: string) => [...rec.keys()].filter((k) => k.startsWith(prefix)).length;
      assert.equal(p.interfaces.length, new Set([...rec.keys()].filter((k) => k.startsWith('1.3.6.1.2.1.2.2.1.')).map((k) => k.split('.').slice(10).join('.'))).size);
      // hrStorage rows are split: filesystems into storage, RAM/virtual memory into memory pools; none is in both.
      const hrRows = new Set([...rec.keys()].filter((k) => k.startsWith('1.3.6.1.2.1.25.2.3.1.')).map((k) => k.split('.').slice(11).join('.')));
      const hrType = (i: string) => rec.get(`1.3.6.1.2.1.25.2.3.1.2.${i}`)?.[1].split('.').pop();
      const hrPools = (p.mempools ?? []).filter((m) => m.source === 'hr');
      assert.ok(p.storage.length + hrPools.length <= hrRows.size, `${p.storage.length} + ${hrPools.length} of ${hrRows.size} rows`);
      for (const s of p.storage) assert.ok(hrRows.has(String(s.index)) && !['1', '2', '3'].includes(hrType(String(s.index))!), `${s.description} is a filesystem`);
      for (const i of hrRows) {
        const size = Number(rec.get(`1.3.6.1.2.1.25.2.3.1.5.${i}`)?.[1] ?? 0);
        if (hrType(i) === '2' && size > 0) assert.ok(hrPools.some((m) => m.index === `hr.${i}`), `RAM row ${i} is a memory pool`);
      }
      // HOST-RESOURCES processors, each named; a vendor CPU table, where one applies, replaces them.
      if (p.processors.every((c) => c.source === 'hr')) assert.equal(p.processors.length, rows('1.3.6.1.2.1.25.3.3.1.2.'));
      for (const c of p.processors) assert.ok(c.description && !/^\d+$/.test(c.description), JSON.stringify(c));
      for (const i of p.interfaces) {
        assert.ok(['up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'].includes(i.operStatus), `${i.name} ${i.operStatus}`);
        assert.ok(i.inOctets === undefined || i.inOctets >= 0);
      }
      for (const s of p.storage) assert.ok(s.sizeBytes >= 0 && s.usedBytes >= 0, JSON.stringify(s));
      if (EXPECTED_OS[name]) assert.equal(p.os, EXPECTED_OS[name], `${p.sysObjectID} / ${p.sysDescr?.slice(0, 80)}`);
    });
  }
});
