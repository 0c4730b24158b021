import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetricStore } from '../../../src/core/metrics/store';
import { reportSamples } from '../../../src/core/metrics/samples';
import { dashboardModel } from '../../../src/core/metrics/views/dashboard-model';
import { dashboardBody } from '../../../src/core/metrics/views/dashboard-html';
import { devicePageModel } from '../../../src/core/metrics/views/device-model';
import { deviceHtml } from '../../../src/core/metrics/views/device-html';
import { deviceSummary } from '../../../src/core/metrics/views/health-view';
import type { DeviceReport } from '../../../src/core/monitor/cycle';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { DeviceRecord } from '../../../src/core/state/types';
import { inventoryFrom } from '../../support/estate';

const NOW = Date.UTC(2026, 0, 10, 12);
const iso = (ms: number) => new Date(ms).toISOString();

const printer: Partial<DevicePoll> = {
  hardware: 'HP LaserJet M130nw', serial: 'VNCRC48198', version: '20180515', vendor: 'HP', pageCount: 15232,
  supplies: [
    { index: 'marker.1.1', description: 'Black Cartridge HP CF217A', type: 'toner', levelPercent: 4 },
    { index: 'marker.1.5', description: 'Imaging Drum HP CF219A', type: 'drum', levelPercent: 71 },
    { index: 'input.1.1', description: 'Tray 1', type: 'paper', levelText: 'someRemaining' },
  ],
};
const ups: Partial<DevicePoll> = {
  hardware: 'Smart-UPS 1500', version: '6.8.2', ups: { status: 'onBattery', batteryChargePercent: 64, runtimeMinutes: 21.5, loadPercent: 37.8, inputVoltage: 0, outputVoltage: 230, replaceBattery: false, source: 'apc' },
  sensors: [
    { class: 'temperature', index: 'apc.1', description: 'Battery temperature', value: 52, unit: '°C', limitHigh: 45 },
    { class: 'state', index: 'apc.fan', description: 'Fan 1', value: 2, status: 'ok', stateText: 'normal' },
  ],
};

function poll(host: string, extra: Partial<DevicePoll>): DevicePoll {
  return { host, port: 161, name: host, status: 'up', polledAt: iso(NOW - 60_000), durationMs: 80, uptimeSeconds: 86400 * 3, interfaces: [], storage: [], processors: [], ...extra };
}

describe('device summary for the tree', () => {
  it('model · version, else the OS', () => {
    assert.deepEqual(deviceSummary({ hardware: 'WS-C2960X-48FPD-L', version: '15.2(7)E9', os: 'ios' }), ['WS-C2960X-48FPD-L', '15.2(7)E9']);
    assert.deepEqual(deviceSummary({ os: 'linux', distro: 'Debian 12' }), ['Debian 12']);
    assert.deepEqual(deviceSummary({ os: 'linux' }), ['linux']);
    assert.deepEqual(deviceSummary({}), []);
  });
});

describe('dashboard health lists', () => {
  const inv = inventoryFrom('devices:\n  - host: prn1\n    name: prn1\n  - host: ups1\n    name: ups1\n  - host: ok1\n    name: ok1\n');
  const records = new Map<string, DeviceRecord>([
    ['prn1:161', { last: poll('prn1', printer), statusSince: iso(NOW - 3600_000) }],
    ['ups1:161', { last: poll('ups1', ups), statusSince: iso(NOW - 3600_000) }],
    ['ok1:161', { last: poll('ok1', { ups: { status: 'online', batteryChargePercent: 100 } }), statusSince: iso(NOW - 3600_000) }],
  ]);
  it('lists supplies low, UPSes on battery and sensors in alarm', () => {
    const m = dashboardModel({ inventory: inv, records, alerts: [], now: NOW });
    assert.deepEqual(m.suppliesLow.map((r) => [r.device.name, r.what, r.detail, r.level]), [['prn1', 'Black Cartridge HP CF217A', '4%', 'warning']]);
    assert.deepEqual(m.upsAlarms.map((r) => [r.device.name, r.level]), [['ups1', 'critical']]);
    assert.match(m.upsAlarms[0].detail, /on battery · 64% · 22 min/);
    assert.deepEqual(m.sensorsAlarm.map((r) => [r.device.name, r.what, r.level]), [['ups1', 'Battery temperature', 'critical']]);
    const html = dashboardBody(m);
    assert.match(html, /<section id="supplies-low"><h2>Supplies low<\/h2>.*Black Cartridge HP CF217A/s);
    assert.match(html, /<section id="ups-alarms">.*ups1.*on battery/s);
    assert.match(html, /<section id="sensors-alarm">.*Battery temperature.*52 °C \(limit 45 °C\)/s);
  });
  it('a threshold from parc.yaml changes what is low', () => {
    const strict = inventoryFrom('devices:\n  - host: prn1\n    name: prn1\nthresholds: { supplyPercent: 80 }\n');
    const m = dashboardModel({ inventory: strict, records, alerts: [], now: NOW });
    assert.deepEqual(m.suppliesLow.map((r) => r.what), ['Black Cartridge HP CF217A', 'Imaging Drum HP CF219A']);
  });
});

