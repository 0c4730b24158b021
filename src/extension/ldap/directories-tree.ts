// The Directory view: the directory profiles of parc.yaml and, under each, the last login test as a tree of
// steps with ✓/✗, timings and messages. Profile problems go to the Problems panel on parc.yaml.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { readDirectories } from '../../core/ldap/profile';
import type { LoginTestResult } from '../../core/ldap/login-test';
import type { DirectoryProfile } from '../../core/ldap/types';
import { toVsDiagnostics } from '../diagnostics';
import type { InventoryService } from '../inventory-service';
import { stepRows, verdict, type StepRow } from './present';

export interface ProfileNode { kind: 'profile'; name: string }
export interface ResultNode { kind: 'result'; name: string }
export interface StepNode { kind: 'step'; name: string; index: number; row: StepRow }
export interface GroupNode { kind: 'group'; name: string; dn: string }
export type DirectoryNode = ProfileNode | ResultNode | StepNode | GroupNode;

export class DirectoriesTreeProvider implements vscode.TreeDataProvider<DirectoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DirectoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('parc-directories');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private _profiles = new Map<string, DirectoryProfile>();
  private readonly results = new Map<string, LoginTestResult>();
  private readonly nodes = new Map<string, ProfileNode>();

  constructor(private readonly inventories: InventoryService) {
    this.disposables.push(inventories.onDidChange(() => void this.reload()));
  }

  get profiles(): Map<string, DirectoryProfile> {
    return this._profiles;
  }

  async reload(): Promise<void> {
    const file = this.inventories.file;
    this.diagnostics.clear();
    if (!file) this._profiles = new Map();
    else {
      const text = await fs.readFile(file, 'utf8').catch(() => '');
      const r = readDirectories(text, file);
      this._profiles = r.profiles;
      this.diagnostics.set(vscode.Uri.file(file), toVsDiagnostics(r.diagnostics));
    }
    void vscode.commands.executeCommand('setContext', 'parc.hasDirectories', this._profiles.size > 0);
    this.changed.fire(undefined);
  }

  profileNode(name: string): ProfileNode {
    let n = this.nodes.get(name);
    if (!n) this.nodes.set(name, (n = { kind: 'profile', name }));
    return n;
  }

  setResult(result: LoginTestResult): void {
    this.results.set(result.profile, result);
    this.changed.fire(this.profileNode(result.profile));
  }

  result(name: string): LoginTestResult | undefined {
    return this.results.get(name);
  }

  getTreeItem(n: DirectoryNode): vscode.TreeItem {
    if (n.kind === 'profile') {
      const p = this._profiles.get(n.name);
      const r = this.results.get(n.name);
      const item = new vscode.TreeItem(n.name, r ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `directory:${n.name}`;
      item.description = p ? `${p.urls[0]}${p.startTls ? ' + StartTLS' : ''}` : '';
      item.tooltip = p ? [p.urls.join(', '), `${vscode.l10n.t('Users')}: ${p.userBase} ${p.userFilter}`, p.group ? `${vscode.l10n.t('Group')}: ${p.group} (${p.membership}${p.nested ? ', nested' : ''})` : vscode.l10n.t('No group required')].join('\n') : '';
      item.iconPath = new vscode.ThemeIcon('organization');
      item.contextValue = 'directoryProfile';
      return item;
    }
    if (n.kind === 'result') {
      const r = this.results.get(n.name)!;
      const v = verdict(r);
      const item = new vscode.TreeItem(v.text, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `directory:${n.name}:result`;
      item.description = r.server?.url ?? '';
      item.iconPath = new vscode.ThemeIcon(v.allowed ? 'pass-filled' : 'error', new vscode.ThemeColor(v.allowed ? 'testing.iconPassed' : 'testing.iconFailed'));
      item.contextValue = 'directoryResult';
      return item;
    }
    if (n.kind === 'step') {
      const item = new vscode.TreeItem(n.row.label, n.row.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `directory:${n.name}:step:${n.index}`;
      item.description = n.row.description;
      item.tooltip = n.row.tooltip;
      const color = n.row.icon === 'pass' ? 'testing.iconPassed' : n.row.icon === 'error' ? 'testing.iconFailed' : 'disabledForeground';
      item.iconPath = new vscode.ThemeIcon(n.row.icon, new vscode.ThemeColor(color));
      item.contextValue = 'directoryStep';
      return item;
    }
    const item = new vscode.TreeItem(n.dn, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('symbol-class');
    item.contextValue = 'directoryGroup';
    return item;
  }

  getChildren(n?: DirectoryNode): DirectoryNode[] {
    if (!n) return [...new Set([...this._profiles.keys(), ...this.results.keys()])].map((name) => this.profileNode(name));
    if (n.kind === 'profile') return this.results.has(n.name) ? [{ kind: 'result', name: n.name }] : [];
    if (n.kind === 'result') {
      const r = this.results.get(n.name);
      return r ? stepRows(r).map((row, index) => ({ kind: 'step', name: n.name, index, row })) : [];
    }
    if (n.kind === 'step') return n.row.children.map((dn) => ({ kind: 'group', name: n.name, dn }));
    return [];
  }

  getParent(n: DirectoryNode): DirectoryNode | undefined {
    if (n.kind === 'profile') return undefined;
    if (n.kind === 'result') return this.profileNode(n.name);
    if (n.kind === 'step') return { kind: 'result', name: n.name };
    return undefined;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
