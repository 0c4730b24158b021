// parc sessions: RDP sessions on Windows hosts (list, log off, janitor) and the offline quser parser.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { stateDirFor } from '../../core/inventory/file';
import { AuditLog, currentActor } from '../../core/rdp/audit';
import { isSupportedCodepage } from '../../core/rdp/codepage';
import { displaySafe } from '../../core/rdp/display-text';
import { parseSessionBytes } from '../../core/rdp/decode-listing';
import { RdpError, SessionParseError } from '../../core/rdp/errors';
import type { WindowsHost, WindowsSection } from '../../core/rdp/hosts';
import { loadWindowsSection } from '../../core/rdp/hosts-read';
import { excludedGroupMembers, planJanitor, runJanitor, type JanitorStep } from '../../core/rdp/janitor';
import { openTransport } from '../../core/rdp/open-transport';
import { listSessionsDetailed, logoffChecked, sessionMemory, type ActionOutcome } from '../../core/rdp/session-service';
import type { HostKeyPrompt } from '../../core/rdp/transports/known-hosts';
import type { WindowsTransport } from '../../core/rdp/transport';
import type { ParseWarning, RdpSession } from '../../core/rdp/types';
import { systemClock } from '../../core/host';
import { bool, parseArgs, str, UsageError } from '../args';
import { cliSecrets, openInventory, type CliIO } from '../context';
import { parseDuration } from '../duration';
import { table } from '../format';
import type { Command } from './types';

const USAGE = `parc sessions <list|logoff|janitor|parse> [options]
  parc sessions list --host NAME [--memory] [--json]
  parc sessions logoff --host NAME (--id N | --disconnected [--idle-over 60m]) [--dry-run] [--json]
  parc sessions janitor [--host NAME] [--dry-run] [--json]
  parc sessions parse [--codepage N] [--date-order dmy|mdy] [--json] [FILE] < FILE
    --inventory FILE         parc.yaml to use (default: ./parc.yaml or the nearest one above)
    --host NAME              a windows: entry of parc.yaml (its name, or its host)
    --id N                   one session; --disconnected: every disconnected session (never the console,
                             never users excluded by the janitor policy), optionally only those idle over a duration
    --dry-run                show exactly what would be done; change nothing (decisions still go to the audit log)
    --memory                 also show each session's processes and memory (tasklist): what a logoff would free
    --accept-new-host-key    trust an SSH host key seen for the first time (recorded in known_hosts); a changed key is always refused
    --date-order dmy|mdy     how to read logon dates like 04/03/2024 when nothing in the output tells (default: AM/PM → mdy, 24-hour → dmy)
    --codepage N             OEM code page of the bytes (437, 850, 852, 866, 932, 65001...); found from the header when absent
  Logoffs re-list the host first and skip a session whose ID now belongs to another user or state.
  Every action is written to rdp-audit.jsonl in the state directory.
  Exit codes: 0 done, 1 bad input or error, 2 a host or an action failed, 3 a session changed and was skipped.`;

/** The JSON contract of `parc sessions parse` and `list`: fixed key order. */
export function sessionJson(s: RdpSession) {
  return { username: s.username, sessionName: s.sessionName, id: s.id, state: s.state, stateText: s.stateText, idleMinutes: s.idleMinutes, logonTime: s.logonTime, current: s.current };
}

export function formatIdle(min: number | null): string {
  if (min === null) return '';
  if (min < 60) return `${min}m`;
  if (min < 1440) return `${Math.floor(min / 60)}h${String(min % 60).padStart(2, '0')}`;
  return `${Math.floor(min / 1440)}d${Math.floor((min % 1440) / 60)}h`;
}

/** The state as shown to a human: an unknown one with the word the host printed (neutralised). */
export function stateLabel(s: RdpSession): string {
  return s.state === 'unknown' ? `unknown (${displaySafe(s.stateText)})` : s.state;
}

// Host-supplied text is neutralised before it reaches a terminal (see display-text.ts).
export function sessionsTable(list: RdpSession[]): string {
  return table([['ID', 'USER', 'SESSION', 'STATE', 'IDLE', 'LOGON'], ...list.map((s) => [`${s.current ? '>' : ''}${s.id}`, displaySafe(s.username), displaySafe(s.sessionName), stateLabel(s), formatIdle(s.idleMinutes), s.logonTime ?? ''])]);
}

