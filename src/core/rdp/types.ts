// The session model shared by the parser, the transports, the janitor and the CLI/extension.

export type KnownSessionState = 'active' | 'disconnected' | 'listen' | 'idle' | 'down' | 'connected' | 'connectQuery' | 'shadow' | 'reset' | 'init';
/** 'unknown': the host printed a state word Parc does not know; such a session is listed but never acted upon. */
export type SessionState = KnownSessionState | 'unknown';

export const SESSION_STATES: readonly SessionState[] = ['active', 'disconnected', 'listen', 'idle', 'down', 'connected', 'connectQuery', 'shadow', 'reset', 'init', 'unknown'];

export interface RdpSession {
  /** Empty when the row has none (listener and service sessions of qwinsta). */
  username: string;
  /** Empty for disconnected sessions. */
  sessionName: string;
  id: number;
  state: SessionState;
  /** The state word as the host printed it (e.g. "Déco"). */
  stateText: string;
  /** null when the output has no idle column (qwinsta). "none" and "." count as 0. */
  idleMinutes: number | null;
  /** Local time of the host, `YYYY-MM-DDTHH:MM`; null when absent. */
  logonTime: string | null;
  /** The `>` marker: the session the command ran in. */
  current: boolean;
  /** 1-based line of the output this session was read from (absent for sessions not parsed from text). */
  line?: number;
}

/** Something the parser read but could not fully understand; the listing goes on without it. */
export interface ParseWarning {
  /** 1-based line of the output. */
  line: number;
  message: string;
}

export interface ParsedListing {
  kind: 'quser' | 'qwinsta';
  /** Display language whose words were recognised (en, fr, de, zh-CN, ...); 'unknown' when none were. */
  language: string;
  sessions: RdpSession[];
  warnings: ParseWarning[];
}
