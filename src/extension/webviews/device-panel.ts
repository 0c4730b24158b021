// The device page: one webview panel per device, refreshed after each poll of that device. The page keeps its
// device and chosen range in the webview state, so a reload of the window brings it back (serializer.ts).
import * as vscode from 'vscode';
import { devicePageModel, isRange, type RangeName } from '../../core/metrics/views/device-model';
import { deviceHtml } from '../../core/metrics/views/device-html';
import { esc, makeNonce, page } from '../../core/metrics/views/html';
import type { ParcContext } from '../commands/types';
import type { DeviceState } from '../estate';
import { displayName } from '../views/device-item';
import { times } from '../views/format';
import { loadDeviceHistory, type DeviceHistory } from '../remote-estate/history';
import { uplotAssets } from './assets';
import { webviewTranslate } from './strings';
import { translateError } from '../error-text';

export const DEVICE_PAGE_VIEW = 'parc.devicePage';

/** What the page saves with vscode.setState (and gets back after a reload). */
export interface DevicePageState {
  key?: unknown;
  range?: unknown;
}

export function webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [] };
}

/** What the webview reports after drawing (type 'rendered'): points drawn per chart. */
export interface RenderedReport {
  at: string;
  charts: { id: string; points: number }[];
}

export class DevicePanel implements vscode.Disposable {
  private static readonly open = new Map<string, DevicePanel>();
  /** Undefined until the user picks one: the range that has data. */
  private range?: RangeName;
  private readonly disposables: vscode.Disposable[] = [];
  /** The full page is written once the device is known (a restored panel may wait for parc.yaml). */
  private written = false;

  static show(ctx: ParcContext, device: DeviceState, openOther: (key: string) => void): DevicePanel {
    const existing = DevicePanel.open.get(device.key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DEVICE_PAGE_VIEW, displayName(device), vscode.ViewColumn.Active, webviewOptions());
    return DevicePanel.adopt(ctx, device.key, panel, openOther);
  }

  /** A panel for this device, new or brought back by the serializer after a reload. */
  static adopt(ctx: ParcContext, key: string, panel: vscode.WebviewPanel, openOther: (key: string) => void, range?: RangeName): DevicePanel {
    DevicePanel.open.get(key)?.panel.dispose();
    const p = new DevicePanel(ctx, key, panel, openOther, range);
    DevicePanel.open.set(key, p);
    return p;
  }

  /** The range the user chose (undefined: the one that has data). */
  get chosenRange(): RangeName | undefined {
    return this.range;
  }

  /** Open panels, for the tests. */
  static panels(): DevicePanel[] {
    return [...DevicePanel.open.values()];
  }

  private name: string;
  /** While attached to a server: the history read for the page (undefined until the first answer). */
  private remoteHistory?: DeviceHistory;
  private loads = 0;
  /** The webview's last report of what it drew (for the tests and the log). */
  lastRendered?: RenderedReport;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedReport>();
  readonly onDidRender = this.renderedEmitter.event;

