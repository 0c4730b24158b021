// Listing and acting on sessions over any transport. Every destructive action lists again first and
// checks the session ID still belongs to the same user in the same state (IDs are reused by Windows).
import { decodeOem, parseChcp } from './codepage';
import { parseSessionBytes } from './decode-listing';
import { RdpError } from './errors';
import { netGroupCommand, parseNetGroupMembers } from './net-group';
import { parseTasklist, type SessionMemory } from './tasklist';
import type { WindowsTransport } from './transport';
import type { DateOrder } from './logon-time';
import type { ParseWarning, RdpSession } from './types';

export interface ListOptions {
  /** From the inventory; otherwise the transport's, else asked with chcp, else found from the header. */
  codepage?: number;
  /** The host's short date order when its logon times are ambiguous (inventory dateOrder). */
  dateOrder?: DateOrder;
  signal?: AbortSignal;
}

const codepageCache = new WeakMap<WindowsTransport, number | null>();

async function hostCodepage(t: WindowsTransport, o: ListOptions): Promise<number | undefined> {
  if (o.codepage) return o.codepage;
  const known = t.knownCodepage?.();
  if (known) return known;
  if (codepageCache.has(t)) return codepageCache.get(t) ?? undefined;
  const r = await t.run(['chcp'], o.signal);
  const cp = r.exitCode === 0 ? parseChcp(r.stdout.toString('latin1')) : undefined;
  codepageCache.set(t, cp ?? null);
  return cp;
}

export async function listSessions(t: WindowsTransport, o: ListOptions = {}): Promise<RdpSession[]> {
  return (await listSessionsDetailed(t, o)).sessions;
}

/** The listing with what the parser could not read (warnings naming output lines) and the code page used. */
export async function listSessionsDetailed(t: WindowsTransport, o: ListOptions = {}): Promise<{ sessions: RdpSession[]; warnings: ParseWarning[]; codepage?: number }> {
  const codepage = await hostCodepage(t, o);
  const r = await t.run(['quser'], o.signal);
  if (r.exitCode !== 0) {
    // quser exits 1 with "No User exists for *" (translated) on stderr when nobody is logged on.
    if (r.stdout.toString().trim() === '' && /\*\s*\.?\s*$/.test(r.stderr.toString('latin1').trim())) return { sessions: [], warnings: [] };
    const msg = decodeOem(r.stderr.length ? r.stderr : r.stdout, codepage ?? 437).trim().split(/\r?\n/)[0] ?? '';
    throw new RdpError(`quser on ${t.description} failed (exit ${r.exitCode})${msg ? `: ${msg}` : ''}`);
  }
  const listing = parseSessionBytes(r.stdout, codepage, o.dateOrder);
  return { sessions: listing.sessions, warnings: listing.warnings, codepage: listing.codepage };
}

export interface Expected {
  id: number;
  username: string;
  state: RdpSession['state'];
}

export type ActionOutcome =
  | { status: 'done'; session: RdpSession }
  | { status: 'skipped'; reason: string; session?: RdpSession }
  | { status: 'failed'; reason: string; session?: RdpSession };

/** Lists again and returns the session if it is still the one expected, else why not. */
export async function recheck(t: WindowsTransport, expected: Expected, o: ListOptions = {}): Promise<{ session?: RdpSession; reason?: string }> {
  const now = await listSessions(t, o);
  const s = now.find((x) => x.id === expected.id);
  if (!s) return { reason: `session ${expected.id} no longer exists` };
  if (s.username.toLowerCase() !== expected.username.toLowerCase()) return { session: s, reason: `session ${expected.id} now belongs to "${s.username}", not "${expected.username}" (ID reused)` };
  if (s.state !== expected.state) return { session: s, reason: `session ${expected.id} of ${s.username} is now ${s.state}, not ${expected.state}` };
  return { session: s };
}

async function checkedAction(t: WindowsTransport, program: 'logoff' | 'tsdiscon', expected: Expected, o: ListOptions): Promise<ActionOutcome> {
  const check = await recheck(t, expected, o);
  if (!check.session || check.reason) return { status: 'skipped', reason: check.reason!, session: check.session };
  const r = await t.run([program, String(expected.id)], o.signal);
  if (r.exitCode !== 0) {
    const msg = decodeOem(r.stderr.length ? r.stderr : r.stdout, o.codepage ?? 437).trim().split(/\r?\n/)[0] ?? '';
    return { status: 'failed', reason: `${program} ${expected.id} exited ${r.exitCode}${msg ? `: ${msg}` : ''}`, session: check.session };
  }
  return { status: 'done', session: check.session };
}

/** Logs off a session after checking it is still the expected user in the expected state. */
export function logoffChecked(t: WindowsTransport, expected: Expected, o: ListOptions = {}): Promise<ActionOutcome> {
  return checkedAction(t, 'logoff', expected, o);
}

/** Disconnects (tsdiscon) a session after the same check. */
export function disconnectChecked(t: WindowsTransport, expected: Expected, o: ListOptions = {}): Promise<ActionOutcome> {
  return checkedAction(t, 'tsdiscon', expected, o);
}

export async function sendMessage(t: WindowsTransport, id: number, text: string, o: ListOptions = {}): Promise<void> {
  const r = await t.run(['msg', String(id), text], o.signal);
  if (r.exitCode !== 0) throw new RdpError(`msg to session ${id} on ${t.description} failed (exit ${r.exitCode})`);
}

/** Processes and memory (KB) per session ID, from tasklist over the same transport. */
export async function sessionMemory(t: WindowsTransport, o: ListOptions = {}): Promise<Map<number, SessionMemory>> {
  const codepage = await hostCodepage(t, o);
  const r = await t.run(['tasklist', '/FO', 'CSV', '/NH'], o.signal);
  if (r.exitCode !== 0) throw new RdpError(`tasklist on ${t.description} failed (exit ${r.exitCode})`);
  return parseTasklist(decodeOem(r.stdout, codepage ?? 65001));
}

/** Members of a local or domain group, asked on the host itself; failure is an error (never "no members"). */
export async function groupMembers(t: WindowsTransport, group: string, o: ListOptions = {}): Promise<string[]> {
  const codepage = await hostCodepage(t, o);
  const r = await t.run(netGroupCommand(group), o.signal);
  const text = decodeOem(r.stdout, codepage ?? 65001);
  if (r.exitCode !== 0) {
    const msg = decodeOem(r.stderr.length ? r.stderr : r.stdout, codepage ?? 65001).trim().split(/\r?\n/)[0] ?? '';
    throw new RdpError(`cannot read the members of group "${group}" on ${t.description} (exit ${r.exitCode})${msg ? `: ${msg}` : ''}`);
  }
  return parseNetGroupMembers(text);
}
