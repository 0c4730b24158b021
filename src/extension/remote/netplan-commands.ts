// "Set Static IP…" (edits the open netplan document after showing the diff) and "Apply Netplan Safely…"
// (netplan try semantics over SSH: automatic rollback unless Parc reconnects on the new address and confirms).
import * as vscode from 'vscode';
import { inferNewAddress, safeNetplanApply } from '../../core/netplan/apply';
import { parseIp, parseIpPrefix } from '../../core/netplan/ip';
import { mergeNetplan, summarizeInterfaces } from '../../core/netplan/merge';
import { setStaticIp, StaticIpError } from '../../core/netplan/static-ip';
import type { Logger } from '../../core/host';
import { remoteUri, SCHEME, type ParcSshFileSystem } from './fs-provider';
import type { HostsService } from './hosts-service';
import type { HostsNode } from './hosts-tree';
import type { RemoteEstate } from '../remote-estate/remote-estate';
import { setStaticIpViaServer, viaServer, type ServerStaticIpAnswers } from './server-host-changes';

const PREVIEW = 'parc-netplan-preview';

async function documentFor(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const node = arg as HostsNode | undefined;
  const uri = arg instanceof vscode.Uri ? arg : node?.kind === 'file' ? remoteUri(node.host, node.path) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a netplan file first (Hosts view, or a parc-ssh:// document)'));
    return undefined;
  }
  return vscode.workspace.openTextDocument(uri);
}

function ipList(v: string): string[] {
  return v.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);
}