function printWarnings(io: CliIO, where: string, warnings: ParseWarning[]): void {
  for (const w of warnings) io.err(`warning: ${where}${w.line ? `:${w.line}` : ''}: ${displaySafe(w.message)}`);
}

async function readStdin(io: CliIO): Promise<Buffer> {
  const injected = (io as CliIO & { stdin?: () => Promise<Buffer> }).stdin;
  if (injected) return injected();
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function parseCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { codepage: 'string', json: 'boolean', 'date-order': 'string' });
  const order = str(p, 'date-order');
  if (order !== undefined && order !== 'dmy' && order !== 'mdy') throw new UsageError('--date-order is dmy or mdy');
  const cpText = str(p, 'codepage');
  const codepage = cpText === undefined ? undefined : Number(cpText);
  if (codepage !== undefined && !(Number.isInteger(codepage) && isSupportedCodepage(codepage))) throw new UsageError(`--codepage ${cpText} is not a code page Parc can decode`);
  if (p.positionals.length > 1) throw new UsageError('give at most one FILE');
  const bytes = p.positionals[0] ? await fs.readFile(path.resolve(io.cwd, p.positionals[0])) : await readStdin(io);
  try {
    const r = parseSessionBytes(bytes, codepage, order as 'dmy' | 'mdy' | undefined);
    if (bool(p, 'json')) io.out(JSON.stringify({ kind: r.kind, language: r.language, codepage: r.codepage, codepageSource: r.codepageSource, sessions: r.sessions.map(sessionJson), warnings: r.warnings }, null, 2));
    else {
      printWarnings(io, p.positionals[0] ?? 'stdin', r.warnings);
      io.out(`${sessionsTable(r.sessions)}\n(${r.kind}, language ${r.language}, code page ${r.codepage}${r.codepageSource === 'recovered' ? ` instead of ${codepage}` : ''})`);
    }
    return 0;
  } catch (e) {
    if (e instanceof SessionParseError) {
      io.err(`parc sessions parse: ${p.positionals[0] ?? 'stdin'}: ${displaySafe(e.message)}`);
      return 1;
    }
    throw e;
  }
}

export const sessionsCommand: Command = {
  name: 'sessions',
  summary: 'RDP sessions on Windows hosts: list, log off, janitor; parse quser output',
  usage: USAGE,
  async run(argv, io, signal) {
    const [sub, ...rest] = argv;
    if (sub === 'parse') return parseCmd(rest, io);
    if (sub === 'list' || sub === 'logoff' || sub === 'janitor') return remote(sub, rest, io, signal);
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'give a subcommand: list, logoff, janitor or parse');
  },
};

interface Remote {
  section: WindowsSection;
  audit: AuditLog;
  open(h: WindowsHost): Promise<WindowsTransport>;
}

async function loadRemote(io: CliIO, inventoryFlag: string | undefined, acceptNew: boolean): Promise<Remote> {
  const inv = await openInventory(io, inventoryFlag);
  const text = await fs.readFile(inv.file, 'utf8');
  const { section, warnings } = loadWindowsSection(text, inv.file);
  for (const w of warnings) io.err(`warning: ${w.message}`);
  const secrets = await cliSecrets(io);
  const trust = async (p: HostKeyPrompt) => {
    io.err(`${acceptNew ? 'accepting' : 'unknown'} SSH host key for ${p.host}:${p.port}: ${p.keyType} ${p.fingerprint}${acceptNew ? '' : ' (verify it, then run again with --accept-new-host-key)'}`);
    return acceptNew;
  };
  return {
    section,
    audit: new AuditLog(stateDirFor(inv, io.env.PARC_STATE_DIR ? path.resolve(io.cwd, io.env.PARC_STATE_DIR) : undefined)),
    open: (h) => openTransport(h, { secrets, baseDir: path.dirname(inv.file), agent: io.env.SSH_AUTH_SOCK, trust, home: io.env.HOME }),
  };
}

function findHost(section: WindowsSection, name: string | undefined): WindowsHost {
  if (!name) throw new UsageError('give --host NAME');
  const h = section.hosts.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? section.hosts.find((x) => x.host.toLowerCase() === name.toLowerCase());
  if (!h) throw new UsageError(`no windows: host named "${name}" in parc.yaml${section.hosts.length ? ` (known: ${section.hosts.map((x) => x.name).join(', ')})` : ''}`);
  return h;
}

