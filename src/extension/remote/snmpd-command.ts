// "Apply SNMP Settings…" on a Hosts view host or its snmpd.conf: the same verified change as `parc snmpd apply`
// (edit → atomic write with backup → restart snmpd → poll with the new community → restore on failure).
// Saving snmpd.conf from the editor writes it but neither restarts nor verifies: this command does both.
import * as vscode from 'vscode';
import type { Logger, SecretSource } from '../../core/host';
import { profileFor } from '../../core/inventory/parse';
import type { Inventory } from '../../core/inventory/types';
import { applySnmpdChange, type PollWith, type SnmpdApplyReport } from '../../core/snmpdconf/apply';
import { editSnmpdConf, SnmpdEditError, type SnmpdEdit } from '../../core/snmpdconf/edit';
import { parseIpPrefix } from '../../core/netplan/ip';
import type { HostsService } from './hosts-service';
import type { HostsNode } from './hosts-tree';
import { translateError } from '../error-text';
import type { SnmpdApplyResponse } from '../../core/remote/api-types';
import type { RemoteEstate } from '../remote-estate/remote-estate';
import { applySnmpdViaServer, viaServer, type ServerSnmpdAnswers } from './server-host-changes';
import { siteNamed } from '../../core/sites/named';

/** What tests and scripts pass instead of answering the prompts. */
interface Answers {
  host?: string;
  community?: string;
  source?: string;
  extend?: 'observium' | 'librenms';
  location?: string;
  contact?: string;
  confirm?: boolean;
  timeoutS?: number;
}

export function registerSnmpdCommand(hosts: HostsService, secrets: SecretSource, inventory: () => Inventory | undefined, log: Logger, server: () => RemoteEstate | undefined = () => undefined): vscode.Disposable {
  return vscode.commands.registerCommand('parc.remote.applySnmpd', async (arg?: unknown, o?: Answers & ServerSnmpdAnswers): Promise<SnmpdApplyReport | SnmpdApplyResponse | undefined> => {
    // Attached to a server: it makes the change (its SSH, known_hosts and credentials), admins only.
    const attached = server();
    if (attached) return viaServer(() => applySnmpdViaServer(attached, log, arg, o));
    const node = arg as HostsNode | undefined;
    const name = o?.host ?? (node?.kind === 'host' ? node.name : node?.kind === 'file' ? node.host : await vscode.window.showQuickPick(hosts.hosts.map((h) => h.name), { title: vscode.l10n.t('Host') }));
    if (!name) return undefined;
    const host = hosts.host(name);
    const answers: Answers = o ?? {};
    if (!o) {
      answers.community = await vscode.window.showInputBox({ title: vscode.l10n.t('SNMP community to add (read-only)'), password: true, validateInput: (v) => (/^[^\s#"']+$/.test(v) ? undefined : vscode.l10n.t('One word without spaces, quotes or #')) });
      if (!answers.community) return undefined;
      const source = await vscode.window.showInputBox({ title: vscode.l10n.t('Allowed source (address/prefix, empty for any)'), validateInput: (v) => (!v.trim() || !('error' in parseIpPrefix(v.trim())) ? undefined : vscode.l10n.t('Not an address/prefix')) });
      if (source === undefined) return undefined;
      answers.source = source.trim() || undefined;
      const none = vscode.l10n.t('No extend lines');
      const ext = await vscode.window.showQuickPick([none, 'observium', 'librenms'], { title: vscode.l10n.t('extend lines (distro, hardware, vendor, serial, uptime)') });
      if (!ext) return undefined;
      answers.extend = ext === none ? undefined : (ext as 'observium' | 'librenms');
      const location = await vscode.window.showInputBox({ title: vscode.l10n.t('sysLocation (empty to keep)') });
      if (location === undefined) return undefined;
      answers.location = location.trim() || undefined;
    }
    if (!answers.community) throw new Error(vscode.l10n.t('a community is needed to verify the change by polling'));
    const inv = inventory();
    const site = host.site ? inv && siteNamed(inv.sites, host.site) : undefined;
    const edit: SnmpdEdit = { community: { name: answers.community, source: answers.source }, extend: answers.extend, location: answers.location, contact: answers.contact, coordinates: site?.coordinates };
    try {
      editSnmpdConf('', edit); // checks the edit before anything is connected or written
    } catch (err) {
      if (err instanceof SnmpdEditError) return void vscode.window.showErrorMessage(err.message);
      throw err;
    }
    const session = await hosts.session(name);
    if (answers.confirm !== false) {
      const go = vscode.l10n.t('Apply');
      const pick = await vscode.window.showWarningMessage(vscode.l10n.t('Change snmpd.conf on {0} and restart snmpd?', name), { modal: true, detail: vscode.l10n.t('Parc polls the host with the new community afterwards and puts the previous file back if it does not answer.') }, go);
      if (pick !== go) return undefined;
    }
    // The community is a secret: it reaches the poller through this source only, never a setting or a log.
    const key = '\0new-community';
    const verifySecrets: SecretSource = { get: async (n) => (n === key ? answers.community : secrets.get(n)) };
    const dev = inv?.devices.find((d) => d.host === host.host || d.name === host.name);
    const prevProfile = inv && dev ? profileFor(inv, dev) : undefined;
    const previous: PollWith | undefined = prevProfile ? { profile: prevProfile, secrets } : undefined;
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Changing snmpd.conf on {0}…', name) }, () =>
      applySnmpdChange({
        conn: session.conn, host, edit, logger: log, previous, pollTimeoutMs: (answers.timeoutS ?? 20) * 1000,
        verify: { address: host.host, port: host.snmpd.port, profile: { name: 'new', version: '2c', credential: key, timeoutMs: 1000, retries: 1 }, secrets: verifySecrets },
      }),
    );
    for (const s of [...report.changes, ...report.steps]) log.info(`snmpd ${name}: ${s}`);
    if (report.ok) void vscode.window.showInformationMessage(vscode.l10n.t('{0} answers SNMP with the new settings', name));
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}; previous snmpd.conf restored: {2}', name, translateError(report.error ?? '', vscode.l10n), report.restored ? (report.previousWorks === false ? vscode.l10n.t('yes, but it does not answer polling') : vscode.l10n.t('yes')) : vscode.l10n.t('no')));
    return report;
  });
}
