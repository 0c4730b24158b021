// The Sessions view's model when attached to a server: hosts and sessions from GET /api/sessions, the
// actions as POSTs the server runs (and audits) under the logged-in user's name.
import { DEFAULT_JANITOR, type WindowsHost } from '../../core/rdp/hosts';
import type { JanitorStep } from '../../core/rdp/janitor';
import type { ActionOutcome } from '../../core/rdp/session-service';
import type { RdpSession } from '../../core/rdp/types';
import type { SessionHost } from '../../core/remote/api-types';
import type { HostState } from '../sessions/service';
import type { RemoteEstate } from './remote-estate';

function hostOf(h: SessionHost, line: number): WindowsHost {
  return { name: h.name, host: h.host, transport: h.transport as WindowsHost['transport'], port: 0, tls: false, auth: 'ntlm' as WindowsHost['auth'], janitor: DEFAULT_JANITOR, line };
}

export function remoteHosts(r: RemoteEstate): HostState[] {
  return (r.sessions?.hosts ?? []).map((h, i) => ({ host: hostOf(h, i + 1), sessions: h.sessions, error: h.error ?? undefined, loading: false, listedAt: Date.parse(h.listedAt) || undefined }));
}

export async function remoteAct(r: RemoteEstate, host: string, s: RdpSession, action: 'logoff' | 'disconnect'): Promise<ActionOutcome> {
  const a = await r.sessionAction(host, s.id, action);
  void r.refreshSessions().catch(() => undefined);
  return a.ok ? { status: 'done', session: s } : { status: 'skipped', reason: a.message, session: s };
}

export async function remoteJanitor(r: RemoteEstate, host: string, dryRun: boolean): Promise<JanitorStep[]> {
  const res = await r.janitor(dryRun);
  if (!dryRun) void r.refreshSessions().catch(() => undefined);
  const known = new Map((r.sessions?.hosts ?? []).flatMap((h) => h.sessions.map((s) => [`${h.name}|${s.id}`, s] as const)));
  return res.actions
    .filter((a) => a.host === host)
    .map((a) => ({
      host: a.host,
      session: known.get(`${a.host}|${a.sessionId}`) ?? ({ id: a.sessionId, username: a.user } as RdpSession),
      action: a.action as JanitorStep['action'],
      reason: a.reason,
      outcome: dryRun ? 'dry-run' : a.error ? 'failed' : a.done ? 'done' : 'skipped',
      ...(a.error ? { detail: a.error } : {}),
    }));
}
