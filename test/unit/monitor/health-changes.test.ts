import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPoll } from '../../../src/core/monitor/changes';
import { openAlerts } from '../../../src/core/monitor/alerts';
import { healthEvents, sensorAlarm, supplyLow, upsBatteryLow } from '../../../src/core/monitor/health-changes';
import { DEFAULT_THRESHOLDS } from '../../../src/core/inventory/types';
import { parseInventory } from '../../../src/core/inventory/parse';
import type { DevicePoll, SensorInfo, SupplyInfo, UpsInfo } from '../../../src/core/poll/types';
import type { ParcEvent } from '../../../src/core/state/types';

const TH = DEFAULT_THRESHOLDS;
function poll(at: string, over: Partial<DevicePoll> = {}): DevicePoll {
  return { host: '192.0.2.20', port: 161, name: 'dev', status: 'up', polledAt: at, durationMs: 30, uptimeSeconds: 1000, uptimeSource: 'sysUpTime', interfaces: [], storage: [], processors: [], ...over };
}
const temp = (value: number, extra: Partial<SensorInfo> = {}): SensorInfo => ({ class: 'temperature', index: 'entity.5', description: 'CPU temp', value, unit: '°C', limitHigh: 80, limitHighWarn: 70, ...extra });
const fan = (status: SensorInfo['status'], stateText: string): SensorInfo => ({ class: 'state', index: 'cisco.fan.1', description: 'Fan 1', value: status === 'ok' ? 1 : 3, status, stateText });
const toner = (levelPercent: number | undefined, extra: Partial<SupplyInfo> = {}): SupplyInfo => ({ index: 'marker.1.1', description: 'Black Toner', type: 'toner', levelPercent, ...extra });

describe('sensor alarms', () => {
  it('from limits: over the high limit is critical, over the warning limit a warning, inside none', () => {
    assert.equal(sensorAlarm(temp(85))?.severity, 'critical');
    assert.equal(sensorAlarm(temp(75))?.severity, 'warning');
    assert.equal(sensorAlarm(temp(40)), undefined);
    assert.equal(sensorAlarm({ ...temp(3), limitLow: 5 })?.severity, 'critical');
    assert.match(sensorAlarm(temp(85))!.why, /85 °C \(limit 80 °C\)/);
  });
  it("the device's own status wins over limits; state sensors alarm only from status", () => {
    assert.equal(sensorAlarm(temp(85, { status: 'ok' })), undefined);
    assert.equal(sensorAlarm(temp(40, { status: 'critical' }))?.severity, 'critical');
    assert.deepEqual(sensorAlarm(fan('critical', 'failed')), { severity: 'critical', why: 'failed' });
    assert.equal(sensorAlarm(fan('ok', 'normal')), undefined);
    assert.equal(sensorAlarm({ ...fan('unknown', 'notPresent') }), undefined);
  });
  it('raise once when a sensor goes into alarm and clear once when it recovers', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z', { sensors: [temp(40), fan('ok', 'normal')] }), TH);
    assert.deepEqual(a.events, []);
    const b = applyPoll('k', a.record, poll('2026-01-01T00:05:00Z', { uptimeSeconds: 1300, sensors: [temp(82), fan('critical', 'failed')] }), TH);
    assert.deepEqual(b.events.map((e) => [e.type, e.severity, e.entity]), [['sensor-alarm', 'critical', 'CPU temp'], ['sensor-alarm', 'critical', 'Fan 1']]);
    assert.match(b.events[1].message, /^dev Fan 1 is failed$/);
    const c = applyPoll('k', b.record, poll('2026-01-01T00:10:00Z', { uptimeSeconds: 1600, sensors: [temp(83), fan('critical', 'failed')] }), TH);
    assert.deepEqual(c.events, []);
    const d = applyPoll('k', c.record, poll('2026-01-01T00:15:00Z', { uptimeSeconds: 1900, sensors: [temp(50), fan('ok', 'normal')] }), TH);
    assert.deepEqual(d.events.map((e) => e.type), ['sensor-ok', 'sensor-ok']);
    const alerts = openAlerts([...b.events, ...c.events], Date.parse('2026-01-01T00:12:00Z'));
    assert.equal(alerts.length, 2, 'both open until they recover');
    assert.equal(openAlerts([...b.events, ...d.events], Date.parse('2026-01-01T00:20:00Z')).length, 0);
  });
});

