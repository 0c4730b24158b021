// The estate dashboard webview: the same markup as `parc report --html`, refreshed after polls;
// rows open the device page. The site map is drawn offline unless the user enabled online tiles.
import * as vscode from 'vscode';
import { dashboardBody, dashboardHtml } from '../../core/metrics/views/dashboard-html';
import { dashboardModel } from '../../core/metrics/views/dashboard-model';
import { makeNonce } from '../../core/metrics/views/html';
import type { MapOptions } from '../../core/metrics/views/site-map';
import { DEFAULT_THRESHOLDS } from '../../core/inventory/types';
import type { DeviceRecord } from '../../core/state/types';
import type { ParcContext } from '../commands/types';
import { times } from '../views/format';
import { webviewTranslate } from './strings';
import { translateError } from '../error-text';

export const DASHBOARD_VIEW = 'parc.dashboard';

/** Clicks on device links go to the extension; the body is replaced in place after each poll. */
const SCRIPT = `
(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('[data-device]') : null;
    if (a) { e.preventDefault(); vscode.postMessage({ type: 'openDevice', key: a.getAttribute('data-device') }); }
  });
  window.addEventListener('message', (e) => {
    if (e.data && e.data.type === 'body') { document.getElementById('root').innerHTML = e.data.html; document.body.dataset.rendered = e.data.at; }
  });
  // Brought back after a reload, at the same place.
  const saved = vscode.getState();
  if (saved && saved.scrollY) window.scrollTo(0, saved.scrollY);
  let t = 0;
  window.addEventListener('scroll', () => { clearTimeout(t); t = setTimeout(() => vscode.setState({ scrollY: window.scrollY }), 200); });
  vscode.setState({ scrollY: window.scrollY });
  document.body.dataset.rendered = 'initial';
})();
`;

export function mapOptions(): MapOptions {
  const c = vscode.workspace.getConfiguration('parc');
  const tiles = c.get<boolean>('map.onlineTiles', false) ? c.get<string>('map.tileUrl', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png') : undefined;
  return tiles && /^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/.test(tiles) ? { tiles } : {};
}

export class DashboardPanel implements vscode.Disposable {
  private static current?: DashboardPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;

  static show(ctx: ParcContext, openDevice: (key: string) => void): DashboardPanel {
    if (DashboardPanel.current) {
      DashboardPanel.current.panel.reveal();
      return DashboardPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW, vscode.l10n.t('Parc estate'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    return DashboardPanel.adopt(ctx, panel, openDevice);
  }

  /** The dashboard in this panel, new or restored after a reload. */
  static adopt(ctx: ParcContext, panel: vscode.WebviewPanel, openDevice: (key: string) => void): DashboardPanel {
    DashboardPanel.current?.panel.dispose();
    DashboardPanel.current = new DashboardPanel(ctx, panel, openDevice);
    return DashboardPanel.current;
  }

  static get instance(): DashboardPanel | undefined {
    return DashboardPanel.current;
  }

  private constructor(private readonly ctx: ParcContext, readonly panel: vscode.WebviewPanel, openDevice: (key: string) => void) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type?: string; key?: unknown }) => {
        if (m.type === 'openDevice' && typeof m.key === 'string') openDevice(m.key);
      }),
      // Several devices change per poll: redraw once they have settled.
      ctx.estate.onDidChangeDevices(() => this.schedule()),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.schedule();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('parc.map')) this.render();
      }),
    );
    this.render();
  }

  private model() {
    const inv = this.ctx.estate.inventory;
    const records = new Map<string, DeviceRecord>();
    for (const d of this.ctx.estate.list()) {
      if (d.report) records.set(d.key, { last: { ...d.report, error: d.report.error && translateError(d.report.error, vscode.l10n) }, statusSince: d.report.statusSince });
    }
    const now = Date.now();
    // Attached: the server's alert events of the day (the local page reads them from the event archive).
    const remote = this.ctx.estate.remote;
    const alerts = remote ? remote.alertEvents(now - 86_400_000) : this.ctx.estate.metrics?.events.read('alerts', { since: now - 86_400_000 }) ?? [];
    return dashboardModel({
      inventory: inv ?? { devices: [], sites: [], siteMaxDistanceKm: 0, thresholds: { ...DEFAULT_THRESHOLDS } },
      records, alerts, now,
    });
  }

  /** Full page (first time, or the map settings changed: the CSP depends on them). */
  render(): void {
    this.panel.title = vscode.l10n.t('Parc estate');
    const html = dashboardHtml(this.model(), { nonce: makeNonce(), cspSource: this.panel.webview.cspSource, map: mapOptions(), scripts: [SCRIPT], text: this.text() });
    this.panel.webview.html = html.replace('<body>\n', '<body>\n<div id="root">').replace(/\n<script nonce/, '</div>\n<script nonce');
  }

  private text() {
    return { t: webviewTranslate(), times: times() };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const model = this.model();
      void this.panel.webview.postMessage({ type: 'body', html: dashboardBody(model, mapOptions(), this.text()), at: model.generatedAt });
    }, 300);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    if (DashboardPanel.current === this) DashboardPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
