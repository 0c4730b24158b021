// parc.yaml itself: create one from a template, open it.
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { CommandFamily, ParcContext } from './types';

export const INVENTORY_TEMPLATE = `# Parc inventory: the devices to monitor, grouped by region and site.
# Secrets never go in this file: an SNMP profile names a credential, stored with
# "Parc: Set SNMP Credential" (or the PARC_CRED_<NAME> environment variable).
sites:
  # A device lands in a site by its "site:" key, by its sysLocation naming the site
  # or an alias, by its address being in one of the subnets, or by coordinates.
  - region: Europe
    name: Paris
    aliases: [PAR]
    subnets: [192.0.2.0/25]

snmp:
  default: lan
  profiles:
    lan:
      version: 2c
      credential: lan-community

# devices: added by "Parc: Add Device" and "Parc: Discover Subnet", or by hand:
#   - host: 192.0.2.10
#     name: core-switch
`;

/** Makes sure the workspace has a parc.yaml, offering to create it; true when there is one. */
export async function ensureInventory(ctx: ParcContext, ask = true): Promise<boolean> {
  if (ctx.inventories.file) return true;
  const target = ctx.inventories.candidates()[0];
  if (!target) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: parc.yaml lives in the workspace.'));
    return false;
  }
  if (ask) {
    const create = vscode.l10n.t('Create parc.yaml');
    const pick = await vscode.window.showInformationMessage(vscode.l10n.t('This workspace has no parc.yaml yet.'), create);
    if (pick !== create) return false;
  }
  // 'wx': never overwrite a file that appeared meanwhile.
  await fs.writeFile(target, INVENTORY_TEMPLATE, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  await ctx.inventories.reload();
  await ctx.estate.settled();
  return ctx.inventories.file !== undefined;
}

export const inventoryCommands: CommandFamily = (ctx) => [
  {
    id: 'parc.createInventory',
    async run() {
      if (!(await ensureInventory(ctx, false))) return undefined;
      await vscode.window.showTextDocument(vscode.Uri.file(ctx.inventories.file!));
      return ctx.inventories.file;
    },
  },
  {
    id: 'parc.openInventory',
    async run() {
      if (!(await ensureInventory(ctx))) return;
      await vscode.window.showTextDocument(vscode.Uri.file(ctx.inventories.file!));
    },
  },
];
