// Display-language vocabulary for quser/qwinsta: column titles, state words (quser and qwinsta print
// them, often abbreviated: Disc, Déco, Getr., Abhör.), the "no idle time" word, month abbreviations and
// AM/PM words. The parser is structural (anchors ID + state, positions by display width); these words
// only tell the language, the state and the code page. Every word records where it comes from (SOURCES).
// Lookups go through Maps keyed by folded words: user-controlled text never indexes a plain object.
import type { KnownSessionState } from './types';

/** Where a word comes from. Real-output sources first; "unverified" words are kept because a wrong or
 * missing one only makes a row degrade to state "unknown" (listed, never acted upon). */
export const SOURCES = {
  issue11: 'Parc issue 11: words quoted from 29 published real quser/qwinsta outputs',
  centreon: 'github.com/centreon/centreon-plugins/pull/4653 (German qwinsta /COUNTER copied from a host)',
  psquser: 'github.com/VertigoRay/PSQuser/issues/3 (Spanish quser copied from hosts)',
  esQwinsta: 'Spanish qwinsta copied from hosts (Desc, Conn, Activo, Escuchar; ../shared/corpus/quser-extra/SOURCES.md, es-qwinsta-*)',
  quserobject: 'github.com/UNT-CAS/QuserObject Examples (MIT; ../shared/corpus/quser)',
  frSamples: 'French quser copied from hosts (test/fixtures/rdp/real/SOURCES.md, fr-*)',
  zhTwBlog: 'shnenglu.com/tuuzed/archive/2013/04/20/43631.html (zh-TW "query user" header quoted)',
  parc01: 'Parc 0.1 tables (origin not recorded; unverified against a published sample)',
  msTerms: 'Microsoft terminology (localized Windows UI/learn.microsoft.com words for the state); unverified in quser output',
  cldr: 'Unicode CLDR abbreviated month names / day periods for the locale',
  koScript: 'a published PowerShell script (GitHub) that renames Korean quser titles: 사용자 이름, 세션 이름, 상태, 유휴 시간, 로그온 시간',
  koNotes: 'Korean notes quoting query user/session from real hosts, reformatted (not kept as samples; test/fixtures/rdp/real/SOURCES.md, "Looked at"): 활성, 디스크, yyyy-MM-dd 오전/오후 h:mm',
  ruSamples: 'Russian quser/qwinsta copied from hosts (../shared/corpus/quser-extra/SOURCES.md, ru-*)',
  ptBrSamples: 'pt-BR quser copied from hosts (English header, Ativo/Disco/nenhum; ../shared/corpus/quser-extra/SOURCES.md, pt-BR-*)',
} as const;
export type Source = keyof typeof SOURCES;

type StateRow = [word: string, state: KnownSessionState, source: Source];

export interface SessionLanguage {
  code: string;
  /** Title phrases per column (any of them); spaces are optional when matching (Italian runs them together). */
  titles: { user: string[]; session: string[]; id: string[]; state: string[]; idle: string[]; logon: string[]; type: string[]; device: string[] };
  titleSource: Source;
  states: StateRow[];
  none: Array<[word: string, source: Source]>;
  /** Abbreviated month names, January first (dd-MMM-yy logon times); CLDR. */
  months?: string[];
}

// English words: every localized build may still print some of them (Italian "Disc", Japanese qwinsta).
const EN_STATES: StateRow[] = [
  ['Active', 'active', 'quserobject'], ['Disc', 'disconnected', 'quserobject'], ['Disconnected', 'disconnected', 'parc01'],
  ['Conn', 'connected', 'issue11'], ['Connected', 'connected', 'parc01'], ['ConnQ', 'connectQuery', 'parc01'], ['Shadow', 'shadow', 'parc01'],
  ['Listen', 'listen', 'parc01'], ['Down', 'down', 'parc01'], ['Idle', 'idle', 'parc01'], ['Reset', 'reset', 'parc01'], ['Init', 'init', 'parc01'],
];

