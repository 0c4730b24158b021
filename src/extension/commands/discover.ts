// Discover subnet: probe every address of a block (progress notification, cancellable), then let the
// user pick which of the agents that answered go into parc.yaml.
import * as vscode from 'vscode';
import { probeProfiles, scanSubnet, type ProbeResult } from '../../core/discovery/probe';
import { addDevicesToFile, type NewDevice } from '../../core/inventory/file';
import { deviceKey } from '../../core/inventory/types';
import { parseCidr } from '../../core/net/cidr';
import { networkAllowed } from '../trust';
import { ensureInventory } from './inventory';
import type { CommandFamily, ParcContext } from './types';

export interface DiscoverArgs {
  cidr?: string;
  port?: number;
  /** Skip the multi-select and add everything new (tests, scripted use). */
  addAll?: boolean;
}

function validCidr(v: string): string | undefined {
  try {
    parseCidr(v.trim());
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

async function discover(ctx: ParcContext, args: DiscoverArgs): Promise<NewDevice[]> {
  if (!networkAllowed(vscode.l10n.t('Discover subnet'))) return [];
  if (!(await ensureInventory(ctx))) return [];
  const inv = ctx.inventories.inventory;
  if (!inv) throw new Error(vscode.l10n.t('parc.yaml has errors; fix them (see the Problems panel) first.'));
  const cidr = args.cidr ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Discover subnet'),
    prompt: vscode.l10n.t('Block to scan (at most 4096 addresses)'),
    value: inv.discovery.subnets[0]?.text ?? inv.sites.flatMap((s) => s.subnets)[0]?.text ?? '',
    validateInput: validCidr,
  }));
  if (!cidr) return [];
  const profiles = probeProfiles(inv);
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Scanning {0}', cidr), cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      let answered = 0;
      let last = 0;
      return scanSubnet(cidr.trim(), profiles, ctx.secrets, {
        port: args.port,
        signal: abort.signal,
        onProgress: (done, total, hit) => {
          if (hit) answered++;
          const pct = (done / total) * 100;
          progress.report({ increment: pct - last, message: vscode.l10n.t('{0}/{1} probed, {2} answered', done, total, answered) });
          last = pct;
        },
      });
    },
  );
  const known = new Set(inv.devices.map(deviceKey));
  const fresh = found.filter((f) => !known.has(deviceKey(f)));
  ctx.log.info(`discovery of ${cidr}: ${found.length} answered, ${fresh.length} new`);
  if (!fresh.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} agent(s) answered in {1}; none is new.', found.length, cidr));
    return [];
  }
  let chosen: ProbeResult[] = fresh;
  if (!args.addAll) {
    const picks = await vscode.window.showQuickPick(
      fresh.map((f) => ({ label: f.sysName || f.host, description: f.port === 161 ? f.host : `${f.host}:${f.port}`, detail: [f.os, f.sysLocation, f.profile].filter(Boolean).join(' · '), picked: true, f })),
      { title: vscode.l10n.t('Add to parc.yaml'), canPickMany: true, matchOnDescription: true },
    );
    if (!picks?.length) return [];
    chosen = picks.map((p) => p.f);
  }
  const added = await addDevicesToFile(inv.file, chosen.map((f) => ({ host: f.host, port: f.port, name: f.sysName || undefined, profile: f.profile === inv.snmp.default ? undefined : f.profile })));
  await ctx.inventories.reload();
  await ctx.estate.settled();
  void vscode.window.showInformationMessage(vscode.l10n.t('{0} device(s) added to parc.yaml.', added.length));
  return added;
}

export const discoverCommands: CommandFamily = (ctx) => [
  { id: 'parc.discoverSubnet', run: (args?: DiscoverArgs) => discover(ctx, args && typeof args === 'object' ? args : {}) },
];
