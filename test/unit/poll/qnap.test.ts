// QNAP: recognition behind net-snmp's Linux sysObjectID, firmware text, OS name, and the NAS-MIB sensor rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectOs, probeOidsFor } from '../../../src/core/poll/os-detect';
import { osNameOf } from '../../../src/core/poll/modules/inventory/os-name';
import { qnapFirmware } from '../../../src/core/poll/modules/inventory/qnap';
import { qnapSensors } from '../../../src/core/poll/modules/sensors/qnap';
import type { Rows } from '../../../src/core/poll/modules/sensors/common';

const NAS_MIB = '1.3.6.1.4.1.24681.1';
const ENT_MFG = '1.3.6.1.2.1.47.1.1.1.1.12';
const rows = (r: Record<string, Record<number, unknown>>): Rows =>
  new Map(Object.entries(r).map(([i, cols]) => [i, new Map(Object.entries(cols).map(([c, v]) => [Number(c), v]))]));
const none: Rows = new Map();

describe('QNAP recognition', () => {
  const netSnmp = ['1.3.6.1.4.1.8072.3.2.10', 'Linux NAS5F2A1C 5.10.60-qnap #1 SMP Thu Jan 18 02:14:09 CST 2024 x86_64'] as const;
  it('asks for NAS-MIB in the identity probe of a net-snmp Linux host, with Synology\'s', () => {
    const probes = probeOidsFor(...netSnmp);
    assert.ok(probes.includes(NAS_MIB) && probes.includes('1.3.6.1.4.1.6574.1'), probes.join());
    assert.equal(detectOs(...netSnmp).os, 'linux', 'without the probe answer: plain Linux');
    assert.equal(detectOs(...netSnmp, new Set()).os, 'linux', 'no NAS-MIB: plain Linux');
    assert.deepEqual(detectOs(...netSnmp, new Set([NAS_MIB])), { os: 'qnap', vendor: 'QNAP' });
  });
  it('takes a Linux sysDescr with another sysObjectID, and "Linux TS-…" with QNAP\'s ENTITY-MIB as LibreNMS does', () => {
    assert.equal(detectOs('1.3.6.1.4.1.99999.1', 'Linux NAS01 4.14.24-qnap', new Set([NAS_MIB])).os, 'qnap');
    const ts = ['1.3.6.1.4.1.8072.3.2.10', 'Linux TS-453D 5.10.60-qnap #1 SMP x86_64'] as const;
    assert.ok(probeOidsFor(...ts).includes(ENT_MFG));
    assert.ok(!probeOidsFor(...netSnmp).includes(ENT_MFG), 'ENTITY-MIB is asked only of "Linux TS-" hosts');
    assert.equal(detectOs(...ts, new Set([ENT_MFG])).os, 'qnap');
  });
  it('takes QNAP\'s newer enterprise (QTS-MIB) the same way', () => {
    assert.ok(probeOidsFor(...netSnmp).includes('1.3.6.1.4.1.55062'));
    assert.equal(detectOs(...netSnmp, new Set(['1.3.6.1.4.1.55062'])).os, 'qnap');
    assert.equal(detectOs('1.3.6.1.4.1.55062.2', 'Linux NAS01 5.10.60-qnap').os, 'qnap');
  });
  it('keeps the enterprise sysObjectID rule, and Synology first', () => {
    assert.equal(detectOs('1.3.6.1.4.1.24681', 'Linux TS-251 3.4.6').os, 'qnap');
    assert.equal(detectOs(...netSnmp, new Set([NAS_MIB, '1.3.6.1.4.1.6574.1'])).os, 'dsm');
  });
});

describe('QNAP identity', () => {
  it('strips the quoting some firmware puts around entPhysicalFirmwareRev', () => {
    assert.equal(qnapFirmware('\\"5.1.4.2596'), '5.1.4.2596');
    assert.equal(qnapFirmware('"h5.1.2.2534"'), 'h5.1.2.2534');
    assert.equal(qnapFirmware(''), undefined);
  });
  it('names QTS and QuTS hero (whose releases start with h)', () => {
    assert.equal(osNameOf({ os: 'qnap', version: '5.1.4.2596' }), 'QNAP QTS 5.1.4.2596');
    assert.equal(osNameOf({ os: 'qnap', version: 'h5.1.2.2534' }), 'QNAP QuTS hero 5.1.2.2534');
    assert.equal(osNameOf({ os: 'qnap' }), 'QNAP QTS');
  });
});

describe('QNAP NAS-MIB sensors', () => {
  it('names them as LibreNMS does and leaves out -1 readings', () => {
    const s = qnapSensors({
      enclosure: rows({ 1: { 2: 0, 7: 41 }, 2: { 2: 1, 7: -1 } }),
      cpu: rows({ 0: { 0: -1 } }),
      power: rows({ 1: { 2: 1, 3: 0, 4: -1, 5: 0, 6: 40 } }),
      disk: rows({ 1: { 3: 0, 5: 2, 6: -1, 8: Buffer.from('ST4000VN008-2DR166') } }),
      fan: rows({ 1: { 4: 0, 5: -1 }, 2: { 4: -1, 5: 980 } }),
      legacyDisk: rows({ 1: { 4: -6 }, 2: { 4: -4 } }),
    });
    assert.deepEqual(s.map((d) => [d.class, d.description, d.value, d.status]), [
      ['temperature', 'Enclosure 0', 41, undefined],
      ['temperature', 'Enclosure 0 PSU 1', 40, undefined],
      ['fanspeed', 'FAN 2', 980, undefined],
      ['fanspeed', 'PSU 1', 0, undefined],
      ['state', 'Disk 1', -6, 'critical'], ['state', 'Disk 2', -4, 'unknown'],
      ['state', 'Disk 1', 2, 'critical'],
      ['state', 'FAN 1', 0, 'ok'], ['state', 'FAN 2', -1, 'critical'],
      ['state', 'PSU 1', -1, 'critical'],
    ]);
  });
  it('gives nothing for an agent without the tables', () => {
    assert.deepEqual(qnapSensors({ enclosure: none, cpu: none, power: none, disk: none, fan: none, legacyDisk: none }), []);
  });
});