export const LANGUAGES: SessionLanguage[] = [
  {
    code: 'en', titleSource: 'quserobject',
    titles: { user: ['USERNAME'], session: ['SESSIONNAME'], id: ['ID'], state: ['STATE'], idle: ['IDLE TIME'], logon: ['LOGON TIME'], type: ['TYPE'], device: ['DEVICE'] },
    states: EN_STATES, none: [['none', 'quserobject']],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  {
    code: 'fr', titleSource: 'frSamples',
    titles: { user: ['UTILISATEUR', "NOM D'UTILISATEUR"], session: ['SESSION', 'NOM DE SESSION'], id: ['ID'], state: ['ÉTAT', 'ETAT', 'TAT'], idle: ['TEMPS INACT', 'TEMPS INACT.'], logon: ['TEMPS SESSION', 'HEURE SESSION'], type: ['TYPE'], device: ['PÉRIPHÉRIQUE'] },
    states: [
      ['Actif', 'active', 'frSamples'], ['Déco', 'disconnected', 'parc01'], ['Déconnecté', 'disconnected', 'msTerms'], ['Connecté', 'connected', 'msTerms'],
      ['Écouter', 'listen', 'parc01'], ['Écoute', 'listen', 'parc01'], ['Ombre', 'shadow', 'parc01'], ['Arrêt', 'down', 'parc01'], ['Inactif', 'idle', 'parc01'], ['Réinit', 'reset', 'parc01'],
    ],
    none: [['aucun', 'frSamples'], ['aucune', 'parc01']],
    months: ['janv', 'févr', 'mars', 'avr', 'mai', 'juin', 'juil', 'août', 'sept', 'oct', 'nov', 'déc'],
  },
  {
    code: 'de', titleSource: 'centreon',
    titles: { user: ['BENUTZERNAME'], session: ['SITZUNGSNAME'], id: ['ID'], state: ['STATUS'], idle: ['LEERLAUF'], logon: ['ANMELDEZEIT'], type: ['TYP'], device: ['GERÄT'] },
    states: [
      ['Aktiv', 'active', 'centreon'], ['Getr.', 'disconnected', 'centreon'], ['Getrennt', 'disconnected', 'msTerms'], ['Verb.', 'connected', 'centreon'], ['Verbunden', 'connected', 'msTerms'],
      ['Abhör.', 'listen', 'centreon'], ['Abhören', 'listen', 'parc01'], ['Spiegeln', 'shadow', 'parc01'], ['Leerlauf', 'idle', 'parc01'], ['Zurücks.', 'reset', 'parc01'],
    ],
    none: [['Kein', 'parc01'], ['Keine', 'parc01']],
    months: ['Jan', 'Feb', 'Mär', 'Apr', 'Mai', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dez'],
  },
  {
    code: 'es', titleSource: 'psquser',
    titles: { user: ['NOMBRE USUARIO', 'NOMBRE DE USUARIO'], session: ['NOMBRE SESIÓN', 'NOMBRE DE SESIÓN'], id: ['ID.', 'ID'], state: ['ESTADO'], idle: ['TIEMPO IN.', 'TIEMPO INACT.'], logon: ['TIEMPO SESIÓN', 'TIEMPO DE SESIÓN'], type: ['TIPO'], device: ['DISPOSITIVO'] },
    states: [
      ['Activo', 'active', 'psquser'], ['Desc', 'disconnected', 'psquser'], ['Desconectado', 'disconnected', 'msTerms'], ['Conectado', 'connected', 'msTerms'],
      ['Escuchar', 'listen', 'esQwinsta'], ['Escucha', 'listen', 'parc01'], ['Sombra', 'shadow', 'parc01'], ['Inactivo', 'idle', 'parc01'],
    ],
    none: [['ninguno', 'psquser'], ['ninguna', 'parc01']],
    months: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'],
  },
  {
    code: 'it', titleSource: 'issue11',
    titles: { user: ['NOMEUTENTE', 'NOME UTENTE'], session: ['NOMESESSIONE', 'NOME SESSIONE'], id: ['ID'], state: ['STATO'], idle: ['INATTIVITÀ', 'TEMPO INATTIVITÀ'], logon: ['ACCESSO', 'TEMPO ACCESSO', 'ORA ACCESSO'], type: ['TIPO'], device: ['DISPOSITIVO'] },
    states: [
      ['Attivo', 'active', 'issue11'], ['Disconnesso', 'disconnected', 'msTerms'], ['Connesso', 'connected', 'msTerms'], ['In ascolto', 'listen', 'msTerms'], ['Ascolto', 'listen', 'parc01'], ['Inattivo', 'idle', 'parc01'],
    ],
    none: [['nessuno', 'parc01'], ['nessuna', 'parc01']],
    months: ['gen', 'feb', 'mar', 'apr', 'mag', 'giu', 'lug', 'ago', 'set', 'ott', 'nov', 'dic'],
  },
  {
    // Brazilian builds seen printing the English header with these values (issue 11); PT-PT words differ.
    code: 'pt-BR', titleSource: 'parc01',
    titles: { user: ['NOME DE USUÁRIO', 'USUÁRIO'], session: ['NOME DA SESSÃO'], id: ['ID'], state: ['ESTADO'], idle: ['TEMPO OCIOSO'], logon: ['TEMPO DE LOGON'], type: ['TIPO'], device: ['DISPOSITIVO'] },
    states: [['Ativo', 'active', 'ptBrSamples'], ['Disco', 'disconnected', 'ptBrSamples'], ['Desconectado', 'disconnected', 'msTerms'], ['Conectado', 'connected', 'msTerms'], ['Escutar', 'listen', 'parc01'], ['Escuta', 'listen', 'parc01'], ['Ocioso', 'idle', 'parc01']],
    none: [['nenhum', 'ptBrSamples'], ['nenhuma', 'parc01']],
    months: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  },
  {
    code: 'pt-PT', titleSource: 'parc01',
    titles: { user: ['NOME DO UTILIZADOR', 'UTILIZADOR'], session: ['NOME DA SESSÃO'], id: ['ID'], state: ['ESTADO'], idle: ['TEMPO INATIVO'], logon: ['TEMPO DE INÍCIO DE SESSÃO'], type: ['TIPO'], device: ['DISPOSITIVO'] },
    states: [['Ativo', 'active', 'msTerms'], ['Desligado', 'disconnected', 'msTerms'], ['Ligado', 'connected', 'msTerms'], ['Inativo', 'idle', 'msTerms']],
    none: [['nenhum', 'parc01']],
    months: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  },
  {
    code: 'nl', titleSource: 'parc01',
    titles: { user: ['GEBRUIKERSNAAM'], session: ['SESSIENAAM'], id: ['ID'], state: ['STATUS'], idle: ['INACTIEF', 'INACTIVITEIT'], logon: ['AANMELDINGSTIJD', 'AANMELDTIJD'], type: ['TYPE'], device: ['APPARAAT'] },
    // "Schijf" ("disk") is how Dutch Windows translated the abbreviation "Disc".
    states: [['Actief', 'active', 'parc01'], ['Schijf', 'disconnected', 'parc01'], ['Verbroken', 'disconnected', 'msTerms'], ['Verbonden', 'connected', 'msTerms'], ['Luisteren', 'listen', 'parc01']],
    none: [['geen', 'parc01']],
    months: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  {
    code: 'pl', titleSource: 'parc01',
    titles: { user: ['NAZWA UŻYTKOWNIKA'], session: ['NAZWA SESJI'], id: ['ID'], state: ['STAN'], idle: ['CZAS BEZCZ.', 'CZAS BEZCZYNNOŚCI'], logon: ['CZAS LOGOWANIA'], type: ['TYP'], device: ['URZĄDZENIE'] },
    states: [['Aktywny', 'active', 'parc01'], ['Aktywna', 'active', 'parc01'], ['Rozł.', 'disconnected', 'parc01'], ['Rozłączony', 'disconnected', 'msTerms'], ['Poł.', 'connected', 'parc01'], ['Połączony', 'connected', 'msTerms'], ['Nasłuch', 'listen', 'parc01'], ['Nasłuchiwanie', 'listen', 'msTerms']],
    none: [['brak', 'parc01']],
    months: ['sty', 'lut', 'mar', 'kwi', 'maj', 'cze', 'lip', 'sie', 'wrz', 'paź', 'lis', 'gru'],
  },
  {
    code: 'ru', titleSource: 'ruSamples',
    titles: { user: ['ПОЛЬЗОВАТЕЛЬ'], session: ['СЕАНС'], id: ['ID'], state: ['СТАТУС'], idle: ['БЕЗДЕЙСТВ.', 'ВРЕМЯ БЕЗДЕЙСТВ.'], logon: ['ВРЕМЯ ВХОДА'], type: ['ТИП'], device: ['УСТР-ВО', 'УСТРОЙСТВО'] },
    states: [['Активно', 'active', 'ruSamples'], ['Диск', 'disconnected', 'ruSamples'], ['Отключено', 'disconnected', 'msTerms'], ['Подключено', 'connected', 'ruSamples'], ['Подкл.', 'connected', 'parc01'], ['Прием', 'listen', 'ruSamples'], ['Приём', 'listen', 'parc01'], ['Прослушивание', 'listen', 'msTerms']],
    none: [['отсутствует', 'ruSamples'], ['нет', 'parc01']],
    months: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
  },
  {
    code: 'cs', titleSource: 'msTerms',
    titles: { user: ['UŽIVATELSKÉ JMÉNO'], session: ['NÁZEV RELACE'], id: ['ID'], state: ['STAV'], idle: ['DOBA NEČINNOSTI'], logon: ['ČAS PŘIHLÁŠENÍ'], type: ['TYP'], device: ['ZAŘÍZENÍ'] },
    states: [['Aktivní', 'active', 'msTerms'], ['Odpojeno', 'disconnected', 'msTerms'], ['Odp.', 'disconnected', 'msTerms'], ['Připojeno', 'connected', 'msTerms'], ['Naslouchání', 'listen', 'msTerms']],
    none: [['žádný', 'msTerms'], ['žádná', 'msTerms']],
    months: ['led', 'úno', 'bře', 'dub', 'kvě', 'čvn', 'čvc', 'srp', 'zář', 'říj', 'lis', 'pro'],
  },
  {
    code: 'hu', titleSource: 'msTerms',
    titles: { user: ['FELHASZNÁLÓNÉV'], session: ['MUNKAMENET NEVE', 'MUNKAMENETNÉV'], id: ['AZONOSÍTÓ', 'ID'], state: ['ÁLLAPOT'], idle: ['TÉTLENSÉG IDEJE', 'TÉTLEN'], logon: ['BEJELENTKEZÉS IDEJE'], type: ['TÍPUS'], device: ['ESZKÖZ'] },
    states: [['Aktív', 'active', 'msTerms'], ['Leválasztva', 'disconnected', 'msTerms'], ['Lev.', 'disconnected', 'msTerms'], ['Csatlakoztatva', 'connected', 'msTerms'], ['Figyelés', 'listen', 'msTerms']],
    none: [['nincs', 'msTerms']],
    months: ['jan', 'febr', 'márc', 'ápr', 'máj', 'jún', 'júl', 'aug', 'szept', 'okt', 'nov', 'dec'],
  },
  {
    code: 'sv', titleSource: 'msTerms',
    titles: { user: ['ANVÄNDARNAMN'], session: ['SESSIONSNAMN'], id: ['ID'], state: ['STATUS'], idle: ['INAKTIV TID', 'INAKTIV'], logon: ['INLOGGNINGSTID'], type: ['TYP'], device: ['ENHET'] },
    states: [['Aktiv', 'active', 'msTerms'], ['Fr.kopp.', 'disconnected', 'msTerms'], ['Frånkopplad', 'disconnected', 'msTerms'], ['Ansluten', 'connected', 'msTerms'], ['Lyssnar', 'listen', 'msTerms']],
    none: [['ingen', 'msTerms']],
    months: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
  {
    code: 'tr', titleSource: 'msTerms',
    titles: { user: ['KULLANICI ADI'], session: ['OTURUM ADI'], id: ['KİMLİK', 'ID'], state: ['DURUM'], idle: ['BOŞTA KALMA SÜRESİ', 'BOŞTA'], logon: ['OTURUM AÇMA ZAMANI'], type: ['TÜR'], device: ['AYGIT'] },
    states: [['Etkin', 'active', 'msTerms'], ['Bağlantı kesildi', 'disconnected', 'msTerms'], ['Bağl.Kes.', 'disconnected', 'msTerms'], ['Bağlı', 'connected', 'msTerms'], ['Dinliyor', 'listen', 'msTerms']],
    none: [['yok', 'msTerms']],
    months: ['Oca', 'Şub', 'Mar', 'Nis', 'May', 'Haz', 'Tem', 'Ağu', 'Eyl', 'Eki', 'Kas', 'Ara'],
  },
  {
    code: 'ja', titleSource: 'parc01',
    titles: { user: ['ユーザー名'], session: ['セッション名'], id: ['ID'], state: ['状態'], idle: ['アイドル時間'], logon: ['ログオン時刻'], type: ['種類'], device: ['デバイス'] },
    states: [['アクティブ', 'active', 'parc01'], ['切断', 'disconnected', 'parc01'], ['接続', 'connected', 'parc01'], ['リッスン', 'listen', 'parc01'], ['シャドウ', 'shadow', 'parc01']],
    none: [['なし', 'parc01']],
  },
  {
    code: 'ko', titleSource: 'koScript',
    titles: { user: ['사용자 이름', '사용자이름'], session: ['세션 이름', '세션이름'], id: ['ID'], state: ['상태'], idle: ['유휴 시간'], logon: ['로그온 시간'], type: ['유형'], device: ['장치'] },
    states: [['활성', 'active', 'koNotes'], ['디스크', 'disconnected', 'koNotes'], ['연결 끊김', 'disconnected', 'msTerms'], ['연결됨', 'connected', 'msTerms'], ['수신 대기', 'listen', 'msTerms']],
    none: [['없음', 'msTerms']],
  },
  {
    code: 'zh-CN', titleSource: 'issue11',
    titles: { user: ['用户名'], session: ['会话名'], id: ['ID'], state: ['状态'], idle: ['空闲时间'], logon: ['登录时间'], type: ['类型'], device: ['设备'] },
    states: [['运行中', 'active', 'issue11'], ['断开', 'disconnected', 'issue11'], ['已连接', 'connected', 'issue11'], ['侦听', 'listen', 'issue11']],
    none: [['无', 'issue11']],
  },
  {
    code: 'zh-TW', titleSource: 'zhTwBlog',
    titles: { user: ['使用者名稱'], session: ['工作階段名稱'], id: ['識別碼', 'ID'], state: ['狀態'], idle: ['閒置時間', '閑置時間'], logon: ['登入時間'], type: ['類型'], device: ['裝置'] },
    states: [['使用中', 'active', 'msTerms'], ['作用中', 'active', 'msTerms'], ['中斷連線', 'disconnected', 'msTerms'], ['已中斷連線', 'disconnected', 'msTerms'], ['已連線', 'connected', 'msTerms'], ['接聽', 'listen', 'msTerms']],
    none: [['無', 'msTerms']],
  },
];

/** Upper-cases and strips accents one character at a time (indexes stay those of the original). */
export function fold(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) {
    const base = ch.normalize('NFD').charAt(0).toUpperCase();
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

// Words repeat from row to row; a small cache keeps lookups cheap (bounded, cleared when full).
const keyCache = new Map<string, string>();
function key(w: string): string {
  let k = keyCache.get(w);
  if (k === undefined) {
    k = fold(w).replace(/\s+/g, '');
    if (keyCache.size > 4096) keyCache.clear();
    if (w.length <= 64) keyCache.set(w, k);
  }
  return k;
}

export type TitleRole = keyof SessionLanguage['titles'];

interface Index {
  states: Map<string, { state: KnownSessionState; langs: Set<string> }>;
  none: Map<string, Set<string>>;
  /** Folded title phrase (no spaces) → roles and languages. */
  titles: Map<string, { roles: Set<TitleRole>; langs: Set<string> }>;
  /** Folded single title words (for code-page scoring and language hints). */
  titleWords: Map<string, Set<string>>;
  months: Map<string, number>;
  /** State words of two tokens ("In ascolto", "연결 끊김"), by their first token. */
  multiWordStates: Map<string, string[]>;
}

function buildIndex(): Index {
  const ix: Index = { states: new Map(), none: new Map(), titles: new Map(), titleWords: new Map(), months: new Map(), multiWordStates: new Map() };
  const add = <V>(m: Map<string, Set<V>>, k: string, v: V) => {
    const s = m.get(k) ?? new Set<V>();
    s.add(v);
    m.set(k, s);
  };
  for (const l of LANGUAGES) {
    for (const [word, state] of l.states) {
      const k = key(word);
      const e = ix.states.get(k) ?? { state, langs: new Set<string>() };
      e.langs.add(l.code);
      ix.states.set(k, e);
      const parts = word.trim().split(/\s+/);
      if (parts.length === 2) ix.multiWordStates.set(key(parts[0]), [...(ix.multiWordStates.get(key(parts[0])) ?? []), word]);
    }
    for (const [w] of l.none) add(ix.none, key(w), l.code);
    for (const role of Object.keys(l.titles) as TitleRole[]) {
      for (const phrase of l.titles[role]) {
        const e = ix.titles.get(key(phrase)) ?? { roles: new Set<TitleRole>(), langs: new Set<string>() };
        e.roles.add(role);
        e.langs.add(l.code);
        ix.titles.set(key(phrase), e);
        for (const w of phrase.split(/\s+/)) if (w.length > 1 && key(w) !== 'ID') add(ix.titleWords, key(w), l.code);
      }
    }
    l.months?.forEach((m, i) => {
      if (!ix.months.has(key(m))) ix.months.set(key(m), i + 1);
    });
  }
  return ix;
}

const INDEX = buildIndex();

/** The state a word means in any language (quser output mixes English and localized words), or undefined. */
export function stateOf(word: string): KnownSessionState | undefined {
  return INDEX.states.get(key(word))?.state;
}

/** Languages in which `word` is a state word. */
export function stateLanguages(word: string): ReadonlySet<string> | undefined {
  return INDEX.states.get(key(word))?.langs;
}

/** Two-token state words starting with `first` ("In ascolto"). */
export function multiWordStates(first: string): readonly string[] {
  return INDEX.multiWordStates.get(key(first)) ?? [];
}

/** Whether `word` is a "no idle time" word in any language. */
export function isNoneWord(word: string): boolean {
  return INDEX.none.has(key(word));
}

export function noneLanguages(word: string): ReadonlySet<string> | undefined {
  return INDEX.none.get(key(word));
}

/** Roles and languages of a title phrase (spaces ignored), or undefined. */
export function titleInfo(phrase: string): { roles: ReadonlySet<TitleRole>; langs: ReadonlySet<string> } | undefined {
  return INDEX.titles.get(key(phrase));
}

/** Languages in which a single header word appears in a title. */
export function titleWordLanguages(word: string): ReadonlySet<string> | undefined {
  return INDEX.titleWords.get(key(word));
}

/** 1..12 for a localized month abbreviation ("Nov", "févr.", "мар"), else undefined. */
export function monthNumber(word: string): number | undefined {
  const k = key(word).replace(/\.$/, '');
  return INDEX.months.get(k) ?? INDEX.months.get(k.slice(0, 3)) ?? undefined;
}

export function languageByCode(code: string): SessionLanguage | undefined {
  return LANGUAGES.find((l) => l.code === code);
}
