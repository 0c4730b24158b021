// The status bar item: "$(pulse) 12 up · 1 down" (or a check mark when all are up), with the error
// background while an unmuted device is down and the warning one while other alerts are open.
import * as vscode from 'vscode';
import type { AlertsService } from './alerts-service';
import type { Estate } from './estate';
import { displayName } from './views/device-item';
import { md } from './views/format';
import { translateError } from './error-text';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('parc.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly estate: Estate,
    private readonly alerts: AlertsService,
  ) {
    this.item.name = vscode.l10n.t('Parc devices');
    this.item.command = 'parc.showDownDevices';
    this.disposables.push(estate.onDidChangeDevices(() => this.render()), alerts.onDidChange(() => this.render()));
    this.render();
  }

  render(): void {
    const devices = this.estate.list();
    if (!this.estate.inventory) {
      this.item.hide();
      return;
    }
    const polled = devices.filter((d) => d.report);
    const down = polled.filter((d) => d.report!.status === 'down');
    const up = polled.length - down.length;
    const unmutedDown = down.filter((d) => !this.alerts.isMuted(d.key));
    if (!down.length && up && up === devices.length) this.item.text = `$(check) ${vscode.l10n.t('{0} up', up)}`;
    else this.item.text = `$(pulse) ${vscode.l10n.t('{0} up', up)} · ${vscode.l10n.t('{0} down', down.length)}`;
    this.item.backgroundColor = unmutedDown.length
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : down.length || this.alerts.active().length
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    const tip = new vscode.MarkdownString('', true);
    tip.appendMarkdown(`**Parc** — ${md(vscode.l10n.t('{0} device(s): {1} up, {2} down, {3} never polled', devices.length, up, down.length, devices.length - polled.length))}\n\n`);
    for (const d of down.slice(0, 10)) tip.appendMarkdown(`$(error) ${md(displayName(d))} — ${md(translateError(d.report?.error ?? '', vscode.l10n))}  \n`);
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Parc: {0} up, {1} down', up, down.length) };
    this.item.show();
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
