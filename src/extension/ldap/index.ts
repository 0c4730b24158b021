// Directory (LDAP/AD) features in VS Code: the Directory view, "Test Login as…", the bind password in
// SecretStorage, and config.php diagnostics with a "fix the LDAP section" diff.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { runLoginTest, type LoginTestResult } from '../../core/ldap/login-test';
import type { DirectoryProfile } from '../../core/ldap/types';
import { checkConfigText } from '../../core/observium/check';
import { correctedSettings } from '../../core/observium/fix';
import { profileFromObservium } from '../../core/observium/mapping';
import { rewriteLdapSection } from '../../core/observium/rewrite';
import type { ParcContext } from '../commands/types';
import { DirectoriesTreeProvider, type DirectoryNode } from './directories-tree';
import { isObserviumConfig, ObserviumDiagnostics } from './observium-diagnostics';

const FIX_SCHEME = 'parc-observium-fix';

export interface DirectoriesApi {
  tree: DirectoriesTreeProvider;
  view: vscode.TreeView<DirectoryNode>;
  diagnostics: ObserviumDiagnostics;
}

function profileName(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object' && 'name' in arg && typeof (arg as { name: unknown }).name === 'string') return (arg as { name: string }).name;
  return undefined;
}

export function registerDirectories(ctx: ParcContext): { disposables: vscode.Disposable[]; api: DirectoriesApi } {
  const tree = new DirectoriesTreeProvider(ctx.inventories);
  const view = vscode.window.createTreeView('parc.directories', { treeDataProvider: tree, showCollapseAll: true });
  const diagnostics = new ObserviumDiagnostics();
  const fixes = new Map<string, string>();
  const fixChanged = new vscode.EventEmitter<vscode.Uri>();
  const lastUser = new Map<string, string>();

  const pickProfile = async (arg: unknown): Promise<DirectoryProfile | undefined> => {
    await tree.reload();
    let name = profileName(arg);
    if (!name) {
      const names = [...tree.profiles.keys()];
      if (!names.length) throw new Error(vscode.l10n.t('parc.yaml has no directories: section'));
      name = names.length === 1 ? names[0] : await vscode.window.showQuickPick(names, { title: vscode.l10n.t('Directory profile') });
      if (!name) return undefined;
    }
    const p = tree.profiles.get(name);
    if (!p) throw new Error(vscode.l10n.t('No directory profile named "{0}" in parc.yaml', name));
    return p;
  };

  const ask = async (profile: string, userArg: unknown, passwordArg: unknown): Promise<{ user: string; password: string } | undefined> => {
    const user = typeof userArg === 'string' ? userArg : await vscode.window.showInputBox({ title: vscode.l10n.t('Test login on {0}', profile), prompt: vscode.l10n.t('User name (as typed at the login page)'), value: lastUser.get(profile) ?? '', ignoreFocusOut: true });
    if (!user) return undefined;
    lastUser.set(profile, user);
    const password = typeof passwordArg === 'string' ? passwordArg : await vscode.window.showInputBox({ title: vscode.l10n.t('Test login on {0}', profile), prompt: vscode.l10n.t('Password of {0} (used for this test only, never stored)', user), password: true, ignoreFocusOut: true });
    if (password === undefined) return undefined;
    return { user, password };
  };

  const show = async (r: LoginTestResult) => {
    tree.setResult(r);
    await vscode.commands.executeCommand('parc.directories.focus');
    await view.reveal(tree.profileNode(r.profile), { expand: 2, focus: false, select: true }).then(undefined, () => undefined);
    ctx.log.info(`ldap: ${r.profile} ${r.user}: ${r.allowed ? 'allowed' : `refused at ${r.failure?.step} (${r.failure?.reason})`}`);
  };

  const runTest = async (profile: DirectoryProfile, user: string, password: string, secrets: ParcContext['secrets'] | { get(n: string): Promise<string | undefined> }) => {
    if (!vscode.workspace.isTrusted) throw new Error(vscode.l10n.t('Login tests connect to the directory: trust this workspace first'));
    return vscode.window.withProgress({ location: { viewId: 'parc.directories' }, title: vscode.l10n.t('Testing login of {0}…', user) }, () => runLoginTest(profile, { user, password, secrets }));
  };

  const commands: { id: string; run: (...a: unknown[]) => unknown }[] = [
    {
      id: 'parc.ldap.testLogin',
      async run(node?: unknown, userArg?: unknown, passwordArg?: unknown) {
        const p = await pickProfile(node);
        if (!p) return undefined;
        const creds = await ask(p.name, userArg, passwordArg);
        if (!creds) return undefined;
        const r = await runTest(p, creds.user, creds.password, ctx.secrets);
        await show(r);
        return r;
      },
    },
    {
      id: 'parc.ldap.setBindPassword',
      async run(node?: unknown, valueArg?: unknown) {
        const p = await pickProfile(node);
        if (!p) return false;
        if (!p.credential) throw new Error(vscode.l10n.t('Profile "{0}" binds anonymously (no bindDn): there is no password to store', p.name));
        const value = typeof valueArg === 'string' ? valueArg : await vscode.window.showInputBox({ title: vscode.l10n.t('Bind password for {0}', p.bindDn ?? p.name), prompt: vscode.l10n.t('Kept in VS Code\'s secret storage as "{0}"', p.credential), password: true, ignoreFocusOut: true });
        if (!value) return false;
        await ctx.secrets.set(p.credential, value);
        void vscode.window.showInformationMessage(vscode.l10n.t('Credential "{0}" stored.', p.credential));
        return true;
      },
    },
    { id: 'parc.ldap.refresh', run: () => tree.reload() },
    // Not in the palette: the Directory view as plain data, for tests and automation.
    {
      id: 'parc.ldap.viewModel',
      run() {
        const walk = (n?: DirectoryNode): { label: string; description?: string; icon?: string; children: unknown[] }[] =>
          tree.getChildren(n).map((c) => {
            const item = tree.getTreeItem(c);
            return { label: String(typeof item.label === 'object' ? item.label.label : item.label ?? ''), description: typeof item.description === 'string' ? item.description : undefined, icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined, children: walk(c) };
          });
        return walk();
      },
    },
    {
      id: 'parc.ldap.openProfile',
      async run(node?: unknown) {
        const p = await pickProfile(node);
        if (!p || !ctx.inventories.file) return;
        const doc = await vscode.workspace.openTextDocument(ctx.inventories.file);
        const pos = new vscode.Position(Math.max(0, p.line - 1), 0);
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
      },
    },
    {
      id: 'parc.ldap.testObserviumLogin',
      async run(uriArg?: unknown, userArg?: unknown, passwordArg?: unknown) {
        const doc = await observiumDocument(uriArg);
        const mapped = profileFromObservium(checkConfigText(doc.getText()).parsed.config, path.basename(doc.fileName));
        for (const n of mapped.notes) ctx.log.info(`ldap: ${mapped.profile.name}: ${n}`);
        const creds = await ask(mapped.profile.name, userArg, passwordArg);
        if (!creds) return undefined;
        const pw = mapped.bindPassword;
        const r = await runTest(mapped.profile, creds.user, creds.password, { get: async (n: string) => (n === mapped.profile.credential ? pw : undefined) });
        await show(r);
        return r;
      },
    },
    {
      id: 'parc.ldap.fixObservium',
      async run(uriArg?: unknown, applyArg?: unknown) {
        const doc = await observiumDocument(uriArg);
        const text = doc.getText();
        const check = checkConfigText(text);
        const syntax = check.diagnostics.find((d) => d.code === 'syntax' && d.severity === 'error');
        if (syntax) {
          void vscode.window.showErrorMessage(vscode.l10n.t('{0}:{1}:{2}: {3} — fix the PHP syntax first; nothing was changed.', path.basename(doc.fileName), syntax.line, syntax.col, syntax.message));
          return false;
        }
        const { wanted, notes } = correctedSettings(check);
        const r = rewriteLdapSection(check, wanted);
        for (const n of [...notes, ...r.notes]) ctx.log.info(`observium fix: ${n}`);
        if (r.text === text) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The LDAP settings need no correction.'));
          return false;
        }
        const proposed = vscode.Uri.from({ scheme: FIX_SCHEME, path: doc.uri.path, query: doc.uri.toString() });
        fixes.set(proposed.toString(), r.text);
        fixChanged.fire(proposed);
        await vscode.commands.executeCommand('vscode.diff', doc.uri, proposed, vscode.l10n.t('{0} ↔ corrected LDAP section', path.basename(doc.fileName)));
        const apply = vscode.l10n.t('Apply');
        const choice = applyArg === true ? apply : await vscode.window.showInformationMessage(vscode.l10n.t('Apply the corrected LDAP section to {0}? ({1} change(s); the rest of the file is kept as is)', path.basename(doc.fileName), notes.length + r.changedKeys.length), apply);
        if (choice !== apply) return false;
        if (doc.getText() !== text) throw new Error(vscode.l10n.t('{0} changed meanwhile; run the fix again', path.basename(doc.fileName)));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(text.length)), r.text);
        return vscode.workspace.applyEdit(edit);
      },
    },
  ];

  const disposables: vscode.Disposable[] = [
    tree, view, diagnostics, fixChanged,
    vscode.workspace.registerTextDocumentContentProvider(FIX_SCHEME, { onDidChange: fixChanged.event, provideTextDocumentContent: (u) => fixes.get(u.toString()) ?? '' }),
    ...commands.map((c) =>
      vscode.commands.registerCommand(c.id, async (...args: unknown[]) => {
        try {
          return await c.run(...args);
        } catch (err) {
          const message = ctx.log.clean((err as Error).message ?? String(err));
          ctx.log.error(`${c.id}: ${message}`);
          void vscode.window.showErrorMessage(`Parc: ${message}`);
          return undefined;
        }
      }),
    ),
  ];
  void tree.reload();
  return { disposables, api: { tree, view, diagnostics } };
}

async function observiumDocument(arg: unknown): Promise<vscode.TextDocument> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' ? vscode.Uri.file(arg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) throw new Error(vscode.l10n.t('Open an Observium config.php first'));
  const doc = await vscode.workspace.openTextDocument(uri);
  if (!isObserviumConfig(doc)) throw new Error(vscode.l10n.t('{0} sets no $config[\'auth_…\'] setting', path.basename(doc.fileName)));
  return doc;
}
