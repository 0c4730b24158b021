// The janitor: which sessions a policy logs off, and doing it safely. The plan is pure (and is the
// dry run); running it re-checks each session right before acting and audits every step.
import type { Clock } from '../host';
import type { AuditLog } from './audit';
import type { JanitorPolicy } from './hosts';
import { groupMembers, listSessions, logoffChecked, recheck, sendMessage, type ListOptions } from './session-service';
import type { WindowsTransport } from './transport';
import type { RdpSession } from './types';

export type Decision =
  | { session: RdpSession; action: 'logoff'; reason: string }
  | { session: RdpSession; action: 'warn-then-logoff'; reason: string }
  | { session: RdpSession; action: 'keep'; reason: string; /** Left alone because Parc could not read it: audited. */ unreadable?: boolean };

export function isExcluded(username: string, patterns: string[]): string | undefined {
  const bare = username.includes('\\') ? username.slice(username.lastIndexOf('\\') + 1) : username;
  for (const p of patterns) {
    const pat = p.includes('\\') && !username.includes('\\') ? p.slice(p.lastIndexOf('\\') + 1) : p;
    const re = new RegExp(`^${pat.split('*').map((x) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
    if (re.test(username) || re.test(bare)) return p;
  }
  return undefined;
}

/** `members`: the resolved members of policy.excludeGroups (group → user names). */
export function planJanitor(sessions: RdpSession[], policy: JanitorPolicy, members: Map<string, string[]> = new Map()): Decision[] {
  return sessions.map((s): Decision => {
    if (!s.username) return { session: s, action: 'keep', reason: 'no user (system or listener session)' };
    if (s.sessionName.toLowerCase() === 'console') return { session: s, action: 'keep', reason: 'console session is never touched' };
    if (s.current) return { session: s, action: 'keep', reason: 'the session Parc runs in' };
    const ex = isExcluded(s.username, policy.exclude);
    if (ex) return { session: s, action: 'keep', reason: `excluded (${ex})` };
    for (const [group, users] of members) {
      if (isExcluded(s.username, users)) return { session: s, action: 'keep', reason: `excluded (member of ${group})` };
    }
    // Never act on what could not be read: an unknown state word, or an idle time that did not parse.
    if (s.state === 'unknown') return { session: s, action: 'keep', unreadable: true, reason: `state "${s.stateText}" is not one Parc knows; left alone (never acted upon)` };
    const idle = s.idleMinutes ?? 0;
    if ((s.state === 'disconnected' || (s.state === 'active' && policy.idleOverMinutes > 0)) && s.idleMinutes === null && s.line !== undefined) {
      return { session: s, action: 'keep', unreadable: true, reason: `${s.state} but its idle time could not be read; left alone` };
    }
    if (s.state === 'disconnected') {
      if (s.idleMinutes !== null && idle > policy.disconnectedOverMinutes) return { session: s, action: 'logoff', reason: `disconnected for ${idle} min (over ${policy.disconnectedOverMinutes})` };
      return { session: s, action: 'keep', reason: `disconnected for ${idle} min (not over ${policy.disconnectedOverMinutes})` };
    }
    if (s.state === 'active' && policy.idleOverMinutes > 0 && s.idleMinutes !== null && idle > policy.idleOverMinutes) {
      return { session: s, action: 'warn-then-logoff', reason: `active but idle for ${idle} min (over ${policy.idleOverMinutes})` };
    }
    return { session: s, action: 'keep', reason: s.state === 'active' ? (policy.idleOverMinutes > 0 ? `idle ${idle} min (not over ${policy.idleOverMinutes})` : 'active (idle sessions are not touched)') : `state ${s.state}` };
  });
}

/** The members of the policy's excluded groups. Throws if one cannot be read: better stop than log off an excluded user. */
export async function excludedGroupMembers(t: WindowsTransport, policy: JanitorPolicy, list?: ListOptions): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>();
  for (const g of policy.excludeGroups) members.set(g, await groupMembers(t, g, list));
  return members;
}

export interface JanitorStep {
  host: string;
  session: RdpSession;
  action: Decision['action'];
  reason: string;
  outcome: 'done' | 'skipped' | 'failed' | 'dry-run' | 'kept';
  detail?: string;
}

export interface JanitorRun {
  host: string;
  transport: WindowsTransport;
  policy: JanitorPolicy;
  dryRun: boolean;
  audit?: AuditLog;
  actor: string;
  clock: Clock;
  list?: ListOptions;
  /** Waits between the warning and the re-check (the clock's timer, so tests can pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

export async function runJanitor(o: JanitorRun): Promise<JanitorStep[]> {
  const members = await excludedGroupMembers(o.transport, o.policy, o.list);
  const sessions = await listSessions(o.transport, o.list);
  const plan = planJanitor(sessions, o.policy, members);
  const steps: JanitorStep[] = [];
  const audit = async (s: RdpSession, action: 'logoff' | 'message', outcome: JanitorStep['outcome'], reason: string) => {
    if (outcome === 'kept') return;
    await o.audit?.append({ at: new Date(o.clock.now()).toISOString(), actor: o.actor, host: o.host, user: s.username, sessionId: s.id, action, outcome, reason });
  };
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((res) => o.clock.setTimeout(res, ms)));
  const warned: Decision[] = [];
  for (const d of plan) {
    const base = { host: o.host, session: d.session, action: d.action, reason: d.reason };
    if (d.action === 'keep') {
      steps.push({ ...base, outcome: 'kept' });
      // Sessions left alone because they could not be read are audited, so the log says why.
      if (d.unreadable) await o.audit?.append({ at: new Date(o.clock.now()).toISOString(), actor: o.actor, host: o.host, user: d.session.username, sessionId: d.session.id, action: 'logoff', outcome: 'skipped', reason: `${o.dryRun ? 'dry run: ' : ''}${d.reason}` });
      continue;
    }
    if (o.dryRun) {
      const detail = d.action === 'logoff' ? `would log off session ${d.session.id} of ${d.session.username}` : `would warn ${d.session.username} (session ${d.session.id}), wait ${o.policy.warnMinutes} min, re-check, then log off`;
      steps.push({ ...base, outcome: 'dry-run', detail });
      await audit(d.session, 'logoff', 'dry-run', d.reason);
      continue;
    }
    if (d.action === 'logoff') {
      const r = await logoffChecked(o.transport, { id: d.session.id, username: d.session.username, state: d.session.state }, o.list);
      const reason = r.status === 'done' ? d.reason : `${d.reason}; ${r.reason}`;
      steps.push({ ...base, outcome: r.status, detail: r.status === 'done' ? undefined : r.reason });
      await audit(d.session, 'logoff', r.status, reason);
    } else {
      const text = o.policy.warnMessage.replace(/\{minutes\}/g, String(o.policy.warnMinutes));
      try {
        await sendMessage(o.transport, d.session.id, text, o.list);
        await audit(d.session, 'message', 'done', `warning before logoff: ${d.reason}`);
        warned.push(d);
      } catch (e) {
        steps.push({ ...base, outcome: 'failed', detail: (e as Error).message });
        await audit(d.session, 'message', 'failed', (e as Error).message);
      }
    }
  }
  if (warned.length) {
    await sleep(o.policy.warnMinutes * 60_000);
    for (const d of warned) {
      const base = { host: o.host, session: d.session, action: d.action, reason: d.reason };
      // Still the same user, still active, and still idle beyond the limit (the warning may have woken them).
      const check = await recheck(o.transport, { id: d.session.id, username: d.session.username, state: d.session.state }, o.list);
      const idleNow = check.session?.idleMinutes ?? 0;
      let skip = check.reason;
      if (!skip && check.session && idleNow <= o.policy.idleOverMinutes) skip = `${d.session.username} became active after the warning (idle ${idleNow} min)`;
      if (skip) {
        steps.push({ ...base, outcome: 'skipped', detail: skip });
        await audit(d.session, 'logoff', 'skipped', `${d.reason}; ${skip}`);
        continue;
      }
      const r = await logoffChecked(o.transport, { id: d.session.id, username: d.session.username, state: d.session.state }, o.list);
      steps.push({ ...base, outcome: r.status, detail: r.status === 'done' ? undefined : r.reason });
      await audit(d.session, 'logoff', r.status, r.status === 'done' ? d.reason : `${d.reason}; ${r.reason}`);
    }
  }
  return steps;
}
