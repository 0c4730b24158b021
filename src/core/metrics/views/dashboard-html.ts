// The estate dashboard as HTML: used for `parc report --html` (self-contained, offline) and for
// the extension's dashboard webview (same markup; rows carry data-device for the device page).
import type { DashboardModel, DeviceRow } from './dashboard-model';
import { formatSeconds, formatValue, siPrefix } from './format';
import { esc, page } from './html';
import { siteMapSvg, type MapOptions } from './site-map';
import { english, type Translate } from './strings';
import { makeTimeFormatter, type TimeFormatter } from '../../time-format';

/** Words and dates of the dashboard: the display language and zone (English and this machine's zone if absent). */
export interface DashboardText {
  t?: Translate;
  times?: TimeFormatter;
}

export interface DashboardHtmlOptions {
  nonce: string;
  cspSource?: string;
  map?: MapOptions;
  /** Extra scripts (the webview's click and refresh handling). */
  scripts?: string[];
  title?: string;
  text?: DashboardText;
}

function deviceLink(d: Pick<DeviceRow, 'key' | 'name'>): string {
  return `<a href="#dev-${esc(d.key)}" data-device="${esc(d.key)}">${esc(d.name)}</a>`;
}

function table(head: string[], rows: string[][], empty: string, numeric: number[] = []): string {
  if (!rows.length) return `<p class="empty">${esc(empty)}</p>`;
  const th = head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A bar as SVG: the CSP forbids style attributes, SVG geometry is not style. */
function bar(pct: number, hot: boolean): string {
  const w = Math.max(0, Math.min(100, pct)).toFixed(0);
  return `<svg class="bar" viewBox="0 0 100 8" width="120" height="8"><rect class="bar-bg" width="100" height="8" rx="3"/><rect class="bar-fg${hot ? ' hot' : ''}" width="${w}" height="8" rx="3"/></svg>`;
}

const dot = (status: string) => `<span class="dot bg-${esc(status)}"></span>`;

export function dashboardBody(m: DashboardModel, map?: MapOptions, text: DashboardText = {}): string {
  const tr = text.t ?? english;
  const tf = text.times ?? makeTimeFormatter('en');
  // A moment in a table: short local time, the full one on hover, and "3 minutes ago" kept current by the page.
  const when = (iso: string | undefined) => (iso ? `<time datetime="${esc(iso)}" title="${esc(tf.dateTime(iso))}">${esc(tf.short(iso))}</time>` : '');
  const t = m.totals;
  const tiles = [
    [tr('Devices'), t.devices, ''],
    [tr('Up'), t.up, 'st-up'],
    [tr('Down'), t.down, t.down ? 'st-down' : ''],
    [tr('Not polled'), t.unknown, 'st-unknown'],
    [tr('Alerts 24 h'), m.alerts.length, m.alerts.length ? 'st-partial' : ''],
  ].map(([label, n, cls]) => `<div class="tile"><span class="muted">${esc(label)}</span><b class="${cls}">${esc(n)}</b></div>`).join('');

  const sites = m.regions.flatMap((r) => [
    [`<b>${esc(r.region)}</b>`, '', `<b>${r.up}</b>`, `<b>${r.down}</b>`, `<b>${r.unknown}</b>`],
    ...r.sites.map((s) => ['', `${dot(s.status)}${esc(s.site)}`, String(s.up), s.down ? `<span class="st-down">${s.down}</span>` : '0', String(s.unknown)]),
  ]);

  const down = m.downLongest.map((d) => [deviceLink(d), esc(`${d.region} › ${d.site}`), esc(formatSeconds(d.downSeconds)), when(d.statusSince), esc(d.error ?? '')]);
  const alerts = m.alerts.map((e) => [
    when(e.time),
    `<span class="st-${e.severity === 'critical' ? 'down' : 'partial'}">${esc(e.severity)}</span>`,
    e.device ? `<a href="#dev-${esc(e.device)}" data-device="${esc(e.device)}">${esc(e.deviceName ?? e.device)}</a>` : '',
    esc(e.message),
  ]);
  const ifs = m.topInterfaces.map((i) => {
    const pct = Math.min(100, i.utilisation * 100);
    return [deviceLink(i.device), esc(i.name), esc(formatValue(i.inBps, 'bit/s')), esc(formatValue(i.outBps, 'bit/s')), esc(siPrefix(i.speedBps, 'bit/s')),
      `${bar(pct, pct >= 80)} ${pct.toFixed(pct < 10 ? 1 : 0)}%`];
  });
  const disks = m.storageFull.map((s) => [deviceLink(s.device), esc(s.description), `${bar(s.usedPercent, true)} ${s.usedPercent.toFixed(0)}%`, esc(siPrefix(s.sizeBytes, 'B', 1024).replace(/ ([kMGTP])B$/, ' $1iB'))]);
  const health = (rows: DashboardModel['suppliesLow']) => rows.map((r) => [deviceLink(r.device), esc(r.what), `<span class="${r.level === 'critical' ? 'st-down' : 'st-partial'}">${esc(r.detail)}</span>`]);
  const all = m.devices.map((d) => [`<span id="dev-${esc(d.key)}"></span>${dot(d.status)}${deviceLink(d)}`, esc(d.host), esc(`${d.region} › ${d.site}`), `<span class="st-${d.status}">${esc(tr(d.status === 'unknown' ? 'not polled' : d.status))}</span>`, when(d.statusSince)]);
  const h = (...names: string[]) => names.map((n) => (n ? tr(n) : ''));
  const zone = tf.zoneName(Date.parse(m.generatedAt));

  return `<h1>${esc(tr('Parc estate'))}</h1>
<p class="muted">${esc(tr('Status at {0}', tf.dateTime(m.generatedAt)))}</p>
<div class="tiles">${tiles}</div>
<h2>${esc(tr('Site map'))}</h2>
${siteMapSvg(m.regions.flatMap((r) => r.sites), { ...map, t: tr })}
<div class="grid2">
<section><h2>${esc(tr('Regions and sites'))}</h2>${table(h('Region', 'Site', 'Up', 'Down', 'Not polled'), sites, tr('No devices in parc.yaml.'), [2, 3, 4])}</section>
<section><h2>${esc(tr('Down longest'))}</h2>${table([...h('Device', 'Site', 'Down for'), tr('Seen down since ({0})', zone), tr('Error')], down, tr('No device is down.'))}</section>
</div>
<h2>${esc(tr('Alerts of the last 24 hours'))}</h2>
${table([tr('Time ({0})', zone), ...h('Severity', 'Device', 'Message')], alerts, tr('No alerts in the last 24 hours.'))}
<div class="grid2">
<section><h2>${esc(tr('Top interfaces by utilisation'))}</h2>${table(h('Device', 'Interface', 'In', 'Out', 'Speed', 'Utilisation'), ifs, tr('No interface traffic measured yet (rates need two polls).'), [2, 3, 4])}</section>
<section><h2>${esc(tr('Storage nearly full'))}</h2>${table(h('Device', 'Storage', 'Used', 'Size'), disks, tr('No storage is nearly full.'), [3])}</section>
</div>
<div class="grid2">
<section id="supplies-low"><h2>${esc(tr('Supplies low'))}</h2>${table(h('Device', 'Supply', 'Level'), health(m.suppliesLow), tr('No printer supply is low.'))}</section>
<section id="ups-alarms"><h2>${esc(tr('UPSes on battery or needing attention'))}</h2>${table(h('Device', '', 'State'), health(m.upsAlarms), tr('Every UPS is on mains power with a good battery.'))}</section>
</div>
<section id="sensors-alarm"><h2>${esc(tr('Sensors in alarm'))}</h2>${table(h('Device', 'Sensor', 'Reading'), health(m.sensorsAlarm), tr('No sensor is in alarm.'))}</section>
<h2>${esc(tr('All devices'))}</h2>
${table([...h('Device', 'Host', 'Site', 'Status'), tr('Seen since ({0})', zone)], all, tr('No devices.'))}`;
}

export function dashboardHtml(m: DashboardModel, o: DashboardHtmlOptions): string {
  return page({
    title: o.title ?? (o.text?.t ?? english)('Parc estate'),
    body: dashboardBody(m, o.map, o.text),
    lang: o.text?.times?.locale,
    nonce: o.nonce,
    cspSource: o.cspSource,
    imgOrigins: o.map?.tiles ? [new URL(o.map.tiles.replace(/[{}]/g, '')).origin] : undefined,
    scripts: o.scripts,
  });
}
