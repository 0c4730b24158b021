// The Devices view: region → site → device → details. Nodes have stable ids; after a poll only the
// devices that changed are refreshed (plus a site or region when what it lists or its down count
// changed), so selection and expansion survive. A filter (all / down only / text) narrows the tree.
// Devices that match no site are listed straight under "Unassigned" (no "Unassigned › Unassigned"). When
// parc.yaml on disk is broken, a first row names file:line:col of its first error.
import * as vscode from 'vscode';
import { UNASSIGNED } from '../../core/sites/resolve';
import type { AlertsService } from '../alerts-service';
import type { DeviceState, Estate } from '../estate';
import type { InventoryProblem, InventoryService } from '../inventory-service';
import { deviceDetails, downDetails, type DetailNode } from './device-details';
import { address, deviceItem, displayName, groupItem } from './device-item';
import { translateError } from '../error-text';

export interface RegionNode { kind: 'region'; id: string; region: string }
export interface SiteNode { kind: 'site'; id: string; region: string; site: string }
export interface DeviceNode { kind: 'device'; id: string; key: string }
export interface ProblemNode { kind: 'problem'; id: string }
export type DevicesNode = RegionNode | SiteNode | DeviceNode | DetailNode | ProblemNode;

export interface DeviceFilter {
  downOnly: boolean;
  text?: string;
}

/** region → site → device keys, in display order. */
type Layout = Map<string, Map<string, string[]>>;

function byName(a: string, b: string): number {
  if (a === UNASSIGNED) return 1;
  if (b === UNASSIGNED) return -1;
  return a.localeCompare(b);
}

