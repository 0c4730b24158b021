// Scaling, limits, naming and state mapping of the Liebert/Vertiv modules (PDU, power, environmental, agent), on
// made-up rows in the MIBs' own units.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stateOf, type Rows, type SensorDraft } from '../../../../src/core/poll/modules/sensors/common';
import { LGP_WEB_MODE, LGP_YES_NO } from '../../../../src/core/poll/modules/sensors/liebert-agent';
import { conditionsStatus } from '../../../../src/core/poll/modules/sensors/liebert-conditions';
import { climateSensors, ENV_REASON, ENV_SYSTEM, operationHours, pointName, words } from '../../../../src/core/poll/modules/sensors/liebert-environmental';
import { auxSensors, branchSensors, pduSysStatus, powerSourceSensors, ratedLimit, RCP_POWER_STATE, receptacleSensors } from '../../../../src/core/poll/modules/sensors/liebert-pdu';
import { lineSensors } from '../../../../src/core/poll/modules/sensors/liebert-power';

const rows = (r: Record<string, Record<number, unknown>>): Rows => new Map(Object.entries(r).map(([i, cols]) => [i, new Map(Object.entries(cols).map(([c, v]) => [Number(c), v]))]));
const byDescr = (ds: SensorDraft[]) => new Map(ds.map((d) => [d.description, d]));
const ENV = '1.3.6.1.4.1.476.1.42.3.4';

