// The device page HTML for the webview: identity, graphs (uPlot, inlined with the page's nonce:
// nothing is loaded from anywhere), ports, events. Range buttons ask the extension for a new model
// (postMessage); the extension also pushes a fresh model after each poll.
import type { DevicePageModel } from './device-model';
import { RANGES } from './device-model';
import { esc, page } from './html';

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
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 12px 20px; }
.chart h3 { font-size: 13px; margin: 8px 0 4px; }
.uplot, .uplot .u-legend { font-family: var(--font); color: var(--fg); }
.u-legend { font-size: 12px; }
table.ident td:first-child { color: var(--muted); width: 140px; }
.sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(420px, 1fr)); gap: 0 24px; }
table.health td.group { color: var(--muted); width: 90px; }
.lv-warning { color: var(--warn); font-weight: 600; } .lv-critical { color: var(--down); font-weight: 600; }
`;

/** The page script: draws the charts from the model, with hover values in the legend. */
const SCRIPT = `
(() => {
  const vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const css = (n) => getComputedStyle(document.body).getPropertyValue(n).trim() || '#888';
  const palette = () => [css('--link'), css('--warn'), css('--up'), css('--down'), '#8250df', '#bf3989', '#1b7c83', '#953800'];
  const units = { 'bit/s': ['', 'k', 'M', 'G', 'T'], };
  function fmt(v, unit) {
    if (v === null || v === undefined) return '-';
    if (unit === 'bit/s') { let i = 0; let x = Math.abs(v); while (x >= 1000 && i < 4) { x /= 1000; i++; } return (v < 0 ? '-' : '') + x.toFixed(x >= 100 || i === 0 ? 0 : 1) + ' ' + units[unit][i] + 'bit/s'; }
    if (unit === '%') return v.toFixed(1) + '%';
    if (unit === 'ms') return Math.round(v) + ' ms';
    if (unit === 'up') return (v * 100).toFixed(0) + '% up';
    if (unit && unit !== 'pages') return (Math.round(v * 10) / 10) + ' ' + unit;
    return String(Math.round(v * 100) / 100);
  }
  let plots = [];
  function draw(model) {
    plots.forEach((p) => p.destroy());
    plots = [];
    const box = document.getElementById('charts');
    box.replaceChildren();
    document.querySelectorAll('.ranges button').forEach((b) => b.classList.toggle('on', b.dataset.range === model.range));
    const note = document.getElementById('archive');
    note.textContent = model.archive ? model.archive + ' points' : '';
    if (!model.charts.length) { const p = document.createElement('p'); p.className = 'empty'; p.textContent = 'No history recorded for this range yet: graphs appear after the first polls.'; box.append(p); return; }
    const colors = palette();
    const width = Math.max(380, Math.min(760, box.clientWidth > 940 ? box.clientWidth / 2 - 20 : box.clientWidth - 10));
    for (const c of model.charts) {
      const wrap = document.createElement('div'); wrap.className = 'chart'; wrap.dataset.chart = c.id;
      const h = document.createElement('h3'); h.textContent = c.title; wrap.append(h); box.append(wrap);
      const axis = { stroke: css('--muted'), grid: { stroke: css('--border'), width: 1 }, ticks: { stroke: css('--border') } };
      const opts = {
        width, height: 180,
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: true }, y: c.unit === 'up' ? { range: [0, 1] } : c.unit === '%' ? { range: [0, 100] } : {} },
        axes: [axis, { ...axis, size: 86, values: (u, vals) => vals.map((v) => fmt(v, c.unit)) }],
        series: [{ value: (u, v) => v === null ? '-' : new Date(v * 1000).toLocaleString() }, ...c.series.map((s, i) => ({ label: s.label, stroke: colors[i % colors.length], width: 1.5, spanGaps: false, value: (u, v) => fmt(v, c.unit) }))],
      };
      plots.push(new uPlot(opts, [c.t, ...c.series.map((s) => s.values)], wrap));
    }
  }
  document.querySelectorAll('.ranges button').forEach((b) => b.addEventListener('click', () => vscode && vscode.postMessage({ type: 'range', range: b.dataset.range })));
  document.querySelectorAll('[data-device]').forEach((a) => a.addEventListener('click', (e) => { if (vscode) { e.preventDefault(); vscode.postMessage({ type: 'openDevice', key: a.dataset.device }); } }));
  window.addEventListener('message', (e) => { if (e.data && e.data.type === 'model') { render(e.data.model); } });
  function render(model) {
    document.getElementById('status').className = 'st-' + model.status;
    document.getElementById('status').textContent = model.status === 'unknown' ? 'not polled' : model.status;
    const pairs = (rows) => rows.map(([k, v]) => { const tr = document.createElement('tr'); const a = document.createElement('td'); a.textContent = k; const b = document.createElement('td'); b.textContent = v; tr.append(a, b); return tr; });
    document.getElementById('ident').replaceChildren(...pairs(model.identity));
    document.getElementById('inventory').replaceChildren(...pairs(model.inventory));
    document.getElementById('health-section').hidden = !model.health.length;
    document.getElementById('health').replaceChildren(...model.health.map((h) => { const tr = document.createElement('tr'); tr.dataset.group = h.group; for (const [v, cls] of [[h.group, 'group'], [h.name, ''], [h.value, 'num lv-' + h.level]]) { const td = document.createElement('td'); td.textContent = v; if (cls) td.className = cls; tr.append(td); } return tr; }));
    document.getElementById('ports').replaceChildren(...model.ports.map((p) => { const tr = document.createElement('tr'); for (const [v, cls] of [[p.name + (p.alias ? ' (' + p.alias + ')' : ''), ''], [p.operStatus, 'st-' + (p.operStatus === 'up' ? 'up' : p.adminStatus === 'down' ? 'unknown' : 'down')], [p.adminStatus, ''], [p.speed, 'num'], [p.inRate, 'num'], [p.outRate, 'num']]) { const td = document.createElement('td'); td.textContent = v; if (cls) td.className = cls; tr.append(td); } return tr; }));
    document.getElementById('events').replaceChildren(...model.events.map((e) => { const tr = document.createElement('tr'); for (const v of [e.time.replace('T', ' ').slice(0, 19), e.severity, e.message]) { const td = document.createElement('td'); td.textContent = v; tr.append(td); } return tr; }));
    draw(model);
    document.body.dataset.rendered = model.generatedAt;
  }
  render(JSON.parse(document.getElementById('model').textContent));
})();
`;

/** JSON for a <script type="application/json">: "<" escaped so no "</script>" can end it early. */
function jsonBlock(x: unknown): string {
  return JSON.stringify(x).replace(/</g, '\\u003c');
}

export function deviceHtml(m: DevicePageModel, o: DeviceHtmlOptions): string {
  const ranges = Object.keys(RANGES).map((r) => `<button type="button" data-range="${r}"${r === m.range ? ' class="on"' : ''}>${r}</button>`).join('');
  const body = `<div class="head"><h1>${esc(m.name)}</h1><b id="status" class="st-${esc(m.status)}">${esc(m.status)}</b>
