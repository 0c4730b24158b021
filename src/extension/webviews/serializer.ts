// Device pages and the dashboard come back after a window reload, with their device and range: VS Code hands
// each saved panel and the state its page saved (vscode.setState) to these serializers.
import * as vscode from 'vscode';
import { isRange } from '../../core/metrics/views/device-model';
import type { ParcContext } from '../commands/types';
import { DASHBOARD_VIEW, DashboardPanel } from './dashboard-panel';
import { DEVICE_PAGE_VIEW, DevicePanel, webviewOptions, type DevicePageState } from './device-panel';

export interface WebviewsApi {
  /** What VS Code calls for a saved device page after a reload (also called by the extension-host tests). */
  devicePage: vscode.WebviewPanelSerializer<DevicePageState>;
  /** The open device pages: device key, chosen range (undefined: the one with data), panel. */
  devicePages(): { key: string; range?: string; panel: vscode.WebviewPanel; page: DevicePanel }[];
}

export function registerWebviewSerializers(ctx: ParcContext, openDevice: (key: string) => void): { disposables: vscode.Disposable[]; api: WebviewsApi } {
  const devicePage: vscode.WebviewPanelSerializer<DevicePageState> = {
    async deserializeWebviewPanel(panel, state) {
      if (!state || typeof state.key !== 'string') {
        panel.dispose(); // a page from before pages kept their state: nothing to show
        return;
      }
      panel.webview.options = webviewOptions();
      DevicePanel.adopt(ctx, state.key, panel, openDevice, isRange(state.range) ? state.range : undefined);
    },
  };
  const dashboard: vscode.WebviewPanelSerializer = {
    async deserializeWebviewPanel(panel) {
      panel.webview.options = webviewOptions();
      DashboardPanel.adopt(ctx, panel, openDevice);
    },
  };
  return {
    disposables: [vscode.window.registerWebviewPanelSerializer(DEVICE_PAGE_VIEW, devicePage), vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW, dashboard)],
    api: { devicePage, devicePages: () => DevicePanel.panels().map((p) => ({ key: p.key, range: p.chosenRange, panel: p.panel, page: p })) },
  };
}
