// Sessions view and its commands, registered as one command family (see ../commands/index.ts).
// Commands take a tree node (menus), nothing (palette: a quick pick asks) or plain objects (tests:
// { host, id }, and { confirm: false } to skip the dialog).
import * as vscode from 'vscode';
import type { JanitorStep } from '../../core/rdp/janitor';
import type { RdpSession } from '../../core/rdp/types';
import type { CommandFamily, CommandSpec } from '../commands/types';
import { networkAllowed } from '../trust';
import { SessionsService } from './service';
import { idleText, SessionsTreeProvider, type SessionsNode } from './tree';

interface Options {
  confirm?: boolean;
  text?: string;
}

function describe(s: RdpSession): string {
  return `${s.username} (ID ${s.id}, ${s.stateText}${s.idleMinutes ? `, ${vscode.l10n.t('idle {0}', idleText(s.idleMinutes))}` : ''})`;
}

export const sessionCommands: CommandFamily = (ctx) => {
  const service = new SessionsService(ctx.inventories, ctx.secrets, ctx.log, ctx.estate);
  const tree = new SessionsTreeProvider(service);
  const view = vscode.window.createTreeView<SessionsNode>('parc.sessions', { treeDataProvider: tree, showCollapseAll: true });
  ctx.extension.subscriptions.push(service, tree, view);

  const pickHost = async (arg: unknown): Promise<string | undefined> => {
    const a = arg as { kind?: string; name?: string; host?: string } | undefined;
    if (a?.kind === 'host' && a.name) return a.name;
    if (a?.kind === 'session' && a.host) return a.host;
    if (typeof a?.host === 'string') return a.host;
    if (typeof arg === 'string') return arg;
    const names = service.hosts().map((h) => h.host.name);
    if (names.length <= 1) return names[0];
    return vscode.window.showQuickPick(names, { placeHolder: vscode.l10n.t('Windows host') });
  };

  const pickSession = async (arg: unknown): Promise<{ host: string; session: RdpSession } | undefined> => {
    const a = arg as { kind?: string; host?: string; session?: RdpSession; id?: number } | undefined;
    if (a?.kind === 'session' && a.host && a.session) return { host: a.host, session: a.session };
    const host = await pickHost(arg);
    if (!host) return undefined;
    const st = service.state(host)?.sessions ? service.state(host) : await service.refresh(host);
    const list = (st?.sessions ?? []).filter((s) => s.username);
    if (typeof a?.id === 'number') {
      const s = list.find((x) => x.id === a.id);
      if (!s) throw new Error(vscode.l10n.t('{0} has no session {1}', host, a.id));
      return { host, session: s };
    }
    const pick = await vscode.window.showQuickPick(list.map((s) => ({ label: s.username, description: describe(s), s })), { placeHolder: vscode.l10n.t('Session on {0}', host) });
    return pick && { host, session: pick.s };
  };

  const confirm = async (o: Options | undefined, message: string, detail: string, button: string): Promise<boolean> => {
    if (o?.confirm === false) return true;
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, button)) === button;
  };

  const report = (r: { status: string; reason?: string }, what: string) => {
    if (r.status === 'done') void vscode.window.showInformationMessage(what);
    else void vscode.window.showWarningMessage(vscode.l10n.t('Parc: not done — {0}', r.reason ?? r.status));
  };

  const stepsText = (host: string, steps: JanitorStep[], dryRun: boolean) =>
    [`# ${dryRun ? vscode.l10n.t('Janitor dry run') : vscode.l10n.t('Janitor')} — ${host}`, '', '| ID | User | State | Idle | Outcome | Why |', '|---|---|---|---|---|---|',
      ...steps.map((s) => `| ${s.session.id} | ${s.session.username || '-'} | ${s.session.state} | ${idleText(s.session.idleMinutes)} | ${s.outcome} | ${(s.detail ?? s.reason).replace(/\|/g, '\\|')} |`)].join('\n');

  const janitorLike = async (arg: unknown, o: Options | undefined, kind: 'janitor' | 'disconnected'): Promise<JanitorStep[] | undefined> => {
    if (!networkAllowed(vscode.l10n.t('Run the janitor'))) return undefined;
    const host = await pickHost(arg);
    if (!host) return undefined;
    const override = kind === 'disconnected' ? { disconnectedOverMinutes: -1, idleOverMinutes: 0 } : undefined;
    const plan = (await service.janitor(host, true, override)).filter((s) => s.outcome === 'dry-run');
    if (!plan.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: no session to log off', host));
      return [];
    }
    const title = kind === 'disconnected' ? vscode.l10n.t('Log off {0} disconnected session(s) on {1}?', plan.length, host) : vscode.l10n.t('Run the janitor on {0}? It will act on {1} session(s).', host, plan.length);
    if (!(await confirm(o, title, plan.map((s) => `${describe(s.session)} — ${s.reason}`).join('\n'), vscode.l10n.t('Log off')))) return undefined;
    const steps = await service.janitor(host, false, override);
    const done = steps.filter((s) => s.outcome === 'done').length;
    const skipped = steps.filter((s) => s.outcome === 'skipped' || s.outcome === 'failed');
    if (skipped.length) void vscode.window.showWarningMessage(vscode.l10n.t('{0}: {1} logged off, {2} skipped or failed: {3}', host, done, skipped.length, skipped.map((s) => `${s.session.username}: ${s.detail}`).join('; ')));
    else void vscode.window.showInformationMessage(vscode.l10n.t('{0}: {1} session(s) logged off', host, done));
    return steps;
  };

  const specs: CommandSpec[] = [
    {
      id: 'parc.sessions.refresh',
      async run(arg?: unknown) {
        if (!networkAllowed(vscode.l10n.t('List sessions'))) return undefined;
        const a = arg as { kind?: string } | undefined;
        const names = a?.kind === 'host' || typeof (arg as { host?: string })?.host === 'string' ? [await pickHost(arg)] : service.hosts().map((h) => h.host.name);
        return Promise.all(names.filter((n): n is string => !!n).map((n) => service.refresh(n)));
      },
    },
    {
      id: 'parc.sessions.logoff',
      async run(arg?: unknown, o?: Options) {
        if (!networkAllowed(vscode.l10n.t('Log off'))) return undefined;
        const t = await pickSession(arg);
        if (!t || !(await confirm(o, vscode.l10n.t('Log off {0} on {1}?', t.session.username, t.host), `${describe(t.session)}\n${vscode.l10n.t('Unsaved work in that session is lost. Parc checks right before acting that the ID still belongs to this user.')}`, vscode.l10n.t('Log off')))) return undefined;
        const r = await service.act(t.host, t.session, 'logoff');
        report(r, vscode.l10n.t('{0} logged off', t.session.username));
        return r;
      },
    },
    {
      id: 'parc.sessions.disconnect',
      async run(arg?: unknown, o?: Options) {
        if (!networkAllowed(vscode.l10n.t('Disconnect'))) return undefined;
        const t = await pickSession(arg);
        if (!t || !(await confirm(o, vscode.l10n.t('Disconnect {0} on {1}?', t.session.username, t.host), describe(t.session), vscode.l10n.t('Disconnect')))) return undefined;
        const r = await service.act(t.host, t.session, 'disconnect');
        report(r, vscode.l10n.t('{0} disconnected', t.session.username));
        return r;
      },
    },
    {
      id: 'parc.sessions.message',
      async run(arg?: unknown, o?: Options) {
        if (!networkAllowed(vscode.l10n.t('Send a message'))) return undefined;
        const t = await pickSession(arg);
        if (!t) return undefined;
        const text = o?.text ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Message to {0} on {1}', t.session.username, t.host), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Type a message')) }));
        if (!text) return undefined;
        await service.message(t.host, t.session, text);
        return true;
      },
    },
    { id: 'parc.sessions.logoffDisconnected', run: (arg?: unknown, o?: Options) => janitorLike(arg, o, 'disconnected') },
    { id: 'parc.sessions.janitor', run: (arg?: unknown, o?: Options) => janitorLike(arg, o, 'janitor') },
    {
      id: 'parc.sessions.janitorDryRun',
      async run(arg?: unknown, o?: Options & { show?: boolean }) {
        if (!networkAllowed(vscode.l10n.t('Run the janitor'))) return undefined;
        const host = await pickHost(arg);
        if (!host) return undefined;
        const steps = await service.janitor(host, true);
        if (o?.show !== false) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: stepsText(host, steps, true), language: 'markdown' }), { preview: true });
        return steps;
      },
    },
    {
      // For tests and scripts: what the view shows, as plain data.
      id: 'parc.sessions.inspect',
      async run() {
        const item = (t: vscode.TreeItem) => ({ label: String(typeof t.label === 'string' ? t.label : t.label?.label), description: String(t.description ?? ''), contextValue: t.contextValue, icon: (t.iconPath as vscode.ThemeIcon | undefined)?.id });
        const out = [];
        for (const node of await tree.getChildren()) {
          const st = node.kind === 'host' ? service.state(node.name) : undefined;
          const children = st?.sessions ? await tree.getChildren(node) : [];
          out.push({ name: st?.host.name, error: st?.error ?? null, sessions: st?.sessions ?? null, item: item(tree.getTreeItem(node)), children: children.map((c) => item(tree.getTreeItem(c))) });
        }
        return out;
      },
    },
  ];
  return specs;
};
