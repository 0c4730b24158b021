// The Sessions view: Windows host → its RDP sessions (user, state, idle, logon time).
import * as vscode from 'vscode';
import type { RdpSession } from '../../core/rdp/types';
import type { HostState, SessionsService } from './service';
import { times } from '../views/format';
import { translateError } from '../error-text';

export interface SessionHostNode { kind: 'host'; name: string }
export interface SessionNode { kind: 'session'; host: string; session: RdpSession }
export type SessionsNode = SessionHostNode | SessionNode;

export function idleText(min: number | null): string {
  if (min === null) return '';
  if (min < 60) return `${min} min`;
  if (min < 1440) return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')}`;
  return `${Math.floor(min / 1440)} d ${Math.floor((min % 1440) / 60)} h`;
}

function sessionIcon(s: RdpSession, idleWarn: number): vscode.ThemeIcon {
  if (s.state === 'disconnected') return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (s.state === 'active' && idleWarn > 0 && (s.idleMinutes ?? 0) > idleWarn) return new vscode.ThemeIcon('watch', new vscode.ThemeColor('disabledForeground'));
  if (s.state === 'active') return new vscode.ThemeIcon('vm-active', new vscode.ThemeColor('testing.iconPassed'));
  return new vscode.ThemeIcon('circle-outline');
}

export class SessionsTreeProvider implements vscode.TreeDataProvider<SessionsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SessionsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly service: SessionsService) {
    this.sub = service.onDidChange((st) => this.changed.fire(st ? { kind: 'host', name: st.host.name } : undefined));
  }

  getTreeItem(n: SessionsNode): vscode.TreeItem {
    if (n.kind === 'host') {
      const st = this.service.state(n.name);
      const item = new vscode.TreeItem(n.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `host:${n.name}`;
      item.contextValue = 'rdpHost';
      if (!st) return item;
      const count = st.sessions ? vscode.l10n.t('{0} session(s), {1} disconnected', st.sessions.filter((s) => s.username).length, st.sessions.filter((s) => s.state === 'disconnected').length) : '';
      item.description = st.loading ? vscode.l10n.t('listing…') : st.error ? vscode.l10n.t('error') : count;
      item.tooltip = `${st.host.host} (${st.host.transport}${st.host.port ? `:${st.host.port}` : ''})${st.error ? `\n${translateError(st.error, vscode.l10n)}` : ''}`;
      item.iconPath = st.error ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : new vscode.ThemeIcon('server');
      return item;
    }
    const s = n.session;
    const item = new vscode.TreeItem(s.username || s.sessionName, vscode.TreeItemCollapsibleState.None);
    item.id = `session:${n.host}:${s.id}:${s.username}`;
    const idle = s.idleMinutes ? vscode.l10n.t('idle {0}', idleText(s.idleMinutes)) : '';
    item.description = [s.stateText, idle, s.logonTime ? times().short(s.logonTime) : ''].filter(Boolean).join(' · ');
    item.tooltip = `${s.username} — ${s.sessionName || vscode.l10n.t('(no session name)')} — ID ${s.id}\n${s.state}${s.current ? ' (current)' : ''}`;
    item.iconPath = sessionIcon(s, this.service.state(n.host)?.host.janitor.idleOverMinutes ?? 0);
    const console = s.sessionName.toLowerCase() === 'console';
    item.contextValue = `rdpSession ${s.state}${console ? ' console' : ''}${s.username ? ' user' : ''}`;
    return item;
  }

  async getChildren(n?: SessionsNode): Promise<SessionsNode[]> {
    if (!n) return this.service.hosts().map((st: HostState) => ({ kind: 'host', name: st.host.name }));
    if (n.kind !== 'host') return [];
    let st = this.service.state(n.name);
    if (st && !st.sessions && !st.loading && !st.error && vscode.workspace.isTrusted) st = await this.service.refresh(n.name);
    return (st?.sessions ?? []).filter((s) => s.username).map((session) => ({ kind: 'session', host: n.name, session }));
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
