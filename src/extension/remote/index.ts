// Remote configuration in VS Code: the parc-ssh:// file system, the Hosts view, and netplan diagnostics.
import * as vscode from 'vscode';
import type { ParcContext } from '../commands/types';
import { ParcSshFileSystem, remoteUri, SCHEME } from './fs-provider';
import { HostsService } from './hosts-service';
import { HostsTreeProvider, type HostsNode } from './hosts-tree';
import { registerNetplanCommands } from './netplan-commands';
import { registerNetplanDiagnostics } from './netplan-diagnostics';
import { registerSnmpdCommand } from './snmpd-command';

export interface RemoteApi {
  hosts: HostsService;
  fileSystem: ParcSshFileSystem;
  tree: HostsTreeProvider;
}

export function registerRemote(ctx: ParcContext): { disposables: vscode.Disposable[]; api: RemoteApi } {
  const hosts = new HostsService(ctx.inventories, ctx.secrets, ctx.log);
  const fileSystem = new ParcSshFileSystem(hosts);
  const tree = new HostsTreeProvider(hosts, fileSystem);
  const view = vscode.window.createTreeView('parc.hosts', { treeDataProvider: tree, showCollapseAll: true });
  void hosts.reload();
  const disposables: vscode.Disposable[] = [
    hosts, tree, view,
    vscode.workspace.registerFileSystemProvider(SCHEME, fileSystem, { isCaseSensitive: true }),
    ...registerNetplanDiagnostics((host) => hosts.knownNetplanVersion(host)),
    ...registerNetplanCommands(hosts, fileSystem, ctx.log, () => ctx.estate.remote),
    registerSnmpdCommand(hosts, ctx.secrets, () => ctx.inventories.inventory, ctx.log, () => ctx.estate.remote),
    vscode.commands.registerCommand('parc.remote.refresh', async () => {
      await hosts.reload();
      tree.refresh();
    }),
    vscode.commands.registerCommand('parc.remote.openFile', async (node?: HostsNode) => {
      const name = node?.kind === 'host' ? node.name : await vscode.window.showQuickPick(hosts.hosts.map((h) => h.name), { title: vscode.l10n.t('Host') });
      if (!name) return;
      const p = await vscode.window.showInputBox({ title: vscode.l10n.t('Open a file on {0}', name), value: '/etc/', prompt: vscode.l10n.t('Absolute path on the host') });
      if (p?.startsWith('/')) await vscode.commands.executeCommand('vscode.open', remoteUri(name, p));
    }),
  ];
  return { disposables, api: { hosts, fileSystem, tree } };
}
