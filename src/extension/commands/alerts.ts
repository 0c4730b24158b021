// Alerts and the event log: acknowledge, mute a device for a while, show the log, list down devices.
import * as vscode from 'vscode';
import { readConfig } from '../config';
import { address, displayName } from '../views/device-item';
import { localTime } from '../views/format';
import type { AlertNode } from '../views/alerts-tree';
import { pickDevice } from './targets';
import type { CommandFamily, ParcContext } from './types';
import { translateError } from '../error-text';

export const EVENT_LOG_URI = vscode.Uri.from({ scheme: 'parc-log', path: '/events.log' });

/** The event log as a read-only document, regenerated on each open. */
export class EventLogDocument implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  constructor(private readonly ctx: Pick<ParcContext, 'estate'>) {}
  provideTextDocumentContent(): string {
    const rows = this.ctx.estate.events.map((e) => `${localTime(e.time)}  ${e.severity.padEnd(8)}  ${e.type.padEnd(14)}  ${e.message}`);
    return rows.length ? rows.join('\n') + '\n' : vscode.l10n.t('No events yet.') + '\n';
  }
  refresh(): void {
    this.changed.fire(EVENT_LOG_URI);
  }
}

async function askMinutes(): Promise<number | undefined> {
  const def = readConfig().muteMinutes;
  const choices: [number, string][] = [[30, vscode.l10n.t('30 minutes')], [60, vscode.l10n.t('1 hour')], [240, vscode.l10n.t('4 hours')], [1440, vscode.l10n.t('1 day')]];
  if (!choices.some(([m]) => m === def)) choices.push([def, vscode.l10n.t('{0} minutes', def)]);
  // A single-choice quick pick ignores `picked`: the default (parc.muteMinutes) goes first, where Enter takes it.
  const items = choices.map(([m, label]) => ({ label, m, description: m === def ? vscode.l10n.t('default') : undefined }));
  items.sort((a, b) => Number(b.m === def) - Number(a.m === def));
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Mute device for') });
  return pick?.m;
}

export const alertCommands: CommandFamily = (ctx) => [
  {
    id: 'parc.showEventLog',
    // Its own language, whose default wraps long lines (configurationDefaults in package.json).
    run: async () => {
      const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(EVENT_LOG_URI), 'parc-eventlog');
      await vscode.window.showTextDocument(doc, { preview: true });
      return ctx.estate.events.length;
    },
  },
  {
    id: 'parc.acknowledgeAlert',
    async run(arg?: AlertNode | string) {
      const id = typeof arg === 'string' ? arg : arg?.alert?.id;
      if (id) return ctx.alerts.acknowledge(id);
      const open = ctx.alerts.active();
      const pick = await vscode.window.showQuickPick(open.map((a) => ({ label: a.event.message, description: localTime(a.event.time), id: a.id })), { title: vscode.l10n.t('Acknowledge alert') });
      if (pick) await ctx.alerts.acknowledge(pick.id);
    },
  },
  {
    id: 'parc.muteDevice',
    async run(arg?: unknown, minutesArg?: number) {
      const d = await pickDevice(ctx, arg, vscode.l10n.t('Mute device'));
      if (!d) return false;
      const minutes = typeof minutesArg === 'number' ? minutesArg : await askMinutes();
      if (!minutes) return false;
      await ctx.alerts.mute(d.key, minutes);
      ctx.log.info(`muted ${displayName(d)} for ${minutes} min`);
      return true;
    },
  },
  {
    id: 'parc.unmuteDevice',
    async run(arg?: unknown) {
      const d = await pickDevice(ctx, arg, vscode.l10n.t('Unmute device'));
      if (d) await ctx.alerts.unmute(d.key);
    },
  },
  {
    id: 'parc.showDownDevices',
    async run() {
      const down = ctx.estate.list().filter((d) => d.report?.status === 'down');
      if (!down.length) {
        void vscode.window.showInformationMessage(vscode.l10n.t('All {0} device(s) are up.', ctx.estate.list().filter((d) => d.report).length));
        return;
      }
      const pick = await vscode.window.showQuickPick(
        down.map((d) => ({ label: `$(error) ${displayName(d)}`, description: `${address(d)} · ${d.region} / ${d.site}${ctx.alerts.isMuted(d.key) ? ` · ${vscode.l10n.t('muted')}` : ''}`, detail: d.report?.error && translateError(d.report.error, vscode.l10n), key: d.key })),
        { title: vscode.l10n.t('Devices down'), matchOnDescription: true },
      );
      if (pick) await ctx.revealDevice(pick.key);
    },
  },
];
