// The device page and the dashboard as a first-hour user sees them, in a real headless Chromium (not VS Code):
// empty charts say they are collecting; a flat latency gets axis labels that differ; charts follow the window's
// width; a dropped rate is explained on hover; the site map's labels do not overlap (bounding boxes measured by
// the browser) over Natural Earth outlines; and in French, with the words of l10n/bundle.l10n.fr.json.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { MetricStore, type Sample } from '../../../src/core/metrics/store';
import { defaultRange, devicePageModel, type DevicePageInput } from '../../../src/core/metrics/views/device-model';
import { deviceHtml } from '../../../src/core/metrics/views/device-html';
import { dashboardModel } from '../../../src/core/metrics/views/dashboard-model';
import { dashboardHtml } from '../../../src/core/metrics/views/dashboard-html';
import { fill, type Translate } from '../../../src/core/metrics/views/strings';
import { makeTimeFormatter } from '../../../src/core/time-format';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { DeviceRecord } from '../../../src/core/state/types';
import { inventoryFrom } from '../../support/estate';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../../../..');
const NOW = Date.UTC(2026, 11, 1, 21, 48, 55);
const FR = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
const french: Translate = (s, ...a) => fill(Object.hasOwn(FR, s) ? FR[s] : s, a);
const uplotJs = fs.readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
const uplotCss = fs.readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');

const last = (o: Partial<DevicePoll> = {}): DevicePoll => ({
  host: 'r1', port: 161, status: 'up', polledAt: new Date(NOW - 60_000).toISOString(), durationMs: 70, sysName: 'core-r1', os: 'linux', uptimeSeconds: 31_536_000,
  interfaces: [{ ifIndex: 1, name: 'eth0', adminStatus: 'up', operStatus: 'up', counterBits: 64, speedBps: 1e9 }], storage: [], processors: [],
  ...o,
} as DevicePoll);

function page(input: Partial<DevicePageInput>, store?: MetricStore): string {
  const model = devicePageModel({ key: 'r1:161', name: 'core', host: 'r1', port: 161, last: last(), statusSince: new Date(NOW - 3_600_000).toISOString(), region: 'Nord', site: 'Lille', siteExplanation: '', events: [], store, now: NOW, ...input });
  return deviceHtml(model, { nonce: 'dGVzdG5vbmNl', uplotJs, uplotCss });
}

function storeWith(samples: Sample[]): { store: MetricStore; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-webview-ux-'));
  const store = MetricStore.open(dir, { now: () => NOW });
  store.record(samples);
  return { store, dir };
}

