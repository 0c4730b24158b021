// Scaling, naming and state mappings of the network vendors' sensor tables (own fixtures).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROBE_OIDS, rowsToSensors, type Rows } from '../../../../src/core/poll/modules/sensors/common';
import { CISCO_FW_TABLES } from '../../../../src/core/poll/modules/sensors/cisco-firewall';
import { airmaxCpuPercent } from '../../../../src/core/poll/modules/health/airmax';
import { readPrinter } from '../../../../src/core/poll/modules/sensors/printer';
import { instantSensors } from '../../../../src/core/poll/modules/sensors/aruba-instant';
import { ddmTables, envTables, equipmentBases } from '../../../../src/core/poll/modules/sensors/dlink';
import { isTemperature, isVoltage, vdomLabel } from '../../../../src/core/poll/modules/sensors/fortinet';
import { emptyCage, gaugeSensors } from '../../../../src/core/poll/modules/sensors/mikrotik';
import { konicaByColour } from '../../../../src/core/poll/modules/sensors/printer-counters';
import { ddmiSensors } from '../../../../src/core/poll/modules/sensors/zynos';

const rows = (o: Record<string, Record<number, unknown>>): Rows => new Map(Object.entries(o).map(([i, r]) => [i, new Map(Object.entries(r).map(([k, v]) => [Number(k), v]))]));
const b = (s: string) => Buffer.from(s, 'latin1');

describe('MikroTik', () => {
  it('gauges: the unit column decides; without it (SwOS) the gauge id does', () => {
    const g = gaugeSensors(rows({ 7: { 2: b('fan1-speed'), 3: 4200, 4: 2 }, '16.0': { 3: 312 }, '7202.0': { 3: 2410 }, '7301.0': { 3: 1250 }, '9999.0': { 3: 5 } }));
    assert.deepEqual(g.map((s) => [s.class, s.description, s.value]), [
      ['fanspeed', 'fan1-speed', 4200], ['power', 'Power Consumption', 31.2], ['voltage', 'PSU2 Voltage', 24.1], ['current', 'PSU1 Current', 1.25],
    ]);
  });
  it('an optical row without a name or reading -128 °C (signed, 32- or 16-bit) is an empty cage', () => {
    const r = (name: string, t: number) => new Map<number, unknown>([[2, b(name)], [6, t]]);
    assert.equal(emptyCage(r('sfp1', 31)), false);
    assert.equal(emptyCage(r('sfp1', 0)), false);
    assert.equal(emptyCage(r('', 31)), true);
    for (const t of [-128, 4294967168, 65408]) assert.equal(emptyCage(r('sfp2', t)), true);
  });
});

describe('Cisco ASA failover', () => {
  it('a unit down because failover is off is no fault; down in a configured pair is critical; not configured is left out', () => {
    const t = rows({
      4: { 2: b('Failover LAN Interface'), 3: 3, 4: b('not Configured') },
      6: { 2: b('Primary unit'), 3: 3, 4: b('Failover Off') },
      7: { 2: b('Secondary unit (this device)'), 3: 9, 4: b('Active unit') },
      8: { 2: b('Primary unit (this device)'), 3: 3, 4: b('Failed') },
    });
    const got = CISCO_FW_TABLES.flatMap((spec) => rowsToSensors(t, spec)).sort((x, y) => String(x.index).localeCompare(String(y.index)));
    assert.deepEqual(got.map((s) => [s.index, s.value, s.stateText, s.status]), [
      ['hw.6', 3, 'down (failover off)', 'ok'], ['hw.7', 9, 'active', 'ok'], ['hw.8', 3, 'down', 'critical'],
    ]);
  });
});

describe('FortiGate', () => {
  it('hardware sensors classed by name: temperatures and voltages, other rows only a state', () => {
    assert.ok(isTemperature('CPU Core 0 Temperature'));
    for (const n of ['+3.3V', 'MAIN 12V', 'VCC 2V5', 'P1V8', 'PCH +1.05V', 'NCT +3.3VSB', 'CPU VCCP']) assert.ok(isVoltage(n), n);
    for (const n of ['FAN1', 'DTS CPU', 'LM75 U72', 'TD1']) assert.ok(!isVoltage(n), n);
  });
  it('per-VDOM counters are named after the VDOM; DHCP servers by VDOM and server id', () => {
    const vd = new Map([['1', 'root'], ['2', 'dmz']]);
    assert.equal(vdomLabel(vd, '2', 'IPS Intrusions Blocked'), 'dmz IPS Intrusions Blocked');
    assert.equal(vdomLabel(vd, '1.3', 'Pool Usage'), 'root Server ID 3 Pool Usage');
    assert.equal(vdomLabel(new Map(), '1', 'SSL VPN Logged users'), 'SSL VPN Logged users');
  });
});

