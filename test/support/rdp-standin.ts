// Stand-ins for Windows' quser/qwinsta/logoff/tsdiscon/msg/chcp: small stateful programs that print
// output laid out like quser's, in a chosen display language and OEM code page. No Windows host runs
// here; tests that use them say so. State lives in a JSON file; each call may apply a scripted change
// (e.g. an ID reused by another user between Parc's listing and its logoff).
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export interface StandinSession {
  user: string;
  session: string;
  id: number;
  state: 'Active' | 'Disc';
  idleMinutes: number;
  logon: string; // already in the host's date format
  /** Printed instead of the language's word for `state` (a word Parc does not know, a hostile one). */
  stateWord?: string;
  /** Memory of the session's processes, for tasklist (default 10000 KB, two processes). */
  memoryKb?: number;
}

export interface StandinState {
  language: StandinLanguage;
  codepage: number;
  sessions: StandinSession[];
  /** Applied right after the Nth quser call (1-based) has printed. */
  changes: Array<{ afterQuser: number; sessions: StandinSession[] }>;
  calls: string[][];
  messages: Array<{ id: number; text: string }>;
  quserCalls: number;
  /** Group members for `net localgroup NAME` (key "local:NAME") and `net group NAME /domain` ("domain:NAME"). */
  groups?: Record<string, string[]>;
}

export type StandinLanguage = keyof typeof WORDS;

// Literal words as the localized Windows builds print them (written independently of Parc's tables).
// it: header words run together and the English "Disc"; pt-BR: English header with Portuguese values
// ("nenhum" is wider than "none"); zh-CN: wide characters (two console cells each), yyyy/M/d dates.
export const WORDS = {
  en: { header: ['USERNAME', 'SESSIONNAME', 'ID', 'STATE', 'IDLE TIME', 'LOGON TIME'], Active: 'Active', Disc: 'Disc', none: 'none', chcp: 'Active code page: ', noUser: 'No User exists for *' },
  fr: { header: ['UTILISATEUR', 'SESSION', 'ID', 'ÉTAT', 'TEMPS INACT', 'TEMPS SESSION'], Active: 'Actif', Disc: 'Déco', none: 'aucun', chcp: 'Page de codes active : ', noUser: "Aucun utilisateur n'existe pour *" },
  de: { header: ['BENUTZERNAME', 'SITZUNGSNAME', 'ID', 'STATUS', 'LEERLAUF', 'ANMELDEZEIT'], Active: 'Aktiv', Disc: 'Getr.', none: 'Kein', chcp: 'Aktive Codepage: ', noUser: 'Kein Benutzer vorhanden für *' },
  ru: { header: ['ПОЛЬЗОВАТЕЛЬ', 'СЕАНС', 'ID', 'СТАТУС', 'БЕЗДЕЙСТВ.', 'ВРЕМЯ ВХОДА'], Active: 'Активно', Disc: 'Диск', none: 'отсутствует', chcp: 'Текущая кодовая страница: ', noUser: 'Пользователь для * не существует' },
  it: { header: ['NOMEUTENTE', 'NOMESESSIONE', 'ID', 'STATO', 'INATTIVITÀ', 'ACCESSO'], Active: 'Attivo', Disc: 'Disc', none: 'nessuno', chcp: 'Tabella codici attiva: ', noUser: 'Nessun utente esistente per *' },
  'pt-BR': { header: ['USERNAME', 'SESSIONNAME', 'ID', 'STATE', 'IDLE TIME', 'LOGON TIME'], Active: 'Ativo', Disc: 'Disco', none: 'nenhum', chcp: 'Página de código ativa: ', noUser: 'Não existe usuário para *' },
  'zh-CN': { header: ['用户名', '会话名', 'ID', '状态', '空闲时间', '登录时间'], Active: '运行中', Disc: '断开', none: '无', chcp: '活动代码页: ', noUser: '没有用户 *' },
  ja: { header: ['ユーザー名', 'セッション名', 'ID', '状態', 'アイドル時間', 'ログオン時刻'], Active: 'アクティブ', Disc: '切断', none: 'なし', chcp: '現在のコード ページ: ', noUser: '* のユーザーは存在しません' },
} as const;

// Console cells: East Asian wide characters take two (written here independently of Parc's own).
const wide = (c: string) => /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c);
const width = (s: string) => [...s].reduce((n, c) => n + (wide(c) ? 2 : 1), 0);

export function idleText(min: number, none: string): string {
  if (min === 0) return none;
  if (min < 60) return String(min);
  const d = Math.floor(min / 1440);
  const hm = `${Math.floor((min % 1440) / 60)}:${String(min % 60).padStart(2, '0')}`;
  return d ? `${d}+${hm.padStart(5, '0')}` : hm;
}

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;

export function quserText(st: StandinState, current?: number): string {
  const w = WORDS[st.language];
  const h = w.header;
  const lines = [' ' + pad(h[0], 22) + pad(h[1], 19) + pad(h[2], 4) + pad(h[3], 8) + pad(h[4], 11) + h[5]];
  for (const s of st.sessions) {
    const head = (s.id === current ? '>' : ' ') + pad(s.user, 22) + pad(s.session, 18);
    lines.push(head + String(s.id).padStart(3) + '  ' + pad(s.stateWord ?? w[s.state], 8) + padStart(idleText(s.idleMinutes, w.none), 8) + '  ' + s.logon);
  }
  return lines.join('\r\n') + '\r\n';
}

