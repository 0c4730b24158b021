// The device page HTML for the webview: identity, graphs (uPlot, inlined with the page's nonce:
// nothing is loaded from anywhere), ports, events. Range buttons ask the extension for a new model
// (postMessage); the extension also pushes a fresh model after each poll. Words come translated in the model;
// dates are formatted by the same helper as the views (src/core/time-format.ts), run here in the page.
import type { DevicePageModel } from './device-model';
import { RANGES } from './device-model';
import { esc, page } from './html';
import { TIME_FORMAT_JS } from '../../time-format';

export interface DeviceHtmlOptions {
  nonce: string;
  cspSource?: string;
  /** uPlot's iife bundle and stylesheet, inlined. */
  uplotJs: string;
  uplotCss: string;
}

const CSS = `
.head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.ranges { margin: 12px 0; display: flex; gap: 4px; }
.ranges button { font: inherit; color: var(--vscode-button-secondaryForeground, var(--fg)); background: var(--vscode-button-secondaryBackground, var(--panel));
  border: 1px solid var(--border); border-radius: 4px; padding: 2px 10px; cursor: pointer; }
.ranges button.on { color: var(--vscode-button-foreground, #fff); background: var(--vscode-button-background, var(--link)); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 12px 20px; }
.chart { min-width: 0; overflow: hidden; }
.chart h3 { font-size: 13px; margin: 8px 0 4px; }
.chart-note { color: var(--muted); font-style: italic; font-size: 90%; margin: -4px 0 4px; }
.chart-empty { height: 150px; display: flex; align-items: center; justify-content: center; border: 1px dashed var(--border); border-radius: 6px; color: var(--muted); font-style: italic; }
.uplot, .uplot .u-legend { font-family: var(--font); color: var(--fg); }
.u-legend { font-size: 12px; }
table.ident td:first-child { color: var(--muted); width: 140px; }
.rel { color: var(--muted); }
td.note { text-decoration: underline dotted; cursor: help; }
.sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 0 24px; }
table.health td.group { color: var(--muted); width: 90px; }
.lv-warning { color: var(--warn); font-weight: 600; } .lv-critical { color: var(--down); font-weight: 600; }
`;

