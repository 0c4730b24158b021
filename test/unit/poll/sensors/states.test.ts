import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addSensors, rowsToSensors, stateOf } from '../../../../src/core/poll/modules/sensors/common';
import { applyThresholds, ciscoName, type CiscoThreshold } from '../../../../src/core/poll/modules/sensors/cisco-entity-sensor';
import { ENVMON_STATES } from '../../../../src/core/poll/modules/sensors/cisco-envmon';
import { printerError } from '../../../../src/core/poll/modules/sensors/printer';
import { BATTERY_STATES, OUTPUT_SOURCES } from '../../../../src/core/poll/modules/sensors/ups-mib';
import { DELL_STATUS } from '../../../../src/core/poll/modules/sensors/dell-idrac';
import type { DevicePoll } from '../../../../src/core/poll/types';

describe('state sensors keep the raw number, with the device\'s word and a status', () => {
  it('CISCO-ENVMON states', () => {
    assert.deepEqual(stateOf(1, ENVMON_STATES), { value: 1, stateText: 'normal', status: 'ok' });
    assert.deepEqual(stateOf(3, ENVMON_STATES), { value: 3, stateText: 'critical', status: 'critical' });
    assert.deepEqual(stateOf(5, ENVMON_STATES), { value: 5, stateText: 'notPresent', status: 'unknown' });
    assert.deepEqual(stateOf(6, ENVMON_STATES), { value: 6, stateText: 'notFunctioning', status: 'critical' });
  });
  it('an unknown number stays, as unknown', () => {
    assert.deepEqual(stateOf(99, ENVMON_STATES), { value: 99, stateText: '99', status: 'unknown' });
    assert.deepEqual(stateOf(undefined, ENVMON_STATES), { status: 'unknown' });
  });
  it('UPS-MIB battery status and output source', () => {
    assert.equal(stateOf(2, BATTERY_STATES).status, 'ok');
    assert.equal(stateOf(3, BATTERY_STATES).status, 'warning');
    assert.equal(stateOf(4, BATTERY_STATES).status, 'critical');
    assert.equal(stateOf(5, OUTPUT_SOURCES).stateText, 'battery');
    assert.equal(stateOf(5, OUTPUT_SOURCES).status, 'warning');
    assert.equal(stateOf(2, OUTPUT_SOURCES).status, 'critical');
  });
  it('Dell ObjectStatusEnum', () => {
    assert.equal(stateOf(3, DELL_STATUS).status, 'ok');
    assert.equal(stateOf(4, DELL_STATUS).status, 'warning');
    assert.equal(stateOf(6, DELL_STATUS).status, 'critical');
  });
  it('printer error bits: none is 0/ok, one bit its position, several 9 or 10 as LibreNMS numbers them, every bit named', () => {
    assert.deepEqual(printerError(Buffer.from([0])), { value: 0, stateText: 'noError', status: 'ok' });
    assert.deepEqual(printerError(Buffer.from([0x80, 0])), { value: 1, stateText: 'lowPaper', status: 'warning' });
    assert.deepEqual(printerError(Buffer.from([0x01, 0])), { value: 8, stateText: 'serviceRequested', status: 'warning' });
    assert.deepEqual(printerError(Buffer.from([0x24])), { value: 10, stateText: 'lowToner, jammed', status: 'critical' });
    assert.deepEqual(printerError(Buffer.from([0xa0, 0])), { value: 9, stateText: 'lowPaper, lowToner', status: 'warning' });
    assert.deepEqual(printerError(Buffer.from([0x80, 0x04])), { value: 9, stateText: 'lowPaper, inputTrayEmpty', status: 'critical' });
  });
});

describe('Cisco thresholds become limits and status', () => {
  const th = (severity: number, relation: number, value: number, crossed = false): CiscoThreshold => ({ severity, relation, value, crossed });
  it('most severe upper/lower is the hard limit, least severe the warning one', () => {
    const d: Record<string, unknown> = {};
    applyThresholds(d, [th(10, 1, -25), th(10, 4, 75), th(20, 1, -30), th(20, 4, 80), th(30, 1, -40), th(30, 4, 90)], (v) => v);
    assert.deepEqual(d, { limitHigh: 90, limitHighWarn: 75, limitLow: -40, limitLowWarn: -25, status: 'ok' });
  });
  it('a crossed threshold decides the status by its severity; values are scaled like the reading', () => {
    const d: Record<string, unknown> = {};
    applyThresholds(d, [th(10, 3, 700, true), th(30, 3, 900)], (v) => v / 10);
    assert.deepEqual(d, { limitHigh: 90, limitHighWarn: 70, status: 'warning' });
    const e: Record<string, unknown> = {};
    applyThresholds(e, [th(30, 3, 900, true)], (v) => v / 10);
    assert.equal(e.status, 'critical');
  });
  it('names lose "Sensor", "Temp: " and "temperature" and get the measured entity\'s name in front', () => {
    assert.equal(ciscoName('Slot 1 - Temp: LM75BXXX', 'Supervisor'), 'Supervisor - Slot 1 - LM75BXXX');
    assert.equal(ciscoName('subslot 0/0 transceiver 0 Temperature Sensor'), 'Subslot 0/0 Transceiver 0');
    assert.equal(ciscoName('FS Bias Current Sensor 1/1').replace(/\s+/g, ' '), 'FS Bias Current 1/1');
    assert.equal(ciscoName('Switch 1 - Inlet Temp Sensor', 'Switch 1'), 'Switch 1 - Switch 1 - Inlet Temp');
    assert.equal(ciscoName('PowerSupply1'), 'PSU 1');
  });
});

describe('table specs and addSensors', () => {
  it('a value row gets divisor, limits, status column; index carries the source', () => {
    const rows = new Map([['1.1', new Map<number, unknown>([[8, Buffer.from('CPU1 Temp')], [6, 460], [5, 3], [10, 900], [13, 30]])]]);
    const drafts = rowsToSensors(rows, { entry: 'x', class: 'temperature', name: 8, value: 6, divisor: 10, statusCol: 5, statusStates: DELL_STATUS, limits: { high: 10, low: 13 } });
    const out = { sensors: [] } as unknown as DevicePoll;
    addSensors(out, 'idrac', drafts);
    assert.deepEqual(out.sensors, [{ class: 'temperature', index: 'idrac.temperature.1.1', description: 'CPU1 Temp', value: 46, limitHigh: 90, limitLow: 3, status: 'ok', source: 'idrac', unit: '°C' }]);
  });
  it('status comes from the limits when the device gives none', () => {
    const out = {} as DevicePoll;
    addSensors(out, 't', [{ class: 'voltage', index: 1, description: 'In', value: 260, limitHigh: 250 }]);
    assert.equal(out.sensors![0].status, 'critical');
    assert.equal(out.sensors![0].unit, 'V');
  });
  it('skip drops rows; a state row keeps the number', () => {
    const rows = new Map([['1', new Map<number, unknown>([[2, 'PSU'], [4, 2]])], ['2', new Map<number, unknown>([[2, 'gone'], [4, 5]])]]);
    const drafts = rowsToSensors(rows, { entry: 'x', class: 'state', name: 2, value: 4, states: ENVMON_STATES, skip: (r) => r.get(4) === 5 });
    assert.deepEqual(drafts, [{ class: 'state', index: 'state.1', description: 'PSU', value: 2, stateText: 'warning', status: 'warning' }]);
  });
});
