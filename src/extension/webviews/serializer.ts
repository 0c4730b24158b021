// Device pages and the dashboard come back after a window reload, with their device and range: VS Code hands
// each saved panel and the state its page saved (vscode.setState) to these serializers.
import * as vscode from 'vscode';
import { isRange } from '../../core/metrics/views/device-model';
import type { ParcContext } from '../commands/types';
import { DASHBOARD_VIEW, DashboardPanel } from './dashboard-panel';
import { DEVICE_PAGE_VIEW, DevicePanel, webviewOptions, type DevicePageState } from './device-panel';

export function registerWebviewSerializers(ctx: ParcContext, openDevice: (key: string) => void): vscode.Disposable[] {
  return [
    vscode.window.registerWebviewPanelSerializer(DEVICE_PAGE_VIEW, {
      async deserializeWebviewPanel(panel, state: DevicePageState | undefined) {
        if (!state || typeof state.key !== 'string') {
          panel.dispose(); // a page from before pages kept their state: nothing to show
          return;
        }
        panel.webview.options = webviewOptions();
        DevicePanel.adopt(ctx, state.key, panel, openDevice, isRange(state.range) ? state.range : undefined);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW, {
      async deserializeWebviewPanel(panel) {
        panel.webview.options = webviewOptions();
        DashboardPanel.adopt(ctx, panel, openDevice);
      },
    }),
  ];
}