describe('Liebert sensor modules', () => {
  it('PDU power source and lines: W, VA, 0.01 PF, 0.1 A neutral, 0.01 A and 0.1 V lines; limits = rated × threshold %', () => {
    const ps = rows({ '1.1': { 20: 'MPX-TEST', 35: 160, 65: 700, 70: 31, 75: 50, 80: 60, 90: 760, 95: 92 } });
    const lines = rows({ '1.1.2': { 15: 2, 19: 2298, 20: 229, 21: 31, 22: 312, 35: 0, 36: 70, 37: 80 } });
    const s = byDescr(powerSourceSensors(ps, lines));
    assert.equal(s.get('Total for MPX-TEST')?.value, 700);
    assert.deepEqual([s.get('Apparent Power MPX-TEST')?.value, s.get('Apparent Power MPX-TEST')?.unit], [760, 'VA']);
    assert.equal(s.get('Power Factor Total MPX-TEST')?.value, 0.92);
    assert.deepEqual([s.get('Neutral 1')?.value, s.get('Neutral 1')?.limitHigh, s.get('Neutral 1')?.limitHighWarn], [3.1, 9.6, 8]);
    assert.equal(s.get('AC RMS 2')?.value, 229.8);
    const line = s.get('Total Input Line 2')!;
    assert.deepEqual([line.value, line.limitHigh, line.limitHighWarn, line.limitLow], [3.12, 12.8, 11.2, undefined]);
    assert.equal(ratedLimit(0, 80), undefined);
  });
  it('PDU branches and receptacles: RMS and headroom in 0.01 A, utilisation in 0.1 %, labels user first', () => {
    const b = byDescr(branchSensors(rows({ '1.1': { 8: '', 20: '1-1', 75: 200, 130: 1428, 135: 0, 140: 90, 145: 95, 150: 471, 160: 714 } })));
    assert.deepEqual([b.get('RMS 1-1')?.value, b.get('RMS 1-1')?.limitHigh], [14.28, 19]);
    assert.equal(b.get('Before Alarm 1-1')?.value, 4.71);
    assert.deepEqual([b.get('Utilization Percent 1-1')?.class, b.get('Utilization Percent 1-1')?.value], ['percent', 71.4]);
    const r = byDescr(receptacleSensors(rows({ '1.2.3': { 10: 'NAS', 25: '1-A-3', 55: 231, 60: 4, 65: 80, 70: 95, 75: 84, 95: 2 } })));
    assert.deepEqual(['Voltage NAS', 'Current NAS', 'Power NAS', 'Apparent Power NAS', 'Power Factor NAS'].map((k) => r.get(k)?.value), [231, 0.4, 80, 95, 0.84]);
    assert.deepEqual([r.get('State NAS')?.stateText, r.get('State NAS')?.status], ['on', 'ok']);
    assert.equal(stateOf(0, RCP_POWER_STATE).status, 'unknown');
  });
  it('PDU probes: 0.1 °C and 0.1 %RH with alarm and warning thresholds; status bit-field worst first', () => {
    const a = auxSensors(rows({ '1.1.1': { 10: 2, 20: 'rack top', 95: 455, 100: 200, 105: 800, 110: 300, 115: 700 }, '1.2.1': { 10: 1, 15: 'SNSR: 1-2', 70: 281, 75: 150, 80: 270, 85: 180, 90: 250 } }));
    const t = a.find((d) => d.class === 'temperature')!;
    assert.deepEqual([t.description, t.value, t.limitHigh, t.limitHighWarn, t.limitLow], ['Temp for SNSR: 1-2', 28.1, 27, 25, 15]);
    const h = a.find((d) => d.class === 'humidity')!;
    assert.deepEqual([h.description, h.value, h.limitLow, h.limitHigh], ['Humidity for rack top', 45.5, 20, 80]);
    assert.deepEqual(pduSysStatus(1), { value: 1, stateText: 'normal operation', status: 'ok' });
    assert.deepEqual(pduSysStatus(16 + 8), { value: 24, stateText: 'normal with alarm, normal with warning', status: 'critical' });
    assert.equal(pduSysStatus(64).status, 'unknown');
  });
  it('power lines: point named from its OID; volts and amps only where UPS-MIB gave none', () => {
    const r = rows({ '9.2': { 3: '1.3.6.1.4.1.476.1.42.3.5.2.1.9', 5: 231, 6: 40, 7: 23, 14: 95 }, '4.1': { 3: '1.3.6.1.4.1.476.1.42.3.5.2.1.99', 14: 90 } });
    const withVA = byDescr(lineSensors(r, true));
    assert.equal(withVA.get('System Output Line 2 Power Factor')?.value, 0.95);
    assert.equal(withVA.get('System Output Line 2 Capacity Used')?.value, 23);
    assert.deepEqual([withVA.get('System Output Line 2 Voltage')?.value, withVA.get('System Output Line 2 Current')?.value], [231, 40]);
    assert.equal(withVA.get('Point 4 Line 1 Power Factor')?.value, 0.9);
    assert.equal(lineSensors(r, false).some((d) => d.class === 'voltage' || d.class === 'current'), false);
  });
  it('environmental: well-known point names, thresholds and setpoints in whole units, operation hours', () => {
    assert.equal(words('SupplyAirTemperature'), 'Supply Air Temperature');
    assert.equal(pointName(`.${ENV}.1.1.3`, `${ENV}.1.1`, ['A', 'B', 'SupplyAir'], 'x'), 'Supply Air');
    assert.equal(pointName('1.3.6.1.2.1.1', `${ENV}.1.1`, ['A'], 'fallback'), 'fallback');
    const t = climateSensors(rows({ 2: { 2: `${ENV}.1.1.2`, 3: 24, 4: 30, 5: 15, 6: 22 } }), 'temperature', `${ENV}.1.1`, ['ControlTemperature', 'ReturnAirTemperature']);
    assert.deepEqual(t.map((d) => [d.description, d.value, d.limitHigh, d.limitLow]), [['Return Air Temperature', 24, 30, 15], ['Setpoint for Return Air Temperature', 22, undefined, undefined]]);
    const h = operationHours(rows({ 1: { 2: `${ENV}.7.1.3`, 3: 2, 5: 5353, 6: 0 } }));
    assert.deepEqual([h[0].description, h[0].value, h[0].unit, h[0].limitHighWarn], ['Electric Heater 2 Operating Hours', 5353, 'h', undefined]);
    assert.equal(stateOf(3, ENV_REASON).status, 'critical');
    assert.equal(stateOf(2, ENV_SYSTEM).stateText, 'off');
    assert.equal(stateOf(2, LGP_YES_NO).stateText, 'no');
    assert.equal(stateOf(2, LGP_WEB_MODE).stateText, 'https');
    assert.equal(conditionsStatus({ class: 'count', index: 'present', description: 'Active Conditions', value: 2 }).status, 'warning');
    assert.equal(conditionsStatus({ class: 'count', index: 'present', description: 'Active Conditions', value: 0 }).status, 'ok');
  });
});
