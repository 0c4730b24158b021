/// <reference lib="dom" />
// The browser page of `parc serve` (media/web/, bundled to media/web/app.js): login, the estate dashboard,
// device pages and alerts, live through the server's SSE stream. The markup is the core's, as in the VS Code
// webviews and `parc report --html` (dashboard model + HTML, device page model); the page runs under a CSP
// without inline script or style (styles are constructed sheets, charts are uPlot).
import uPlot from 'uplot';
import uplotCss from 'uplot/dist/uPlot.min.css';
import { deviceKey } from '../core/inventory/types';
import { dashboardBody } from '../core/metrics/views/dashboard-html';
import { dashboardModel } from '../core/metrics/views/dashboard-model';
import { RANGES, devicePageModel, type Chart, type DevicePageModel } from '../core/metrics/views/device-model';
import { BASE_CSS, esc } from '../core/metrics/views/html';
import { snapshotOf } from '../core/monitor/snapshot';
import type { Inventory } from '../core/inventory/types';
import type { AlertInfo, AlertsResponse, DeviceDetail, DeviceSummary, EventsResponse, HelloEvent, HistoryResponse, InventoryResponse, MeResponse, LoginResponse } from '../core/remote/api-types';
import { roleAllows } from '../core/remote/api-types';
import { inventoryFromApi } from '../core/remote/inventory';
import type { DeviceRecord, ParcEvent } from '../core/state/types';
import { CSS } from './style';

const TOKEN = 'parc.token';

interface State {
  token?: string;
  me?: MeResponse;
  inventory?: Inventory;
  summaries: Map<string, DeviceSummary>;
  records: Map<string, DeviceRecord>;
  events: ParcEvent[];
  alerts: AlertInfo[];
  freshAt?: number;
  conn: 'connecting' | 'connected' | 'reconnecting' | 'offline';
  stream?: EventSource;
}

const st: State = { summaries: new Map(), records: new Map(), events: [], alerts: [], conn: 'connecting' };
const $ = (id: string) => document.getElementById(id)!;

function adoptStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(BASE_CSS + uplotCss + CSS);
  document.adoptedStyleSheets = [sheet];
}

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (st.token) headers.authorization = `Bearer ${st.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!r.ok) {
    if (r.status === 401 && path !== '/api/login') signOut(json?.error?.message ?? 'session ended');
    throw new HttpError(r.status, json?.error?.message ?? `HTTP ${r.status}`);
  }
  return json as T;
}

// ---- login ----

function showLogin(message?: string): void {
  document.body.dataset.view = 'login';
  $('app').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message ?? '';
  ($('user') as HTMLInputElement).focus();
}

function signOut(message?: string): void {
  st.stream?.close();
  st.stream = undefined;
  st.token = undefined;
  st.me = undefined;
  sessionStorage.removeItem(TOKEN);
  showLogin(message);
}

async function login(ev: Event): Promise<void> {
  ev.preventDefault();
  const user = ($('user') as HTMLInputElement).value.trim();
  const password = ($('password') as HTMLInputElement).value;
  $('login-error').textContent = '';
  try {
    const a = await api<LoginResponse>('POST', '/api/login', { user, password });
    ($('password') as HTMLInputElement).value = '';
    st.token = a.token;
    sessionStorage.setItem(TOKEN, a.token);
    await start();
  } catch (e) {
    $('login-error').textContent = (e as Error).message;
  }
}

// ---- data ----

async function resync(): Promise<void> {
  const [inv, summaries, events, alerts] = await Promise.all([
    api<InventoryResponse>('GET', '/api/inventory'),
    api<DeviceSummary[]>('GET', '/api/devices'),
    api<EventsResponse>('GET', '/api/events?limit=500'),
    api<AlertsResponse>('GET', '/api/alerts'),
  ]);
  const details = await Promise.all(summaries.map((s) => api<DeviceDetail>('GET', `/api/devices/${encodeURIComponent(s.id)}`).catch(() => undefined)));
  st.inventory = inventoryFromApi(inv);
  st.summaries = new Map(summaries.map((s) => [s.id, s]));
  st.records = new Map();
  for (const d of details) if (d?.record) st.records.set(d.id, { last: d.record.last, statusSince: d.record.statusSince } as DeviceRecord);
  st.events = events;
  st.alerts = alerts.alerts;
  st.freshAt = Date.now();
  render();
}

async function onDevice(s: DeviceSummary): Promise<void> {
  st.summaries.set(s.id, s);
  const d = await api<DeviceDetail>('GET', `/api/devices/${encodeURIComponent(s.id)}`).catch(() => undefined);
  if (d?.record) st.records.set(d.id, { last: d.record.last, statusSince: d.record.statusSince } as DeviceRecord);
  render();
}

function openStream(): void {
  st.stream?.close();
  // EventSource cannot send headers: the token goes in the query (the server accepts it for /api/stream only).
  const es = new EventSource(`/api/stream?token=${encodeURIComponent(st.token!)}`);
  st.stream = es;
  const json = (e: Event) => JSON.parse((e as MessageEvent<string>).data);
  es.addEventListener('hello', (e) => {
    const h = json(e) as HelloEvent;
    document.body.dataset.server = h.version;
    st.conn = 'connected';
    void resync();
  });
  es.addEventListener('device', (e) => void onDevice(json(e) as DeviceSummary));
  es.addEventListener('event', (e) => {
    st.events = [json(e) as ParcEvent, ...st.events].slice(0, 500);
    render();
  });
  es.addEventListener('alert', (e) => {
    const a = json(e) as AlertInfo;
    const i = st.alerts.findIndex((x) => x.id === a.id);
    if (i >= 0) st.alerts[i] = a;
    else st.alerts.unshift(a);
    render();
  });
  es.addEventListener('message', () => (st.freshAt = Date.now()));
  es.onerror = () => {
    st.conn = es.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting';
    renderStatus();
    // A closed stream (e.g. the token expired): check the session, then retry.
    if (es.readyState === EventSource.CLOSED) setTimeout(() => void api<MeResponse>('GET', '/api/me').then(() => openStream(), () => undefined), 3000);
  };
}

async function start(): Promise<void> {
  st.me = await api<MeResponse>('GET', '/api/me');
  document.body.dataset.role = st.me.role;
  $('login').hidden = true;
  $('app').hidden = false;
  await resync();
  openStream();
}

// ---- rendering ----

function route(): { view: 'dashboard' } | { view: 'device'; key: string } | { view: 'alerts' } {
  const h = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
  if (h.startsWith('device/')) return { view: 'device', key: h.slice(7) };
  if (h === 'alerts') return { view: 'alerts' };
  return { view: 'dashboard' };
}

function age(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min` : `${Math.floor(s / 3600)} h`;
}

function renderStatus(): void {
  const me = st.me;
  const text = st.conn === 'connected' ? `connected as ${me?.name} (${me?.role})` : `${st.conn}${st.freshAt ? ` · data ${age(Date.now() - st.freshAt)} old` : ''}`;
  $('conn').textContent = text;
  $('conn').className = `conn conn-${st.conn}`;
  document.body.dataset.conn = st.conn;
}

let chartPlots: uPlot[] = [];

function render(): void {
  renderStatus();
  const r = route();
  document.querySelectorAll<HTMLAnchorElement>('nav a[data-view]').forEach((a) => a.classList.toggle('on', a.dataset.view === r.view));
  chartPlots.forEach((p) => p.destroy());
  chartPlots = [];
  const main = $('main');
  if (!st.inventory) return;
  if (r.view === 'dashboard') {
    const now = Date.now();
    const alerts = st.alerts.map((a) => a.event).filter((e) => now - Date.parse(e.time) < 86_400_000);
    main.innerHTML = dashboardBody(dashboardModel({ inventory: st.inventory, records: st.records, alerts, now }));
  } else if (r.view === 'alerts') main.innerHTML = alertsHtml();
  else void renderDevice(r.key);
  document.body.dataset.view = r.view;
  document.body.dataset.rendered = String(Date.now());
}

