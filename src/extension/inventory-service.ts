// Finds the workspace's parc.yaml, watches it, and keeps the last valid Inventory; its problems go to
// the Problems panel (also while the file is being edited, before it is saved), and the first error of the
// file on disk is kept as `problem` so the Devices view can say the inventory it shows is stale, and why.
// Context keys for menus and welcome views: parc.hasInventory, parc.hasDevices, parc.hasWindows,
// parc.hasLinux, parc.hasDirectoriesSection, parc.inventoryBroken.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { INVENTORY_FILE } from '../core/inventory/file';
import { parseInventory } from '../core/inventory/parse';
import type { Diagnostic, Inventory } from '../core/inventory/types';
import type { Logger } from '../core/host';
import { readConfig } from './config';
import { toVsDiagnostics } from './diagnostics';

export class InventoryService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Inventory | undefined>();
  /** Fires with the new inventory after a valid (re)load, or undefined when parc.yaml went away. */
  readonly onDidChange = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('parc');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private watchers: vscode.Disposable[] = [];
  private timer?: NodeJS.Timeout;
  private _file?: string;
  private _inventory?: Inventory;
  private reloading: Promise<void> = Promise.resolve();
  private _problem?: InventoryProblem;
  private readonly problemChanged = new vscode.EventEmitter<InventoryProblem | undefined>();
  /** Fires when parc.yaml on disk became invalid, or valid again. */
  readonly onDidChangeProblem = this.problemChanged.event;

  constructor(private readonly log: Logger) {
    this.disposables.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rewatch()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('parc.inventoryPath') && this.rewatch()),
      vscode.workspace.onDidChangeTextDocument((e) => this.isInventory(e.document.uri) && this.publish(e.document.uri, e.document.getText())),
    );
  }

  get file(): string | undefined {
    return this._file;
  }
  get inventory(): Inventory | undefined {
    return this._inventory;
  }
  /** The first error of parc.yaml as last read from disk; undefined while it is valid. */
  get problem(): InventoryProblem | undefined {
    return this._problem;
  }

  /** Locates parc.yaml, starts watching and loads it. */
  async start(): Promise<void> {
    await this.rewatch();
  }

  /** Re-reads parc.yaml now (also called after Parc edits it). */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.load());
    return this.reloading;
  }

  /** The configured or conventional place of parc.yaml, even if it does not exist yet. */
  candidates(): string[] {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const configured = readConfig().inventoryPath;
    if (configured) {
      const base = folders[0]?.uri.fsPath ?? process.cwd();
      return [path.resolve(base, configured)];
    }
    return folders.map((f) => path.join(f.uri.fsPath, INVENTORY_FILE));
  }

  private isInventory(uri: vscode.Uri): boolean {
    return uri.scheme === 'file' && this._file !== undefined && path.resolve(uri.fsPath) === this._file;
  }

  private async rewatch(): Promise<void> {
    this.watchers.forEach((w) => w.dispose());
    this.watchers = [];
    for (const file of this.candidates()) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const kick = () => this.schedule();
      this.watchers.push(w, w.onDidChange(kick), w.onDidCreate(kick), w.onDidDelete(kick));
    }
    await this.reload();
  }

  private schedule(): void {
    // Editors save in several steps (truncate, write, rename): wait for the file to settle.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), 150);
  }

  private async load(): Promise<void> {
    let found: { file: string; text: string } | undefined;
    for (const file of this.candidates()) {
      try {
        found = { file, text: await fs.readFile(file, 'utf8') };
        break;
      } catch {
        // not there: try the next folder
      }
    }
    const previous = this._file;
    if (!found) {
      if (previous) this.diagnostics.delete(vscode.Uri.file(previous));
      this._file = undefined;
      const had = this._inventory !== undefined;
      this._inventory = undefined;
      this.setProblem(undefined);
      await vscode.commands.executeCommand('setContext', 'parc.hasInventory', false);
      await this.setSectionKeys(undefined);
      if (had || previous) this.changed.fire(undefined);
      return;
    }
    if (previous && previous !== found.file) this.diagnostics.delete(vscode.Uri.file(previous));
    this._file = found.file;
    await vscode.commands.executeCommand('setContext', 'parc.hasInventory', true);
    const { inventory: inv, diagnostics } = this.publish(vscode.Uri.file(found.file), found.text);
    if (inv) {
      this._inventory = inv;
      this.setProblem(undefined);
      await this.setSectionKeys(inv);
      this.log.info(`inventory ${found.file}: ${inv.devices.length} device(s), ${inv.sites.length} site(s)`);
      this.changed.fire(inv);
    } else {
      const d = diagnostics.find((x) => x.severity === 'error');
      this.setProblem({ file: found.file, line: d?.line ?? 1, col: d?.col ?? 1, message: d?.message ?? 'invalid inventory', stale: this._inventory !== undefined });
      this.log.warn(`inventory ${found.file} has errors; keeping the last valid one (see the Problems panel)`);
    }
  }

  /** The context keys Parc last set from the inventory (read by the extension-host tests). */
  readonly contextKeys = new Map<string, boolean>();

  /** The context keys that menus (`when` clauses) and welcome views read from the inventory. */
  private async setSectionKeys(inv: Inventory | undefined): Promise<void> {
    const extra = inv?.extra ?? {};
    const has = (k: string) => Object.hasOwn(extra, k) && hasEntries(extra[k]);
    const keys: [string, boolean][] = [
      ['parc.hasDevices', (inv?.devices.length ?? 0) > 0],
      ['parc.hasWindows', has('windows')],
      ['parc.hasLinux', has('linux')],
      ['parc.hasDirectoriesSection', has('directories')],
      ['parc.hasSites', (inv?.sites.length ?? 0) > 0],
      ['parc.hasTransports', (inv?.alerting?.transports.size ?? 0) > 0],
    ];
    await Promise.all(keys.map(([k, v]) => vscode.commands.executeCommand('setContext', k, v)));
    for (const [k, v] of keys) this.contextKeys.set(k, v);
  }

  private problemKeySet = false;

  private setProblem(p: InventoryProblem | undefined): void {
    // The first read sets the key either way: `false` is an answer, an unset key is not.
    if (this.problemKeySet && JSON.stringify(p) === JSON.stringify(this._problem)) return;
    this.problemKeySet = true;
    this._problem = p;
    void vscode.commands.executeCommand('setContext', 'parc.inventoryBroken', p !== undefined);
    this.contextKeys.set('parc.inventoryBroken', p !== undefined);
    this.problemChanged.fire(p);
  }

  private publish(uri: vscode.Uri, text: string): { inventory?: Inventory; diagnostics: Diagnostic[] } {
    const r = parseInventory(text, uri.fsPath);
    this.diagnostics.set(uri, toVsDiagnostics(r.diagnostics));
    return r;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.problemChanged.dispose();
    this.watchers.forEach((w) => w.dispose());
    this.disposables.forEach((d) => d.dispose());
  }
}

export interface InventoryProblem {
  file: string;
  line: number;
  col: number;
  message: string;
  /** A previous valid inventory is still shown. */
  stale: boolean;
}

/** A section is "there" when it has at least one entry (an empty `windows:` configures nothing). */
export function hasEntries(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length > 0;
}