<span class="muted">${m.statusSince ? `since ${esc(m.statusSince.replace('T', ' ').slice(0, 19))} UTC` : ''}</span></div>
<div class="sections">
<section><table class="ident"><tbody id="ident"></tbody></table></section>
<section id="inventory-section"><h2>Inventory</h2><table class="ident"><tbody id="inventory"></tbody></table></section>
</div>
<section id="health-section"${m.health.length ? '' : ' hidden'}><h2>Health</h2>
<table class="health"><thead><tr><th></th><th>Name</th><th class="num">Value</th></tr></thead><tbody id="health"></tbody></table></section>
<h2>Graphs</h2>
<div class="ranges">${ranges}<span id="archive" class="muted"></span></div>
<div id="charts" class="charts"></div>
<h2>Ports</h2>
<table><thead><tr><th>Port</th><th>Status</th><th>Admin</th><th class="num">Speed</th><th class="num">In</th><th class="num">Out</th></tr></thead><tbody id="ports"></tbody></table>
<h2>Recent events</h2>
<table><thead><tr><th>Time (UTC)</th><th>Severity</th><th>Message</th></tr></thead><tbody id="events"></tbody></table>
<script type="application/json" id="model">${jsonBlock(m)}</script>`;
  return page({ title: `${m.name} — Parc`, body, nonce: o.nonce, cspSource: o.cspSource, css: o.uplotCss + CSS, scripts: [o.uplotJs, SCRIPT] });
}