function alertsHtml(): string {
  const canAck = !!st.me && roleAllows(st.me.role, 'operator');
  const rows = st.alerts.map((a) => {
    const e = a.event;
    const dev = e.device ? `<a href="#/device/${esc(encodeURIComponent(e.device))}">${esc(st.summaries.get(e.device)?.name ?? e.device)}</a>` : '';
    const stateText = !a.open ? 'recovered' : a.acknowledged ? `acknowledged by ${a.acknowledged.by ?? '?'}` : a.muted ? 'muted' : 'open';
    const action = a.open && !a.acknowledged ? (canAck ? `<button type="button" data-ack="${esc(a.id)}">Acknowledge</button>` : '<span class="muted">read-only (viewer)</span>') : '';
    return `<tr data-alert="${esc(a.id)}" data-state="${esc(stateText.split(' ')[0])}"><td>${esc(e.time.replace('T', ' ').slice(0, 19))}</td><td class="st-${e.severity === 'critical' ? 'down' : 'partial'}">${esc(e.severity)}</td><td>${dev}</td><td>${esc(e.message)}</td><td>${esc(stateText)}</td><td>${action}</td></tr>`;
  });
  return `<h1>Alerts</h1>${rows.length ? `<table><thead><tr><th>Time (UTC)</th><th>Severity</th><th>Device</th><th>Message</th><th>State</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p class="empty">No open or recent alerts.</p>'}`;
}

let deviceRange: DevicePageModel['range'] = '24h';

async function renderDevice(key: string): Promise<void> {
  const inv = st.inventory!;
  const d = inv.devices.find((x) => deviceKey(x) === key);
  const main = $('main');
  if (!d) {
    main.innerHTML = `<p class="empty">No device ${esc(key)} on this server.</p>`;
    return;
  }
  const snap = snapshotOf(inv, d, st.records.get(key));
  const s = st.summaries.get(key);
  const m = devicePageModel({
    key, name: d.name ?? snap.report?.sysName ?? d.host, host: d.host, port: d.port, last: snap.report, statusSince: snap.report?.statusSince,
    region: s?.region ?? snap.region, site: s?.site ?? snap.site, siteExplanation: snap.siteExplanation,
    events: st.events.filter((e) => e.device === key).slice(0, 50), range: deviceRange, now: Date.now(), thresholds: inv.thresholds,
  });
  const pairs = (rows: Array<[string, string] | [string, string, number]>) => rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join('');
  const ranges = ['6h', '24h', '7d', '30d', '1y'].map((r) => `<button type="button" data-range="${r}"${r === deviceRange ? ' class="on"' : ''}>${r}</button>`).join('');
  main.innerHTML = `<div class="head"><h1>${esc(m.name)}</h1><b id="status" class="st-${esc(m.status)}">${esc(m.status === 'unknown' ? 'not polled' : m.status)}</b>
<span class="muted">${m.statusSince ? `since ${esc(m.statusSince.replace('T', ' ').slice(0, 19))} UTC` : ''}</span></div>
<div class="sections"><section><table class="ident"><tbody>${pairs(m.identity)}</tbody></table></section>
<section><h2>Inventory</h2><table class="ident"><tbody>${pairs(m.inventory)}</tbody></table></section></div>
${m.health.length ? `<section><h2>Health</h2><table class="health"><tbody>${m.health.map((h) => `<tr><td class="group">${esc(h.group)}</td><td>${esc(h.name)}</td><td class="num lv-${esc(h.level)}">${esc(h.value)}</td></tr>`).join('')}</tbody></table></section>` : ''}
<h2>Graphs</h2><div class="ranges">${ranges}</div><div id="charts" class="charts"><p class="muted">Loading history…</p></div>
<h2>Ports</h2><table><thead><tr><th>Port</th><th>Status</th><th>Admin</th><th class="num">Speed</th><th class="num">In</th><th class="num">Out</th></tr></thead><tbody>${m.ports.map((p) => `<tr><td>${esc(p.name + (p.alias ? ` (${p.alias})` : ''))}</td><td>${esc(p.operStatus)}</td><td>${esc(p.adminStatus)}</td><td class="num">${esc(p.speed)}</td><td class="num">${esc(p.inRate)}</td><td class="num">${esc(p.outRate)}</td></tr>`).join('')}</tbody></table>
<h2>Recent events</h2><table><tbody>${m.events.map((e) => `<tr><td>${esc(e.time.replace('T', ' ').slice(0, 19))}</td><td>${esc(e.severity)}</td><td>${esc(e.message)}</td></tr>`).join('')}</tbody></table>`;
  const rangeSec = RANGES[deviceRange];
  try {
    const to = new Date();
    const h = await api<HistoryResponse>('GET', `/api/history/${encodeURIComponent(key)}?from=${new Date(to.getTime() - rangeSec * 1000).toISOString()}&to=${to.toISOString()}`);
    drawCharts(chartsOf(h));
  } catch (e) {
    $('charts').textContent = `History unavailable: ${(e as Error).message}`;
  }
}

