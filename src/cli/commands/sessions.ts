// parc sessions: RDP sessions on Windows hosts (list, log off, janitor) and the offline quser parser.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isSupportedCodepage } from '../../core/rdp/codepage';
import { parseSessionBytes } from '../../core/rdp/decode-listing';
import { SessionParseError } from '../../core/rdp/errors';
import type { RdpSession } from '../../core/rdp/types';
import { bool, parseArgs, str, UsageError } from '../args';
import type { CliIO } from '../context';
import { table } from '../format';
import type { Command } from './types';

const USAGE = `parc sessions <list|logoff|janitor|parse> [options]
  parc sessions list --host NAME [--json]
  parc sessions logoff --host NAME (--id N | --disconnected [--idle-over 60m]) [--dry-run] [--json]
  parc sessions janitor [--host NAME] [--dry-run] [--json]
  parc sessions parse [--codepage N] [--json] [FILE] < FILE
    --inventory FILE   parc.yaml to use (default: ./parc.yaml or the nearest one above)
    --codepage N       OEM code page of the bytes (437, 850, 852, 866, 932, 65001...); found from the header when absent
  Exit codes: 0 done, 1 bad input or error, 2 some host or action failed, 3 a session changed and was skipped.`;

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

export function sessionsTable(list: RdpSession[]): string {
  return table([['ID', 'USER', 'SESSION', 'STATE', 'IDLE', 'LOGON'], ...list.map((s) => [`${s.current ? '>' : ''}${s.id}`, s.username, s.sessionName, s.state, formatIdle(s.idleMinutes), s.logonTime ?? ''])]);
}

async function readStdin(io: CliIO): Promise<Buffer> {
  const injected = (io as CliIO & { stdin?: () => Promise<Buffer> }).stdin;
  if (injected) return injected();
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function parseCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { codepage: 'string', json: 'boolean' });
  const cpText = str(p, 'codepage');
  const codepage = cpText === undefined ? undefined : Number(cpText);
  if (codepage !== undefined && !(Number.isInteger(codepage) && isSupportedCodepage(codepage))) throw new UsageError(`--codepage ${cpText} is not a code page Parc can decode`);
  if (p.positionals.length > 1) throw new UsageError('give at most one FILE');
  const bytes = p.positionals[0] ? await fs.readFile(path.resolve(io.cwd, p.positionals[0])) : await readStdin(io);
  try {
    const r = parseSessionBytes(bytes, codepage);
    if (bool(p, 'json')) io.out(JSON.stringify({ sessions: r.sessions.map(sessionJson) }, null, 2));
    else io.out(`${sessionsTable(r.sessions)}\n(${r.kind}, language ${r.language}, code page ${r.codepage})`);
    return 0;
  } catch (e) {
    if (e instanceof SessionParseError) {
      io.err(`parc sessions parse: ${p.positionals[0] ?? 'stdin'}: ${e.message}`);
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
    void signal;
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'give a subcommand: list, logoff, janitor or parse');
  },
};
