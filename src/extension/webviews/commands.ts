// Commands that open the device page and the estate dashboard.
import * as vscode from 'vscode';
import type { CommandFamily, ParcContext } from '../commands/types';
import { pickDevice } from '../commands/targets';
import { DashboardPanel } from './dashboard-panel';
import { DevicePanel } from './device-panel';

async function openDevice(ctx: ParcContext, arg: unknown): Promise<DevicePanel | undefined> {
  const d = await pickDevice(ctx, arg, vscode.l10n.t('Open device page'));
  return d && DevicePanel.show(ctx, d, (key) => void openDevice(ctx, key));
}

export const webviewCommands: CommandFamily = (ctx) => [
  { id: 'parc.openDevicePage', run: (arg?: unknown) => openDevice(ctx, arg) },
  { id: 'parc.openDashboard', run: () => DashboardPanel.show(ctx, (key) => void openDevice(ctx, key)) },
];
