// The second status bar item while attached to a server: "connected as X", "reconnecting" or "offline",
// with the age of what the views show when it is not live. Hidden when the estate is local.
import * as vscode from 'vscode';
import { md } from '../views/format';
import { formatAge } from './age';
import type { RemoteEstate } from './remote-estate';
import type { EstateSwitch } from './switch';

export class ConnectionStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('parc.connection', vscode.StatusBarAlignment.Left, 49);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private wiring?: vscode.Disposable;
  private timer?: NodeJS.Timeout;

  constructor(private readonly estate: EstateSwitch) {
    this.item.name = vscode.l10n.t('Parc server connection');
    this.item.command = 'parc.serverMenu';
    this.disposables.push(estate.onDidSwitch((r) => this.follow(r)));
    this.follow(estate.remote);
  }

  private follow(r: RemoteEstate | undefined): void {
    this.wiring?.dispose();
    clearInterval(this.timer);
    this.wiring = r?.onDidChangeConnection(() => this.render());
    if (r) this.timer = setInterval(() => this.render(), 15_000);
    this.render();
  }

  /** What the item says (also read by the tests). */
  render(): void {
    const r = this.estate.remote;
    if (!r) {
      this.item.hide();
      return;
    }
    const age = r.freshAt ? formatAge(Date.now() - r.freshAt) : vscode.l10n.t('never');
    const host = r.client.base.host;
    if (r.state === 'connected') {
      this.item.text = `$(plug) ${vscode.l10n.t('{0} as {1}', host, r.user.name)}`;
      this.item.backgroundColor = undefined;
    } else if (r.state === 'reconnecting') {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('{0}: reconnecting · data {1} old', host, age)}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else {
      this.item.text = `$(debug-disconnect) ${vscode.l10n.t('{0}: offline · data {1} old', host, age)}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    }
    const lines = [vscode.l10n.t('Connected to {0} as {1} ({2}).', r.url, r.user.name, r.role)];
    if (!r.can('operator')) lines.push(vscode.l10n.t('Your role on the server is {0}: this action needs the operator role.', r.role));
    lines.push(vscode.l10n.t('This window polls nothing itself: the server does.'));
    if (r.state !== 'connected' && r.lastError) lines.push(r.lastError);
    const tip = new vscode.MarkdownString(lines.map(md).join('\n\n'), true);
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([^)]*\)\s*/g, '') };
    this.item.show();
  }

  dispose(): void {
    clearInterval(this.timer);
    this.wiring?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}
