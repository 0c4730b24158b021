// The session model shared by the parser, the transports, the janitor and the CLI/extension.

export type SessionState = 'active' | 'disconnected' | 'listen' | 'idle' | 'down' | 'connected' | 'connectQuery' | 'shadow' | 'reset' | 'init';

export const SESSION_STATES: readonly SessionState[] = ['active', 'disconnected', 'listen', 'idle', 'down', 'connected', 'connectQuery', 'shadow', 'reset', 'init'];

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
}

export interface ParsedListing {
  kind: 'quser' | 'qwinsta';
  /** Language whose header words matched (en, fr, de, ...). */
  language: string;
  sessions: RdpSession[];
}
