// Add Windows Host…, Add Linux Host…, Add Directory…: the welcome buttons of the empty Sessions, Hosts and
// Directory views. They ask for the host (or LDAP URL), add an entry from a commented template to parc.yaml
// (creating parc.yaml first when there is none) and show it in the editor, ready to be adjusted.
import * as vscode from 'vscode';
import { addSectionEntryToFile, entryName, type SectionKind } from '../../core/inventory/sections';
import { ensureInventory } from './inventory';
import type { CommandFamily, ParcContext } from './types';

export interface AddSectionArgs {
  /** Host name or address, or the LDAP URL; asked when absent. */
  target?: string;
  name?: string;
  /** Do not open parc.yaml afterwards (tests). */
  noEditor?: boolean;
}

const VIEW: Record<SectionKind, string> = { windows: 'parc.sessions', linux: 'parc.hosts', directories: 'parc.directories' };

function prompts(kind: SectionKind): { title: string; prompt: string; value: string; check: (v: string) => string | undefined } {
  const host = (v: string) => (/^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(v.trim()) ? undefined : vscode.l10n.t('Expected a host name or an IP address'));
  switch (kind) {
    case 'windows':
      return { title: vscode.l10n.t('Add Windows host'), prompt: vscode.l10n.t('Host name or IP address of the Windows host (RDP sessions)'), value: '', check: host };
    case 'linux':
      return { title: vscode.l10n.t('Add Linux host'), prompt: vscode.l10n.t('Host name or IP address of the Linux host (SSH)'), value: '', check: host };
    case 'directories':
      return {
        title: vscode.l10n.t('Add directory'), prompt: vscode.l10n.t('LDAP URL of the directory, e.g. ldaps://dc1.example.net'), value: 'ldaps://',
        check: (v) => (/^ldaps?:\/\/[A-Za-z0-9][A-Za-z0-9._:-]*\/?$/i.test(v.trim()) ? undefined : vscode.l10n.t('Expected ldaps://host or ldap://host')),
      };
  }
}

async function addSection(ctx: ParcContext, kind: SectionKind, args: AddSectionArgs = {}): Promise<number | undefined> {
  if (!(await ensureInventory(ctx))) return undefined;
  const file = ctx.inventories.file!;
  if (!ctx.inventories.inventory || ctx.inventories.problem) {
    throw new Error(vscode.l10n.t('parc.yaml has errors; fix them (see the Problems panel) before adding a section.'));
  }
  const p = prompts(kind);
  const target = args.target ?? (await vscode.window.showInputBox({ title: p.title, prompt: p.prompt, value: p.value, validateInput: p.check, ignoreFocusOut: true }))?.trim();
  if (!target) return undefined;
  const problem = p.check(target);
  if (problem) throw new Error(problem);
  const line = await addSectionEntryToFile(file, kind, { target, name: args.name ?? entryName(target) });
  ctx.log.info(`added a ${kind} entry for ${target} to ${file} (line ${line})`);
  await ctx.inventories.reload();
  await ctx.estate.settled();
  if (!args.noEditor) {
    const pos = new vscode.Position(line - 1, 0);
    await vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(pos, pos), preview: false });
  }
  // The view was collapsed while it had nothing to show: open it now that it has.
  await vscode.commands.executeCommand(`${VIEW[kind]}.focus`).then(undefined, () => undefined);
  return line;
}

export const sectionCommands: CommandFamily = (ctx) => [
  { id: 'parc.addWindowsHost', run: (args?: AddSectionArgs) => addSection(ctx, 'windows', args) },
  { id: 'parc.addLinuxHost', run: (args?: AddSectionArgs) => addSection(ctx, 'linux', args) },
  { id: 'parc.addDirectory', run: (args?: AddSectionArgs) => addSection(ctx, 'directories', args) },
];
