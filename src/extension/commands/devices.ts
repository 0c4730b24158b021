// Device commands: add (probed first), remove, move to a site, open in parc.yaml, copy address.
import * as vscode from 'vscode';
import { probe } from '../../core/discovery/probe';
import { addDevicesToFile, type NewDevice } from '../../core/inventory/file';
import { removeDeviceFromFile, setDeviceSiteInFile } from '../../core/inventory/edit';
import { deviceKey, type Inventory } from '../../core/inventory/types';
import { remoteAddDevice, remoteMoveDevice, remoteRemoveDevice } from '../remote-estate/admin';
import type { RemoteEstate } from '../remote-estate/remote-estate';
import { networkAllowed } from '../trust';
import { address, displayName } from '../views/device-item';
import { ensureInventory } from './inventory';
import { pickDevice } from './targets';
import type { CommandFamily, ParcContext } from './types';

export interface AddDeviceArgs {
  host?: string;
  port?: number;
  profile?: string;
  site?: string;
  name?: string;
  /** Add even when the probe gets no answer (asked interactively otherwise). */
  addIfSilent?: boolean;
}

/** "host", "host:port" or "[v6]:port" → host and port. */
export function parseHostPort(text: string): { host: string; port: number } | undefined {
  const t = text.trim();
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(t) ?? /^([^:\s]+)(?::(\d+))?$/.exec(t);
  if (!m) return undefined;
  const port = m[2] ? Number(m[2]) : 161;
  return port > 0 && port < 65536 ? { host: m[1], port } : undefined;
}

async function askProfile(inv: Inventory, given?: string): Promise<string | undefined> {
  const names = [...inv.snmp.profiles.keys()];
  if (given) {
    if (!inv.snmp.profiles.has(given)) throw new Error(vscode.l10n.t('There is no SNMP profile named "{0}" in parc.yaml.', given));
    return given;
  }
  if (!names.length) throw new Error(vscode.l10n.t('parc.yaml has no SNMP profile yet: add one under snmp.profiles.'));
  if (names.length === 1) return names[0];
  const pick = await vscode.window.showQuickPick(
    names.map((n) => ({ label: n, description: n === inv.snmp.default ? vscode.l10n.t('default') : undefined })),
    { title: vscode.l10n.t('SNMP profile') },
  );
  return pick?.label;
}

async function askSite(inv: Inventory, given?: string): Promise<string | null | undefined> {
  if (given !== undefined) return given || null;
  if (!inv.sites.length) return null;
  const auto = vscode.l10n.t('Automatic (from sysLocation, subnet or coordinates)');
  const pick = await vscode.window.showQuickPick([{ label: auto, site: null as string | null }, ...inv.sites.map((s) => ({ label: s.name, description: s.region, site: s.name as string | null }))], { title: vscode.l10n.t('Site') });
  return pick === undefined ? undefined : pick.site;
}

/** Attached (admin): the server adds it to its parc.yaml (and probes it at its next poll). */
async function addRemoteDevice(r: RemoteEstate, args: AddDeviceArgs): Promise<NewDevice | undefined> {
  const inv = r.inventory;
  let hp = args.host ? { host: args.host, port: args.port ?? 161 } : undefined;
  if (!hp) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Add device to {0}', r.client.base.host),
      prompt: vscode.l10n.t('Host name or IP address, optionally with :port'),
      validateInput: (v) => (parseHostPort(v) ? undefined : vscode.l10n.t('Expected a host name or address, e.g. 192.0.2.10 or switch1:1161')),
    });
    if (!text) return undefined;
    hp = parseHostPort(text)!;
  }
  const site = inv && inv.sites.length ? await askSite(inv, args.site) : args.site ?? null;
  if (site === undefined) return undefined;
  const entry: NewDevice = { host: hp.host, port: hp.port, name: args.name, profile: args.profile, site: site ?? undefined };
  await remoteAddDevice(r, { host: entry.host, port: entry.port, ...(entry.name ? { name: entry.name } : {}), ...(entry.profile ? { profile: entry.profile } : {}), ...(entry.site ? { site: entry.site } : {}) });
  return entry;
}