export interface Standin {
  dir: string;
  bin: string;
  stateFile: string;
  read(): StandinState;
  write(s: StandinState): void;
}

/** Writes the state file and one wrapper script per program into dir/bin. */
/** Writes a file so that a concurrent reader sees the old or the new content, never a part. */
export function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, text);
  } catch {
    // The stand-in may run as a test user allowed to write the file but not to create one next to it.
    writeFileSync(file, text);
    return;
  }
  renameSync(tmp, file);
}

/**
 * `portable`: the stand-in is bundled into one file inside `dir`, for another user than the test's (sshd's password
 * user): the clone itself may sit under a folder only its owner can read (a 0700 home), node_modules too.
 */
export function createStandin(dir: string, initial: Omit<StandinState, 'calls' | 'messages' | 'quserCalls' | 'changes'> & { changes?: StandinState['changes'] }, o: { portable?: boolean } = {}): Standin {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  const stateFile = path.join(dir, 'standin-state.json');
  let cli = path.join(__dirname, 'rdp-standin-cli.js');
  if (o.portable) {
    const out = path.join(dir, 'standin-cli.js');
    // esbuild is the project's bundler (scripts/build.mjs).
    buildSync({ entryPoints: [cli], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
    chmodSync(out, 0o644);
    cli = out;
  }
  for (const p of ['quser', 'qwinsta', 'logoff', 'tsdiscon', 'msg', 'chcp', 'tasklist', 'net']) {
    const f = path.join(bin, p);
    writeFileSync(f, `#!/bin/sh\nexec '${process.execPath}' '${cli}' '${stateFile}' ${p} "$@"\n`);
    chmodSync(f, 0o755);
  }
  const standin: Standin = {
    dir, bin, stateFile,
    read: () => JSON.parse(readFileSync(stateFile, 'utf8')) as StandinState,
    // Atomic (temp file + rename): the stand-in commands rewrite this file while tests read it, and a reader
    // that caught it truncated saw "Unexpected end of JSON input" (a flaky janitor test, issue 13).
    write: (s) => writeAtomic(stateFile, JSON.stringify(s, null, 2)),
  };
  standin.write({ changes: [], ...initial, calls: [], messages: [], quserCalls: 0 });
  return standin;
}

/** `tasklist /FO CSV /NH` as the language prints memory ("12,345 K", "12 345 Ko", "12.345 K"). */
export function tasklistText(st: StandinState): string {
  const kb = (n: number) => {
    const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, st.language === 'en' ? ',' : st.language === 'de' ? '.' : '\u00a0');
    return `${grouped} ${st.language === 'fr' ? 'Ko' : st.language === 'ru' ? 'КБ' : 'K'}`;
  };
  const rows = ['"System Idle Process","0","Services","0","8 K"', `"svchost.exe","812","Services","0","${kb(20480)}"`];
  let pid = 2000;
  for (const s of st.sessions) {
    const total = s.memoryKb ?? 10000;
    const first = Math.floor(total * 0.75);
    rows.push(`"explorer.exe","${pid++}","${s.session}","${s.id}","${kb(first)}"`, `"WINWORD.EXE","${pid++}","${s.session}","${s.id}","${kb(total - first)}"`);
  }
  return rows.join('\r\n') + '\r\n';
}

const NET_WORDS = {
  en: { alias: 'Alias name', group: 'Group name', comment: 'Comment', members: 'Members', ok: 'The command completed successfully.', dc: 'The request will be processed at a domain controller for domain corp.local.' },
  fr: { alias: "Nom d'alias", group: 'Nom de groupe', comment: 'Commentaire', members: 'Membres', ok: "La commande s'est terminée correctement.", dc: 'La requête sera traitée sur un contrôleur de domaine pour le domaine corp.local.' },
  de: { alias: 'Aliasname', group: 'Gruppenname', comment: 'Beschreibung', members: 'Mitglieder', ok: 'Der Befehl wurde erfolgreich ausgeführt.', dc: 'Die Anforderung wird auf einem Domänencontroller für die Domäne corp.local verarbeitet.' },
  ru: { alias: 'Псевдоним', group: 'Имя группы', comment: 'Описание', members: 'Члены', ok: 'Команда выполнена успешно.', dc: 'Запрос будет обработан контроллером домена для домена corp.local.' },
} as const;

/** `net localgroup NAME` (one member a line) or `net group NAME /domain` (three columns), or undefined if unknown. */
export function netGroupText(st: StandinState, domain: boolean, name: string): string | undefined {
  const members = st.groups?.[`${domain ? 'domain' : 'local'}:${name}`];
  if (!members) return undefined;
  const w = st.language in NET_WORDS ? NET_WORDS[st.language as keyof typeof NET_WORDS] : NET_WORDS.en;
  const rows: string[] = [];
  if (domain) for (let i = 0; i < members.length; i += 3) rows.push(members.slice(i, i + 3).map((m) => m.padEnd(25)).join('').trimEnd());
  else rows.push(...members);
  return [...(domain ? [w.dc, ''] : []), `${(domain ? w.group : w.alias).padEnd(15)}${name}`, `${w.comment.padEnd(15)}Test group`, '', w.members, '', '-'.repeat(79), ...rows, w.ok, ''].join('\r\n');
}
