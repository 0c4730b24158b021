// The Hosts view: each linux: host of parc.yaml → its netplan files and snmpd.conf, opened through parc-ssh://.
import * as vscode from 'vscode';
import type { ParcSshFileSystem } from './fs-provider';
import { remoteUri } from './fs-provider';
import type { HostsService } from './hosts-service';
import { translateError } from '../error-text';

export interface HostNode { kind: 'host'; name: string }
export interface FileNode { kind: 'file'; host: string; path: string; label: string }
export interface MessageNode { kind: 'message'; host: string; text: string }
/** The host's netplan version (its rules decide what the diagnostics of its files accept). */
export interface VersionNode { kind: 'version'; host: string; version: string }
export type HostsNode = HostNode | FileNode | MessageNode | VersionNode;

export class HostsTreeProvider implements vscode.TreeDataProvider<HostsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HostsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly hosts: HostsService, private readonly fsys: ParcSshFileSystem) {
    this.sub = hosts.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(n: HostsNode): vscode.TreeItem {
    if (n.kind === 'host') {
      const h = this.hosts.hosts.find((x) => x.name === n.name);
      const item = new vscode.TreeItem(n.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `linux:${n.name}`;
      const v = this.hosts.knownNetplanVersion(n.name);
      item.description = h ? `${h.user}@${h.host}${h.port === 22 ? '' : `:${h.port}`}${h.sudo ? ' (sudo)' : ''}${v ? ` · netplan ${v}` : ''}` : '';
      item.iconPath = new vscode.ThemeIcon('server');
      item.contextValue = 'linuxHost';
      return item;
    }
    if (n.kind === 'version') {
      const item = new vscode.TreeItem(vscode.l10n.t('netplan {0}', n.version), vscode.TreeItemCollapsibleState.None);
      item.id = `linux:${n.host}:netplan-version`;
      item.iconPath = new vscode.ThemeIcon('versions');
      item.tooltip = vscode.l10n.t("The host's netplan; Parc checks its files with this release's rules and asks it before an apply");
      item.contextValue = 'netplanVersion';
      return item;
    }
    if (n.kind === 'message') {
      const item = new vscode.TreeItem(n.text, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.None);
    item.id = `linux:${n.host}:${n.path}`;
    item.description = n.path;
    item.resourceUri = remoteUri(n.host, n.path);
    item.iconPath = vscode.ThemeIcon.File;
    item.contextValue = n.path.includes('/netplan/') ? 'netplanFile' : 'remoteFile';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [remoteUri(n.host, n.path)] };
    return item;
  }

  async getChildren(n?: HostsNode): Promise<HostsNode[]> {
    if (!n) return this.hosts.hosts.map((h) => ({ kind: 'host', name: h.name }));
    if (n.kind !== 'host') return [];
    const h = this.hosts.host(n.name);
    const out: HostsNode[] = [];
    try {
      const entries = await this.fsys.files.readDirectory(h.name, h.netplanDir);
      for (const [name, type] of entries) if (type === 'file' && name.endsWith('.yaml')) out.push({ kind: 'file', host: h.name, path: `${h.netplanDir}/${name}`, label: name });
    } catch (err) {
      out.push({ kind: 'message', host: h.name, text: vscode.l10n.t('netplan: {0}', translateError((err as Error).message, vscode.l10n)) });
    }
    try {
      out.unshift({ kind: 'version', host: h.name, version: await this.hosts.netplanVersion(h.name) });
    } catch (err) {
      out.push({ kind: 'message', host: h.name, text: vscode.l10n.t('netplan version: {0}', translateError((err as Error).message, vscode.l10n)) });
    }
    out.push({ kind: 'file', host: h.name, path: h.snmpd.conf, label: 'snmpd.conf' });
    return out;
  }

  dispose(): void {
    this.changed.dispose();
    this.sub.dispose();
  }
}