export class DevicesTreeProvider implements vscode.TreeDataProvider<DevicesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DevicesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private layout: Layout = new Map();
  private readonly nodes = new Map<string, DevicesNode>();
  private _filter: DeviceFilter = { downOnly: false };
  /** For tests and the log: how many refreshes redrew the whole tree. */
  fullRefreshes = 0;

  private readonly problemNode: ProblemNode = { kind: 'problem', id: 'problem' };

  constructor(
    private readonly estate: Estate,
    private readonly alerts: AlertsService,
    private readonly inventories?: InventoryService,
  ) {
    this.layout = this.computeLayout();
    this.remember();
    this.disposables.push(
      estate.onDidChangeDevices((keys) => this.update(keys)),
      alerts.onDidChange(() => this.update(this.estate.list().map((d) => d.key).filter((k) => this.alerts.isMuted(k) !== this.mutedShown.has(k)))),
    );
    if (inventories) this.disposables.push(inventories.onDidChangeProblem(() => {
      this.fullRefreshes++;
      this.changed.fire(undefined);
    }));
  }

  /** The first error of a broken parc.yaml, as the tree shows it. */
  get problem(): InventoryProblem | undefined {
    return this.inventories?.problem;
  }

  /** Devices of a region listed without a site level: the region of devices that match no site. */
  flat(region: string): boolean {
    const sites = this.layout.get(region);
    return region === UNASSIGNED && !!sites && sites.size === 1 && sites.has(UNASSIGNED);
  }

  /** The node that lists this site's devices: the site, or its region when the region is flat. */
  private siteOrRegion(region: string, site: string): RegionNode | SiteNode {
    return this.flat(region) ? this.regionNode(region) : this.siteNode(region, site);
  }

  get filter(): DeviceFilter {
    return this._filter;
  }

  setFilter(f: DeviceFilter): void {
    this._filter = f;
    this.layout = this.computeLayout();
    this.remember();
    this.fullRefreshes++;
    this.changed.fire(undefined);
  }

  regionNode(region: string): RegionNode {
    return this.node({ kind: 'region', id: `region:${region}`, region });
  }
  siteNode(region: string, site: string): SiteNode {
    return this.node({ kind: 'site', id: `site:${region}/${site}`, region, site });
  }
  deviceNode(key: string): DeviceNode {
    return this.node({ kind: 'device', id: `device:${key}`, key });
  }

  /** One object per id, so events and reveal() refer to what the view holds. */
  private node<T extends DevicesNode>(n: T): T {
    const have = this.nodes.get(n.id);
    if (have) return have as T;
    this.nodes.set(n.id, n);
    return n;
  }

  private visible(d: DeviceState): boolean {
    if (this._filter.downOnly && d.report?.status !== 'down') return false;
    const text = this._filter.text?.toLowerCase();
    if (!text) return true;
    return [displayName(d), address(d), d.report?.sysName, d.report?.sysLocation, d.site, d.region, d.report?.os, d.report?.distro].some((v) => v?.toLowerCase().includes(text));
  }

  private computeLayout(): Layout {
    const layout: Layout = new Map();
    for (const d of this.estate.list()) {
      if (!this.visible(d)) continue;
      let sites = layout.get(d.region);
      if (!sites) layout.set(d.region, (sites = new Map()));
      sites.set(d.site, [...(sites.get(d.site) ?? []), d.key]);
    }
    const sorted: Layout = new Map([...layout.entries()].sort(([a], [b]) => byName(a, b)).map(([r, sites]) => [r, new Map([...sites.entries()].sort(([a], [b]) => byName(a, b)))]));
    return sorted;
  }

  /** Works out the smallest set of nodes to refresh for these changed devices. */
  private update(changedKeys: string[]): void {
    if (!changedKeys.length) return;
    const before = this.layout;
    this.layout = this.computeLayout();
    const same = (a: Iterable<string>, b: Iterable<string>) => JSON.stringify([...a]) === JSON.stringify([...b]);
    if (!same(before.keys(), this.layout.keys())) {
      this.fullRefreshes++;
      this.changed.fire(undefined);
    } else {
      const changed = new Set(changedKeys);
      for (const [region, sites] of this.layout) {
        // A region or site is redrawn only when what it lists, or the down count it shows, changed.
        if (!same(before.get(region)!.keys(), sites.keys()) || this.downCount([...sites.values()].flat()) !== this.drawn.get(region)) {
          this.changed.fire(this.regionNode(region));
          continue;
        }
        for (const [site, keys] of sites) {
          if (!same(before.get(region)!.get(site)!, keys) || this.downCount(keys) !== this.drawn.get(`${region}/${site}`)) {
            this.changed.fire(this.siteOrRegion(region, site));
            continue;
          }
          for (const k of keys) if (changed.has(k)) this.changed.fire(this.deviceNode(k));
        }
      }
    }
    this.remember();
  }

  /** Down counts of regions and sites as last drawn, and which devices were drawn muted. */
  private readonly drawn = new Map<string, number>();
  private readonly mutedShown = new Set<string>();

  private downCount(keys: string[]): number {
    return keys.filter((k) => this.estate.get(k)?.report?.status === 'down').length;
  }

  private remember(): void {
    this.drawn.clear();
    this.mutedShown.clear();
    for (const [region, sites] of this.layout) {
      this.drawn.set(region, this.downCount([...sites.values()].flat()));
      for (const [site, keys] of sites) {
        this.drawn.set(`${region}/${site}`, this.downCount(keys));
        for (const k of keys) if (this.alerts.isMuted(k)) this.mutedShown.add(k);
      }
    }
  }

  getTreeItem(n: DevicesNode): vscode.TreeItem {
    switch (n.kind) {
      case 'problem':
        return problemItem(this.problem);
      case 'region': {
        const sites = this.layout.get(n.region);
        return groupItem('region', n.region, n.id, [...(sites?.values() ?? [])].flat().map((k) => this.estate.get(k)!).filter(Boolean));
      }
      case 'site': {
        const keys = this.layout.get(n.region)?.get(n.site) ?? [];
        return groupItem('site', n.site, n.id, keys.map((k) => this.estate.get(k)!).filter(Boolean));
      }
      case 'device': {
        const s = this.estate.get(n.key);
        if (!s) return new vscode.TreeItem(n.key);
        return deviceItem(s, n.id, this.alerts.mutedUntil(n.key));
      }
      default:
        return n.item;
    }
  }

  getChildren(n?: DevicesNode): DevicesNode[] {
    if (!n) {
      const regions = [...this.layout.keys()].map((r) => this.regionNode(r));
      return this.problem ? [this.problemNode, ...regions] : regions;
    }
    switch (n.kind) {
      case 'problem':
        return [];
      case 'region':
        if (this.flat(n.region)) return (this.layout.get(n.region)?.get(UNASSIGNED) ?? []).map((k) => this.deviceNode(k));
        return [...(this.layout.get(n.region)?.keys() ?? [])].map((s) => this.siteNode(n.region, s));
      case 'site':
        return (this.layout.get(n.region)?.get(n.site) ?? []).map((k) => this.deviceNode(k));
      case 'device': {
        const s = this.estate.get(n.key);
        const inv = this.estate.inventory;
        if (!s?.report || !inv) return [];
        const details = s.report.status === 'down' ? downDetails(n.id, n.key, s.report) : deviceDetails(n.id, n.key, s.report, inv.thresholds);
        for (const d of details) this.nodes.set(d.id, d);
        return details;
      }
      default:
        return n.children ?? [];
    }
  }

  getParent(n: DevicesNode): DevicesNode | undefined {
    switch (n.kind) {
      case 'region':
      case 'problem':
        return undefined;
      case 'site':
        return this.regionNode(n.region);
      case 'device': {
        // From the layout the view was last told about, not from the live estate: a device whose site
        // changed since the last refresh must be looked for where getChildren() lists it.
        const where = this.placeOf(n.key);
        return where ? this.siteOrRegion(where.region, where.site) : undefined;
      }
      default: {
        const parentId = n.id.slice(0, n.id.lastIndexOf('/'));
        return this.nodes.get(parentId) ?? this.deviceNode(n.deviceKey);
      }
    }
  }

  /** Where the device is listed (region and site), or undefined when the filter hides it. */
  placeOf(key: string): { region: string; site: string } | undefined {
    for (const [region, sites] of this.layout) {
      for (const [site, keys] of sites) if (keys.includes(key)) return { region, site };
    }
    return undefined;
  }

  /**
   * Asks the view to fetch the branch holding this device again (its site, or the whole tree when
   * `whole`): used when the workbench's copy of the branch is older than ours and a reveal could not
   * find the node. Returns false when the device is not in the tree at all.
   */
  resync(key: string, whole = false): boolean {
    const where = this.placeOf(key);
    if (!where) return false;
    if (whole) {
      this.fullRefreshes++;
      this.changed.fire(undefined);
    } else {
      this.changed.fire(this.siteOrRegion(where.region, where.site));
    }
    return true;
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

/** The row naming the first error of a broken parc.yaml; it opens the file there. */
function problemItem(p: InventoryProblem | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(p ? vscode.l10n.t('parc.yaml has an error (line {0})', p.line) : '', vscode.TreeItemCollapsibleState.None);
  item.id = 'problem';
  item.contextValue = 'inventoryProblem';
  if (!p) return item;
  const where = `${vscode.workspace.asRelativePath(p.file)}:${p.line}:${p.col}`;
  item.description = p.stale ? vscode.l10n.t('{0}: {1} — showing the last valid version', where, translateError(p.message, vscode.l10n)) : `${where}: ${translateError(p.message, vscode.l10n)}`;
  item.tooltip = new vscode.MarkdownString().appendText(`${where}: ${translateError(p.message, vscode.l10n)}\n\n${p.stale ? vscode.l10n.t('The devices below are from the last valid version of parc.yaml.') : vscode.l10n.t('Fix parc.yaml to see its devices.')}`);
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
  const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
  item.command = { command: 'vscode.open', title: vscode.l10n.t('Open parc.yaml'), arguments: [vscode.Uri.file(p.file), { selection: new vscode.Range(pos, pos) }] };
  item.accessibilityInformation = { label: `${item.label}: ${item.description}` };
  return item;
}
