// The Devices view filter: all, down only, or a text matched against names, addresses, sites, OS.
import * as vscode from 'vscode';
import type { DeviceFilter } from '../views/devices-tree';
import type { CommandFamily, ParcContext } from './types';

export async function applyFilter(ctx: ParcContext, f: DeviceFilter): Promise<void> {
  ctx.devicesTree.setFilter(f);
  const parts = [f.downOnly ? vscode.l10n.t('down only') : undefined, f.text ? `"${f.text}"` : undefined].filter(Boolean);
  ctx.devicesView.description = parts.length ? vscode.l10n.t('Filter: {0}', parts.join(', ')) : undefined;
  await vscode.commands.executeCommand('setContext', 'parc.devicesFiltered', parts.length > 0);
}

export const filterCommands: CommandFamily = (ctx) => [
  {
    id: 'parc.filterDevices',
    async run(arg?: DeviceFilter) {
      if (arg && typeof arg === 'object' && 'downOnly' in arg) return applyFilter(ctx, arg);
      const all = vscode.l10n.t('All devices');
      const down = vscode.l10n.t('Down only');
      const text = vscode.l10n.t('Matching a text…');
      const pick = await vscode.window.showQuickPick([all, down, text], { title: vscode.l10n.t('Filter devices') });
      if (pick === all) return applyFilter(ctx, { downOnly: false });
      if (pick === down) return applyFilter(ctx, { ...ctx.devicesTree.filter, downOnly: true });
      if (pick === text) {
        const t = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Name, address, site, region or OS contains'), value: ctx.devicesTree.filter.text });
        if (t !== undefined) return applyFilter(ctx, { ...ctx.devicesTree.filter, text: t.trim() || undefined });
      }
    },
  },
  { id: 'parc.clearDeviceFilter', run: () => applyFilter(ctx, { downOnly: false }) },
];