describe('device page Inventory and Health', () => {
  it('sections from the last poll, graphs for sensors, supplies and the UPS', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-health-page-'));
    const store = MetricStore.open(dir, { now: () => NOW });
    try {
      const key = 'ups1:161';
      for (let k = 0; k < 6; k++) {
        const at = iso(NOW - (6 - k) * 300_000);
        const r: DeviceReport = { ...poll('ups1', { ...ups, ...printer, polledAt: at }), key, region: 'R', site: 'S', siteReason: 'none', siteExplanation: '', statusSince: at, rebooted: false };
        store.record(reportSamples(r, new Map()));
      }
      const last = poll('ups1', { ...ups, pageCount: 15232, mempools: [{ index: 'hr.1', description: 'Physical memory', type: 'ram', totalBytes: 2 ** 30, usedPercent: 40 }], processors: [{ index: 196608, loadPercent: 12, description: 'Intel Xeon E-2224' }] });
      const m = devicePageModel({ key, name: 'ups1', host: 'ups1', port: 161, last, region: 'R', site: 'S', siteExplanation: '', events: [], store, range: '6h', now: NOW });
      assert.deepEqual(m.inventory.slice(0, 3), [['Model', 'Smart-UPS 1500'], ['Serial', '-'], ['Version', '6.8.2']]);
      assert.ok(m.inventory.some(([k, v]) => k === 'Page count' && v === '15,232'));
      const h = (g: string) => m.health.filter((x) => x.group === g).map((x) => [x.name, x.value, x.level]);
      assert.deepEqual(h('Processors'), [['Intel Xeon E-2224', '12%', 'ok']]);
      assert.deepEqual(h('Memory'), [['Physical memory', '40% of 1.0 GiB', 'ok']]);
      assert.deepEqual(h('Sensors'), [['Battery temperature', '52 °C', 'critical'], ['Fan 1', 'normal', 'ok']]);
      assert.deepEqual(h('UPS').slice(0, 3), [['Status', 'onBattery', 'critical'], ['Battery charge', '64 %', 'critical'], ['Runtime', '21.5 min', 'ok']]);
      const ids = m.charts.map((c) => c.id);
      for (const id of ['sensor-temperature', 'supplies', 'ups', 'ups-runtime', 'pages']) assert.ok(ids.includes(id), `chart ${id} in ${ids.join(', ')}`);
      assert.ok(!ids.includes('sensor-state'), 'state numbers are not graphed');
      assert.deepEqual(m.charts.find((c) => c.id === 'ups')!.series.map((s) => s.label), ['charge', 'load']);
      assert.ok(!m.charts.find((c) => c.id === 'cpu'), 'UPS load is not a processor');
      const html = deviceHtml(m, { nonce: 'n', uplotJs: '', uplotCss: '' });
      assert.match(html, /<h2>Inventory<\/h2>/);
      assert.match(html, /<section id="health-section"><h2>Health<\/h2>/);
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
