// Scaling, naming and state mapping of the power/UPS/PDU and server-storage sensor modules, on made-up rows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowsToSensors, stateOf, type Rows } from '../../../../src/core/poll/modules/sensors/common';
import { apcDate, apcProbes, badBatteryPacks, batteryDates } from '../../../../src/core/poll/modules/sensors/apc';
import { CMC_SERVER, CMC_SERVER_TABLE } from '../../../../src/core/poll/modules/sensors/dell-cmc';
import { IDSDM_TABLES } from '../../../../src/core/poll/modules/sensors/dell-idrac';
import { empProbe, lastReplaced, M2_SCALARS, UPS_TEST, XUPS_TEST } from '../../../../src/core/poll/modules/sensors/eaton';
import { BBU_CHARGER, BBU_REPLACE, diskName, lsiFinish } from '../../../../src/core/poll/modules/sensors/lsi-megaraid';
import { parseGpioMonitor } from '../../../../src/core/poll/modules/sensors/rpi-gpio-monitor';
import { distinctNames, TLP_CHARGE, TLP_CONDITION, TLP_PDU_TABLES, TLP_UPS_SOURCE } from '../../../../src/core/poll/modules/sensors/tripplite';
import { EDGEPOWER_TABLES, EP_PSU_STATUS } from '../../../../src/core/poll/modules/sensors/ubiquiti-edgepower';
import { ita2Present, ITA2_SOURCE } from '../../../../src/core/poll/modules/sensors/vertiv-ita2';

const rows = (r: Record<string, Record<number, unknown>>): Rows => new Map(Object.entries(r).map(([i, cols]) => [i, new Map(Object.entries(cols).map(([c, v]) => [Number(c), v]))]));

