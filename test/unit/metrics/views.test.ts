import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetricStore } from '../../../src/core/metrics/store';
import { dashboardModel } from '../../../src/core/metrics/views/dashboard-model';
import { dashboardHtml } from '../../../src/core/metrics/views/dashboard-html';
import { devicePageModel } from '../../../src/core/metrics/views/device-model';
import { deviceHtml } from '../../../src/core/metrics/views/device-html';
import { mercator, siteMapSvg } from '../../../src/core/metrics/views/site-map';
import { inventoryFrom } from '../../support/estate';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { DeviceRecord, ParcEvent } from '../../../src/core/state/types';

const NOW = Date.UTC(2026, 0, 10, 12);
const iso = (ms: number) => new Date(ms).toISOString();

function poll(host: string, status: 'up' | 'down', extra: Partial<DevicePoll> = {}): DevicePoll {
  return { host, port: 161, status, polledAt: iso(NOW - 60_000), durationMs: 80, interfaces: [], storage: [], processors: [], ...extra };
}

const inv = inventoryFrom(`sites:
  - region: Nord
    name: Lille
    coordinates: [50.63, 3.06]
  - region: Sud
    name: Marseille
    coordinates: [43.30, 5.37]
  - region: Sud
    name: Nice
devices:
  - { host: 192.0.2.1, name: core, site: Lille }
  - { host: 192.0.2.2, name: edge, site: Marseille }
  - { host: 192.0.2.3, name: old, site: Marseille }
  - { host: 192.0.2.4, name: new, site: Lille }
`);

const records = new Map<string, DeviceRecord>([
  ['192.0.2.1:161', { statusSince: iso(NOW - 86_400_000), last: poll('192.0.2.1', 'up', {
    interfaces: [
      { ifIndex: 1, name: 'ge-0/0/1', adminStatus: 'up', operStatus: 'up', counterBits: 64, speedBps: 1e9, inBps: 9.5e8, outBps: 1e8 },
      { ifIndex: 2, name: 'ge-0/0/2', adminStatus: 'up', operStatus: 'up', counterBits: 64, speedBps: 1e9, inBps: 1e7, outBps: 2e8 },
      { ifIndex: 3, name: 'ge-0/0/3', adminStatus: 'up', operStatus: 'down', counterBits: 64, speedBps: 1e9 },
    ],
    storage: [
      // A record polled before memory moved to mempools: its RAM and page-cache rows are not "storage nearly full".
      { index: 1, description: 'Physical memory', type: 'ram', sizeBytes: 8e9, usedBytes: 7.9e9, usedPercent: 99 },
      { index: 7, description: 'Cached memory', type: 'other', sizeBytes: 3e9, usedBytes: 3e9, usedPercent: 100 },
      { index: 31, description: '/var', type: 'fixedDisk', sizeBytes: 1e11, usedBytes: 9.2e10, usedPercent: 92 },
      { index: 32, description: '/', type: 'fixedDisk', sizeBytes: 1e11, usedBytes: 3e10, usedPercent: 30 },
    ],
  }) }],
  ['192.0.2.2:161', { statusSince: iso(NOW - 3_600_000), last: poll('192.0.2.2', 'down', { error: 'timeout' }) }],
  ['192.0.2.3:161', { statusSince: iso(NOW - 7_200_000), last: poll('192.0.2.3', 'down', { error: 'timeout' }) }],
]);

const alerts: ParcEvent[] = [
  { time: iso(NOW - 3_600_000), type: 'down', severity: 'critical', device: '192.0.2.2:161', deviceName: 'edge', message: 'edge is down: timeout' },
  { time: iso(NOW - 2 * 86_400_000), type: 'down', severity: 'critical', device: '192.0.2.3:161', deviceName: 'old', message: 'old is down (two days ago)' },
];

