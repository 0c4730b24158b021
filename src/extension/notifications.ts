// Notifies when a device goes down or comes back, as the parc.notifications setting asks
// (off / down only / all); muted devices stay quiet, and so does a device found down at its very first
// poll (opening a new workspace or adding a silent device): it did not go down, the view and status bar show it.
import * as vscode from 'vscode';
import type { ParcEvent } from '../core/state/types';
import type { AlertsService } from './alerts-service';
import { readConfig } from './config';
import type { Estate } from './estate';
import { translateError } from './error-text';

export class Notifier implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  /** What was shown, for tests and the log. */
  readonly shown: string[] = [];

  constructor(
    private readonly estate: Estate,
    private readonly alerts: AlertsService,
    private readonly reveal: (deviceKey: string) => Thenable<void>,
  ) {
    this.subscription = estate.onDidRaiseEvents((events) => this.notify(events));
  }

  private notify(events: ParcEvent[]): void {
    const level = readConfig().notifications;
    if (level === 'off') return;
    for (const e of events) {
      if (!e.device || this.alerts.isMuted(e.device)) continue;
      if (e.type !== 'down' && !(e.type === 'up' && level === 'all')) continue;
      if (e.type === 'down' && this.estate.isFirstPollDown(e)) continue;
      const show = vscode.l10n.t('Show');
      const key = e.device;
      this.shown.push(e.message);
      const shown = e.type === 'down' ? vscode.window.showWarningMessage(translateError(e.message, vscode.l10n), show) : vscode.window.showInformationMessage(translateError(e.message, vscode.l10n), show);
      void shown.then((pick) => (pick === show ? this.reveal(key) : undefined)).then(undefined, (e: Error) => void vscode.window.showWarningMessage(e.message));
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
