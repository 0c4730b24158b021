// VS Code entry point: wires the core (inventory, monitor, store) to views, commands and the status bar.
// Activation is lazy (the Parc views or a parc.yaml in the workspace) and does no network I/O itself;
// the scheduler's first poll starts in the background when the workspace is trusted.
import * as vscode from 'vscode';
import { AlertsService } from './alerts-service';
import { EventLogDocument, EVENT_LOG_URI } from './commands/alerts';
import { registerCommands } from './commands/index';
import { registerWebviewSerializers, type WebviewsApi } from './webviews/serializer';
import { registerDirectories } from './ldap/index';
import { registerRemote, type RemoteApi } from './remote/index';
import type { ParcContext } from './commands/types';
import { DeliveryLog, registerDelivery } from './delivery';
import { registerInventoryHelp } from './inventory-help';
import { LocalEstate } from './estate';
import { registerServer, type ServerApi } from './remote-estate/index';
import { EstateSwitch } from './remote-estate/switch';
import { InventoryService } from './inventory-service';
import { ChannelLogger } from './log';
import { Notifier } from './notifications';
import { ExtensionSecrets } from './secrets';
import { StatusBar } from './status-bar';
import { AlertsTreeProvider } from './views/alerts-tree';
import { DevicesTreeProvider } from './views/devices-tree';
import { revealDevice as revealInView, type RevealOptions } from './views/reveal-device';

/** What activate() returns: used by the extension-host tests, and by other extensions if they wish. */
export interface ParcApi {
  context: ParcContext;
  alertsTree: AlertsTreeProvider;
  statusBar: StatusBar;
  notifier: Notifier;
  deliveries: DeliveryLog;
  /** Resolves once parc.yaml (if any) has been read and applied. */
  ready: Promise<void>;
  /** The Hosts view and its services (for tests and scripts). */
  remote: RemoteApi;
  /** Device pages and their serializer (for tests). */
  webviews: WebviewsApi;
  /** The `parc serve` attachment (Connect to Server…). */
  server: ServerApi;
}

export function activate(extension: vscode.ExtensionContext): ParcApi {
  const channel = vscode.window.createOutputChannel('Parc', { log: true });
  const secrets = new ExtensionSecrets(extension.secrets);
  const log = new ChannelLogger(channel, () => secrets.known());
  const inventories = new InventoryService(log);
  // Views see the local estate, or a server's while attached (remote-estate/).
  const estate = new EstateSwitch(new LocalEstate(inventories, secrets, log));
  const alerts = new AlertsService(estate, extension.workspaceState);
  const devicesTree = new DevicesTreeProvider(estate, alerts, inventories);
  const devicesView = vscode.window.createTreeView('parc.devices', { treeDataProvider: devicesTree, showCollapseAll: true });
  const deliveries = new DeliveryLog({ estate });
  const alertsTree = new AlertsTreeProvider(alerts, estate, deliveries);
  const alertsView = vscode.window.createTreeView('parc.alerts', { treeDataProvider: alertsTree });
  const revealDevice = (key: string, opts?: RevealOptions) => revealInView(devicesView, devicesTree, key, opts);
  const context: ParcContext = { extension, inventories, estate, alerts, secrets, log, devicesTree, devicesView, alertsView, revealDevice };
  const statusBar = new StatusBar(estate, alerts);
  const notifier = new Notifier(estate, alerts, revealDevice);
  const eventLog = new EventLogDocument(context);
  const badge = () => {
    const n = alerts.active().length;
    alertsView.badge = n ? { value: n, tooltip: vscode.l10n.t('{0} open alert(s)', n) } : undefined;
    // For the palette: Acknowledge Alert and Unmute Device only when there is something to act on.
    void vscode.commands.executeCommand('setContext', 'parc.hasOpenAlerts', alerts.open().length > 0);
    void vscode.commands.executeCommand('setContext', 'parc.hasMuted', estate.list().some((d) => alerts.isMuted(d.key)));
  };

  const remote = registerRemote(context);
  const webviews = registerWebviewSerializers(context, (key) => void vscode.commands.executeCommand('parc.openDevicePage', key));
  const server = registerServer({ extension, estate, alerts, secrets, log });
  extension.subscriptions.push(
    channel, inventories, estate, alerts, devicesTree, devicesView, alertsTree, alertsView, statusBar, notifier,
    vscode.workspace.registerTextDocumentContentProvider(EVENT_LOG_URI.scheme, eventLog),
    estate.onDidRaiseEvents(() => eventLog.refresh()),
    alerts.onDidChange(badge),
    estate.onDidChangeDevices(badge),
    ...registerCommands(context),
    ...webviews.disposables,
    ...registerDirectories(context).disposables,
    ...remote.disposables,
    ...server.disposables,
    ...registerDelivery(context, deliveries),
    registerInventoryHelp(),
  );
  badge();
  log.info(`Parc ${extension.extension.packageJSON.version} activating (VS Code ${vscode.version}, ${vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode'})`);
  // Until the first read of parc.yaml has been applied, the Devices view says it is reading it (parc.loaded is
  // false): its "no parc.yaml" and "no devices" welcomes would be wrong for the second or two that takes.
  void vscode.commands.executeCommand('setContext', 'parc.loading', true);
  const ready = inventories.start().then(() => estate.settled()).catch((e) => log.error(`cannot read parc.yaml: ${(e as Error).message}`)).finally(() => Promise.all([
    vscode.commands.executeCommand('setContext', 'parc.loading', false),
    vscode.commands.executeCommand('setContext', 'parc.loaded', true),
  ]).then(() => undefined));
  return { context, alertsTree, statusBar, notifier, deliveries, ready, remote: remote.api, webviews: webviews.api, server: server.api };
}

export function deactivate(): void {}
