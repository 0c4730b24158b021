// Wires the server attachment into the extension: Connect/Disconnect commands, the connection status
// item, and the services that keep their own state (alerts, sessions) refreshed from the server.
import * as vscode from 'vscode';
import type { AlertsService } from '../alerts-service';
import type { ChannelLogger } from '../log';
import type { ExtensionSecrets } from '../secrets';
import { ServerConnection, type ConnectArgs } from './connect';
import { ConnectionStatus } from './connection-status';
import type { EstateSwitch } from './switch';

export interface ServerApi {
  connection: ServerConnection;
  status: ConnectionStatus;
  /** Resolves once a configured server has been reattached (or not). */
  restored: Promise<boolean>;
}

export function registerServer(deps: { extension: vscode.ExtensionContext; estate: EstateSwitch; alerts: AlertsService; secrets: ExtensionSecrets; log: ChannelLogger }): { disposables: vscode.Disposable[]; api: ServerApi } {
  const connection = new ServerConnection(deps);
  const status = new ConnectionStatus(deps.estate);
  let alertWiring: vscode.Disposable | undefined;
  const run = <A extends unknown[]>(id: string, fn: (...a: A) => unknown) =>
    vscode.commands.registerCommand(id, async (...a: A) => {
      try {
        return await fn(...a);
      } catch (e) {
        const m = deps.log.clean((e as Error).message);
        deps.log.error(`${id}: ${m}`);
        void vscode.window.showErrorMessage(`Parc: ${m}`);
        return undefined;
      }
    });
  const disposables: vscode.Disposable[] = [
    connection, status,
    deps.estate.onDidSwitch((r) => {
      alertWiring?.dispose();
      alertWiring = r?.onDidChangeAlerts(() => void deps.alerts.reloadShared());
      void deps.alerts.reloadShared();
    }),
    { dispose: () => alertWiring?.dispose() },
    run('parc.connectServer', (args?: ConnectArgs) => connection.connect(args)),
    run('parc.disconnectServer', () => connection.disconnect()),
    run('parc.serverMenu', async () => {
      const r = deps.estate.remote;
      const disconnect = vscode.l10n.t('Disconnect from Server');
      const reconnect = vscode.l10n.t('Connect to Server…');
      const pick = await vscode.window.showQuickPick(r ? [disconnect, reconnect] : [reconnect], { placeHolder: r ? r.url : undefined });
      if (pick === disconnect) return connection.disconnect();
      if (pick === reconnect) return connection.connect();
      return undefined;
    }),
  ];
  const restored = connection.restore().catch(() => false);
  return { disposables, api: { connection, status, restored } };
}
