// Vendor sensor parsers, on small hand-made rows (index → column → value), not on any recording.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { num, rowsToSensors, type Rows } from '../../../../src/core/poll/modules/sensors/common';
import { stateNumber, domSensors as cxDom } from '../../../../src/core/poll/modules/sensors/arubaos-cx';
import { ciscoPoeSensors } from '../../../../src/core/poll/modules/sensors/cisco-poe';
import { stackSensors } from '../../../../src/core/poll/modules/sensors/cisco-redundancy';
import { suspendedSensors } from '../../../../src/core/poll/modules/sensors/ciscosb';
import { entityExtSensors } from '../../../../src/core/poll/modules/sensors/comware';
import { tenthsFahrenheitToCelsius } from '../../../../src/core/poll/modules/sensors/cyberpower';
import { opticalSensors, uwToDbm } from '../../../../src/core/poll/modules/sensors/huawei-vrp';
import { decodeStringIndex, domSensors, rpmLoss } from '../../../../src/core/poll/modules/sensors/juniper';
import { netgearTables } from '../../../../src/core/poll/modules/sensors/boxservices';
import { ipmiKind, psuSensors } from '../../../../src/core/poll/modules/sensors/supermicro';
import { ddmFlag } from '../../../../src/core/poll/modules/sensors/tplink';
import { poolHealth, zfsLayout } from '../../../../src/core/poll/modules/sensors/truenas';
import { airmaxTemperature } from '../../../../src/core/poll/modules/sensors/ubiquiti-airos';

const rows = (o: Record<string, Record<number, unknown>>): Rows => new Map(Object.entries(o).map(([i, r]) => [i, new Map(Object.entries(r).map(([k, v]) => [Number(k), v]))]));
const b = (s: string) => Buffer.from(s, 'latin1');

describe('numbers in OctetStrings', () => {
  it('decimal text is read, words are no number, binary bytes stay big-endian', () => {
    assert.equal(num(b('35.5')), 35.5);
    assert.equal(num(b(' 38% of maximum')), 38);
    assert.equal(num(b('-2.5 dBm')), -2.5);
    assert.equal(num(b('n/a')), undefined);
    assert.equal(num(b('')), undefined);
    assert.equal(num(Buffer.from([1, 0])), 256);
    assert.equal(num(42), 42);
  });
  it('enum words map back to their numbers', () => {
    const states = { 0: ['no_split', 'ok'], 1: ['fragment_active', 'warning'] } as const;
    assert.equal(stateNumber(b('fragment_active'), states as never), 1);
    assert.equal(stateNumber(0, states as never), 0);
    assert.equal(stateNumber(b('gone'), states as never), undefined);
  });
});

describe('Cisco', () => {
  it('PoE: IOS budgets by PSE id, IOS-XE used/remaining by PSE name in mW, and the PD count', () => {
    const peth = rows({ 1: { 2: 740, 4: 26 } });
    const ext = rows({ 1: { 2: b('Switch 1 - Power Supply A'), 4: 26100, 5: 713900 } });
    const ios = ciscoPoeSensors('ios', peth, ext, 3);
    assert.deepEqual(ios.map((s) => [s.description, s.value]), [['PoE Budget Total - ID 1', 740], ['PoE Budget Consumed - ID 1', 26], ['PoE Devices Connected', 3]]);
    const xe = ciscoPoeSensors('iosxe', peth, ext, undefined);
    assert.deepEqual(xe.map((s) => [s.description, s.value]), [['PoE Budget Total - ID 1', 740], ['PoE Budget Consumed - Switch 1 - Power Supply A', 26.1], ['PoE Budget Remaining - Switch 1 - Power Supply A', 713.9]]);
  });
  it('StackWise: nothing for a lone switch, members numbered in order, no ring sensor on a virtual stack', () => {
    const one = { roles: rows({ 1000: { 3: 1, 6: 4 } }), ports: rows({}), ringRedundant: 2 };
    assert.deepEqual(stackSensors(one, () => ''), []);
    assert.deepEqual(stackSensors({ ...one, maxSwitches: 1, ringRedundant: 1 }, () => ''), []);
    const stack = stackSensors({ roles: rows({ 1000: { 3: 2, 6: 4 }, 2000: { 3: 1, 6: 4 } }), ports: rows({ 5: { 1: 2 } }), ringRedundant: 1, maxSwitches: 8 }, (i) => (i === 5 ? 'StackPort1/1' : ''));
    assert.deepEqual(stack.map((s) => [s.description, s.value, s.status]), [
      ['Stack Ring - Redundant', 1, 'ok'], ['Stack Role - Switch#1', 2, 'ok'], ['Stack Role - Switch#2', 1, 'ok'],
      ['Stack State - Switch#1', 4, 'ok'], ['Stack State - Switch#2', 4, 'ok'], ['Stack Port Status - StackPort1/1', 2, 'critical']]);
    const svl = stackSensors({ roles: rows({ 1: { 3: 1 }, 2: { 3: 4 } }), ports: rows({}), ringRedundant: 2, chassisName: 'Virtual Stack' }, () => '');
    assert.ok(!svl.some((s) => s.description.startsWith('Stack Ring')));
  });
  it('Small Business: suspended state only for present Ethernet ports', () => {
    const ports = new Map([[1, { descr: 'GigabitEthernet1', operStatus: 'up' }], [1000, { descr: 'Port-Channel1', operStatus: 'notPresent' }], [2, { descr: 'GigabitEthernet2', operStatus: 'notPresent' }]]);
    const s = suspendedSensors(rows({ 1: { 24: 2 }, 2: { 24: 2 }, 1000: { 24: 2 } }), ports);
    assert.deepEqual(s.map((x) => [x.description, x.value, x.status]), [['GigabitEthernet1 Suspended Status', 2, 'ok']]);
  });
});

