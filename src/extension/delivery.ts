// Alert delivery in the editor: the delivery log behind the Alerts view ("what was delivered where"),
// "Send Test Alert…", and the vscode://parc-it.parc/device?key=… links of alert messages, which open
// the device in Parc.
import * as vscode from 'vscode';
import { sendTestMessage } from '../core/notify/engine';
import { NotifyStore, type DeliveryRecord } from '../core/notify/store';
import { systemClock } from '../core/host';
import type { ParcContext } from './commands/types';

export class DeliveryLog implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private _records: DeliveryRecord[] = [];

  constructor(private readonly ctx: Pick<ParcContext, 'estate'>) {
    this.disposables.push(ctx.estate.onDidDeliver(() => void this.refresh()), ctx.estate.onDidRaiseEvents(() => void this.refresh()));
  }

  /** Newest first. */
  get records(): DeliveryRecord[] {
    return this._records;
  }

  forAlert(id: string): DeliveryRecord[] {
    return this._records.filter((r) => r.alertIds.includes(id));
  }

  async refresh(): Promise<void> {
    const dir = this.ctx.estate.stateDir;
    this._records = dir ? await new NotifyStore(dir).deliveries(200) : [];
    this.changed.fire();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

export interface TestAlertResult {
  ok: boolean;
  transport?: string;
  message: string;
}

async function sendTestAlert(ctx: ParcContext, log: DeliveryLog, arg?: unknown): Promise<TestAlertResult | undefined> {
  const inv = ctx.estate.inventory;
  const dir = ctx.estate.stateDir;
  const names = [...(inv?.alerting?.transports.keys() ?? [])];
  if (!inv || !dir || !names.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No alert transport is declared in parc.yaml (alerting.transports).'));
    return undefined;
  }
  let name = typeof arg === 'string' ? arg : undefined;
  if (!name) {
    const pick = await vscode.window.showQuickPick(names.map((n) => ({ label: n, description: inv.alerting!.transports.get(n)!.kind })), { title: vscode.l10n.t('Send a test alert through') });
    name = pick?.label;
  }
  if (!name) return undefined;
  const transport = name;
  try {
    const receipt = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending a test alert through {0}…', transport) }, () =>
      sendTestMessage({ inventory: () => inv, secrets: ctx.secrets, clock: systemClock, store: new NotifyStore(dir) }, transport));
    const message = vscode.l10n.t('Test alert sent through {0} ({1}).', transport, receipt);
    ctx.log.info(`test alert sent through ${transport}: ${receipt}`);
    void vscode.window.showInformationMessage(message);
    return { ok: true, transport, message };
  } catch (err) {
    const message = vscode.l10n.t('The test alert through {0} failed: {1}', transport, ctx.log.clean((err as Error).message));
    ctx.log.warn(`test alert through ${transport} failed: ${(err as Error).message}`);
    void vscode.window.showErrorMessage(message);
    return { ok: false, transport, message };
  } finally {
    await log.refresh();
  }
}

/** Opens a device from a vscode://parc-it.parc/device?key=host:port link (alert mails and cards). */
export async function openDeviceLink(ctx: ParcContext, uri: vscode.Uri): Promise<boolean> {
  if (uri.path !== '/device') return false;
  const key = new URLSearchParams(uri.query).get('key') ?? '';
  await ctx.estate.settled();
  if (!ctx.estate.get(key)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('There is no device {0} in this workspace\'s parc.yaml.', key));
    return false;
  }
  await ctx.revealDevice(key);
  await vscode.commands.executeCommand('parc.openDevicePage', key);
  return true;
}

export function registerDelivery(ctx: ParcContext, log: DeliveryLog): vscode.Disposable[] {
  void log.refresh();
  return [
    log,
    vscode.commands.registerCommand('parc.sendTestAlert', (arg?: unknown) => sendTestAlert(ctx, log, arg)),
    vscode.commands.registerCommand('parc.openDeviceLink', (link: string) => openDeviceLink(ctx, vscode.Uri.parse(link))),
    vscode.window.registerUriHandler({ handleUri: (uri) => void openDeviceLink(ctx, uri) }),
  ];
}
