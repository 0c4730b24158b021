// The device page: one webview panel per device, refreshed after each poll of that device.
import * as vscode from 'vscode';
import { devicePageModel, isRange, type RangeName } from '../../core/metrics/views/device-model';
import { deviceHtml } from '../../core/metrics/views/device-html';
import { makeNonce } from '../../core/metrics/views/html';
import type { ParcContext } from '../commands/types';
import type { DeviceState } from '../estate';
import { displayName } from '../views/device-item';
import { uplotAssets } from './assets';

export class DevicePanel implements vscode.Disposable {
  private static readonly open = new Map<string, DevicePanel>();
  private range: RangeName = '24h';
  private readonly disposables: vscode.Disposable[] = [];

  static show(ctx: ParcContext, device: DeviceState, openOther: (key: string) => void): DevicePanel {
    const existing = DevicePanel.open.get(device.key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel('parc.devicePage', displayName(device), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
    const p = new DevicePanel(ctx, device.key, panel, openOther);
    DevicePanel.open.set(device.key, p);
    return p;
  }

  /** Open panels, for the tests. */
  static panels(): DevicePanel[] {
    return [...DevicePanel.open.values()];
  }

  private name: string;

  private constructor(private readonly ctx: ParcContext, readonly key: string, readonly panel: vscode.WebviewPanel, openOther: (key: string) => void) {
    this.name = panel.title;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: { type?: string; range?: unknown; key?: unknown }) => {
        if (m.type === 'range' && isRange(m.range)) {
          this.range = m.range;
          this.push();
        } else if (m.type === 'openDevice' && typeof m.key === 'string') openOther(m.key);
      }),
      ctx.estate.onDidChangeDevices((keys) => {
        if (keys.includes(this.key) && panel.visible) this.push();
      }),
      // A hidden webview is reloaded from its first HTML when shown again: bring it up to date.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible) this.push();
      }),
    );
    const model = this.model();
    if (model) panel.webview.html = deviceHtml(model, { nonce: makeNonce(), cspSource: panel.webview.cspSource, ...uplotAssets(ctx.extension.extensionPath) });
  }

  model() {
    const d = this.ctx.estate.get(this.key);
    if (!d) return undefined;
    const metrics = this.ctx.estate.metrics;
    metrics?.store.refresh();
    return devicePageModel({
      key: d.key, name: displayName(d), host: d.device.host, port: d.device.port, last: d.report, statusSince: d.report?.statusSince,
      region: d.region, site: d.site, siteExplanation: d.siteExplanation,
      events: metrics?.events.read('events', { device: d.key, limit: 50 }) ?? this.ctx.estate.events.filter((e) => e.device === d.key).slice(0, 50),
      store: metrics?.store, range: this.range, now: Date.now(), thresholds: this.ctx.estate.inventory?.thresholds,
    });
  }

  /** Sends a fresh model: the page redraws without reloading (the range and scroll stay). */
  push(): void {
    const model = this.model();
    const d = this.ctx.estate.get(this.key);
    // Marked once while the device is gone from parc.yaml (pushes repeat on every show), named again if it is back.
    if (d) this.name = displayName(d);
    this.panel.title = d ? this.name : `${this.name} (removed)`;
    if (model) void this.panel.webview.postMessage({ type: 'model', model });
  }

  dispose(): void {
    DevicePanel.open.delete(this.key);
    this.disposables.forEach((d) => d.dispose());
    this.disposables.length = 0;
  }
}
