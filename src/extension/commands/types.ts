// What every command family gets, and how a family declares its commands.
import type * as vscode from 'vscode';
import type { AlertsService } from '../alerts-service';
import type { Estate } from '../estate';
import type { InventoryService } from '../inventory-service';
import type { ChannelLogger } from '../log';
import type { ExtensionSecrets } from '../secrets';
import type { AlertsNode } from '../views/alerts-tree';
import type { DevicesNode, DevicesTreeProvider } from '../views/devices-tree';
import type { RevealOptions } from '../views/reveal-device';

export interface ParcContext {
  extension: vscode.ExtensionContext;
  inventories: InventoryService;
  estate: Estate;
  alerts: AlertsService;
  secrets: ExtensionSecrets;
  log: ChannelLogger;
  devicesTree: DevicesTreeProvider;
  devicesView: vscode.TreeView<DevicesNode>;
  alertsView: vscode.TreeView<AlertsNode>;
  /** Shows and selects a device in the Devices view; rejects with the reason when it cannot. */
  revealDevice(key: string, opts?: RevealOptions): Thenable<void>;
}

export interface CommandSpec {
  id: string;
  // Commands are called from menus (with a tree node), the palette (no argument) and tests (plain objects).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  run(...args: any[]): unknown;
}

export type CommandFamily = (ctx: ParcContext) => CommandSpec[];
