// Raw bytes of quser/qwinsta output → sessions, with the code page given or found from the header.
import { decodeOem, isValidUtf8 } from './codepage';
import { SessionParseError } from './errors';
import type { DateOrder } from './logon-time';
import { matchHeader, parseSessions } from './quser-parse';
import type { ParsedListing } from './types';

/** Tried in this order when the code page is unknown; the first whose header reads as a known language wins. */
export const CANDIDATE_CODEPAGES = [65001, 850, 437, 852, 866, 932];

export interface DecodedListing extends ParsedListing {
  codepage: number;
}

export function parseSessionBytes(bytes: Uint8Array, codepage?: number, dateOrder?: DateOrder): DecodedListing {
  if (codepage !== undefined) return { ...parseSessions(decodeOem(bytes, codepage), dateOrder), codepage };
  for (const cp of CANDIDATE_CODEPAGES) {
    if (cp === 65001 && !isValidUtf8(bytes)) continue;
    const text = decodeOem(bytes, cp);
    const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
    if (first === undefined) return { kind: 'quser', language: 'en', sessions: [], codepage: cp };
    if (matchHeader(first)) return { ...parseSessions(text, dateOrder), codepage: cp };
  }
  const shown = decodeOem(bytes, isValidUtf8(bytes) ? 65001 : 437).split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  throw new SessionParseError(`not a quser/qwinsta header in a supported language and code page (tried ${CANDIDATE_CODEPAGES.join(', ')}; pass --codepage N)`, 1, shown.trimEnd());
}
