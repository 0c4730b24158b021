// Display-language tables for quser/qwinsta: header titles, state words and the "no idle time" word.
// Windows abbreviates state words (Disc, Déco, Getr.); the long forms are accepted too because some
// builds print them. Header titles list alternatives seen across Windows versions.
import type { SessionState } from './types';

export interface SessionLanguage {
  code: string;
  /** quser columns, in order: user name, session name, id, state, idle time, logon time. */
  quser: [string[], string[], string[], string[], string[], string[]];
  /** qwinsta columns, in order: session name, user name, id, state (type and device follow, unused). */
  qwinsta: [string[], string[], string[], string[]];
  states: Record<string, SessionState>;
  none: string[];
}

const EN_STATES: Record<string, SessionState> = {
  active: 'active', disc: 'disconnected', disconnected: 'disconnected', conn: 'connected', connected: 'connected',
  connq: 'connectQuery', shadow: 'shadow', listen: 'listen', down: 'down', idle: 'idle', reset: 'reset', init: 'init',
};

export const LANGUAGES: SessionLanguage[] = [
  {
    code: 'en',
    quser: [['USERNAME'], ['SESSIONNAME'], ['ID'], ['STATE'], ['IDLE TIME'], ['LOGON TIME']],
    qwinsta: [['SESSIONNAME'], ['USERNAME'], ['ID'], ['STATE']],
    states: EN_STATES, none: ['none'],
  },
  {
    code: 'fr',
    quser: [["NOM D'UTILISATEUR", 'UTILISATEUR'], ['NOM DE SESSION', 'SESSION'], ['ID'], ['ÉTAT', 'ETAT'], ['TEMPS INACT', 'TEMPS INACT.'], ['TEMPS SESSION', 'HEURE SESSION']],
    qwinsta: [['NOM DE SESSION', 'SESSION'], ["NOM D'UTILISATEUR", 'UTILISATEUR'], ['ID'], ['ÉTAT', 'ETAT']],
    states: { actif: 'active', 'déco': 'disconnected', 'déconnecté': 'disconnected', conn: 'connected', 'connecté': 'connected', connq: 'connectQuery', ombre: 'shadow', 'écouter': 'listen', 'écoute': 'listen', 'arrêt': 'down', inactif: 'idle', 'réinit': 'reset', init: 'init' },
    none: ['aucun', 'aucune'],
  },
  {
    code: 'de',
    quser: [['BENUTZERNAME'], ['SITZUNGSNAME'], ['ID'], ['STATUS'], ['LEERLAUF'], ['ANMELDEZEIT']],
    qwinsta: [['SITZUNGSNAME'], ['BENUTZERNAME'], ['ID'], ['STATUS']],
    states: { aktiv: 'active', 'getr.': 'disconnected', getrennt: 'disconnected', 'verb.': 'connected', verbunden: 'connected', verba: 'connectQuery', spiegeln: 'shadow', 'abhören': 'listen', abh: 'listen', 'abh.': 'listen', inaktiv: 'down', leerlauf: 'idle', 'zurücks.': 'reset', init: 'init' },
    none: ['kein', 'keine'],
  },
  {
    code: 'es',
    quser: [['NOMBRE USUARIO', 'NOMBRE DE USUARIO'], ['NOMBRE SESIÓN', 'NOMBRE DE SESIÓN'], ['ID.', 'ID'], ['ESTADO'], ['TIEMPO IN.', 'TIEMPO INACT.'], ['TIEMPO SESIÓN', 'TIEMPO DE SESIÓN']],
    qwinsta: [['NOMBRE SESIÓN', 'NOMBRE DE SESIÓN'], ['NOMBRE USUARIO', 'NOMBRE DE USUARIO'], ['ID.', 'ID'], ['ESTADO']],
    states: { activo: 'active', desc: 'disconnected', desconectado: 'disconnected', conn: 'connected', conectado: 'connected', connq: 'connectQuery', sombra: 'shadow', escuchar: 'listen', 'escucha': 'listen', inactivo: 'down', 'en espera': 'idle', reset: 'reset', init: 'init' },
    none: ['ninguno', 'ninguna'],
  },
  {
    code: 'it',
    quser: [['NOME UTENTE'], ['NOME SESSIONE'], ['ID'], ['STATO'], ['INATTIVITÀ', 'TEMPO INATTIVITÀ'], ['TEMPO ACCESSO', 'ORA ACCESSO']],
    qwinsta: [['NOME SESSIONE'], ['NOME UTENTE'], ['ID'], ['STATO']],
    states: { attivo: 'active', disc: 'disconnected', disconnesso: 'disconnected', conn: 'connected', connesso: 'connected', connq: 'connectQuery', shadow: 'shadow', ascolto: 'listen', 'in ascolto': 'listen', inattivo: 'down', inatt: 'idle', reset: 'reset', init: 'init' },
    none: ['nessuno', 'nessuna'],
  },
  {
    code: 'pt',
    quser: [['NOME DE USUÁRIO', 'NOME DO UTILIZADOR', 'USUÁRIO'], ['NOME DA SESSÃO'], ['ID'], ['ESTADO'], ['TEMPO OCIOSO', 'TEMPO INATIVO'], ['TEMPO DE LOGON', 'TEMPO DE INÍCIO DE SESSÃO']],
    qwinsta: [['NOME DA SESSÃO'], ['NOME DE USUÁRIO', 'NOME DO UTILIZADOR', 'USUÁRIO'], ['ID'], ['ESTADO']],
    states: { ativo: 'active', disco: 'disconnected', desc: 'disconnected', desconectado: 'disconnected', conn: 'connected', conectado: 'connected', connq: 'connectQuery', sombra: 'shadow', escutar: 'listen', 'escuta': 'listen', inativo: 'down', ocioso: 'idle', redefinir: 'reset', init: 'init' },
    none: ['nenhum', 'nenhuma'],
  },
  {
    code: 'nl',
    quser: [['GEBRUIKERSNAAM'], ['SESSIENAAM'], ['ID'], ['STATUS'], ['INACTIEF', 'INACTIVITEIT'], ['AANMELDINGSTIJD', 'AANMELDTIJD']],
    qwinsta: [['SESSIENAAM'], ['GEBRUIKERSNAAM'], ['ID'], ['STATUS']],
    // "Schijf" really is what Dutch Windows prints for Disc (the word was translated as "disk").
    states: { actief: 'active', schijf: 'disconnected', verbroken: 'disconnected', verb: 'connected', verbonden: 'connected', connq: 'connectQuery', schaduw: 'shadow', luisteren: 'listen', omlaag: 'down', inactief: 'idle', opnieuw: 'reset', init: 'init' },
    none: ['geen'],
  },
  {
    code: 'pl',
    quser: [['NAZWA UŻYTKOWNIKA'], ['NAZWA SESJI'], ['ID'], ['STAN'], ['CZAS BEZCZ.', 'CZAS BEZCZYNNOŚCI'], ['CZAS LOGOWANIA']],
    qwinsta: [['NAZWA SESJI'], ['NAZWA UŻYTKOWNIKA'], ['ID'], ['STAN']],
    states: { aktywny: 'active', aktywna: 'active', 'rozł.': 'disconnected', 'rozłączony': 'disconnected', 'poł.': 'connected', 'połączony': 'connected', connq: 'connectQuery', cień: 'shadow', nasłuch: 'listen', 'nasłuchiwanie': 'listen', 'wył.': 'down', bezczynny: 'idle', reset: 'reset', init: 'init' },
    none: ['brak'],
  },
  {
    code: 'ru',
    quser: [['ПОЛЬЗОВАТЕЛЬ'], ['СЕАНС'], ['ID'], ['СТАТУС'], ['БЕЗДЕЙСТВ.', 'ВРЕМЯ БЕЗДЕЙСТВ.', 'ВРЕМЯ БЕЗД.'], ['ВРЕМЯ ВХОДА']],
    qwinsta: [['СЕАНС'], ['ПОЛЬЗОВАТЕЛЬ'], ['ID'], ['СТАТУС']],
    states: { 'активно': 'active', 'диск': 'disconnected', 'отключено': 'disconnected', 'подкл.': 'connected', 'подключено': 'connected', connq: 'connectQuery', 'тень': 'shadow', 'прием': 'listen', 'приём': 'listen', 'прослушивание': 'listen', 'выкл.': 'down', 'простой': 'idle', 'сброс': 'reset', 'иниц.': 'init' },
    none: ['нет'],
  },
  {
    code: 'ja',
    quser: [['ユーザー名'], ['セッション名'], ['ID'], ['状態'], ['アイドル時間'], ['ログオン時刻']],
    qwinsta: [['セッション名'], ['ユーザー名'], ['ID'], ['状態']],
    states: { 'アクティブ': 'active', '切断': 'disconnected', '接続': 'connected', connq: 'connectQuery', 'シャドウ': 'shadow', 'リッスン': 'listen', 'ダウン': 'down', 'アイドル': 'idle', 'リセット': 'reset', '初期化': 'init' },
    none: ['なし'],
  },
];

export function languageByCode(code: string): SessionLanguage | undefined {
  return LANGUAGES.find((l) => l.code === code);
}

/** The state a word means in `lang`, falling back to the English words (some localized builds keep them). */
export function stateOf(word: string, lang: SessionLanguage): SessionState | undefined {
  const w = word.toLowerCase();
  return lang.states[w] ?? EN_STATES[w];
}

/** Whether `word` is a "no idle time" word in any language (cheap and unambiguous). */
export function isNoneWord(word: string): boolean {
  const w = word.toLowerCase();
  return LANGUAGES.some((l) => l.none.includes(w));
}
