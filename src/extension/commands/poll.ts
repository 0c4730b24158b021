// Poll now: one device, a site, a region, or everything.
import * as vscode from 'vscode';
import type { CycleResult } from '../../core/monitor/cycle';
import { devicesOf, pickDevice } from './targets';
import type { CommandFamily } from './types';

export const pollCommands: CommandFamily = (ctx) => [
  {
    id: 'parc.pollNow',
    async run(arg?: unknown): Promise<CycleResult | undefined> {
      // From the palette (no argument): which device? (Poll All is the command for everything.)
      let targets = devicesOf(ctx, arg);
      if (arg === undefined) {
        const d = await pickDevice(ctx, undefined, vscode.l10n.t('Poll now'));
        if (!d) return undefined;
        targets = [d];
      }
      if (targets && !targets.length) throw new Error(vscode.l10n.t('Nothing to poll here.'));
      return vscode.window.withProgress(
        { location: { viewId: 'parc.devices' }, title: vscode.l10n.t('Polling') },
        () => ctx.estate.poll(targets?.map((t) => t.device)),
      );
    },
  },
  {
    id: 'parc.pollAll',
    run: (): Thenable<CycleResult | undefined> =>
      vscode.window.withProgress({ location: { viewId: 'parc.devices' }, title: vscode.l10n.t('Polling') }, () => ctx.estate.poll()),
  },
];