/** The page script: draws the charts from the model, with hover values in the legend. */
const SCRIPT = `
(() => {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const makeTimeFormatter = ${TIME_FORMAT_JS};
  const RANGES = ${JSON.stringify(RANGES)};
  const css = (n) => getComputedStyle(document.body).getPropertyValue(n).trim() || '#888';
  const palette = () => [css('--link'), css('--warn'), css('--up'), css('--down'), '#8250df', '#bf3989', '#1b7c83', '#953800'];
  const SI = ['', 'k', 'M', 'G', 'T', 'P'];
  let tf = makeTimeFormatter('en');
  let S = {};
  let current;
  const say = (k, ...a) => (S[k] || k).replace(/\\{(\\d+)\\}/g, (m, i) => (a[i] !== undefined ? a[i] : m));
  /** A value with its unit; digits: decimals to show (axis labels raise it until neighbours differ). */
  function fmt(v, unit, digits) {
    if (v === null || v === undefined) return '-';
    const num = (x, d) => x.toLocaleString(tf.locale, { minimumFractionDigits: d === undefined ? 0 : d, maximumFractionDigits: d === undefined ? (Math.abs(x) >= 100 || Number.isInteger(x) ? 0 : 1) : d });
    if (unit === 'bit/s') { let i = 0; let x = Math.abs(v); while (x >= 1000 && i < 5) { x /= 1000; i++; } return (v < 0 ? '-' : '') + num(x, digits) + ' ' + SI[i] + 'bit/s'; }
    if (unit === '%') return num(v, digits === undefined ? 1 : digits) + ' %';
    if (unit === 'ms') return num(v, digits === undefined ? 0 : digits) + ' ms';
    if (unit === 'up') return num(v * 100, digits === undefined ? 0 : digits) + ' % ' + say('up');
    if (unit && unit !== 'pages') return num(v, digits) + ' ' + unit;
    return num(v, digits);
  }
  /** Tick labels that never repeat: more decimals until neighbours differ (at most 3). */
  function ticks(vals, unit) {
    for (let d = 0; d <= 3; d++) {
      const out = vals.map((v) => fmt(v, unit, d));
      if (out.every((s, i) => i === 0 || s !== out[i - 1])) return out;
    }
    return vals.map((v) => fmt(v, unit, 3));
  }
  /** Tick labels, also kept on the chart element (data-y-ticks) where tests and screen readers can read them. */
  const yTicks = (wrap, unit) => (u, vals) => { const out = ticks(vals, unit); wrap.dataset.yTicks = out.join('|'); return out; };
  /** 1, 2, 5 × 10^n at or above x. */
  function niceCeil(x) {
    if (!(x > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(x)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= x) return m * p;
    return 10 * p;
  }
  /** Counts, rates and durations from zero, so a flat line is not blown up into noise. */
  function yRange(unit) {
    if (unit === 'up') return [0, 1];
    if (unit === '%') return [0, 100];
    return (u, min, max) => {
      if (min === null || max === null) return [0, 1];
      if (min >= 0) return [0, niceCeil(max * 1.15)];
      const span = Math.max(max - min, Math.abs(max) * 0.1, 1);
      return [min - span * 0.1, max + span * 0.1];
    };
  }
  let plots = [];
  function chartWidth(wrap) { return Math.max(280, Math.floor(wrap.clientWidth)); }
  function draw(model) {
    plots.forEach((p) => p.plot.destroy());
    plots = [];
    const box = document.getElementById('charts');
    box.replaceChildren();
    document.querySelectorAll('.ranges button').forEach((b) => b.classList.toggle('on', b.dataset.range === model.range));
    document.getElementById('archive').textContent = model.archive ? say('{0} points', model.archive) : '';
    const colors = palette();
    const span = RANGES[model.range] || 86400;
    for (const c of model.charts) {
      const wrap = document.createElement('div'); wrap.className = 'chart'; wrap.dataset.chart = c.id;
      const h = document.createElement('h3'); h.textContent = c.title; wrap.append(h); box.append(wrap);
      if (c.empty) {
        const e = document.createElement('div'); e.className = 'chart-empty'; e.textContent = say('collecting data — first points after two polls');
        wrap.append(e); continue;
      }
      // One point so far (a fresh device): a dot, and a word on when the line comes (points are per period).
      if (c.series.every((s) => s.values.filter((v) => v !== null).length < 2) && model.archive) {
        const n = document.createElement('div'); n.className = 'chart-note'; n.textContent = say('one point so far — one per {0}, a line from the next', model.archive);
        wrap.append(n);
      }
      const dropped = new Set(c.dropped || []);
      const axis = { stroke: css('--muted'), grid: { stroke: css('--border'), width: 1 }, ticks: { stroke: css('--border') } };
      const opts = {
        width: chartWidth(wrap), height: 180,
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: true }, y: { range: yRange(c.unit) } },
        axes: [{ ...axis, space: 70, values: (u, vals) => vals.map((v) => tf.axis(v, span)) }, { ...axis, size: 90, values: yTicks(wrap, c.unit) }],
        series: [{ value: (u, v) => v === null ? '-' : tf.dateTime(v * 1000) }, ...c.series.map((s, i) => ({ label: s.label, stroke: colors[i % colors.length], width: 1.5, spanGaps: false,
          // Few points (the first polls): dots, since a line needs two neighbours.
          points: { show: s.values.filter((v) => v !== null).length < 40, size: 6, fill: colors[i % colors.length] },
          value: (u, v, si, idx) => v === null && idx !== null && dropped.has(idx) ? '– (' + say('counter reset or above link speed') + ')' : fmt(v, c.unit) }))],
      };
      plots.push({ wrap, plot: new uPlot(opts, [c.t, ...c.series.map((s) => s.values)], wrap) });
    }
  }
  // Charts follow the editor's width.
  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => plots.forEach((p) => { const w = chartWidth(p.wrap); if (Math.abs(w - p.plot.width) > 1) p.plot.setSize({ width: w, height: 180 }); }));
  }).observe(document.getElementById('charts'));
  document.querySelectorAll('.ranges button').forEach((b) => b.addEventListener('click', () => vscode && vscode.postMessage({ type: 'range', range: b.dataset.range })));
  document.querySelectorAll('[data-device]').forEach((a) => a.addEventListener('click', (e) => { if (vscode) { e.preventDefault(); vscode.postMessage({ type: 'openDevice', key: a.dataset.device }); } }));
  window.addEventListener('message', (e) => { if (e.data && e.data.type === 'model') { render(e.data.model); } });
  // "3 minutes ago" stays true between polls.
  function refreshRelative() { document.querySelectorAll('[data-rel]').forEach((el) => { el.textContent = tf.relative(Number(el.dataset.rel)); }); }
  setInterval(refreshRelative, 15000);
  const cell = (text, cls, title) => { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; if (title) td.title = title; return td; };
  function render(model) {
    current = model;
    tf = makeTimeFormatter(model.locale, model.timeZone);
    S = model.strings || {};
    const st = document.getElementById('status');
    st.className = 'st-' + model.status;
    st.textContent = model.status === 'unknown' ? say('not polled') : say(model.status);
    document.getElementById('since').textContent = model.statusSinceText || '';
    const pairs = (rows) => rows.map(([k, v, t]) => {
      const tr = document.createElement('tr'); const b = cell(v);
      if (t !== undefined) { const r = document.createElement('span'); r.className = 'rel'; r.dataset.rel = String(t); b.append(' · ', r); }
      tr.append(cell(k), b); return tr;
    });
    document.getElementById('ident').replaceChildren(...pairs(model.identity));
    document.getElementById('inventory').replaceChildren(...pairs(model.inventory));
    document.getElementById('health-section').hidden = !model.health.length;
    document.getElementById('health').replaceChildren(...model.health.map((h) => { const tr = document.createElement('tr'); tr.dataset.group = h.group; tr.append(cell((model.labels && model.labels[h.group]) || h.group, 'group'), cell(h.name), cell(h.value, 'num lv-' + h.level)); return tr; }));
    document.getElementById('ports').replaceChildren(...model.ports.map((p) => { const tr = document.createElement('tr');
      tr.append(cell(p.name + (p.alias ? ' (' + p.alias + ')' : '')), cell(p.operStatus, 'st-' + (p.operStatus === 'up' ? 'up' : p.adminStatus === 'down' ? 'unknown' : 'down')), cell(p.adminStatus), cell(p.speed, 'num'),
        cell(p.inRate, 'num' + (p.rateNote && p.inRate === '-' ? ' note' : ''), p.inRate === '-' ? p.rateNote : undefined), cell(p.outRate, 'num' + (p.rateNote && p.outRate === '-' ? ' note' : ''), p.outRate === '-' ? p.rateNote : undefined)); return tr; }));
    const events = model.events.map((e) => { const tr = document.createElement('tr'); tr.append(cell(tf.short(e.time), '', tf.dateTime(e.time)), cell(e.severity), cell(e.message)); return tr; });
    if (!events.length) { const tr = document.createElement('tr'); const td = cell(say('No events recorded for this device yet.'), 'empty'); td.colSpan = 3; tr.append(td); events.push(tr); }
    document.getElementById('events').replaceChildren(...events);
    draw(model);
    refreshRelative();
    // Restored with its device and range after a reload (the extension's WebviewPanelSerializer reads this).
    if (vscode) vscode.setState({ key: model.key, range: model.rangeAuto ? undefined : model.range });
    document.body.dataset.rendered = model.generatedAt;
    // What was drawn, told to the extension (its tests check that a page fed by a server draws points).
    if (vscode) vscode.postMessage({ type: 'rendered', at: model.generatedAt, charts: plots.map((p) => ({ id: p.wrap.dataset.chart, points: p.plot.data.slice(1).reduce((n, s) => n + s.filter((v) => v !== null && v !== undefined).length, 0) })) });
  }
  render(JSON.parse(document.getElementById('model').textContent));
})();
`;

