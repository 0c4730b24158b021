// Turns what a command was invoked with (a tree node, an alert, a device key, nothing) into devices.
import * as vscode from 'vscode';
import type { DeviceState } from '../estate';
import { address, displayName, statusOf, statusText } from '../views/device-item';
import type { ParcContext } from './types';

export function devicesOf(ctx: ParcContext, arg: unknown): DeviceState[] | undefined {
  const all = ctx.estate.list();
  if (arg === undefined || arg === null) return undefined;
  if (typeof arg === 'string') return all.filter((d) => d.key === arg || d.device.name === arg || d.device.host === arg);
  const n = arg as { kind?: string; key?: string; region?: string; site?: string; alert?: { event: { device?: string } }; event?: { device?: string } };
  switch (n.kind) {
    case 'device': return all.filter((d) => d.key === n.key);
    case 'site': return all.filter((d) => d.region === n.region && d.site === n.site);
    case 'region': return all.filter((d) => d.region === n.region);
    case 'alert': return all.filter((d) => d.key === n.alert?.event.device);
    case 'event': return all.filter((d) => d.key === n.event?.device);
    default: return n.key ? all.filter((d) => d.key === n.key) : undefined;
  }
}

/**
 * One device: from the argument (a tree node, a device key or name), else a quick pick. Never the Devices view's
 * selection: a command run from the palette acts on the device the user picks, not on whatever is selected.
 */
export async function pickDevice(ctx: ParcContext, arg: unknown, title: string): Promise<DeviceState | undefined> {
  const given = devicesOf(ctx, arg);
  if (given?.length === 1) return given[0];
  const all = given && given.length > 1 ? given : ctx.estate.list();
  if (!all.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no devices in parc.yaml yet.'));
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    all.map((d) => ({ label: displayName(d), description: address(d), detail: `${d.region} / ${d.site} · ${statusText(statusOf(d))}`, d })),
    { title, matchOnDescription: true, matchOnDetail: true },
  );
  return pick?.d;
}
