// Sensor modules against snmpsim serving small recordings written for this test (values chosen here, OIDs from
// ENTITY-SENSOR-MIB, CISCO-ENTITY-SENSOR-MIB, CISCO-ENVMON-MIB, CISCO-ENTITY-FRU-CONTROL-MIB, UPS-MIB, Printer-MIB,
// WLSX-USER-MIB, DELL-RAC-MIB, IDRAC-MIB).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SnmpPoller } from '../../../src/core/poll/poller';
import type { DevicePoll, SensorInfo } from '../../../src/core/poll/types';
import { startSnmpsim, type RunningSnmpsim } from '../../support/snmpsim';
import { MapSecrets } from '../../support/estate';

const hex = (s: string) => Buffer.from(s).toString('hex');
const sys = (oid: string, descr: string) => [
  `1.3.6.1.2.1.1.1.0|4|${descr}`, `1.3.6.1.2.1.1.2.0|6|${oid}`, '1.3.6.1.2.1.1.3.0|67|123456', '1.3.6.1.2.1.1.5.0|4|dev',
];
const RECORDS: Record<string, string[]> = {
  // A Cisco switch: two ENTITY-SENSOR rows, Cisco's entity sensors with thresholds, ENVMON and FRU tables.
  cisco: [
    ...sys('1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9'),
    '1.3.6.1.2.1.47.1.1.1.1.2.1000|4|Switch 1', '1.3.6.1.2.1.47.1.1.1.1.2.1010|4|Temp: Inlet', '1.3.6.1.2.1.47.1.1.1.1.2.1020|4|Rx Power Sensor',
    '1.3.6.1.2.1.47.1.1.1.1.2.1030|4|PSU A',
    '1.3.6.1.2.1.47.1.1.1.1.4.1000|2|0', '1.3.6.1.2.1.47.1.1.1.1.4.1010|2|1000', '1.3.6.1.2.1.47.1.1.1.1.4.1020|2|1000', '1.3.6.1.2.1.47.1.1.1.1.4.1030|2|1000',
    '1.3.6.1.2.1.47.1.1.1.1.7.1000|4|Switch 1', `1.3.6.1.2.1.47.1.1.1.1.7.1010|4x|${hex('Slot 1 - Temp: Inlet')}`,
    '1.3.6.1.2.1.47.1.1.1.1.7.1020|4|Gi1/0/49 Rx Power Sensor', '1.3.6.1.2.1.47.1.1.1.1.7.1030|4|Switch 1 - Power Supply A',
    // entPhySensorTable: 1010 temperature 41.5 °C (units, precision 1); 1020 "other" optical power -7.3
    '1.3.6.1.2.1.99.1.1.1.1.1010|2|8', '1.3.6.1.2.1.99.1.1.1.1.1020|2|1',
    '1.3.6.1.2.1.99.1.1.1.2.1010|2|9', '1.3.6.1.2.1.99.1.1.1.2.1020|2|9',
    '1.3.6.1.2.1.99.1.1.1.3.1010|2|1', '1.3.6.1.2.1.99.1.1.1.3.1020|2|1',
    '1.3.6.1.2.1.99.1.1.1.4.1010|2|415', '1.3.6.1.2.1.99.1.1.1.4.1020|2|-73',
    '1.3.6.1.2.1.99.1.1.1.5.1010|2|1', '1.3.6.1.2.1.99.1.1.1.5.1020|2|1',
    // CISCO-ENTITY-SENSOR: 1010 celsius 41.5 with minor/critical upper thresholds, the minor one crossed
    '1.3.6.1.4.1.9.9.13.1.3.1.2.1|4|Chassis Inlet', '1.3.6.1.4.1.9.9.13.1.3.1.3.1|66|39', '1.3.6.1.4.1.9.9.13.1.3.1.4.1|2|60',
    '1.3.6.1.4.1.9.9.13.1.3.1.6.1|2|1',
    '1.3.6.1.4.1.9.9.13.1.4.1.2.1|4|Fan 1', '1.3.6.1.4.1.9.9.13.1.4.1.2.2|4|Fan 2', '1.3.6.1.4.1.9.9.13.1.4.1.3.1|2|1', '1.3.6.1.4.1.9.9.13.1.4.1.3.2|2|6',
    '1.3.6.1.4.1.9.9.13.1.5.1.2.1|4|PS A', '1.3.6.1.4.1.9.9.13.1.5.1.3.1|2|1',
    '1.3.6.1.4.1.9.9.91.1.1.1.1.1.1010|2|8', '1.3.6.1.4.1.9.9.91.1.1.1.1.2.1010|2|9', '1.3.6.1.4.1.9.9.91.1.1.1.1.3.1010|2|1',
    '1.3.6.1.4.1.9.9.91.1.1.1.1.4.1010|2|415', '1.3.6.1.4.1.9.9.91.1.1.1.1.5.1010|2|1',
    '1.3.6.1.4.1.9.9.91.1.2.1.1.2.1010.1|2|10', '1.3.6.1.4.1.9.9.91.1.2.1.1.2.1010.2|2|30',
    '1.3.6.1.4.1.9.9.91.1.2.1.1.3.1010.1|2|4', '1.3.6.1.4.1.9.9.91.1.2.1.1.3.1010.2|2|4',
    '1.3.6.1.4.1.9.9.91.1.2.1.1.4.1010.1|2|400', '1.3.6.1.4.1.9.9.91.1.2.1.1.4.1010.2|2|550',
    '1.3.6.1.4.1.9.9.91.1.2.1.1.5.1010.1|2|1', '1.3.6.1.4.1.9.9.91.1.2.1.1.5.1010.2|2|2',
    '1.3.6.1.4.1.9.9.117.1.1.2.1.2.1030|2|2',
  ],
  // A UPS behind net-snmp: UPS-MIB only, on battery.
  ups: [
    ...sys('1.3.6.1.4.1.8072.3.2.10', 'Linux ups 4.19'),
    '1.3.6.1.2.1.33.1.2.1.0|2|3', '1.3.6.1.2.1.33.1.2.2.0|2|600', '1.3.6.1.2.1.33.1.2.3.0|2|12', '1.3.6.1.2.1.33.1.2.4.0|2|40',
    '1.3.6.1.2.1.33.1.2.5.0|2|545', '1.3.6.1.2.1.33.1.2.7.0|2|31',
    '1.3.6.1.2.1.33.1.3.3.1.2.1|2|0', '1.3.6.1.2.1.33.1.3.3.1.3.1|2|0',
    '1.3.6.1.2.1.33.1.4.1.0|2|5', '1.3.6.1.2.1.33.1.4.2.0|2|500',
    '1.3.6.1.2.1.33.1.4.4.1.2.1|2|230', '1.3.6.1.2.1.33.1.4.4.1.3.1|2|22', '1.3.6.1.2.1.33.1.4.4.1.4.1|2|400', '1.3.6.1.2.1.33.1.4.4.1.5.1|2|37',
  ],
  // An ArubaOS mobility controller with 3 VPN users (WLSX-USER-MIB wlsxNumOfUsersVPN).
  arubaos: [
    ...sys('1.3.6.1.4.1.14823.1.1.39', 'ArubaOS (MODEL: Aruba7005), Version 8.6.0.4 (74969)'),
    '1.3.6.1.4.1.14823.2.2.1.4.1.4.1.0|66|12', '1.3.6.1.4.1.14823.2.2.1.4.1.4.2.0|66|3',
  ],
  // A blade chassis CMC (DELL-RAC-MIB): rollups, two populated slots of four, rows that are no slot, an IDSDM.
  cmc: [
    ...sys('1.3.6.1.4.1.674.10892.2', 'Dell Chassis Management Controller'),
    '1.3.6.1.4.1.674.10892.2.2.1.0|2|3', '1.3.6.1.4.1.674.10892.2.3.1.6.0|2|4', '1.3.6.1.4.1.674.10892.2.3.1.9.0|2|3',
    ...[[3, 'SLOT-01', '1', 'PowerEdge M630'], [2, 'N/A', 'N/A', 'N/A'], [4, 'SLOT-02', '2', 'PowerEdge M640'], [1, 'SLOT-03', '3', 'N/A']]
      .flatMap(([cap, name, n, model], k) => [[2, cap], [4, name], [5, n], [7, model]].map(([c, v]) => ({ c: c as number, k, v })))
      .sort((a, b) => a.c - b.c || a.k - b.k)
      .map(({ c, k, v }) => `1.3.6.1.4.1.674.10892.2.5.1.1.${c}.${k + 1}|${c === 2 ? 2 : 4}|${v}`),
    '1.3.6.1.4.1.674.10892.5.4.200.10.1.58.1|2|3', '1.3.6.1.4.1.674.10892.5.4.200.10.1.60.1|2|4',
  ],
  // A plain Linux host: none of these MIBs, so no sensors at all.
  host: sys('1.3.6.1.4.1.8072.3.2.10', 'Linux web01 6.1.0-18-amd64'),
};

