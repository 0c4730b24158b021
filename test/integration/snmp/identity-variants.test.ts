// Model, serial and release from the places LibreNMS reads them on device generations the corpus lacks, polled
// from our own recordings (test/fixtures/snmprec/identity-variants.ts) served by snmpsim.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SnmpPoller } from '../../../src/core/poll/poller';
import type { DevicePoll } from '../../../src/core/poll/types';
import { MapSecrets } from '../../support/estate';
import { startSnmpsim, type RunningSnmpsim } from '../../support/snmpsim';
import * as fx from '../../fixtures/snmprec/identity-variants';

describe('identity of device generations beyond the recordings', () => {
  let sim: RunningSnmpsim;
  const polls = new Map<string, DevicePoll>();
  before(async () => {
    const records = {
      'vrp-unpatched': fx.vrpRecord(), 'vrp-patched': fx.vrpRecord('V200R019SPH011'), 'junos-evo': fx.junosEvoRecord(),
      procurve: fx.procurveRecord(), 'apc-ats': fx.apcAtsRecord(), 'cisco-stack': fx.ciscoStackRecord(),
      'fortigate-rugged': fx.fortigateRuggedRecord(), idrac9: fx.idrac9Record(), supermicro: fx.supermicroRecord(),
      'connect-ups': fx.connectUpsRecord(), 'unifi-dot11': fx.unifiDot11Record(), laserjet: fx.laserjetRecord(),
      edgerouter: fx.edgeRouterRecord(), 'dell-laser': fx.dellLaserRecord(),
    };
    sim = await startSnmpsim({ records });
    const names = Object.keys(records);
    const poller = new SnmpPoller({ secrets: new MapSecrets(Object.fromEntries(names.map((n) => [n, n]))), concurrency: 4 });
    const results = await poller.poll(names.map((n) => ({
      device: { host: '127.0.0.1', port: sim.port, name: n, line: 0 },
      profile: { name: n, version: '2c', credential: n, timeoutMs: 3000, retries: 1 },
    })));
    for (const r of results) polls.set(r.name!, r);
  });
  after(async () => {
    await sim?.stop();
  });

  const identity = (name: string) => {
    const p = polls.get(name)!;
    assert.equal(p.status, 'up', p.error);
    return { os: p.os, hardware: p.hardware, serial: p.serial, version: p.version };
  };

  it('Huawei VRP: the running patch after the release; without one, not the board state the agent answers next', () => {
    assert.equal(identity('vrp-patched').version, '5.170 (V200R019C10SPC500) [V200R019SPH011]');
    assert.equal(identity('vrp-unpatched').version, '5.170 (V200R019C10SPC500)');
  });
  it('Junos Evolved: the release of the first installed package', () => {
    assert.deepEqual(identity('junos-evo'), { os: 'junos', hardware: 'Juniper PTX10001-36MR', serial: 'JN1234567ABC', version: '23.4R2-S2.1-EVO' });
  });
  it('ProCurve/ArubaOS-Switch: the running release and the serial from the HP switch MIBs', () => {
    assert.deepEqual(identity('procurve'), { os: 'procurve', hardware: 'JL258A 2930F-8G-PoE+-2SFP+', serial: 'SG99KN1234', version: 'WC.16.11.0012' });
  });
  it('APC transfer switch: atsIdent model, revision and serial; the card software table', () => {
    assert.deepEqual(identity('apc-ats'), { os: 'apc', hardware: 'AP4423 R01', serial: '5A1234E00001', version: 'AOS v6.9.6 / App v6.9.4' });
  });
  it('Cisco named stack: the second member names the model, the first stack member gives the serial', () => {
    assert.deepEqual(identity('cisco-stack'), { os: 'iosxe', hardware: 'WS-C3850-24P', serial: 'FOC1111X111', version: '03.06.08E' });
  });
  it('FortiGate Rugged: ENTITY-MIB model spelled out', () => {
    assert.deepEqual(identity('fortigate-rugged'), { os: 'fortigate', hardware: 'FortiGate Rugged 60F', serial: 'FR60FTK21000001', version: 'v7.2.8,build1639,240313 (GA.M)' });
  });
  it('iDRAC9: the server model and the controller firmware from IDRAC-MIB-SMIv2', () => {
    assert.deepEqual(identity('idrac9'), { os: 'drac', hardware: 'PowerEdge R650', serial: '7XK9AB3', version: '7.00.30.00' });
  });
  it('Supermicro BMC: major.minor.build', () => {
    assert.equal(identity('supermicro').version, '1.5.3');
  });
  it('ConnectUPS: serial from upsIdentName', () => {
    assert.deepEqual(identity('connect-ups'), { os: 'eatonups', hardware: 'Powerware 9355 20 kVA', serial: 'GG435A0270', version: 'INV: 2.31 NET: 4.50' });
  });
  it('UniFi without the UniFi MIB: 802.11 product name and release', () => {
    const id = identity('unifi-dot11');
    assert.deepEqual([id.os, id.hardware, id.version], ['unifi', 'UAP-AC-LR', 'v4.3.28.11361']);
  });
  it('LaserJet: MODEL: from the device ID without brand and "Series", ROM revision, HP serial', () => {
    assert.deepEqual(identity('laserjet'), { os: 'jetdirect', hardware: 'LaserJet Pro M404', serial: 'PHBBB12345', version: '002.2311A' });
  });
  it('EdgeOS: the router model from the discovery daemon, the release from the banner or the EdgeMAX MIB', () => {
    assert.deepEqual([identity('edgerouter').os, identity('edgerouter').hardware], ['edgeos', 'EdgeRouter 4']);
  });
  it('Dell laser: the device ID\'s model and the engine firmware', () => {
    assert.deepEqual(identity('dell-laser'), { os: 'dell-laser', hardware: 'Dell C3760dn Color Laser', serial: '7XQ1R92', version: 'NH41.YR.N455' });
  });
});
