// The device page and dashboard HTML rendered by a real Chromium (headless, not VS Code): the charts
// are drawn by uPlot with data from a real store, hovering shows values, and the CSP blocks every
// remote load the page might attempt (counted by a loopback HTTP server). Screenshots go to
// screenshots/ (gitignored).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { MetricStore } from '../../../src/core/metrics/store';
import { devicePageModel } from '../../../src/core/metrics/views/device-model';
import { deviceHtml } from '../../../src/core/metrics/views/device-html';
import { dashboardModel } from '../../../src/core/metrics/views/dashboard-model';
import { dashboardHtml } from '../../../src/core/metrics/views/dashboard-html';
import { inventoryFrom } from '../../support/estate';
import type { DeviceRecord } from '../../../src/core/state/types';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../../../../screenshots');
const NOW = Date.UTC(2026, 0, 10, 12);

describe('device page and dashboard in headless Chromium (not VS Code)', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let browser: Browser;
  let server: http.Server;
  let port = 0;
  let hits = 0;
  let dir: string;
  let deviceHtmlText = '';
  let dashboardHtmlText = '';

  before(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-webview-'));
    const store = MetricStore.open(dir, { now: () => NOW });
    const samples = [];
    const end = NOW / 1000;
    for (let k = 0; k < 288; k++) {
      const t = end - (288 - k) * 300;
      const wave = Math.sin(k / 20);
      samples.push({ device: 'r1:161', entity: 'device', ds: 'status', label: 'core', t, value: k >= 100 && k < 110 ? 0 : 1 });
      samples.push({ device: 'r1:161', entity: 'device', ds: 'pollMs', label: 'core', t, value: 60 + 20 * wave });
      samples.push({ device: 'r1:161', entity: 'if:1', ds: 'inBps', label: 'eth0', t, value: 4e8 + 3e8 * wave });
      samples.push({ device: 'r1:161', entity: 'if:1', ds: 'outBps', label: 'eth0', t, value: 1e8 + 5e7 * Math.cos(k / 15) });
      samples.push({ device: 'r1:161', entity: 'storage:31', ds: 'usedPercent', label: '/', t, value: 40 + k / 20 });
      samples.push({ device: 'r1:161', entity: 'cpu:1', ds: 'load', label: 'cpu1', t, value: 30 + 25 * Math.abs(wave) });
    }
    store.record(samples);
    const polledAt = new Date(NOW - 60_000).toISOString();
    const last = {
      host: 'r1', port: 161, status: 'up' as const, polledAt, durationMs: 70, sysName: 'core-r1', os: 'linux', distro: 'Debian 12', uptimeSeconds: 912345, sysLocation: 'Lille, salle 1',
      interfaces: [{ ifIndex: 1, name: 'eth0', adminStatus: 'up', operStatus: 'up', counterBits: 64 as const, speedBps: 1e9, inBps: 6.1e8, outBps: 1.2e8 }],
      storage: [{ index: 31, description: '/', type: 'fixedDisk', sizeBytes: 1e11, usedBytes: 5.4e10, usedPercent: 54 }], processors: [{ index: 1, loadPercent: 41 }],
    };
    const model = devicePageModel({ key: 'r1:161', name: 'core', host: 'r1', port: 161, last, statusSince: new Date(NOW - 86_400_000).toISOString(), region: 'Nord', site: 'Lille', siteExplanation: 'sysLocation names "Lille"', events: [], store, range: '24h', now: NOW });
    store.close();
    const uplotJs = fs.readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
    const uplotCss = fs.readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
    deviceHtmlText = deviceHtml(model, { nonce: 'dGVzdG5vbmNl', uplotJs, uplotCss });

    const inv = inventoryFrom(`sites:
  - { region: Nord, name: Lille, coordinates: [50.63, 3.06] }
  - { region: Sud, name: Marseille, coordinates: [43.30, 5.37] }
  - { region: Ouest, name: Rennes, coordinates: [48.11, -1.68] }
devices:
  - { host: r1, name: core, site: Lille }
  - { host: r2, name: edge, site: Marseille }
  - { host: r3, name: branch, site: Rennes }
`);
    const records = new Map<string, DeviceRecord>([
      ['r1:161', { statusSince: polledAt, last }],
      ['r2:161', { statusSince: new Date(NOW - 5_400_000).toISOString(), last: { ...last, host: 'r2', status: 'down', error: 'no answer', interfaces: [], storage: [] } }],
      ['r3:161', { statusSince: polledAt, last: { ...last, host: 'r3', storage: [{ index: 2, description: '/srv', type: 'fixedDisk', sizeBytes: 2e12, usedBytes: 1.9e12, usedPercent: 95 }] } }],
    ]);
    const alerts = [{ time: new Date(NOW - 5_400_000).toISOString(), type: 'down' as const, severity: 'critical' as const, device: 'r2:161', deviceName: 'edge', message: 'edge is down: no answer' }];
    dashboardHtmlText = dashboardHtml(dashboardModel({ inventory: inv, records, alerts, now: NOW }), { nonce: 'dGVzdG5vbmNl' });
  });

  after(async () => {
    await browser?.close();
    server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws every chart with uPlot and shows values on hover', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setContent(deviceHtmlText, { waitUntil: 'load' });
    await page.waitForSelector('body[data-rendered]');
    assert.deepEqual(errors, []);
    const charts = await page.$$eval('.chart', (els) => els.map((e) => [e.getAttribute('data-chart'), e.querySelectorAll('canvas').length]));
    assert.deepEqual(charts, [['status', 1], ['poll', 1], ['traffic-if:1', 1], ['storage', 1], ['cpu', 1]]);
    const over = await page.$('.chart[data-chart="traffic-if:1"] .u-over');
    const box = (await over!.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const legend = await page.$eval('.chart[data-chart="traffic-if:1"] .u-legend', (e) => e.textContent ?? '');
    assert.match(legend, /in\s*[\d.]+ Mbit\/s/);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, 'metrics-device-page.png'), fullPage: true });
    await page.close();
  });

  it('the CSP blocks remote images, scripts, styles and fetches', async () => {
    const page = await browser.newPage();
    await page.setContent(deviceHtmlText, { waitUntil: 'load' });
    const before = hits;
    // In-page code as a string: the test project is compiled without the DOM library.
    const violations = (await page.evaluate(`(async (url) => {
      const seen = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const img = new Image();
      img.src = url + '/img.png';
      document.body.append(img);
      const s = document.createElement('script');
      s.src = url + '/x.js';
      document.body.append(s);
      const l = document.createElement('link');
      l.rel = 'stylesheet';
      l.href = url + '/x.css';
      document.head.append(l);
      await fetch(url + '/api').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
      return seen;
    })('http://127.0.0.1:${port}')`)) as string[];
    assert.equal(hits - before, 0, 'no request reached the server');
    for (const d of ['img-src', 'script-src-elem', 'style-src-elem', 'connect-src']) assert.ok(violations.includes(d), `${d} violation in ${violations.join(', ')}`);
    await page.close();
  });

  it('dashboard: site map and tables render; screenshot', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.setContent(dashboardHtmlText, { waitUntil: 'load' });
    const circles = await page.$$eval('.map circle', (els) => els.map((e) => e.getAttribute('class')));
    assert.deepEqual(circles.sort(), ['down', 'up', 'up']);
    const full = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    assert.ok(full.includes('Storage nearly full'));
    await page.screenshot({ path: path.join(SHOTS, 'metrics-dashboard.png'), fullPage: true });
    await page.close();
  });
});