function stepJson(s: JanitorStep) {
  return { host: s.host, id: s.session.id, username: s.session.username, state: s.session.state, idleMinutes: s.session.idleMinutes, action: s.action, outcome: s.outcome, reason: s.reason, detail: s.detail ?? null };
}

function exitFor(steps: JanitorStep[], hostFailed: boolean): number {
  if (hostFailed || steps.some((s) => s.outcome === 'failed')) return 2;
  if (steps.some((s) => s.outcome === 'skipped')) return 3;
  return 0;
}

function stepsTable(steps: JanitorStep[]): string {
  return table([['HOST', 'ID', 'USER', 'STATE', 'IDLE', 'OUTCOME', 'WHY'], ...steps.map((s) => [s.host, String(s.session.id), displaySafe(s.session.username), stateLabel(s.session), formatIdle(s.session.idleMinutes), s.outcome, displaySafe(s.detail ?? s.reason)])]);
}

async function remote(sub: 'list' | 'logoff' | 'janitor', argv: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const p = parseArgs(argv, { inventory: 'string', host: 'string', json: 'boolean', id: 'string', disconnected: 'boolean', 'idle-over': 'string', 'dry-run': 'boolean', 'accept-new-host-key': 'boolean', memory: 'boolean' });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const json = bool(p, 'json');
  const dryRun = bool(p, 'dry-run');
  if (sub === 'list' && (dryRun || str(p, 'id') || bool(p, 'disconnected'))) throw new UsageError('list takes only --host, --memory and --json');
  if (sub !== 'list' && bool(p, 'memory')) throw new UsageError('--memory goes with list');
  let id: number | undefined;
  let idleOver: number | undefined;
  if (sub === 'logoff') {
    const idText = str(p, 'id');
    if (!idText === !bool(p, 'disconnected')) throw new UsageError('give either --id N or --disconnected');
    if (idText !== undefined) {
      id = Number(idText);
      if (!/^\d+$/.test(idText)) throw new UsageError(`--id ${idText} is not a session ID`);
      if (str(p, 'idle-over')) throw new UsageError('--idle-over goes with --disconnected');
    }
    if (str(p, 'idle-over')) idleOver = Math.floor(parseDuration(str(p, 'idle-over')!) / 60000);
  }
  const r = await loadRemote(io, str(p, 'inventory'), bool(p, 'accept-new-host-key'));
  const actor = currentActor();
  const hosts = sub === 'janitor' && !str(p, 'host') ? r.section.hosts : [findHost(r.section, str(p, 'host'))];
  if (!hosts.length) throw new UsageError('parc.yaml has no windows: hosts');

  if (sub === 'list') {
    const h = hosts[0];
    let t: WindowsTransport | undefined;
    try {
      t = await r.open(h);
      const listing = await listSessionsDetailed(t, { codepage: h.codepage, dateOrder: h.dateOrder, signal });
      const list = listing.sessions;
      printWarnings(io, h.name, listing.warnings);
      const mem = bool(p, 'memory') ? await sessionMemory(t, { codepage: h.codepage, dateOrder: h.dateOrder, signal }) : undefined;
      if (json) io.out(JSON.stringify({ host: h.name, sessions: list.map((s) => (mem ? { ...sessionJson(s), processes: mem.get(s.id)?.processes ?? 0, memoryKb: mem.get(s.id)?.memoryKb ?? 0 } : sessionJson(s))) }, null, 2));
      else if (mem) io.out(`${h.name} (${t.description})\n${table([['ID', 'USER', 'SESSION', 'STATE', 'IDLE', 'LOGON', 'PROCS', 'MEMORY'], ...list.map((s) => [`${s.current ? '>' : ''}${s.id}`, displaySafe(s.username), displaySafe(s.sessionName), stateLabel(s), formatIdle(s.idleMinutes), s.logonTime ?? '', String(mem.get(s.id)?.processes ?? 0), `${((mem.get(s.id)?.memoryKb ?? 0) / 1024).toFixed(1)} MiB`])])}`);
      else io.out(`${h.name} (${t.description})\n${sessionsTable(list)}`);
      return 0;
    } catch (e) {
      return hostError(io, h, e);
    } finally {
      await t?.close().catch(() => undefined);
    }
  }

  if (sub === 'logoff') {
    const h = hosts[0];
    let t: WindowsTransport | undefined;
    try {
      t = await r.open(h);
      const transport = t;
      const listing = await listSessionsDetailed(t, { codepage: h.codepage, dateOrder: h.dateOrder, signal });
      const list = listing.sessions;
      printWarnings(io, h.name, listing.warnings);
      let targets: Array<{ session: RdpSession; reason: string }>;
      const leftAlone: Array<{ session: RdpSession; reason: string }> = [];
      if (id !== undefined) {
        const s = list.find((x) => x.id === id);
        if (!s) {
          io.err(`parc sessions logoff: ${h.name} has no session ${id}`);
          return 3;
        }
        targets = [{ session: s, reason: `operator request (${actor})` }];
      } else {
        const policy = { ...h.janitor, disconnectedOverMinutes: idleOver ?? -1, idleOverMinutes: 0 };
        const plan = planJanitor(list, policy, await excludedGroupMembers(transport, policy, { codepage: h.codepage, dateOrder: h.dateOrder, signal }));
        targets = plan.filter((d) => d.action === 'logoff').map((d) => ({ session: d.session, reason: `--disconnected${idleOver !== undefined ? ` --idle-over ${idleOver}m` : ''}: ${d.reason}` }));
        // Sessions Parc could not read are never logged off; say so (output and audit).
        for (const d of plan) if (d.action === 'keep' && d.unreadable) leftAlone.push({ session: d.session, reason: d.reason });
      }
      const steps: JanitorStep[] = [];
      for (const { session, reason } of leftAlone) {
        steps.push({ host: h.name, session, action: 'logoff', reason, outcome: 'kept' });
        await r.audit.append({ at: new Date().toISOString(), actor, host: h.name, user: session.username, sessionId: session.id, action: 'logoff', outcome: 'skipped', reason: `${dryRun ? 'dry run: ' : ''}${reason}` });
      }
      for (const { session, reason } of targets) {
        let outcome: ActionOutcome | undefined;
        if (!dryRun) outcome = await logoffChecked(transport, { id: session.id, username: session.username, state: session.state }, { codepage: h.codepage, dateOrder: h.dateOrder, signal });
        const step: JanitorStep = { host: h.name, session, action: 'logoff', reason, outcome: outcome?.status ?? 'dry-run', detail: outcome && outcome.status !== 'done' ? outcome.reason : dryRun ? `would log off session ${session.id} of ${session.username}` : undefined };
        steps.push(step);
        await r.audit.append({ at: new Date().toISOString(), actor, host: h.name, user: session.username, sessionId: session.id, action: 'logoff', outcome: step.outcome as 'done' | 'skipped' | 'failed' | 'dry-run', reason: step.detail && step.outcome !== 'dry-run' ? `${reason}; ${step.detail}` : reason });
      }
      if (json) io.out(JSON.stringify({ host: h.name, dryRun, actions: steps.map(stepJson) }, null, 2));
      else io.out(steps.length ? stepsTable(steps) : `${h.name}: nothing to log off`);
      return exitFor(steps, false);
    } catch (e) {
      return hostError(io, h, e);
    } finally {
      await t?.close().catch(() => undefined);
    }
  }

  // janitor
  const all: JanitorStep[] = [];
  const failedHosts: Array<{ host: string; error: string }> = [];
  for (const h of hosts) {
    let t: WindowsTransport | undefined;
    try {
      t = await r.open(h);
      all.push(...(await runJanitor({ host: h.name, transport: t, policy: h.janitor, dryRun, audit: r.audit, actor, clock: systemClock, list: { codepage: h.codepage, dateOrder: h.dateOrder, signal } })));
    } catch (e) {
      if (!(e instanceof RdpError || e instanceof SessionParseError)) throw e;
      failedHosts.push({ host: h.name, error: e.message });
      if (!json) io.err(`parc sessions janitor: ${h.name}: ${displaySafe(e.message)}`);
    } finally {
      await t?.close().catch(() => undefined);
    }
  }
  if (json) io.out(JSON.stringify({ dryRun, actions: all.map(stepJson), failedHosts }, null, 2));
  else io.out(all.length ? stepsTable(all) : 'no sessions');
  return exitFor(all, failedHosts.length > 0);
}

function hostError(io: CliIO, h: WindowsHost, e: unknown): number {
  if (e instanceof RdpError || e instanceof SessionParseError) {
    io.err(`parc sessions: ${h.name}: ${displaySafe(e.message)}`);
    return 2;
  }
  throw e;
}