/** JSON for a <script type="application/json">: "<" escaped so no "</script>" can end it early. */
function jsonBlock(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c');
}

export function deviceHtml(m: DevicePageModel, o: DeviceHtmlOptions): string {
  const L = (k: string) => esc(m.labels[k] ?? k);
  const ranges = Object.keys(RANGES).map((r) => `<button type="button" data-range="${r}"${r === m.range ? ' class="on"' : ''}>${r}</button>`).join('');
  const body = `<div class="head"><h1>${esc(m.name)}</h1><b id="status" class="st-${esc(m.status)}">${esc(m.status)}</b>
<span id="since" class="muted">${esc(m.statusSinceText ?? '')}</span></div>
<div class="sections">
<section><table class="ident"><tbody id="ident"></tbody></table></section>
<section id="inventory-section"><h2>${L('Inventory')}</h2><table class="ident"><tbody id="inventory"></tbody></table></section>
</div>
<section id="health-section"${m.health.length ? '' : ' hidden'}><h2>${L('Health')}</h2>
<table class="health"><thead><tr><th></th><th>${L('Name')}</th><th class="num">${L('Value')}</th></tr></thead><tbody id="health"></tbody></table></section>
<h2>${L('Graphs')}</h2>
<div class="ranges">${ranges}<span id="archive" class="muted"></span></div>
<div id="charts" class="charts"></div>
<h2>${L('Ports')}</h2>
<table><thead><tr><th>${L('Port')}</th><th>${L('Status')}</th><th>${L('Admin')}</th><th class="num">${L('Speed')}</th><th class="num">${L('In')}</th><th class="num">${L('Out')}</th></tr></thead><tbody id="ports"></tbody></table>
<h2>${L('Recent events')}</h2>
<table><thead><tr><th>${L('Time')}</th><th>${L('Severity')}</th><th>${L('Message')}</th></tr></thead><tbody id="events"></tbody></table>
<script type="application/json" id="model">${jsonBlock(m)}</script>`;
  return page({ title: `${m.name} — Parc`, body, nonce: o.nonce, cspSource: o.cspSource, css: o.uplotCss + CSS, scripts: [o.uplotJs, SCRIPT], lang: m.locale });
}
