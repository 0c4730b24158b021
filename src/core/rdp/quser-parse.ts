// Parses quser and qwinsta output. Column positions come from the header line (whose words tell
// the display language); fields are then read row by row. Rows that overflow their columns (long
// user names) are read by their anchor, the "ID STATE" pair, which every row has.
import { SessionParseError } from './errors';
import { parseIdle } from './idle-time';
import { LANGUAGES, stateOf, type SessionLanguage } from './languages';
import { decideOrder, formatLogon, scanLogon, type DateOrder, type RawLogon } from './logon-time';
import { cellOffsets, locateTitles, tokens, type Token } from './text-columns';
import type { ParsedListing, RdpSession } from './types';

export interface HeaderMatch {
  kind: 'quser' | 'qwinsta';
  language: SessionLanguage;
  /** [start, end) cells of each located column title. */
  columns: Array<[number, number]>;
}

/** Which command and language a header line belongs to, or undefined. */
export function matchHeader(line: string): HeaderMatch | undefined {
  for (const language of LANGUAGES) {
    const q = locateTitles(line, language.quser);
    if (q) return { kind: 'quser', language, columns: q };
    const w = locateTitles(line, language.qwinsta);
    if (w) return { kind: 'qwinsta', language, columns: w };
  }
  return undefined;
}

const SESSION_NAME = /^(console|services|rdp-tcp(#\d+)?|ica-[\w-]*(#\d+)?|[\w-]+#\d+)$/i;
// Slack for headers printed without their leading blank (some captures trim it).
const SLACK = 2;

interface PendingRow {
  session: Omit<RdpSession, 'logonTime'>;
  logon?: RawLogon;
  lineNo: number;
  line: string;
}

/** Parses decoded text. Throws SessionParseError on anything it does not understand. */
export function parseSessions(text: string, dateOrder?: DateOrder): ParsedListing {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  if (headerAt < 0) return { kind: 'quser', language: 'en', sessions: [] };
  const header = matchHeader(lines[headerAt]);
  if (!header) throw new SessionParseError('not a quser/qwinsta header in a supported language (en fr de es it pt nl pl ru ja)', headerAt + 1, lines[headerAt].trimEnd());
  const rows: PendingRow[] = [];
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    rows.push(parseRow(lines[i], i + 1, header));
  }
  const logons = rows.map((r) => r.logon).filter((l): l is RawLogon => !!l);
  const order = decideOrder(logons, dateOrder);
  if (typeof order !== 'string') throw new SessionParseError(`logon times are inconsistent (${order.conflict})`, 0);
  const seen = new Set<number>();
  const sessions = rows.map((r) => {
    if (seen.has(r.session.id)) throw new SessionParseError(`session ID ${r.session.id} appears twice`, r.lineNo, r.line.trimEnd());
    seen.add(r.session.id);
    let logonTime: string | null = null;
    if (r.logon) {
      const f = formatLogon(r.logon, order);
      if (!f) throw new SessionParseError('logon time is not a calendar date', r.lineNo, r.line.trimEnd());
      logonTime = f;
    }
    return { ...r.session, logonTime };
  });
  return { kind: header.kind, language: header.language.code, sessions };
}

function parseRow(raw: string, lineNo: number, header: HeaderMatch): PendingRow {
  const current = raw.startsWith('>');
  const line = current ? ' ' + raw.slice(1) : raw;
  const offsets = cellOffsets(line);
  const toks = tokens(line, offsets);
  const fail = (why: string): never => {
    throw new SessionParseError(why, lineNo, raw.trimEnd());
  };
  let k = -1;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (/^\d{1,9}$/.test(toks[i].text) && stateOf(toks[i + 1].text, header.language)) {
      k = i;
      break;
    }
  }
  if (k < 0) {
    const unknown = toks.findIndex((t, i) => i + 1 < toks.length && /^\d{1,9}$/.test(t.text));
    fail(unknown >= 0 ? `unknown session state "${toks[unknown + 1].text}"` : 'no session ID and state in this row');
  }
  const id = Number(toks[k].text);
  const stateText = toks[k + 1].text;
  const state = stateOf(stateText, header.language)!;
  const head = toks.slice(0, k);
  const headText = (from: number, to: number) => (from < to ? line.slice(head[from].index, head[to - 1].index + head[to - 1].text.length) : '');
  let username = '';
  let sessionName = '';
  const rest = toks.slice(k + 2);
  let idleMinutes: number | null = null;
  let logon: RawLogon | undefined;
  if (header.kind === 'quser') {
    const sessCell = header.columns[1][0];
    const last = head[head.length - 1];
    // A user name longer than its column pushes the session name right; the name's shape still tells.
    const isSession = !!last && (last.cell >= sessCell - SLACK || (head.length >= 2 && SESSION_NAME.test(last.text)));
    username = headText(0, isSession ? head.length - 1 : head.length);
    sessionName = isSession ? last.text : '';
    if (rest.length) {
      const idle = parseIdle(rest[0].text);
      if (idle === undefined) fail(`unknown idle time "${rest[0].text}"`);
      idleMinutes = idle!;
      const logonText = rest.length > 1 ? line.slice(rest[1].index).trim() : '';
      if (logonText) {
        logon = scanLogon(logonText);
        if (!logon) fail(`unreadable logon time "${logonText}"`);
      }
    }
  } else {
    const userCell = header.columns[1][0];
    const first: Token | undefined = head[0];
    const isSession = first && first.cell < userCell - SLACK;
    sessionName = isSession ? first.text : '';
    username = headText(isSession ? 1 : 0, head.length);
  }
  return { session: { username, sessionName, id, state, stateText, idleMinutes, current }, logon, lineNo, line: raw };
}
