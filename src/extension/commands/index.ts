// The command registry: every family's commands, registered with one error handler that logs the
// error and shows it (secrets redacted) instead of failing silently.
import * as vscode from 'vscode';
import { alertCommands } from './alerts';
import { credentialCommands } from './credentials';
import { deviceCommands } from './devices';
import { discoverCommands } from './discover';
import { filterCommands } from './filter';
import { inventoryCommands } from './inventory';
import { pollCommands } from './poll';
import { sectionCommands } from './sections';
import { sessionCommands } from '../sessions/commands';
import { webviewCommands } from '../webviews/commands';
import type { CommandFamily, ParcContext } from './types';
import { checkAllowed } from '../remote-estate/guard';

const FAMILIES: CommandFamily[] = [pollCommands, deviceCommands, discoverCommands, credentialCommands, alertCommands, inventoryCommands, sectionCommands, filterCommands, sessionCommands, webviewCommands];

export function registerCommands(ctx: ParcContext): vscode.Disposable[] {
  return FAMILIES.flatMap((family) => family(ctx)).map((spec) =>
    vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
      try {
        checkAllowed(ctx.estate, spec.id);
        return await spec.run(...args);
      } catch (err) {
        const message = ctx.log.clean((err as Error).message ?? String(err));
        ctx.log.error(`${spec.id}: ${message}`);
        void vscode.window.showErrorMessage(`Parc: ${message}`);
        return undefined;
      }
    }),
  );
}