describe('ZyXEL ZyNOS transceivers', () => {
  it('Tx/Rx power in hundredths of dBm with their limits; empty cages (0) and other readings left out', () => {
    const s = ddmiSensors(rows({
      '7.4': { 2: 300, 3: -900, 4: 200, 5: -800, 6: -512 }, '7.5': { 2: 0, 3: -2500, 4: -100, 5: -2400, 6: -4000 },
      '7.1': { 2: 8000, 3: -500, 4: 7500, 5: 0, 6: 3550 }, '8.4': { 2: 300, 3: -900, 4: 200, 5: -800, 6: 0 },
    }));
    assert.deepEqual(s.map((x) => [x.description, x.value, x.limitHigh, x.limitLow, x.limitHighWarn, x.limitLowWarn]), [
      ['7 Tx Power', -5.12, 3, -9, 2, -8], ['7 Rx Power', -40, 0, -25, -1, -24],
    ]);
  });
});

describe('D-Link', () => {
  it('the equipment MIB at 171.14 and, for a model, in its own branch', () => {
    assert.deepEqual(equipmentBases('.1.3.6.1.4.1.171.10.165.1.1'), ['1.3.6.1.4.1.171.14', '1.3.6.1.4.1.171.11.165.1000']);
    assert.deepEqual(equipmentBases('1.3.6.1.4.1.9.1.1'), ['1.3.6.1.4.1.171.14']);
  });
  it('environment: temperature with thresholds and status, power supply states', () => {
    const [temp, , , psu] = envTables('B');
    const t = rowsToSensors(rows({ '1.1': { 3: b('Center'), 4: 41, 5: 5, 6: 70, 7: 1 } }), temp);
    assert.deepEqual([t[0].description, t[0].value, t[0].limitLow, t[0].limitHigh, t[0].status], ['Center', 41, 5, 70, 'ok']);
    const p = rowsToSensors(rows({ '1.2': { 3: b('Power 2'), 6: 2 } }), psu);
    assert.deepEqual([p[0].description, p[0].stateText, p[0].status], ['Power 2', 'failed', 'critical']);
  });
  it('DDM: m°C, cV, mA and 0.1 µW to °C, V, A and W, limits likewise', () => {
    const specs = ddmTables('B').filter((s) => s.class !== 'state');
    const row = rows({ 9: { 1: 35500, 2: 0, 3: 80000, 4: 75000, 5: -5000, 6: -10000, 7: 331, 13: 7, 19: 6310, 21: 20000, 24: 1000, 25: 1259 } });
    const got = specs.flatMap((s) => rowsToSensors(row, s)).map((x) => [x.description, x.value]);
    assert.deepEqual(got, [['SFP 9 Temp', 35.5], ['SFP 9 Volt', 3.31], ['SFP 9 Bias', 0.007], ['SFP 9 TX Power', 0.000631], ['SFP 9 RX Power', 0.0001259]]);
    const tx = rowsToSensors(row, specs[3])[0];
    assert.deepEqual([tx.limitHigh, tx.limitLow], [0.002, 0.0001]);
  });
});

describe('Aruba Instant', () => {
  it('APs named with their serial, radios after their AP; down is critical', () => {
    const mac = '0.11.134.1.2.3';
    const s = instantSensors(rows({ [mac]: { 2: b('lobby'), 4: b('CN123'), 11: 1 } }), rows({ [`${mac}.0`]: { 20: 1 }, [`${mac}.1`]: { 20: 2 } }));
    assert.deepEqual(s.map((x) => [x.description, x.stateText, x.status]), [
      ['lobby (CN123)', 'up', 'ok'], ['lobby (CN123) Radio 0', 'up', 'ok'], ['lobby (CN123) Radio 1', 'down', 'critical'],
    ]);
  });
});

describe('Konica Minolta counters', () => {
  it('copies and prints by colour from the colour.function index; unknown indexes left out', () => {
    const s = konicaByColour(rows({ '1.1': { 5: 10 }, '2.2': { 5: 7 }, '3.1': { 5: 1 } }));
    assert.deepEqual(s.map((x) => [x.description, x.value]), [['Total copy black', 10], ['Total print color', 7]]);
  });
});

describe('printer state and airMAX CPU', () => {
  it('an empty hrPrinterDetectedErrorState is no error sensor; one octet of zero is "noError"', () => {
    const probe = (errors: Buffer) => new Map<string, unknown>([[PROBE_OIDS[7], '1.3.6.1.2.1.25.3.1.5'], [PROBE_OIDS[8], 2], [PROBE_OIDS[9], errors]]);
    assert.deepEqual(readPrinter(probe(Buffer.alloc(0))).map((s) => s.description), ['Printer Device Status']);
    assert.deepEqual(readPrinter(probe(Buffer.from([0]))).map((s) => s.stateText), ['running', 'noError']);
  });
  it('ubntHostCpuLoad is in hundredths of a percent', () => {
    assert.equal(airmaxCpuPercent(400), 4);
    assert.equal(airmaxCpuPercent(12000), 100);
  });
});
