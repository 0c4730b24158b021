// "Apply SNMP Settings…" and "Set Static IP…" while this window is attached to a `parc serve`: the server makes the
// change over its own SSH connection (its known_hosts, its credentials) under the user's name, admins only; this
// window previews it, asks, and shows the outcome. The community is named by a credential of the server, so no
// secret leaves this window.
import * as vscode from 'vscode';
import type { Logger } from '../../core/host';
import { parseIp, parseIpPrefix } from '../../core/netplan/ip';
import { HostChangesClient, snmpdRequest, staticIpRequest, type SnmpdAnswers } from '../../core/remote/host-changes';
import type { NetplanApplyResponse, SnmpdApplyResponse } from '../../core/remote/api-types';
import type { RemoteEstate } from '../remote-estate/remote-estate';
import type { HostsNode } from './hosts-tree';

/** Runs a server change; its refusal (role, bad field, unknown host key, busy host) is shown, not thrown away. */
export async function viaServer<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    void vscode.window.showErrorMessage(`Parc: ${(err as Error).message}`);
    return undefined;
  }
}


async function pickHost(api: HostChangesClient, arg: unknown, given?: string): Promise<string | undefined> {
  const node = arg as HostsNode | undefined;
  if (given) return given;
  if (node?.kind === 'host') return node.name;
  if (node?.kind === 'file') return node.host;
  return vscode.window.showQuickPick(await api.hosts(), { title: vscode.l10n.t('Host') });
}

/** The host to change, after refusing a viewer or operator before anything is asked (the server checks again: 403). */
async function adminTarget(r: RemoteEstate, arg: unknown, given?: string): Promise<{ api: HostChangesClient; name: string } | undefined> {
  if (!r.can('admin')) throw new Error(vscode.l10n.t('Your role on the server is {0}: this action needs the admin role.', r.role));
  const api = new HostChangesClient(r.client);
  const name = await pickHost(api, arg, given);
  return name ? { api, name } : undefined;
}

export interface ServerSnmpdAnswers extends SnmpdAnswers {
  host?: string;
  confirm?: boolean;
  timeoutS?: number;
}

export async function applySnmpdViaServer(r: RemoteEstate, log: Logger, arg?: unknown, o?: ServerSnmpdAnswers): Promise<SnmpdApplyResponse | undefined> {
  const target = await adminTarget(r, arg, o?.host);
  if (!target) return undefined;
  const { api, name } = target;
  const a: ServerSnmpdAnswers = o ?? {};
  if (!o) {
    a.communityCredential = await vscode.window.showInputBox({ title: vscode.l10n.t('Credential of the server that holds the community (its name, not the value)') });
    if (!a.communityCredential) return undefined;
    const source = await vscode.window.showInputBox({ title: vscode.l10n.t('Allowed source (address/prefix, empty for any)'), validateInput: (v) => (!v.trim() || !('error' in parseIpPrefix(v.trim())) ? undefined : vscode.l10n.t('Not an address/prefix')) });
    if (source === undefined) return undefined;
    a.source = source;
    const none = vscode.l10n.t('No extend lines');
    const ext = await vscode.window.showQuickPick([none, 'observium', 'librenms'], { title: vscode.l10n.t('extend lines (distro, hardware, vendor, serial, uptime)') });
    if (!ext) return undefined;
    a.extend = ext === none ? undefined : (ext as 'observium' | 'librenms');
    const location = await vscode.window.showInputBox({ title: vscode.l10n.t('sysLocation (empty to keep)') });
    if (location === undefined) return undefined;
    a.location = location;
  }
  const body = snmpdRequest(a, a.timeoutS);
  const preview = await api.snmpdPreview(name, body);
  if (a.confirm !== false) {
    const go = vscode.l10n.t('Apply');
    const pick = await vscode.window.showWarningMessage(vscode.l10n.t('Change snmpd.conf on {0} and restart snmpd?', name), { modal: true, detail: [...preview.changes, '', preview.diff].join('\n') }, go);
    if (pick !== go) return undefined;
  }
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Changing snmpd.conf on {0}…', name) }, () => api.snmpdApply(name, body));
  for (const s of [...report.changes, ...report.steps]) log.info(`snmpd ${name} (server): ${s}`);
  if (report.ok) void vscode.window.showInformationMessage(vscode.l10n.t('{0} answers SNMP with the new settings', name));
  else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}; previous snmpd.conf restored: {2}', name, report.error ?? report.verdict, report.restored ? (report.previousWorks === false ? vscode.l10n.t('yes, but it does not answer polling') : vscode.l10n.t('yes')) : vscode.l10n.t('no')));
  return report;
}

