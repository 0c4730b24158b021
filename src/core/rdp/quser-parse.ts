// Parses quser and qwinsta output structure first. The header is the first line (its titles give column
// positions, counted in console cells: East Asian wide characters take two); every session row has the
// same anchor, a session ID followed by a state word. Known words (languages.ts) only tell the language,
// the state and the command; they are never a condition. What cannot be read is kept raw and reported
// as a warning naming its line; only a text with no session table at all is an error.
import { quoteCapped } from './display-text';
import { SessionParseError } from './errors';
import { parseIdle } from './idle-time';
import { LANGUAGES, multiWordStates, noneLanguages, stateLanguages, stateOf, titleInfo, titleWordLanguages } from './languages';
import { decideOrder, formatLogon, scanLogon, type DateOrder, type RawLogon } from './logon-time';
import { cellOffsets, displayWidth, headerTitles, tokens, type Token } from './text-columns';
import type { KnownSessionState, ParsedListing, ParseWarning, RdpSession, SessionState } from './types';

const SESSION_NAME = /^(console|services|rdp-tcp(#\d+)?|ica-[\w-]*(#\d+)?|[\w-]+#\d+|31c5ce94259d4006a9e4#\d+)$/i;
const ID = /^\d{1,9}$/;
const HAS_LETTER = /\p{L}/u;
// What can follow an ID as its state: a word, never a session name, a path, a date or a time.
const NOT_A_STATE = /[#\\/:@]/;
// Slack for headers printed without their leading blank (some captures trim it).
const SLACK = 2;
const MAX_WARNINGS = 50;

export interface HeaderShape {
  /** From the first title's known words; undefined when they are not known (decided from the rows). */
  kind: 'quser' | 'qwinsta' | undefined;
  /** Cell where the second column starts: session name (quser) or user name (qwinsta); undefined when
   * the titles run together with single blanks (then their cells do not match the columns'). */
  secondCell: number | undefined;
  /** Cell just after the ID title, when it is known. */
  idEnd: number | undefined;
  titles: Token[];
  /** Whether any title word is a known one (a hint used to tell a header from a banner line). */
  known: boolean;
}

// quser/qwinsta headers are under 100 cells; a line far longer is not one (and is not worth splitting).
const MAX_HEADER = 4096;

/** Reads a header line by its shape: at least four titles, none of them a number. */
export function readHeader(line: string): HeaderShape | undefined {
  if (line.length > MAX_HEADER) return undefined;
  const titles = headerTitles(line.replace(/^\uFEFF/, ''));
  if (titles.length < 4 || titles.some((t) => ID.test(t.text))) return undefined;
  const first = titleInfo(titles[0].text.replace(/^>/, ''));
  const kind = first?.roles.has('user') ? 'quser' : first?.roles.has('session') ? 'qwinsta' : undefined;
  const id = titles.find((t) => titleInfo(t.text)?.roles.has('id') || titleInfo(t.text.split(/\s+/)[0])?.roles.has('id'));
  const known = titles.some((t) => titleInfo(t.text) !== undefined || t.text.split(/\s+/).some((w) => titleWordLanguages(w) !== undefined));
  return { kind, secondCell: titles.runTogether ? undefined : titles[1]?.cell, idEnd: id ? id.cell + displayWidth(id.text.split(/\s+/)[0]) : undefined, titles, known };
}

interface Anchored {
  lineNo: number;
  raw: string;
  line: string;
  current: boolean;
  toks: Token[];
  k: number;
  stateWidth: number;
  stateText: string;
  state: KnownSessionState | undefined;
}

/** Finds the "ID state" anchor of a row, or undefined when the line has none. */
function anchor(raw: string, lineNo: number, idEnd: number | undefined): Anchored | undefined {
  // The ">" marker of the current session may stand anywhere before the first word.
  const lead = /^\s*>/.exec(raw);
  const line = lead ? raw.slice(0, lead[0].length - 1) + ' ' + raw.slice(lead[0].length) : raw;
  const toks = tokens(line, cellOffsets(line));
  let best = -1;
  let bestKnown = false;
  let bestDistance = Infinity;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!ID.test(toks[i].text) || !HAS_LETTER.test(toks[i + 1].text) || NOT_A_STATE.test(toks[i + 1].text)) continue;
    const known = stateOf(toks[i + 1].text) !== undefined || multiWordStates(toks[i + 1].text).length > 0;
    const distance = idEnd === undefined ? i : Math.abs(toks[i].end - idEnd);
    if ((known && !bestKnown) || (known === bestKnown && distance < bestDistance)) {
      best = i;
      bestKnown = known;
      bestDistance = distance;
    }
  }
  if (best < 0) return undefined;
  let stateWidth = 1;
  let stateText = toks[best + 1].text;
  let state = stateOf(stateText);
  if (best + 2 < toks.length && multiWordStates(stateText).length) {
    const s2 = stateOf(`${stateText} ${toks[best + 2].text}`);
    if (s2) {
      state = s2;
      stateText = line.slice(toks[best + 1].index, toks[best + 2].index + toks[best + 2].text.length);
      stateWidth = 2;
    }
  }
  return { lineNo, raw, line, current: !!lead, toks, k: best, stateWidth, stateText, state };
}

interface Pending {
  session: Omit<RdpSession, 'logonTime'>;
  logon?: RawLogon;
  logonText?: string;
}

/** Parses decoded text. Throws SessionParseError only when there is no session table at all. */
export function parseSessions(text: string, dateOrder?: DateOrder): ParsedListing {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const warnings: ParseWarning[] = [];
  let dropped = 0;
  const warn = (line: number, message: string) => {
    if (warnings.length < MAX_WARNINGS) warnings.push({ line, message });
    else dropped++;
  };
  const firstAt = lines.findIndex((l) => l.trim() !== '');
  if (firstAt < 0) return { kind: 'quser', language: 'unknown', sessions: [], warnings };
  // The table starts at the first line shaped like a header and followed by a session row, or at the
  // first session row (a capture without its header). Lines before it (a prompt, a banner) are ignored.
  // First look for a header with known words or followed by a row whose state is known (a banner line
  // can be shaped like a header), then for any header followed by a row.
  let headerAt = firstAt;
  let header: HeaderShape | undefined;
  let start = -1;
  for (const requireKnown of [true, false]) {
    for (let i = firstAt; i < lines.length && start < 0; i++) {
      if (lines[i].trim() === '') continue;
      const h = readHeader(lines[i]);
      if (h) {
        let next = i + 1;
        while (next < lines.length && lines[next].trim() === '') next++;
        const row = next < lines.length ? anchor(lines[next], next + 1, h.idEnd) : undefined;
        if (next >= lines.length || (row && (!requireKnown || row.state || h.known))) [headerAt, header, start] = [i, h, next];
      } else if (anchor(lines[i], i + 1, undefined)?.state) {
        // Without a header, only a row whose state word is known starts a table.
        [headerAt, start] = [i, i];
      }
    }
    if (start >= 0) break;
  }
  if (start < 0) {
    const h = readHeader(lines[firstAt]);
    if (!h) throw new SessionParseError('not a quser/qwinsta session table: the first line is neither a header (four or more column titles) nor a session row', firstAt + 1, lines[firstAt].trimEnd());
    const after = lines.findIndex((l, i) => i > firstAt && l.trim() !== '');
    throw new SessionParseError('no session table: no line after the header has a session ID followed by a state', after + 1, lines[after].trimEnd());
  }
  for (let i = firstAt; i < headerAt; i++) if (lines[i].trim() !== '') warn(i + 1, `before the session table, ignored: "${quoteCapped(lines[i].trim())}"`);

  const rows: Anchored[] = [];
  for (let i = start; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const a = anchor(lines[i], i + 1, header?.idEnd);
    if (a) rows.push(a);
    else warn(i + 1, `not a session row (no session ID followed by a state), ignored: "${quoteCapped(lines[i].trim())}"`);
  }

  const kind = header?.kind ?? guessKind(rows);
  // Where the second column starts: where session-name-shaped values start (quser) or the user names
  // of two-name rows (qwinsta), else the header's second title.
  const secondCell = modeCell(rows, kind) ?? header?.secondCell;
  const pending = rows.map((r) => readRow(r, kind, secondCell, warn));

  const logons = pending.filter((p) => p.logon).map((p) => p.logon!);
  const decided = decideOrder(logons, dateOrder);
  let order: DateOrder | undefined = typeof decided === 'string' ? decided : undefined;
  if (typeof decided !== 'string') {
    const first = pending.find((p) => p.logon && !p.logon.ordered);
    warn(first?.session.line ?? 0, `logon times are inconsistent (${decided.conflict}); day-first or month-first dates left unread`);
    order = undefined;
  }
  const ids = new Map<number, number>();
  for (const p of pending) ids.set(p.session.id, (ids.get(p.session.id) ?? 0) + 1);
  const sessions: RdpSession[] = pending.map((p) => {
    let logonTime: string | null = null;
    if (p.logon && (p.logon.ordered || order)) {
      const f = formatLogon(p.logon, order ?? 'dmy');
      if (f) logonTime = f;
      else warn(p.session.line!, `logon time "${quoteCapped(p.logonText ?? '')}" is not a calendar date; left unread`);
    }
    const s: RdpSession = { ...p.session, logonTime };
    if ((ids.get(s.id) ?? 0) > 1) {
      warn(s.line!, `session ID ${s.id} appears more than once; listed as unknown, never acted upon`);
      s.state = 'unknown';
    }
    return s;
  });
  if (dropped) warnings.push({ line: 0, message: `${dropped} more warnings not shown` });
  return { kind, language: languageOf(header, rows, pending), sessions, warnings };
}

function guessKind(rows: Anchored[]): 'quser' | 'qwinsta' {
  // quser rows carry an idle cell and a logon time after the state; qwinsta rows a type and a device.
  let quser = 0;
  let qwinsta = 0;
  for (const r of rows) {
    const rest = r.toks.slice(r.k + 1 + r.stateWidth);
    if (rest.length >= 2 && scanLogon(r.line.slice(rest[1].index).trim())) quser++;
    else if (rest.length === 0 && r.k === 0) qwinsta++;
    else if (r.k > 0 && SESSION_NAME.test(r.toks[0].text)) qwinsta++;
  }
  return qwinsta > quser ? 'qwinsta' : 'quser';
}

function modeCell(rows: Anchored[], kind: 'quser' | 'qwinsta'): number | undefined {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const head = r.toks.slice(0, r.k);
    const t = kind === 'quser' ? head[head.length - 1] : head[1];
    if (t && head.length >= 2 && (kind === 'qwinsta' || SESSION_NAME.test(t.text))) counts.set(t.cell, (counts.get(t.cell) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [cell, n] of counts) if (best === undefined || n > counts.get(best)!) best = cell;
  return best;
}

function readRow(r: Anchored, kind: 'quser' | 'qwinsta', secondCell: number | undefined, warn: (line: number, m: string) => void): Pending {
  const { toks, k, line } = r;
  const head = toks.slice(0, k);
  const headText = (from: number, to: number) => (from < to ? line.slice(head[from].index, head[to - 1].index + head[to - 1].text.length) : '');
  const id = Number(toks[k].text);
  const state: SessionState = r.state ?? 'unknown';
  if (!r.state) warn(r.lineNo, `unknown session state "${quoteCapped(r.stateText)}"; listed as unknown, never acted upon`);
  const rest = toks.slice(k + 1 + r.stateWidth);
  let username = '';
  let sessionName = '';
  let idleMinutes: number | null = null;
  let logon: RawLogon | undefined;
  let logonText: string | undefined;
  if (kind === 'quser') {
    const last = head[head.length - 1];
    // A user name longer than its column pushes the session name right; the name's shape still tells.
    const isSession = head.length >= 2 && (SESSION_NAME.test(last.text.replace(/^>/, '')) || (secondCell !== undefined && last.cell >= secondCell - SLACK));
    username = headText(0, isSession ? head.length - 1 : head.length);
    sessionName = isSession ? last.text : '';
    if (rest.length) {
      const idle = parseIdle(rest[0].text);
      // A row without its idle cell: what follows the state is already the logon time.
      const whole = idle === undefined && rest[0].text.length <= 80 ? line.slice(rest[0].index).trim() : '';
      const shifted = whole.length <= 80 && whole ? scanLogon(whole) : undefined;
      if (idle === undefined) warn(r.lineNo, shifted ? 'no idle time in this row; left unread' : `unreadable idle time "${quoteCapped(rest[0].text)}"; left unread`);
      else idleMinutes = idle;
      logonText = shifted ? whole : rest.length > 1 ? line.slice(rest[1].index).trim() : '';
      if (logonText) {
        logon = scanLogon(logonText);
        if (!logon) warn(r.lineNo, `unreadable logon time "${quoteCapped(logonText)}"; left unread`);
      }
    }
  } else {
    const first: Token | undefined = head[0];
    const isSession = !!first && (head.length >= 2 || secondCell === undefined || first.cell < secondCell - SLACK);
    sessionName = isSession ? first.text : '';
    username = headText(isSession ? 1 : 0, head.length);
  }
  // Over SSH quser has been seen marking the current session on the session name itself (">services").
  let current = r.current;
  if (sessionName.startsWith('>') && sessionName.length > 1) {
    sessionName = sessionName.slice(1);
    current = true;
  }
  return { session: { username, sessionName, id, state, stateText: r.stateText, idleMinutes, current, line: r.lineNo }, logon, logonText };
}

/** The display language the words tell: localized words win over English ones (headers are often English). */
function languageOf(header: HeaderShape | undefined, rows: Anchored[], pending: Pending[]): string {
  const votes = new Map<string, number>();
  // A word English shares with another language ("TYPE", "LOGON") tells nothing beyond English.
  const vote = (langs: ReadonlySet<string> | undefined) => {
    for (const l of langs?.has('en') ? ['en'] : (langs ?? [])) votes.set(l, (votes.get(l) ?? 0) + 1);
  };
  for (const t of header?.titles ?? []) for (const w of t.text.split(/\s+/)) if (w.toUpperCase() !== 'ID') vote(titleWordLanguages(w));
  rows.forEach((r, i) => {
    vote(stateLanguages(r.stateText));
    const idle = pending[i] && r.toks[r.k + 1 + r.stateWidth];
    if (idle) vote(noneLanguages(idle.text));
  });
  let best = 'unknown';
  let bestVotes = 0;
  for (const l of LANGUAGES) {
    const n = votes.get(l.code) ?? 0;
    if (l.code !== 'en' && n > bestVotes) {
      best = l.code;
      bestVotes = n;
    }
  }
  return best !== 'unknown' ? best : votes.get('en') ? 'en' : 'unknown';
}