  private constructor(private readonly ctx: ParcContext, readonly key: string, readonly panel: vscode.WebviewPanel, openOther: (key: string) => void, range?: RangeName) {
    this.name = panel.title;
    this.range = range;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type?: string; range?: unknown; key?: unknown }) => {
        if (m.type === 'range' && isRange(m.range)) {
          this.range = m.range;
          this.push();
        } else if (m.type === 'openDevice' && typeof m.key === 'string') openOther(m.key);
        else if (m.type === 'rendered') {
          const r = m as unknown as RenderedReport;
          this.lastRendered = { at: String(r.at), charts: Array.isArray(r.charts) ? r.charts.map((c) => ({ id: String(c.id), points: Number(c.points) || 0 })) : [] };
          this.renderedEmitter.fire(this.lastRendered);
        }
      }),
      ctx.estate.onDidChangeDevices((keys) => {
        if (!this.written) this.write();
        else if (keys.includes(this.key) && panel.visible) this.push();
      }),
      // Attached or detached: the history comes from elsewhere now.
      // (the switch then reports every device changed, which pushes the page)
      ...(ctx.estate.onDidSwitch ? [ctx.estate.onDidSwitch(() => (this.remoteHistory = undefined))] : []),
      // A hidden webview is reloaded from its first HTML when shown again: bring it up to date.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.push();
      }),
      this.renderedEmitter,
    );
    this.write();
  }

  /** While attached: the moment (epoch ms) the shown history was read for; undefined when local. */
  get historyMoment(): number | undefined {
    return this.ctx.estate.remote ? this.remoteHistory?.now : undefined;
  }

  /** While attached: reads the history the page shows from the server, then writes or pushes the page. */
  private withRemote(then: () => void): boolean {
    const remote = this.ctx.estate.remote;
    if (!remote) return false;
    const load = ++this.loads;
    loadDeviceHistory(remote.client, this.key, this.range, Date.now()).then(
      (h) => {
        if (load !== this.loads || this.ctx.estate.remote !== remote) return;
        this.remoteHistory = h;
        then();
      },
      (e: Error) => {
        this.ctx.log.warn(`device page ${this.key}: history from ${remote.url}: ${e.message}`);
        // The page still shows the device's state; its charts wait for the next answer.
        if (load === this.loads) then();
      },
    );
    return true;
  }

  /** Writes the page, or a loading note while the device is not known yet (parc.yaml still being read). */
  private write(fresh = false): void {
    if (!fresh && this.withRemote(() => this.write(true))) return;
    const model = this.model();
    if (model) {
      const d = this.ctx.estate.get(this.key);
      if (d) this.name = displayName(d);
      this.panel.title = this.name;
      this.panel.webview.html = deviceHtml(model, { nonce: makeNonce(), cspSource: this.panel.webview.cspSource, ...uplotAssets(this.ctx.extension.extensionPath) });
      this.written = true;
    } else if (!this.panel.webview.html) {
      const nonce = makeNonce();
      this.panel.webview.html = page({ title: this.name, nonce, cspSource: this.panel.webview.cspSource, lang: vscode.env.language,
        body: `<p class="empty">${esc(vscode.l10n.t('Loading {0}…', this.name))}</p>`,
        // Keeps the state through a second reload before the device is back.
        scripts: [`(() => { const v = acquireVsCodeApi(); v.setState(${JSON.stringify({ key: this.key, range: this.range }).replace(/</g, '\\u003c')}); })();`] });
    }
  }

  model() {
    const d = this.ctx.estate.get(this.key);
    if (!d) return undefined;
    const metrics = this.ctx.estate.metrics;
    metrics?.store.refresh();
    // Attached: the server's history, read for this range at `h.now` (the model must use the same moment).
    const h = this.ctx.estate.remote && this.remoteHistory?.range === (this.range ?? this.remoteHistory?.range) ? this.remoteHistory : undefined;
    return devicePageModel({
      key: d.key, name: displayName(d), host: d.device.host, port: d.device.port, last: d.report && { ...d.report, error: d.report.error && translateError(d.report.error, vscode.l10n) }, statusSince: d.report?.statusSince,
      region: d.region, site: d.site, siteExplanation: d.siteExplanation,
      events: h?.events ?? metrics?.events.read('events', { device: d.key, limit: 50 }) ?? this.ctx.estate.events.filter((e) => e.device === d.key).slice(0, 50),
      store: h?.reader ?? metrics?.store, range: this.range, now: h?.now ?? Date.now(), thresholds: this.ctx.estate.inventory?.thresholds,
      t: webviewTranslate(), times: times(),
    });
  }

  /** Sends a fresh model: the page redraws without reloading (the range and scroll stay). */
  push(fresh = false): void {
    if (!this.written) return this.write();
    if (!fresh && this.withRemote(() => this.push(true))) return;
    const model = this.model();
    const d = this.ctx.estate.get(this.key);
    // Marked once while the device is gone from parc.yaml (pushes repeat on every show), named again if it is back.
    if (d) this.name = displayName(d);
    this.panel.title = d ? this.name : `${this.name} (removed)`;
    if (model) void this.panel.webview.postMessage({ type: 'model', model });
  }

  dispose(): void {
    if (DevicePanel.open.get(this.key) === this) DevicePanel.open.delete(this.key);
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