describe('HPE Comware', () => {
  it('temperatures of modules and sensors only, 65535 is no probe; power in W', () => {
    const temps = rows({ 1: { 12: 38 }, 2: { 12: 65535 }, 3: { 12: 40 } });
    const power = rows({ 1: { 3: 0 }, 3: { 3: 101000 } });
    const ent = new Map([['1', { name: 'Board', cls: 9 }], ['2', { name: 'Fan', cls: 7 }], ['3', { name: '5900AF', cls: 3 }]]);
    const s = entityExtSensors(temps, power, ent);
    assert.deepEqual(s.map((x) => [x.class, x.description, x.value]), [['temperature', 'Board', 38], ['power', '5900AF Power Usage', 101]]);
  });
});

describe('Huawei VRP optics', () => {
  it('µW to dBm, hundredths of dBm when the agent already gives dBm, nothing for an empty cage', () => {
    assert.equal(Math.round(uwToDbm(1000) * 1000) / 1000, 0);
    const r = rows({ 10: { 1: 2, 5: 40, 6: 3300, 7: 6290, 8: 537, 9: 591 }, 11: { 1: 2, 5: 51, 6: 3208, 7: 2195, 8: -849, 9: -575 }, 12: { 1: 1, 5: 20 } });
    const s = opticalSensors(r, (i) => `Port${i}`, () => 1);
    const get = (d: string, cls: string) => s.find((x) => x.description === d && x.class === cls)?.value;
    assert.equal(get('Port10', 'temperature'), 40);
    assert.equal(get('Port10', 'voltage'), 3.3);
    assert.equal(get('Port10', 'current'), 0.00629);
    assert.equal(Math.round(get('Port10 Rx', 'dbm')! * 100) / 100, -2.7);
    assert.equal(get('Port11 Rx', 'dbm'), -8.49);
    assert.equal(get('Port11', 'current'), 0.002195);
    assert.ok(!s.some((x) => x.description.startsWith('Port12')));
  });
});

describe('Juniper', () => {
  it('DOM readings by ifIndex and lane, zero readings left out', () => {
    const s = domSensors(rows({ 516: { 5: -2677, 6: 5684, 7: -494, 8: 26 }, 517: { 5: 0, 6: 0, 7: 0, 8: 0 } }), rows({ '516.0': { 6: -2677, 8: 0 } }), (i) => (i === 516 ? 'ge-1/0/0' : 'x'));
    assert.deepEqual(s.map((x) => [x.class, x.description, x.value]), [
      ['dbm', 'ge-1/0/0 Rx Power', -26.77], ['dbm', 'ge-1/0/0 Tx Power', -4.94], ['current', 'ge-1/0/0 Tx Current', 0.005684],
      ['temperature', 'ge-1/0/0 Temperature', 26], ['dbm', 'ge-1/0/0 lane 0 Rx Power', -26.77]]);
  });
  it('RPM: owner and test from the string index, only the last completed test', () => {
    const idx = (coll: number) => `3.${[...'KPN'].map((c) => c.charCodeAt(0)).join('.')}.4.${[...'PING'].map((c) => c.charCodeAt(0)).join('.')}.${coll}`;
    assert.deepEqual(decodeStringIndex(idx(2)), { parts: ['KPN', 'PING'], rest: [2] });
    const s = rpmLoss(rows({ [idx(1)]: { 4: 10 }, [idx(2)]: { 4: 0 }, [idx(4)]: { 4: 3 } }));
    assert.deepEqual(s.map((x) => [x.description, x.value]), [['KPN PING Probe Loss', 0]]);
  });
});

