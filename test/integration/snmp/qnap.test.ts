// QNAP NAS polled from our own recordings through snmpsim: recognised behind net-snmp's Linux sysObjectID by the
// NAS-MIB probe, identity from the enclosure table and ENTITY-MIB, sensors as LibreNMS names them.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DevicePoll } from '../../../src/core/poll/types';
import { pollRecords, type PolledRecords } from '../../support/poll-records';
import { qnapHeroRecord, qnapLegacyRecord, qnapQts5Record } from '../../fixtures/snmprec/qnap';

const sensors = (p: DevicePoll, cls: string) => (p.sensors ?? []).filter((s) => s.class === cls).map((s) => [s.description, s.value]);

describe('QNAP NAS through snmpsim', () => {
  let polled: PolledRecords | undefined;
  let polls = new Map<string, DevicePoll>();
  before(async () => {
    const records = { qts5: qnapQts5Record(), legacy: qnapLegacyRecord(), hero: qnapHeroRecord() };
    polled = await pollRecords(records);
    polls = polled.polls;
  });
  after(async () => {
    await polled?.sim.stop();
  });

  it('recognises a QTS 5 NAS behind the net-snmp sysObjectID, with model, serial and firmware', () => {
    const p = polls.get('qts5')!;
    assert.equal(p.status, 'up', p.error);
    assert.equal(p.moduleErrors, undefined);
    assert.deepEqual([p.os, p.vendor, p.hardware, p.serial, p.version, p.osName], ['qnap', 'QNAP', 'TS-873AeU-RP', 'Q23BI04127', '5.1.4.2596', 'QNAP QTS 5.1.4.2596']);
    assert.deepEqual(p.storage!.map((s) => s.description), ['/', '/share/CACHEDEV1_DATA']);
    assert.equal(p.processors!.length, 4);
    assert.deepEqual(p.mempools!.map((m) => m.description), ['Physical memory', 'Virtual memory', 'Memory buffers', 'Cached memory', 'Shared memory', 'Swap space']);
  });

  it('reads the QTS 5 temperatures, fans and states as LibreNMS names them', () => {
    const p = polls.get('qts5')!;
    assert.deepEqual(sensors(p, 'temperature'), [
      ['Enclosure 0', 38], ['CPU', 51], ['Enclosure 0 PSU 1', 35], ['Enclosure 0 PSU 2', 36],
      ['Disk 1 WDC WD40EFZX-68AWUN0', 34], ['Disk 2 WDC WD40EFZX-68AWUN0', 35], ['Disk 3 WDC WD40EFZX-68AWUN0', 37], ['Disk 4 WDC WD40EFZX-68AWUN0', 36],
    ]);
    assert.deepEqual(sensors(p, 'fanspeed'), [['FAN 1', 5520], ['FAN 2', 5580], ['FAN 3', 5610], ['PSU 1', 5760], ['PSU 2', 5880]]);
    const states = (p.sensors ?? []).filter((s) => s.class === 'state').map((s) => [s.description, s.value, s.status]);
    assert.deepEqual(states, [
      // legacy hdStatus, one per bay (empty bays are "No Disk")
      ['Disk 1', 0, 'ok'], ['Disk 2', 0, 'ok'], ['Disk 3', 0, 'ok'], ['Disk 4', 0, 'ok'],
      ['Disk 5', -5, 'unknown'], ['Disk 6', -5, 'unknown'], ['Disk 7', -5, 'unknown'], ['Disk 8', -5, 'unknown'],
      // S.M.A.R.T. of the disks present
      ['Disk 1', 0, 'ok'], ['Disk 2', 0, 'ok'], ['Disk 3', 1, 'warning'], ['Disk 4', 0, 'ok'],
      ['FAN 1', 0, 'ok'], ['FAN 2', 0, 'ok'], ['FAN 3', 0, 'ok'], ['PSU 1', 0, 'ok'], ['PSU 2', 0, 'ok'],
    ]);
  });

  it('recognises an older NAS with only the legacy tree: model from modelName, bay states', () => {
    const p = polls.get('legacy')!;
    assert.equal(p.status, 'up', p.error);
    assert.equal(p.moduleErrors, undefined);
    assert.deepEqual([p.os, p.hardware, p.serial, p.version], ['qnap', 'TS-459U-RP', undefined, undefined]);
    assert.deepEqual(p.storage!.map((s) => s.description), ['/', '/share/MD0_DATA']);
    assert.equal(p.processors!.length, 2);
    assert.equal(p.mempools!.length, 5);
    assert.equal(p.osName, 'QNAP QTS');
    assert.deepEqual((p.sensors ?? []).map((s) => [s.class, s.description, s.value, s.status]), [
      ['state', 'Disk 1', 0, 'ok'], ['state', 'Disk 2', 0, 'ok'], ['state', 'Disk 3', -5, 'unknown'], ['state', 'Disk 4', -9, 'critical'],
    ]);
  });

  it('recognises QuTS hero serving only the newer QTS-MIB, identity from it', () => {
    const p = polls.get('hero')!;
    assert.equal(p.status, 'up', p.error);
    assert.equal(p.moduleErrors, undefined);
    assert.deepEqual([p.os, p.hardware, p.serial, p.version, p.osName], ['qnap', 'TS-h973AX', 'Q22AH07731', 'h5.1.2.2534', 'QNAP QuTS hero 5.1.2.2534']);
    assert.equal(p.processors!.length, 6);
    assert.equal(p.sensors, undefined, 'no NAS-MIB: no NAS-MIB sensors');
  });
});