describe('printer supplies', () => {
  it('a consumable under the threshold is low; paper trays and unknown levels never are', () => {
    assert.ok(supplyLow(toner(5), 10));
    assert.ok(!supplyLow(toner(10), 10));
    assert.ok(!supplyLow(toner(undefined, { levelText: 'someRemaining' }), 10));
    assert.ok(!supplyLow({ index: 'input.1.1', description: 'Bypass Tray', type: 'paper', levelPercent: 0 }, 10));
  });
  it('toner going under the threshold (default 10 %) raises supply-low, refilling clears it', () => {
    const ev = (p: SupplyInfo[], c: SupplyInfo[], th = TH) => healthEvents('prn', poll('2026-01-01T00:00:00Z', { supplies: p }), poll('2026-01-01T00:05:00Z', { supplies: c }), th);
    assert.deepEqual(ev([toner(12)], [toner(9)]).map((e) => [e.type, e.severity, e.entity]), [['supply-low', 'warning', 'Black Toner']]);
    assert.match(ev([toner(12)], [toner(9)])[0].message, /prn Black Toner is at 9% \(threshold 10%\)/);
    assert.equal(ev([toner(3)], [toner(0)]).length, 0, 'already low');
    assert.equal(ev([toner(12)], [toner(0)])[0].severity, 'critical', 'empty');
    assert.deepEqual(ev([toner(4)], [toner(100)]).map((e) => e.type), ['supply-ok']);
    assert.equal(ev([toner(30)], [toner(25)], { ...TH, supplyPercent: 30 })[0].type, 'supply-low', 'threshold from parc.yaml');
    const waste: SupplyInfo = { index: 'marker.1.5', description: 'Waste Toner Box', type: 'wasteToner', levelPercent: 4 };
    assert.match(ev([], [waste])[0].message, /nearly full \(96% used, threshold 10%\)/);
  });
});

describe('UPS', () => {
  const ups = (u: Partial<UpsInfo>): UpsInfo => ({ status: 'online', batteryChargePercent: 100, runtimeMinutes: 40, replaceBattery: false, batteryStatus: 'normal', ...u });
  it('battery low from the UPS itself or under the charge threshold', () => {
    assert.ok(upsBatteryLow(ups({ batteryStatus: 'low' }), 50));
    assert.ok(upsBatteryLow(ups({ batteryChargePercent: 30 }), 50));
    assert.ok(!upsBatteryLow(ups({}), 50));
  });
  it('on battery, battery low, replace battery: raised once, cleared by their recovery', () => {
    const a = applyPoll('k', undefined, poll('2026-01-01T00:00:00Z', { ups: ups({}) }), TH);
    assert.deepEqual(a.events, []);
    const b = applyPoll('k', a.record, poll('2026-01-01T00:05:00Z', { uptimeSeconds: 1300, ups: ups({ status: 'onBattery', batteryChargePercent: 80, runtimeMinutes: 25.4 }) }), TH);
    assert.deepEqual(b.events.map((e) => [e.type, e.severity]), [['ups-on-battery', 'critical']]);
    assert.match(b.events[0].message, /dev is on battery \(80% charge, 25 min left\)/);
    const c = applyPoll('k', b.record, poll('2026-01-01T00:10:00Z', { uptimeSeconds: 1600, ups: ups({ status: 'onBattery', batteryChargePercent: 20, batteryStatus: 'low', replaceBattery: true }) }), TH);
    assert.deepEqual(c.events.map((e) => e.type), ['ups-battery-low', 'ups-battery-replace']);
    const d = applyPoll('k', c.record, poll('2026-01-01T00:15:00Z', { uptimeSeconds: 1900, ups: ups({ batteryChargePercent: 60, replaceBattery: true }) }), TH);
    assert.deepEqual(d.events.map((e) => e.type), ['ups-on-line', 'ups-battery-ok']);
    const all: ParcEvent[] = [...b.events, ...c.events, ...d.events];
    assert.deepEqual(openAlerts(all, Date.parse('2026-01-01T00:16:00Z')).map((x) => x.event.type), ['ups-battery-replace']);
  });
});

describe('thresholds in parc.yaml', () => {
  it('supplyPercent and upsBatteryPercent beside the existing ones, defaults 10 and 50', () => {
    const { inventory, diagnostics } = parseInventory('devices: []\nthresholds: { supplyPercent: 15, upsBatteryPercent: 40 }\n', 'parc.yaml');
    assert.deepEqual(diagnostics, []);
    assert.equal(inventory!.thresholds.supplyPercent, 15);
    assert.equal(inventory!.thresholds.upsBatteryPercent, 40);
    assert.equal(inventory!.thresholds.storagePercent, 90);
    const d = parseInventory('devices: []\n', 'parc.yaml').inventory!.thresholds;
    assert.deepEqual([d.supplyPercent, d.upsBatteryPercent], [10, 50]);
    const bad = parseInventory('devices: []\nthresholds: { supplyPercent: 150 }\n', 'parc.yaml');
    assert.match(bad.diagnostics.map((x) => x.message).join('\n'), /supplyPercent/);
  });
});