/** One chart per entity and unit, its series the data sources (as the device page groups them). */
function chartsOf(h: HistoryResponse): Chart[] {
  const groups = new Map<string, Chart>();
  for (const s of h.series) {
    const id = `${s.entity}|${s.unit}`;
    let c = groups.get(id);
    const t = s.points.map((p) => Math.round(Date.parse(p.t) / 1000));
    if (!c) groups.set(id, (c = { id, title: s.label, unit: s.unit, t, series: [] }));
    c.series.push({ label: s.ds, values: s.points.map((p) => p.avg) });
  }
  return [...groups.values()].filter((c) => c.t.length);
}

function drawCharts(charts: Chart[]): void {
  const box = $('charts');
  box.replaceChildren();
  if (!charts.length) {
    box.innerHTML = '<p class="empty">No history recorded for this range yet.</p>';
    return;
  }
  const css = (n: string) => getComputedStyle(document.body).getPropertyValue(n).trim() || '#888';
  const colors = [css('--link'), css('--warn'), css('--up'), css('--down'), '#8250df', '#bf3989'];
  for (const c of charts) {
    const wrap = document.createElement('div');
    wrap.className = 'chart';
    wrap.dataset.chart = c.id;
    const h = document.createElement('h3');
    h.textContent = c.title;
    wrap.append(h);
    box.append(wrap);
    const axis = { stroke: css('--muted'), grid: { stroke: css('--border'), width: 1 } };
    chartPlots.push(new uPlot({ width: Math.max(360, Math.min(720, box.clientWidth - 10)), height: 180, scales: { x: { time: true } }, axes: [axis, { ...axis, size: 70 }],
      series: [{}, ...c.series.map((s, i) => ({ label: s.label, stroke: colors[i % colors.length], width: 1.5 }))] }, [c.t, ...c.series.map((s) => s.values)] as uPlot.AlignedData, wrap));
  }
}

// ---- events ----

function wire(): void {
  $('login-form').addEventListener('submit', (e) => void login(e));
  $('signout').addEventListener('click', () => {
    void api('POST', '/api/logout', {}).catch(() => undefined).finally(() => signOut());
  });
  window.addEventListener('hashchange', render);
  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target : null;
    const dev = t?.closest('[data-device]');
    if (dev) {
      e.preventDefault();
      location.hash = `#/device/${encodeURIComponent(dev.getAttribute('data-device')!)}`;
      return;
    }
    const ack = t?.closest('[data-ack]');
    if (ack) {
      void api<AlertInfo>('POST', `/api/alerts/${encodeURIComponent(ack.getAttribute('data-ack')!)}/ack`, {}).then(
        (a) => {
          // The stream brings the final state if the answer predates it.
          const i = st.alerts.findIndex((x) => x.id === a?.id);
          if (i >= 0 && a.acknowledged) st.alerts[i] = a;
          render();
        },
        (err: Error) => ($('error').textContent = err.message),
      );
      return;
    }
    const range = t?.closest('[data-range]');
    if (range) {
      deviceRange = range.getAttribute('data-range') as DevicePageModel['range'];
      render();
    }
  });
  setInterval(renderStatus, 15_000);
}

adoptStyles();
wire();
st.token = sessionStorage.getItem(TOKEN) ?? undefined;
if (st.token) start().catch(() => signOut());
else showLogin();
