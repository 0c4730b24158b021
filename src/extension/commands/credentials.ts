// Set SNMP credential: stored in VS Code's SecretStorage, never in settings or parc.yaml.
import * as vscode from 'vscode';
import { credentialEnvName } from '../../core/inventory/credentials';
import type { CommandFamily } from './types';

export const credentialCommands: CommandFamily = (ctx) => [
  {
    id: 'parc.setCredential',
    async run(nameArg?: string, valueArg?: string) {
      const inv = ctx.inventories.inventory;
      const names = new Set<string>();
      for (const p of inv?.snmp.profiles.values() ?? []) for (const n of [p.credential, p.authCredential, p.privCredential]) if (n) names.add(n);
      let name = typeof nameArg === 'string' ? nameArg : undefined;
      if (!name) {
        const items = await Promise.all([...names].sort().map(async (n) => ({
          label: n,
          description: (await ctx.secrets.storage.get(n)) ? vscode.l10n.t('stored') : process.env[credentialEnvName(n)] ? vscode.l10n.t('from {0}', credentialEnvName(n)) : vscode.l10n.t('not set'),
        })));
        const other = vscode.l10n.t('Other name…');
        const pick = await vscode.window.showQuickPick([...items, { label: other, description: '' }], { title: vscode.l10n.t('Set SNMP credential') });
        if (!pick) return false;
        name = pick.label === other ? await vscode.window.showInputBox({ prompt: vscode.l10n.t('Credential name, as written in parc.yaml') }) : pick.label;
        if (!name) return false;
      }
      const value = typeof valueArg === 'string' ? valueArg : await vscode.window.showInputBox({
        title: vscode.l10n.t('Set SNMP credential'),
        prompt: vscode.l10n.t('Community or passphrase for "{0}" (kept in VS Code\'s secret storage)', name),
        password: true,
        ignoreFocusOut: true,
      });
      if (!value) return false;
      await ctx.secrets.set(name, value);
      ctx.log.info(`credential "${name}" stored in secret storage`);
      void vscode.window.showInformationMessage(vscode.l10n.t('Credential "{0}" stored.', name));
      return true;
    },
  },
];