export interface ServerStaticIpAnswers {
  host?: string;
  interface?: string;
  address?: string;
  gateway?: string;
  dns?: string;
  search?: string;
  timeoutS?: number;
  confirm?: boolean;
  acceptWarnings?: boolean;
}

export async function setStaticIpViaServer(r: RemoteEstate, log: Logger, arg?: unknown, o?: ServerStaticIpAnswers): Promise<NetplanApplyResponse | undefined> {
  const target = await adminTarget(r, arg, o?.host);
  if (!target) return undefined;
  const { api, name } = target;
  const a: ServerStaticIpAnswers = o ?? {};
  if (!o) {
    a.interface = await vscode.window.showInputBox({ title: vscode.l10n.t('Interface'), prompt: vscode.l10n.t('Interface name, e.g. ens3') });
    if (!a.interface) return undefined;
    a.address = await vscode.window.showInputBox({ title: vscode.l10n.t('Static IP for {0}', a.interface), prompt: vscode.l10n.t('Address/prefix, e.g. 192.0.2.10/24'), validateInput: (v) => {
      const p = parseIpPrefix(v.trim());
      return 'error' in p ? p.error : undefined;
    } });
    if (!a.address) return undefined;
    a.gateway = await vscode.window.showInputBox({ title: vscode.l10n.t('Gateway (empty for none)'), validateInput: (v) => (v.trim() && !parseIp(v.trim()) ? vscode.l10n.t('Not an IP address') : undefined) });
    if (a.gateway === undefined) return undefined;
    a.dns = await vscode.window.showInputBox({ title: vscode.l10n.t('DNS servers, comma-separated (empty to keep)') });
    if (a.dns === undefined) return undefined;
    a.search = await vscode.window.showInputBox({ title: vscode.l10n.t('Search domains, comma-separated (empty to keep)') });
    if (a.search === undefined) return undefined;
    const t = await vscode.window.showInputBox({ title: vscode.l10n.t('Automatic rollback after (seconds)'), value: '120', validateInput: (v) => (/^\d+$/.test(v) && Number(v) >= 5 && Number(v) <= 3600 ? undefined : vscode.l10n.t('A whole number from 5 to 3600')) });
    if (!t) return undefined;
    a.timeoutS = Number(t);
  }
  if (!a.interface || !a.address) return undefined;
  const body = staticIpRequest({ interface: a.interface, address: a.address, gateway: a.gateway, dns: a.dns, search: a.search, timeoutS: a.timeoutS, acceptWarnings: a.acceptWarnings });
  const preview = await api.netplanPreview(name, body);
  if (a.confirm !== false) {
    const go = vscode.l10n.t('Apply with Rollback');
    const pick = await vscode.window.showWarningMessage(vscode.l10n.t('Apply the static IP to {0} on {1} through the server? The host reverts by itself after {2} s unless the server reconnects and confirms.', preview.file, name, String(body.timeout ?? 120)), { modal: true, detail: [...preview.changes, ...preview.problems, '', preview.diff].join('\n') }, go);
    if (pick !== go) return undefined;
  }
  const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying netplan on {0} (rollback in {1} s unless confirmed)…', name, String(body.timeout ?? 120)) }, () => api.netplanApply(name, body));
  for (const s of [...report.problems, ...report.steps]) log.info(`netplan ${name} (server): ${s}`);
  if (report.outcome === 'confirmed') void vscode.window.showInformationMessage(vscode.l10n.t('{0}: the new network configuration is in place', name));
  else if (report.outcome === 'reverted') void vscode.window.showWarningMessage(vscode.l10n.t('{0}: not reachable with the new configuration; the previous one is back', name));
  else if (report.outcome === 'refused') void vscode.window.showErrorMessage(vscode.l10n.t('{0}: not applied: {1}', name, [...report.problems, ...report.warnings].join('; ')));
  else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: the outcome is unknown; check the host on its console (details in the Parc log)', name));
  return report;
}
