import { quoteCapped } from './display-text';

/** quser/qwinsta output Parc cannot read at all (no session table). Quotes the line, capped and neutralised. */
export class SessionParseError extends Error {
  constructor(
    message: string,
    /** 1-based line of the output, 0 when the problem is not tied to one line. */
    readonly line: number,
    readonly text?: string,
  ) {
    super(line ? `line ${line}: ${message}${text !== undefined ? `: "${quoteCapped(text)}"` : ''}` : message);
    this.name = 'SessionParseError';
  }
}

/** A remote command or session action that failed; message is safe to show (no secrets). */
export class RdpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RdpError';
  }
}