describe('small vendor parsers', () => {
  it('CyberPower: tenths of °F', () => assert.equal(tenthsFahrenheitToCelsius(683), 20.17));
  it('airMAX: temperatures some firmware scales by 10^7', () => {
    assert.equal(airmaxTemperature(66), 66);
    assert.equal(airmaxTemperature(660000000), 66);
  });
  it('TrueNAS: layout by MIB generation, pool health as number or word', () => {
    assert.equal(zfsLayout(true).arc, '1.3.6.1.4.1.50536.1.3');
    assert.equal(zfsLayout(false).zil, '1.3.6.1.4.1.50536.1.6');
    assert.equal(poolHealth(b('ONLINE')), 0);
    assert.equal(poolHealth(b('DEGRADED')), 1);
    assert.equal(poolHealth(2), 2);
  });
  it('TP-Link DDM flags are words', () => {
    assert.equal(ddmFlag(b('False')), 0);
    assert.equal(ddmFlag(b('True')), 1);
    assert.equal(ddmFlag(b('N/A')), undefined);
  });
  it('Supermicro: an IPMI sensor\'s kind from its name; PSU readings, fans at 0 rpm left out', () => {
    assert.equal(ipmiKind('CPU Temp', 5), 'temperature');
    assert.equal(ipmiKind('DIMMA2 Temp', 0), undefined);
    assert.equal(ipmiKind('FAN1', 300), 'fanspeed');
    assert.equal(ipmiKind('12V', 0), 'voltage');
    assert.equal(ipmiKind('VBAT', 0), 'vbat');
    assert.equal(ipmiKind('Chassis Intru', 0), 'intrusion');
    assert.equal(ipmiKind('PS1 Status', 0), undefined);
    assert.equal(ipmiKind('Mem Status', 0), 'status');
    const s = psuSensors(rows({ 1: { 2: 1, 3: 207, 5: 67, 11: 6368, 12: 0 } }));
    assert.deepEqual(s.map((x) => [x.class, x.description, x.value]), [
      ['state', 'PSU 1 Status', 1], ['voltage', 'PSU 1 Input Voltage', 207], ['power', 'PSU 1 Input Power', 67], ['fanspeed', 'PSU 1 Fan 1', 6368]]);
  });
  it('Netgear box services: unit.item indexes name the sensors', () => {
    const [temp, fan] = netgearTables('x');
    assert.deepEqual(rowsToSensors(rows({ '1.0': { 5: 23 } }), temp).map((x) => [x.description, x.value]), [['Switch 1 Sensor 0 Temperature', 23]]);
    assert.deepEqual(rowsToSensors(rows({ '2.3': { 3: 3 } }), fan).map((x) => [x.description, x.status]), [['Switch 2 Fan 3 State', 'critical']]);
  });
  it('AOS-CX transceivers: decimal text readings, n/a skipped, mW to dBm per lane', () => {
    const s = cxDom(rows({ 27: { 1: b('1/1/27'), 2: b('33.6797'), 11: b('3.2258') } }), rows({ '27.1': { 2: b('6.5540'), 7: b('0.6451'), 12: b('0.5537') }, '9.1': { 2: b(''), 7: b('n/a'), 12: b('') } }), (i) => `1/1/${i}`);
    assert.deepEqual(s.map((x) => [x.class, x.description, Math.round(x.value! * 1000) / 1000]), [
      ['temperature', '1/1/27 Temperature', 33.68], ['voltage', '1/1/27 Voltage', 3.226], ['current', '1/1/27 TX Bias', 0.007],
      ['dbm', '1/1/27 Lane 1 RX Power', -2.567], ['dbm', '1/1/27 Lane 1 TX Power', -1.904]]);
  });
});