const find = (p: DevicePoll, cls: string, descr: string): SensorInfo | undefined => p.sensors?.find((s) => s.class === cls && s.description === descr);

describe('sensor modules against snmpsim', () => {
  let sim: RunningSnmpsim;
  const polls = new Map<string, DevicePoll>();
  before(async () => {
    sim = await startSnmpsim({ records: RECORDS });
    const poller = new SnmpPoller({ secrets: new MapSecrets(Object.fromEntries(Object.keys(RECORDS).map((k) => [k, k]))), concurrency: 4 });
    const targets = Object.keys(RECORDS).map((k) => ({
      device: { host: '127.0.0.1', port: sim.port, name: k, line: 0 },
      profile: { name: k, version: '2c' as const, credential: k, timeoutMs: 3000, retries: 1 },
    }));
    for (const p of await poller.poll(targets)) polls.set(p.name!, p);
  });
  after(async () => sim?.stop());

  it('ENTITY-SENSOR-MIB: scaled readings named by entPhysicalName; optical "other" sensors as dBm', () => {
    const p = polls.get('cisco')!;
    assert.equal(p.moduleErrors, undefined);
    // Entity 1010 is also in CISCO-ENTITY-SENSOR-MIB, which wins (next test); the optical reading is only here.
    assert.deepEqual(find(p, 'dbm', 'Gi1/0/49 Rx Power'), {
      class: 'dbm', index: 'entity.1020', description: 'Gi1/0/49 Rx Power', value: -7.3, unit: 'dBm', source: 'entity',
    });
  });

  it('CISCO-ENTITY-SENSOR: thresholds become limits, the crossed minor one makes a warning', () => {
    // No entSensorMeasuredEntity in this agent: the name is the entity's, "Temp: " dropped.
    const s = find(polls.get('cisco')!, 'temperature', 'Slot 1 - Inlet');
    assert.ok(s, JSON.stringify(polls.get('cisco')!.sensors));
    // The same entity's ENTITY-SENSOR-MIB reading is not counted a second time.
    assert.deepEqual(polls.get('cisco')!.sensors!.filter((x) => x.index.endsWith('.1010')).map((x) => x.source), ['cisco-entity']);
    assert.equal(s.value, 41.5);
    assert.equal(s.limitHigh, 55);
    assert.equal(s.limitHighWarn, 40);
    assert.equal(s.status, 'warning');
  });

  it('CISCO-ENVMON: temperature with threshold, fan and PSU states with the device\'s words', () => {
    const p = polls.get('cisco')!;
    assert.deepEqual(find(p, 'temperature', 'Chassis Inlet'), {
      class: 'temperature', index: 'cisco-envmon.temp.1', description: 'Chassis Inlet', value: 39, limitHigh: 60, status: 'ok', unit: '°C', source: 'cisco-envmon',
    });
    assert.equal(find(p, 'state', 'Chassis Inlet')?.stateText, 'normal');
    assert.deepEqual([find(p, 'state', 'Fan 1')?.status, find(p, 'state', 'Fan 2')?.status, find(p, 'state', 'Fan 2')?.stateText], ['ok', 'critical', 'notFunctioning']);
    assert.equal(find(p, 'state', 'PS A')?.value, 1);
  });

  it('CISCO-ENTITY-FRU-CONTROL: power supply state named from ENTITY-MIB', () => {
    const s = find(polls.get('cisco')!, 'state', 'Switch 1 - Power Supply A');
    assert.deepEqual([s?.value, s?.stateText, s?.status], [2, 'on', 'ok']);
  });

  it('UPS-MIB on a net-snmp agent: battery, runtime, output on battery', () => {
    const p = polls.get('ups')!;
    assert.deepEqual([find(p, 'state', 'Battery Status')?.stateText, find(p, 'state', 'Battery Status')?.status], ['batteryLow', 'warning']);
    assert.deepEqual([find(p, 'state', 'Output Source')?.stateText, find(p, 'state', 'Output Source')?.status], ['battery', 'warning']);
    assert.equal(find(p, 'charge', 'Battery charge remaining')?.value, 40);
    assert.equal(find(p, 'runtime', 'Time on battery')?.value, 10);
    assert.equal(find(p, 'runtime', 'Estimated battery time remaining')?.value, 12);
    assert.equal(find(p, 'voltage', 'Battery')?.value, 54.5);
    assert.equal(find(p, 'frequency', 'Output')?.value, 50);
    assert.equal(find(p, 'current', 'Output')?.value, 2.2);
    assert.equal(find(p, 'load', 'Percentage load')?.value, 37);
    assert.equal(find(p, 'temperature', 'Battery')?.unit, '°C');
  });

  it('ArubaOS: the controller\'s VPN users as a count', () => {
    const p = polls.get('arubaos')!;
    assert.equal(p.os, 'arubaos');
    assert.deepEqual(p.sensors?.filter((s) => s.source === 'arubaos').map((s) => [s.class, s.description, s.value]), [['count', 'Active VPN sessions', 3]]);
  });

  it('Dell CMC: a state per server slot (powered-off is a warning), no row for what is no slot; IDSDM rollups', () => {
    const p = polls.get('cmc')!;
    const slots = p.sensors?.filter((s) => s.index.startsWith('dell-cmc.slot.')).map((s) => [s.description, s.stateText, s.status]);
    assert.deepEqual(slots, [['Slot 1 PowerEdge M630', 'basic', 'ok'], ['Slot 2 PowerEdge M640', 'off', 'warning'], ['Slot 3', 'absent', 'ok']]);
    assert.deepEqual([find(p, 'state', 'Fan')?.stateText, find(p, 'state', 'Fan')?.status], ['nonCritical', 'warning']);
    assert.deepEqual([find(p, 'state', 'IDSDM Card Unit Combined')?.status, find(p, 'state', 'IDSDM Card Device Combined')?.status], ['ok', 'warning']);
  });

  it('an agent without any of these MIBs has no sensors and no module errors', () => {
    const p = polls.get('host')!;
    assert.equal(p.status, 'up');
    assert.equal(p.sensors, undefined);
    assert.equal(p.moduleErrors, undefined);
  });
});