describe('device page and dashboard for a new user, in headless Chromium', { skip: !fs.existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let browser: Browser;
  const dirs: string[] = [];
  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
  });
  after(async () => {
    await browser?.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  async function open(html: string, width = 1200): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height: 1000 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    // The page's clock is the models' (NOW): relative times ("il y a 1 minute") must not depend on the day the
    // test runs (a real clock a day later made it "hier"). Timers keep running.
    await p.clock.setFixedTime(NOW);
    await p.setContent(html, { waitUntil: 'load' });
    await p.waitForSelector('body[data-rendered]');
    assert.deepEqual(errors, []);
    return p;
  }

  it('nothing stored yet: the first charts are there, empty, saying "collecting data — first points after two polls"', async () => {
    const { store, dir } = storeWith([]);
    dirs.push(dir);
    const p = await open(page({}, store));
    const empty = await p.$$eval('.chart', (els) => els.map((e) => [e.getAttribute('data-chart'), e.querySelector('.chart-empty')?.textContent ?? '']));
    assert.deepEqual(empty, [['status', 'collecting data — first points after two polls'], ['poll', 'collecting data — first points after two polls']]);
    assert.equal(await p.$eval('.ranges button.on', (b) => b.getAttribute('data-range')), '1h', 'a new device opens on 1 h');
    assert.equal(await p.$eval('#events td', (td) => td.textContent), 'No events recorded for this device yet.');
    await p.close();
    store.close();
  });

  it('the default range is the one with data: 1 h for half an hour of history, 6 h for two hours, 24 h for three days', () => {
    const mk = (hours: number) => {
      const samples: Sample[] = [];
      for (let t = NOW / 1000 - hours * 3600; t <= NOW / 1000; t += 300) samples.push({ device: 'r1:161', entity: 'device', ds: 'status', label: 'core', t, value: 1 });
      const s = storeWith(samples);
      dirs.push(s.dir);
      return s.store;
    };
    const half = mk(0.5);
    const two = mk(2);
    const three = mk(72);
    assert.equal(defaultRange(half, 'r1:161', NOW), '1h');
    assert.equal(defaultRange(two, 'r1:161', NOW), '6h');
    assert.equal(defaultRange(three, 'r1:161', NOW), '24h');
    assert.equal(devicePageModel({ key: 'r1:161', name: 'core', host: 'r1', port: 161, region: 'R', site: 'S', siteExplanation: '', events: [], store: three, now: NOW }).range, '24h');
    half.close();
    two.close();
    three.close();
  });

  it('a flat latency of about 3027 ms: the axis starts at 0 and no two tick labels are the same', async () => {
    const samples: Sample[] = [];
    for (let k = 0; k < 60; k++) {
      const t = NOW / 1000 - (60 - k) * 300;
      samples.push({ device: 'r1:161', entity: 'device', ds: 'status', label: 'core', t, value: 1 });
      samples.push({ device: 'r1:161', entity: 'device', ds: 'pollMs', label: 'core', t, value: 3026.6 + (k % 3) * 0.3 });
      samples.push({ device: 'r1:161', entity: 'if:1', ds: 'inBps', label: 'eth0', t, value: 2.4e7 + (k % 5) * 1e5 });
    }
    const { store, dir } = storeWith(samples);
    dirs.push(dir);
    const p = await open(page({ range: '6h' }, store));
    for (const id of ['poll', 'traffic-if:1']) {
      const ticks = (await p.$eval(`.chart[data-chart="${id}"]`, (e) => e.getAttribute('data-y-ticks') ?? '')).split('|');
      assert.ok(ticks.length >= 3, `${id}: ticks ${ticks.join(' / ')}`);
      assert.equal(new Set(ticks).size, ticks.length, `${id}: repeated tick labels ${ticks.join(' / ')}`);
      assert.match(ticks[0], /^0\b/, `${id}: the axis starts at 0 (${ticks.join(' / ')})`);
    }
    const poll: string[] = (await p.$eval('.chart[data-chart="poll"]', (e) => e.getAttribute('data-y-ticks') ?? '')).split('|');
    assert.ok(poll.every((x) => / ms$/.test(x)), poll.join(' / '));
    await p.close();
    store.close();
  });

  it('charts are redrawn at the new width when the editor is resized', async () => {
    const samples: Sample[] = [];
    for (let k = 0; k < 30; k++) samples.push({ device: 'r1:161', entity: 'device', ds: 'pollMs', label: 'core', t: NOW / 1000 - (30 - k) * 300, value: 40 + k });
    const { store, dir } = storeWith(samples);
    dirs.push(dir);
    const p = await open(page({ range: '6h' }, store), 1400);
    const widths = () => p.$eval('.chart[data-chart="poll"]', (e) => [e.clientWidth, e.querySelector('.uplot')!.getBoundingClientRect().width]) as Promise<number[]>;
    const [wide, plotWide] = await widths();
    assert.ok(Math.abs(wide - plotWide) <= 2, `chart ${plotWide} px in a ${wide} px column`);
    await p.setViewportSize({ width: 700, height: 1000 });
    // Polled from here: a string predicate would be evaluated in the page, where the CSP forbids eval.
    let [narrow, plotNarrow] = await widths();
    for (let i = 0; i < 100 && Math.abs(narrow - plotNarrow) > 2; i++) {
      await p.waitForTimeout(100);
      [narrow, plotNarrow] = await widths();
    }
    assert.ok(Math.abs(narrow - wide) > 100, `the column changed width (${wide} → ${narrow})`);
    assert.ok(Math.abs(narrow - plotNarrow) <= 2, `redrawn: chart ${plotNarrow} px in a ${narrow} px column`);
    await p.close();
    store.close();
  });

  it('a dropped rate (device up, no rate) is explained in the legend on hover', async () => {
    const samples: Sample[] = [];
    for (let k = 0; k < 60; k++) {
      const t = NOW / 1000 - (60 - k) * 300;
      samples.push({ device: 'r1:161', entity: 'device', ds: 'status', label: 'core', t, value: 1 });
      if (k < 20 || k >= 40) samples.push({ device: 'r1:161', entity: 'if:1', ds: 'inBps', label: 'eth0', t, value: 5e6 });
    }
    const { store, dir } = storeWith(samples);
    dirs.push(dir);
    const p = await open(page({ range: '6h' }, store));
    const over = (await (await p.$('.chart[data-chart="traffic-if:1"] .u-over'))!.boundingBox())!;
    // Points 20–39 of 72 slots in the 6 h range end at "now": the middle of the gap is at about 40 % of the width.
    const t0 = NOW / 1000 - 6 * 3600;
    const mid = (NOW / 1000 - 30 * 300 - t0) / (6 * 3600);
    await p.mouse.move(over.x + over.width * mid, over.y + over.height / 2);
    const legend = await p.$eval('.chart[data-chart="traffic-if:1"] .u-legend', (e) => e.textContent ?? '');
    assert.match(legend, /counter reset or above link speed/);
    await p.mouse.move(over.x + over.width * ((NOW / 1000 - 5 * 300 - t0) / (6 * 3600)), over.y + over.height / 2);
    assert.match(await p.$eval('.chart[data-chart="traffic-if:1"] .u-legend', (e) => e.textContent ?? ''), /in\s*5 Mbit\/s/);
    await p.close();
    store.close();
  });

  it('site map: Natural Earth outlines, one colour per site status, labels that overlap neither each other nor a dot', async () => {
    const inv = inventoryFrom(`sites:
  - { region: Île-de-France, name: Suresnes HQ, coordinates: [48.8711, 2.2266] }
  - { region: Île-de-France, name: Mitry-Mory, coordinates: [48.9783, 2.6333] }
  - { region: Île-de-France, name: Nanterre, coordinates: [48.8924, 2.2071] }
  - { region: Occitanie, name: Toulouse, coordinates: [43.6047, 1.4442] }
devices:
  - { host: r1, name: a, site: Suresnes HQ }
  - { host: r2, name: b, site: Mitry-Mory }
  - { host: r3, name: c, site: Toulouse }
  - { host: r4, name: d, site: Toulouse }
  - { host: r5, name: e, site: Nanterre }
`);
    const up = last();
    const down = last({ status: 'down', error: 'no answer' });
    const records = new Map<string, DeviceRecord>([
      ['r1:161', { statusSince: up.polledAt, last: up }], ['r2:161', { statusSince: up.polledAt, last: down }],
      ['r3:161', { statusSince: up.polledAt, last: up }], ['r4:161', { statusSince: up.polledAt, last: down }],
    ]);
    const html = dashboardHtml(dashboardModel({ inventory: inv, records, alerts: [], now: NOW }), { nonce: 'dGVzdG5vbmNl' });
    const p = await open(html.replace('<body>', '<body data-rendered="1">'));
    const sites = (await p.$$eval('.map g.site', (gs) => gs.map((g) => {
      const t = g.querySelector('text') as unknown as { getBBox(): { x: number; y: number; width: number; height: number } };
      const c = g.querySelector('circle')!;
      const b = t.getBBox();
      return { site: g.getAttribute('data-site'), status: c.getAttribute('class'), label: { x: b.x, y: b.y, w: b.width, h: b.height }, dot: { x: Number(c.getAttribute('cx')) - 7, y: Number(c.getAttribute('cy')) - 7, w: 14, h: 14 } };
    }))) as { site: string; status: string; label: { x: number; y: number; w: number; h: number }; dot: { x: number; y: number; w: number; h: number } }[];
    assert.deepEqual(sites.map((s) => [s.site, s.status]).sort(), [['Mitry-Mory', 'down'], ['Nanterre', 'unknown'], ['Suresnes HQ', 'up'], ['Toulouse', 'partial']]);
    const hit = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const a of sites) {
      for (const b of sites) {
        if (a === b) continue;
        assert.ok(!hit(a.label, b.label), `label of ${a.site} ${JSON.stringify(a.label)} overlaps that of ${b.site} ${JSON.stringify(b.label)}`);
        assert.ok(!hit(a.label, b.dot), `label of ${a.site} covers the dot of ${b.site}`);
      }
      assert.ok(a.label.x >= 0 && a.label.x + a.label.w <= 900 && a.label.y >= 0 && a.label.y + a.label.h <= 420, `label of ${a.site} inside the map`);
    }
    // Colours differ per status (computed by the browser from the stylesheet).
    const fills = (await p.evaluate('[...new Set([...document.querySelectorAll(".map circle")].map((c) => getComputedStyle(c).fill))]')) as string[];
    assert.equal(fills.length, 4, fills.join(', '));
    // The land and coastline of France are drawn, inside the view.
    const land = await p.$eval('.map path.land', (e) => (e.getAttribute('d') ?? '').length);
    const coast = await p.$eval('.map path.coast', (e) => { const b = (e as unknown as { getBBox(): { width: number; height: number } }).getBBox(); return [b.width, b.height]; });
    assert.ok(land > 2000, `land outline of ${land} characters`);
    assert.ok(coast[0] > 300 && coast[1] > 200, `coastline spans ${coast.join('×')} px`);
    assert.match(html, /Natural Earth/);
    await p.close();
  });

  it('in French: headings, status words, empty texts and dates from the French bundle and Intl', async () => {
    const { store, dir } = storeWith([]);
    dirs.push(dir);
    const times = makeTimeFormatter('fr', 'Europe/Paris');
    const p = await open(page({ t: french, times }, store));
    const h2 = (await p.evaluate('[...document.querySelectorAll("h2")].filter((h) => h.offsetParent !== null).map((h) => h.textContent)')) as string[];
    assert.deepEqual(h2, ['Inventaire', 'Graphiques', 'Ports', 'Événements récents']);
    assert.equal(await p.$eval('#status', (e) => e.textContent), 'joignable');
    assert.equal(await p.$eval('.chart-empty', (e) => e.textContent), 'collecte en cours — premiers points après deux interrogations');
    assert.equal(await p.$eval('#events td', (e) => e.textContent), 'Aucun événement enregistré pour cet équipement.');
    assert.equal(await p.$eval('html', (e) => e.getAttribute('lang')), 'fr');
    const rows = Object.fromEntries(await p.$$eval('#ident tr', (trs) => trs.map((tr) => [(tr as HTMLTableRowElement).cells[0].textContent, (tr as HTMLTableRowElement).cells[1].textContent])));
    // 21:47:55 UTC is 22:47:55 in Paris, a minute before the page's clock (NOW).
    assert.match(rows['Dernière interrogation'], /^1 déc\. 2026, 22:47:55 UTC\+1 \(70 ms\) · il y a /);
    assert.match(rows['Temps de fonctionnement'], /^365d 0h \(démarré le 1 déc\. 2025, 22:47:55 UTC\+1\)$/);
    assert.match(await p.$eval('#since', (e) => e.textContent ?? ''), /^vu joignable depuis le 1 déc\. 2026, 21:48:55 UTC\+1$/);
    await p.close();
    store.close();

    const inv = inventoryFrom('sites:\n  - { region: Nord, name: Lille, coordinates: [50.63, 3.06] }\ndevices:\n  - { host: r1, name: a, site: Lille }\n');
    const dash = await open(dashboardHtml(dashboardModel({ inventory: inv, records: new Map(), alerts: [], now: NOW }), { nonce: 'dGVzdG5vbmNl', text: { t: french, times } }).replace('<body>', '<body data-rendered="1">'));
    const titles = await dash.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    for (const t of ['Carte des sites', 'Régions et sites', 'Alertes des dernières 24 heures', 'Tous les équipements']) assert.ok(titles.includes(t), `${t} in ${titles.join(', ')}`);
    assert.match(await dash.$eval('p.muted', (e) => e.textContent ?? ''), /^État au 1 déc\. 2026, 22:48:55 UTC\+1$/);
    await dash.close();
  });
});