async function addDevice(ctx: ParcContext, args: AddDeviceArgs = {}): Promise<NewDevice | undefined> {
  if (ctx.estate.remote) return addRemoteDevice(ctx.estate.remote, args);
  // The device is probed before it is written: refuse at once rather than after the questions.
  if (!networkAllowed(vscode.l10n.t('Add device'))) return undefined;
  if (!(await ensureInventory(ctx))) return undefined;
  const inv = ctx.inventories.inventory;
  if (!inv) throw new Error(vscode.l10n.t('parc.yaml has errors; fix them (see the Problems panel) before adding devices.'));
  let hp = args.host ? { host: args.host, port: args.port ?? 161 } : undefined;
  if (!hp) {
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Add device'),
      prompt: vscode.l10n.t('Host name or IP address, optionally with :port'),
      validateInput: (v) => (parseHostPort(v) ? undefined : vscode.l10n.t('Expected a host name or address, e.g. 192.0.2.10 or switch1:1161')),
    });
    if (!text) return undefined;
    hp = parseHostPort(text)!;
  }
  if (inv.devices.some((d) => deviceKey(d) === deviceKey(hp!))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in parc.yaml.', `${hp.host}:${hp.port}`));
    return undefined;
  }
  const profileName = await askProfile(inv, args.profile);
  if (!profileName) return undefined;
  const site = await askSite(inv, args.site);
  if (site === undefined) return undefined;
  const profile = inv.snmp.profiles.get(profileName)!;
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Probing {0}…', hp.host) },
    () => probe(hp!.host, hp!.port, [profile], ctx.secrets),
  );
  if (!found.answered) {
    const why = found.attempts.map((a) => ctx.log.clean(a.error)).join('; ');
    ctx.log.warn(`add device: ${hp.host}:${hp.port} did not answer: ${why}`);
    const addAnyway = vscode.l10n.t('Add anyway');
    const go = args.addIfSilent ?? (await vscode.window.showWarningMessage(vscode.l10n.t('{0} did not answer with profile "{1}": {2}', hp.host, profileName, why), addAnyway)) === addAnyway;
    if (!go) return undefined;
  }
  const entry: NewDevice = {
    host: hp.host,
    port: hp.port,
    name: args.name ?? found.sysName ?? undefined,
    profile: profileName === inv.snmp.default || (!inv.snmp.default && inv.snmp.profiles.size === 1) ? undefined : profileName,
    site: site ?? undefined,
  };
  const added = await addDevicesToFile(inv.file, [entry]);
  await ctx.inventories.reload();
  await ctx.estate.settled();
  ctx.log.info(`added ${entry.name ?? entry.host} (${hp.host}:${hp.port}) to ${inv.file}`);
  if (added.length && vscode.workspace.isTrusted) {
    const d = ctx.estate.get(deviceKey(hp));
    if (d) void ctx.estate.poll([d.device]);
  }
  return added[0];
}

export const deviceCommands: CommandFamily = (ctx) => [
  { id: 'parc.addDevice', run: (args?: AddDeviceArgs) => addDevice(ctx, args && typeof args === 'object' && !('kind' in args) ? args : {}) },
  {
    id: 'parc.removeDevice',
    async run(arg?: unknown, options?: { confirm?: boolean }) {
      const d = await pickDevice(ctx, arg, vscode.l10n.t('Remove device'));
      const remote = ctx.estate.remote;
      if (d && remote) {
        if (options?.confirm !== false) {
          const remove = vscode.l10n.t('Remove');
          const ok = await vscode.window.showWarningMessage(vscode.l10n.t('Remove {0} ({1}) from the parc.yaml of {2}?', displayName(d), address(d), remote.client.base.host), { modal: true }, remove);
          if (ok !== remove) return false;
        }
        await remoteRemoveDevice(remote, d.key);
        return true;
      }
      const file = ctx.inventories.file;
      if (!d || !file) return false;
      if (options?.confirm !== false) {
        const remove = vscode.l10n.t('Remove');
        const ok = await vscode.window.showWarningMessage(vscode.l10n.t('Remove {0} ({1}) from parc.yaml?', displayName(d), address(d)), { modal: true }, remove);
        if (ok !== remove) return false;
      }
      // The edit re-reads parc.yaml and finds the entry by host and port right before writing.
      await removeDeviceFromFile(file, d.key);
      await ctx.inventories.reload();
      await ctx.estate.settled();
      return true;
    },
  },
  {
    id: 'parc.moveDevice',
    async run(arg?: unknown, siteArg?: string) {
      const d = await pickDevice(ctx, arg, vscode.l10n.t('Move device to site'));
      const remote = ctx.estate.remote;
      const inv = remote ? remote.inventory : ctx.inventories.inventory;
      if (!d || !inv) return false;
      if (!inv.sites.length) throw new Error(vscode.l10n.t('parc.yaml defines no sites yet.'));
      const site = await askSite(inv, siteArg);
      if (site === undefined) return false;
      if (remote) {
        await remoteMoveDevice(remote, d.key, site);
        return true;
      }
      await setDeviceSiteInFile(inv.file, d.key, site ?? undefined);
      await ctx.inventories.reload();
      await ctx.estate.settled();
      return true;
    },
  },
  {
    id: 'parc.openInInventory',
    async run(arg?: unknown) {
      const d = await pickDevice(ctx, arg, vscode.l10n.t('Open in parc.yaml'));
      const file = ctx.inventories.file;
      if (!file) return;
      const line = Math.max(0, (d?.device.line ?? 1) - 1);
      const editor = await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(line, 0, line, 0) });
      editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    },
  },
  {
    id: 'parc.copyAddress',
    async run(arg?: unknown) {
      const d = await pickDevice(ctx, arg, vscode.l10n.t('Copy address'));
      if (!d) return undefined;
      await vscode.env.clipboard.writeText(address(d));
      return address(d);
    },
  },
];