describe('dashboard model and HTML', () => {
  const m = dashboardModel({ inventory: inv, records, alerts, now: NOW });

  it('counts per region and site, with site status', () => {
    assert.deepEqual(m.totals, { devices: 4, up: 1, down: 2, unknown: 1 });
    const sud = m.regions.find((r) => r.region === 'Sud')!;
    assert.deepEqual(sud.sites.map((s) => [s.site, s.up, s.down, s.unknown, s.status]), [['Marseille', 0, 2, 0, 'down'], ['Nice', 0, 0, 0, 'unknown']]);
    const lille = m.regions.find((r) => r.region === 'Nord')!.sites[0];
    assert.deepEqual([lille.up, lille.unknown, lille.status], [1, 1, 'up']);
  });

  it('devices down longest first, alerts of the last 24 h only, busiest interfaces, disks nearly full (not RAM)', () => {
    assert.deepEqual(m.downLongest.map((d) => [d.name, d.downSeconds]), [['old', 7200], ['edge', 3600]]);
    assert.deepEqual(m.alerts.map((a) => a.deviceName), ['edge']);
    assert.deepEqual(m.topInterfaces.map((i) => [i.name, i.utilisation]), [['ge-0/0/1', 0.95], ['ge-0/0/2', 0.2]]);
    assert.deepEqual(m.storageFull.map((s) => s.description), ['/var']);
  });

  it('HTML: strict CSP, no remote resource, no style attribute, rows link to device pages', () => {
    const html = dashboardHtml(m, { nonce: 'abc123' });
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; img-src data:; style-src &#39;nonce-abc123&#39;; script-src &#39;nonce-abc123&#39;/);
    assert.ok(!/(src|href)="(https?:)?\/\//.test(html));
    assert.ok(!/ style="/.test(html), 'inline style attributes would be blocked by the CSP');
    assert.match(html, /<a href="#dev-192\.0\.2\.2:161" data-device="192\.0\.2\.2:161">edge<\/a>/);
    assert.match(html, /<style nonce="abc123">/);
  });

  it('site map: positions follow the coordinates; sites without them are listed; tiles only when asked', () => {
    const sites = m.regions.flatMap((r) => r.sites);
    const svg = siteMapSvg(sites, { width: 800, height: 400 });
    const pos = (name: string) => {
      const re = new RegExp(`cx="([\\d.]+)" cy="([\\d.]+)" r="7"/><text[^>]*>${name}`);
      const mm = re.exec(svg)!;
      return [Number(mm[1]), Number(mm[2])];
    };
    const [lx, ly] = pos('Lille');
    const [mx, my] = pos('Marseille');
    assert.ok(mx > lx && my > ly, 'Marseille is east and south of Lille');
    assert.ok(lx >= 0 && mx <= 800 && ly >= 0 && my <= 400);
    const [x1, y1] = mercator(50.63, 3.06);
    const [x2, y2] = mercator(43.3, 5.37);
    assert.ok(Math.abs((mx - lx) / (my - ly) - (x2 - x1) / (y2 - y1)) < 1e-3, 'aspect kept');
    assert.doesNotMatch(svg, /<image/);
    const tiled = dashboardHtml(m, { nonce: 'n', map: { tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' } });
    assert.match(tiled, /<image href="https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png"/);
    assert.match(tiled, /img-src data: https:\/\/tile\.openstreetmap\.org;/);
    assert.match(tiled, /OpenStreetMap contributors/);
  });
});

describe('device page model and HTML', () => {
  it('charts come from the store for the chosen range; ports and identity from the last poll', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-devpage-'));
    const store = MetricStore.open(dir, { now: () => NOW });
    try {
      const t0 = NOW / 1000 - 12 * 300;
      const samples = [];
      for (let k = 0; k < 12; k++) {
        const t = t0 + k * 300;
        samples.push({ device: '192.0.2.1:161', entity: 'device', ds: 'status', label: 'core', t, value: 1 });
        samples.push({ device: '192.0.2.1:161', entity: 'if:1', ds: 'inBps', label: 'ge-0/0/1', t, value: 1000 * k });
        samples.push({ device: '192.0.2.1:161', entity: 'if:1', ds: 'outBps', label: 'ge-0/0/1', t, value: 500 });
        samples.push({ device: '192.0.2.1:161', entity: 'storage:31', ds: 'usedPercent', label: '/var', t, value: 92 });
      }
      store.record(samples);
      const rec = records.get('192.0.2.1:161')!;
      const model = devicePageModel({ key: '192.0.2.1:161', name: 'core', host: '192.0.2.1', port: 161, last: rec.last, statusSince: rec.statusSince, region: 'Nord', site: 'Lille', siteExplanation: 'site set in parc.yaml', events: alerts, store, range: '6h', now: NOW });
      assert.equal(model.archive, '5m');
      assert.deepEqual(model.charts.map((c) => c.id), ['status', 'traffic-if:1', 'storage']);
      const traffic = model.charts[1];
      assert.deepEqual(traffic.series.map((s) => s.label), ['in', 'out']);
      assert.equal(traffic.t.length, 73); // 6 h of 5-minute points, both ends included
      assert.deepEqual(traffic.series[0].values.filter((v) => v !== null), Array.from({ length: 12 }, (_, k) => 1000 * k));
      assert.deepEqual(model.ports.map((p) => [p.name, p.operStatus, p.inRate]), [['ge-0/0/1', 'up', '950 Mbit/s'], ['ge-0/0/2', 'up', '10.0 Mbit/s'], ['ge-0/0/3', 'down', '-']]);
      assert.ok(model.identity.some(([k, v]) => k === 'Why this site' && v === 'site set in parc.yaml'));

      const html = deviceHtml(model, { nonce: 'N0nce', cspSource: 'vscode-webview://abc', uplotJs: 'var uPlot = function () {};', uplotCss: '.uplot {}' });
      assert.match(html, /script-src &#39;nonce-N0nce&#39;;/);
      assert.match(html, /img-src data: vscode-webview:\/\/abc;/);
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((x) => x[1]);
      assert.ok(scripts.every((a) => a.includes('nonce="N0nce"') || a.includes('type="application/json"')), scripts.join(' | '));
      assert.ok(!/(src|href)="(https?:)?\/\//.test(html));
      // The model travels as JSON that cannot close its script element.
      const json = /<script type="application\/json" id="model">([^<]*)<\/script>/.exec(html)!;
      assert.equal(JSON.parse(json[1]).charts[1].series[0].values.filter((v: number | null) => v !== null).length, 12);
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
