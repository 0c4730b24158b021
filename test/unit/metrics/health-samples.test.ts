import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { DeviceReport } from '../../../src/core/monitor/cycle';
import { reportSamples } from '../../../src/core/metrics/samples';
import { DS_UNITS } from '../../../src/core/metrics/series';

function report(extra: Partial<DeviceReport>): DeviceReport {
  return {
    key: 'u1:161', host: 'u1', port: 161, name: 'ups1', status: 'up', polledAt: '2026-01-05T00:00:00Z', durationMs: 50,
    interfaces: [], storage: [], processors: [],
    region: 'R', site: 'S', siteReason: 'none', siteExplanation: '', statusSince: '2026-01-05T00:00:00Z', rebooted: false,
    ...extra,
  };
}

describe('health series', () => {
  it('sensors, supplies, page count and UPS charge/load/runtime become series with units', () => {
    const s = reportSamples(report({
      sensors: [{ class: 'temperature', index: 'entity.5', description: 'Inlet', value: 24.5, unit: '°C' }, { class: 'state', index: 'x.1', description: 'PSU 1', value: 1 }],
      supplies: [{ index: 'marker.1.1', description: 'Black Toner', type: 'toner', levelPercent: 42 }, { index: 'marker.1.2', description: 'Waste', type: 'wasteToner', levelText: 'someRemaining' }],
      pageCount: 15232,
      ups: { status: 'onBattery', batteryChargePercent: 80, loadPercent: 37.8, runtimeMinutes: 25.4 },
    }), new Map());
    const got = s.filter((x) => x.entity !== 'device').map((x) => `${x.entity}.${x.ds}=${x.value}`).sort();
    assert.deepEqual(got, ['printer.pages=15232', 'sensor:entity.5.temperature=24.5', 'sensor:x.1.state=1', 'supply:marker.1.1.levelPercent=42', 'ups.charge=80', 'ups.load=37.8', 'ups.runtime=25.4'].sort());
    assert.equal(s.find((x) => x.ds === 'temperature')!.label, 'Inlet');
    assert.equal(DS_UNITS.temperature, '°C');
    assert.equal(DS_UNITS.runtime, 'min');
    assert.equal(DS_UNITS.levelPercent, '%');
  });
  it('a down device records no health values', () => {
    const s = reportSamples(report({ status: 'down', ups: { status: 'online', batteryChargePercent: 100 } }), new Map());
    assert.deepEqual(s.map((x) => x.ds).sort(), ['pollMs', 'status']);
  });
});