export function registerNetplanCommands(hosts: HostsService, fsys: ParcSshFileSystem, log: Logger, server: () => RemoteEstate | undefined = () => undefined): vscode.Disposable[] {
  const previews = new Map<string, string>();
  const previewChanged = new vscode.EventEmitter<vscode.Uri>();

  const setStatic = async (arg?: unknown, o?: ServerStaticIpAnswers) => {
    // Attached to a server: it edits the host's file and applies it with rollback, admins only.
    const attached = server();
    if (attached) return viaServer(() => setStaticIpViaServer(attached, log, arg, o));
    const doc = await documentFor(arg);
    if (!doc) return;
    const text = doc.getText();
    let known: string[] = [];
    try {
      known = summarizeInterfaces(mergeNetplan([text])).map((i) => i.id);
    } catch {
      // not YAML yet: the user types the interface name
    }
    const other = vscode.l10n.t('Another interface…');
    let iface = known.length ? await vscode.window.showQuickPick([...known, other], { title: vscode.l10n.t('Interface') }) : other;
    if (!iface) return;
    if (iface === other) iface = await vscode.window.showInputBox({ title: vscode.l10n.t('Interface'), prompt: vscode.l10n.t('Interface name, e.g. ens3') });
    if (!iface) return;
    const address = await vscode.window.showInputBox({
      title: vscode.l10n.t('Static IP for {0}', iface), prompt: vscode.l10n.t('Address/prefix, e.g. 192.0.2.10/24'),
      validateInput: (v) => {
        const r = parseIpPrefix(v.trim());
        return 'error' in r ? r.error : undefined;
      },
    });
    if (!address) return;
    const gateway = await vscode.window.showInputBox({ title: vscode.l10n.t('Gateway (empty for none)'), validateInput: (v) => (v.trim() && !parseIp(v.trim()) ? vscode.l10n.t('Not an IP address') : undefined) });
    if (gateway === undefined) return;
    const dns = await vscode.window.showInputBox({ title: vscode.l10n.t('DNS servers, comma-separated (empty to keep)'), validateInput: (v) => (ipList(v).some((x) => !parseIp(x)) ? vscode.l10n.t('Not an IP address') : undefined) });
    if (dns === undefined) return;
    const search = await vscode.window.showInputBox({ title: vscode.l10n.t('Search domains, comma-separated (empty to keep)') });
    if (search === undefined) return;
    let result;
    try {
      result = setStaticIp(text, { interface: iface, address: address.trim(), gateway: gateway.trim() || undefined, dns: ipList(dns), search: ipList(search) });
    } catch (err) {
      if (err instanceof StaticIpError) return void vscode.window.showErrorMessage(err.message);
      throw err;
    }
    const preview = vscode.Uri.from({ scheme: PREVIEW, path: doc.uri.path, query: String(Date.now()) });
    previews.set(preview.toString(), result.text);
    await vscode.commands.executeCommand('vscode.diff', doc.uri, preview, vscode.l10n.t('{0} ↔ static IP for {1}', doc.uri.path.split('/').pop() ?? '', iface));
    const apply = vscode.l10n.t('Apply to the Editor');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('Apply these changes to the editor? Saving then writes the file on the host (atomically, with a backup).'), { modal: true, detail: result.changes.join('\n') }, apply);
    previews.delete(preview.toString());
    if (pick !== apply) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), result.text);
    await vscode.workspace.applyEdit(edit);
    await vscode.window.showTextDocument(doc);
  };

  // `o` is for tests and scripts: answers the prompts (timeout, reconnect address, accept the warnings).
  const applySafely = async (arg?: unknown, o?: { timeoutS?: number; newAddress?: string; acceptWarnings?: boolean }) => {
    const doc = await documentFor(arg);
    if (!doc) return;
    if (doc.uri.scheme !== SCHEME) return void vscode.window.showErrorMessage(vscode.l10n.t('Apply works on netplan files opened from the Hosts view (parc-ssh://)'));
    const name = doc.uri.authority;
    const host = hosts.host(name);
    const t = o?.timeoutS !== undefined ? String(o.timeoutS) : await vscode.window.showInputBox({ title: vscode.l10n.t('Automatic rollback after (seconds)'), value: '120', validateInput: (v) => (/^\d+$/.test(v) && Number(v) >= 5 && Number(v) <= 3600 ? undefined : vscode.l10n.t('A whole number from 5 to 3600')) });
    if (!t) return;
    let newAddress: string | undefined = o?.newAddress;
    if (!newAddress) try {
      newAddress = inferNewAddress(host.host, doc.getText());
    } catch {
      newAddress = await vscode.window.showInputBox({ title: vscode.l10n.t('Address to reconnect to after the change') });
      if (!newAddress) return;
    }
    const session = await hosts.session(name);
    const fingerprint = session.conn.hostKeyFingerprint;
    const run = (acceptWarnings: boolean) => vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Applying netplan on {0} (rollback in {1} s unless confirmed)…', name, t), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return safeNetplanApply({
          conn: session.conn, host, target: doc.uri.path, text: doc.getText(), timeoutS: Number(t), newAddress, logger: log, signal: abort.signal, acceptWarnings,
          connect: (address) => hosts.connectAt(name, address, fingerprint),
        });
      },
    );
    let report = await run(o?.acceptWarnings ?? false);
    // Stopped only by warnings (cloud-init owns the file, bonds/bridges): the CLI has --yes; here the operator
    // reads them in a modal and may go on. Nothing was written yet, so asking now is safe.
    if (report.outcome === 'refused' && report.warnings.length && !report.problems.length && o?.acceptWarnings === undefined) {
      const goOn = vscode.l10n.t('Apply Anyway');
      const pick = await vscode.window.showWarningMessage(vscode.l10n.t('{0}: apply despite these warnings?', name), { modal: true, detail: report.warnings.join('\n') }, goOn);
      if (pick === goOn) report = await run(true);
    }
    hosts.rememberNetplanVersion(name, report.netplanVersion);
    for (const s of [...report.problems, ...report.steps]) log.info(`netplan ${name}: ${s}`);
    fsys.files.forget(name, doc.uri.path);
    if (report.outcome === 'confirmed') {
      if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: the new network configuration is in place', name));
    } else if (report.outcome === 'reverted') void vscode.window.showWarningMessage(vscode.l10n.t('{0}: not reachable with the new configuration; the previous one is back', name));
    else if (report.outcome === 'refused') void vscode.window.showErrorMessage(vscode.l10n.t('{0}: not applied: {1}', name, [...report.problems, ...report.warnings].join('; ')));
    else void vscode.window.showErrorMessage(vscode.l10n.t('{0}: the outcome is unknown; check the host on its console (details in the Parc log)', name));
    return report;
  };

  return [
    previewChanged,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW, { onDidChange: previewChanged.event, provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' }),
    vscode.commands.registerCommand('parc.remote.setStaticIp', setStatic),
    vscode.commands.registerCommand('parc.remote.applyNetplan', applySafely),
  ];
}