describe('power sensor modules', () => {
  it('EdgePower: mV, mA and mW become V, A and W; TimeTicks become minutes', () => {
    const out = rows({ 1: { 2: 48100, 3: 1250, 4: 60125 } });
    const [v, a, w] = EDGEPOWER_TABLES.slice(0, 3).map((s) => rowsToSensors(out, s)[0]);
    assert.deepEqual([v.value, a.value, w.value], [48.1, 1.25, 60.125]);
    const runtime = EDGEPOWER_TABLES.find((s) => s.class === 'runtime')!;
    assert.equal(rowsToSensors(rows({ 2: { 10: 90000 } }), runtime)[0].value, 15);
    assert.equal(stateOf(2, EP_PSU_STATUS).status, 'critical');
    assert.equal(stateOf(3, EP_PSU_STATUS).stateText, 'standby');
  });
  it('Tripp Lite: hundredths of amps, tenths of volts and hertz, phase and circuit from the index', () => {
    const output = TLP_PDU_TABLES.filter((s) => s.entry.endsWith('.3.2.1.1'));
    const r = rows({ '1.1': { 4: 2301, 5: 345, 8: 790, 11: 500 } });
    assert.deepEqual(output.map((s) => rowsToSensors(r, s)[0].value), [230.1, 3.45, 790, 50]);
    const circuit = TLP_PDU_TABLES.find((s) => s.entry.endsWith('.3.4.1.1'))!;
    assert.equal(rowsToSensors(rows({ '1.3': { 4: 1200 } }), circuit)[0].description, 'Circuit 3');
    const outlets = TLP_PDU_TABLES.find((s) => s.key === 'outlet')!;
    assert.deepEqual(rowsToSensors(rows({ '1.4': { 4: 2, 2: '' }, '1.5': { 4: 1, 2: 'NAS' } }), outlets).map((d) => d.description), ['Load 4', 'NAS']);
    assert.equal(stateOf(5, TLP_UPS_SOURCE).status, 'warning');
    assert.equal(stateOf(3, TLP_CHARGE).stateText, 'discharging');
    assert.equal(stateOf(3, TLP_CONDITION).status, 'critical');
  });
  it('Tripp Lite: rows that would share a name get their device and phase', () => {
    const named = distinctNames([
      { class: 'voltage', index: 'output.1.1', description: 'Output', value: 230 },
      { class: 'voltage', index: 'output.1.2', description: 'Output', value: 231 },
      { class: 'current', index: 'output.1.1', description: 'Output', value: 2 },
    ]);
    assert.deepEqual(named.map((d) => d.description), ['Output (1.1)', 'Output (1.2)', 'Output']);
  });
  it('APC battery dates: minutes since the last replacement and until the recommended one (negative when past)', () => {
    assert.equal(apcDate('04/30/25'), Date.UTC(2025, 3, 30));
    assert.equal(apcDate('03/04/2026'), Date.UTC(2026, 2, 4));
    assert.equal(apcDate('n/a'), undefined);
    const now = Date.UTC(2026, 0, 1);
    const [since, until] = batteryDates('12/31/25', '01/02/2026', now);
    assert.deepEqual([since.value, until.value, until.limitLow], [1440, 1440, 0]);
    assert.ok((batteryDates(undefined, '12/01/25', now)[0].value ?? 0) < 0);
  });
  it('APC bad battery packs: a count, critical from the first; -1 (cannot tell) keeps the sensor without a reading', () => {
    const [none] = badBatteryPacks(0);
    assert.deepEqual([none.class, none.description, none.value, none.limitHigh], ['count', 'Bad batteries', 0, 1]);
    assert.equal(badBatteryPacks(2)[0].value, 2);
    const [unknown] = badBatteryPacks(-1);
    assert.equal(unknown.description, 'Bad batteries');
    assert.equal(unknown.value, undefined);
    assert.equal(badBatteryPacks(Buffer.from('n/a'))[0].value, undefined);
    assert.deepEqual(badBatteryPacks(undefined), []);
    assert.equal(apcDate('13/45/2025'), undefined);
  });
  it('APC probes: universal I/O ports and integrated monitor, °F made °C, -1 left out', () => {
    const d = apcProbes(rows({ '1.1': { 3: 'Room', 6: 27, 7: 32 }, '2.1': { 3: '', 6: 28, 7: -1 } }), rows({ 1: { 2: 'AP9512T', 4: 77, 5: 2, 6: -1 } }));
    assert.deepEqual(d.map((x) => [x.class, x.description, x.value]), [
      ['temperature', 'Room', 27], ['humidity', 'Room', 32], ['temperature', 'Probe 2.1', 28], ['temperature', 'AP9512T', 25],
    ]);
  });
  it('Eaton Network-M2: low battery capacity is a warning; the replacement date becomes minutes since', () => {
    const low = M2_SCALARS.find((x) => x.key === 'lowcapacity')!;
    assert.equal(low.oid, '1.3.6.1.4.1.534.1.2.10.0');
    assert.deepEqual([stateOf(1, low.states!).stateText, stateOf(1, low.states!).status], ['yes', 'warning']);
    assert.deepEqual([stateOf(2, low.states!).stateText, stateOf(2, low.states!).status], ['no', 'ok']);
    assert.equal(stateOf(7, low.states!).status, 'unknown');
    const [since] = lastReplaced('08/17/2024', Date.UTC(2024, 7, 18));
    assert.deepEqual([since.class, since.description, since.value], ['runtime', 'Last battery replacement', 1440]);
    assert.equal(lastReplaced('08/17/2024', Date.UTC(2024, 7, 16))[0].value, -1440);
    assert.deepEqual(lastReplaced('not set', Date.UTC(2024, 7, 18)), []);
    assert.deepEqual(lastReplaced(undefined, Date.UTC(2024, 7, 18)), []);
  });
  it('Dell CMC server slots: "Slot <n> <model>", rows of no slot left out; IDSDM rollups as states', () => {
    const d = rowsToSensors(rows({
      1: { 2: 3, 4: 'SLOT-01', 5: '1', 7: 'PowerEdge M640 (VRTX)' }, 2: { 2: 2, 4: 'N/A', 5: 'N/A', 7: 'N/A' },
      3: { 2: 1, 4: 'SLOT-03', 5: '3', 7: 'N/A' }, 4: { 2: 4, 4: 'SLOT-04', 5: '4', 7: 'PowerEdge M630' }, 5: { 2: 9, 4: 'SLOT-05' },
    }), CMC_SERVER_TABLE);
    assert.deepEqual(d.map((x) => [x.description, x.value, x.stateText, x.status]), [
      ['Slot 1 PowerEdge M640 (VRTX)', 3, 'basic', 'ok'], ['Slot 3', 1, 'absent', 'ok'], ['Slot 4 PowerEdge M630', 4, 'off', 'warning'],
      ['Slot 5', 9, '9', 'unknown'],
    ]);
    assert.equal(CMC_SERVER[2][1], 'unknown');
    assert.deepEqual(IDSDM_TABLES.map((t) => rowsToSensors(rows({ 1: { 58: 3, 60: 5 } }), t)[0]).map((x) => [x.description, x.status]), [
      ['IDSDM Card Unit Combined', 'ok'], ['IDSDM Card Device Combined', 'critical'],
    ]);
  });
  it('Eaton: test results and the EMP probe with its own limits', () => {
    assert.equal(stateOf(3, XUPS_TEST).status, 'critical');
    assert.equal(stateOf(6, UPS_TEST).stateText, 'noTestsInitiated');
    assert.deepEqual(empProbe([27, 24, 0, 80, 10, 90]).map((d) => [d.class, d.value, d.limitLow, d.limitHigh]), [['temperature', 27, 0, 80], ['humidity', 24, 10, 90]]);
    assert.deepEqual(empProbe([undefined, 0, undefined, undefined, undefined, undefined]), []);
  });
  it('Vertiv ITA2: phases B and C of a single-phase unit and absent probes are left out', () => {
    const kept = ita2Present([
      { class: 'voltage', index: 'input.voltage.A', description: 'Input Phase A Voltage', value: 230 },
      { class: 'voltage', index: 'input.voltage.B', description: 'Input Phase B Voltage', value: 0 },
      { class: 'current', index: 'output.current.B', description: 'Output Phase B Current', value: 0 },
      { class: 'temperature', index: 'battery', description: 'Battery Temperature', value: 6553.5 },
      { class: 'temperature', index: 'battery.env', description: 'Battery Environment Temperature', value: 24.5 },
    ]);
    assert.deepEqual(kept.map((d) => d.index), ['input.voltage.A', 'battery.env']);
    assert.equal(stateOf(2, ITA2_SOURCE).status, 'warning');
  });
  it('Raspberry Pi GPIO monitor: definition and reading lines, limits and generic states', () => {
    const s = parseGpioMonitor([
      'door1,state,Rack door,,,,;1,2,Open;0,0,Closed;', '1',
      'hum1,humidity,Cellar,20,30,60,70', '45.5',
      'bad,nosuchclass,Whatever', '3',
    ]);
    assert.deepEqual(s.map((d) => [d.class, d.description, d.value, d.stateText, d.status]), [['state', 'Rack door', 1, 'Open', 'critical'], ['humidity', 'Cellar', 45.5, undefined, undefined]]);
    assert.deepEqual([s[1].limitLow, s[1].limitLowWarn, s[1].limitHighWarn, s[1].limitHigh], [20, 30, 60, 70]);
  });
  it('LSI MegaRAID: disks named by their storcli path when the agent gives it, counts alarm at one', () => {
    assert.equal(diskName(new Map([[22, 0], [18, 252], [20, 3], [2, 8]]), '0'), '/c0/e252/s3');
    assert.equal(diskName(new Map([[18, 9], [2, 11]]), '4'), 'Disk 11 (enclosure 9)');
    const [failed] = lsiFinish([{ class: 'count', index: 'pd.failed.1', description: 'Failed disks', value: 0 }], 2);
    assert.deepEqual([failed.description, failed.limitHigh], ['Failed disks (controller 1)', 1]);
    assert.equal(stateOf(1, BBU_REPLACE).status, 'critical');
    assert.equal(stateOf(-1, BBU_CHARGER).stateText, 'n/a');
  });
});
