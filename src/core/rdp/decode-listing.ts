// Raw bytes of quser/qwinsta output → sessions. The code page is the one given (inventory, transport,
// chcp) unless the header does not read in it: then the other OEM pages are tried and the one whose text
// yields the most known words is kept, and the result says so. Detection looks at a bounded prefix, so
// its cost does not grow with the input.
import { decodeOem, isValidUtf8 } from './codepage';
import { isNoneWord, stateOf, titleWordLanguages } from './languages';
import type { DateOrder } from './logon-time';
import { parseSessions } from './quser-parse';
import type { ParsedListing } from './types';

/** Tried in this order when the code page is unknown or does not read; ties go to the earlier one. */
export const CANDIDATE_CODEPAGES = [65001, 850, 437, 852, 866, 1251, 857, 1250, 1252, 932, 936, 949, 950];
/** Bytes of the output looked at to score a code page (the header and the first rows). */
const SAMPLE_BYTES = 8192;

export interface DecodedListing extends ParsedListing {
  codepage: number;
  /** given: read in the page passed in; detected: none was given; recovered: the given page did not read. */
  codepageSource: 'given' | 'detected' | 'recovered';
}

/** Known words in `text` minus replacement characters and box-drawing glyphs (typical of a wrong page). */
export function codepageScore(text: string): number {
  let score = 0;
  for (const w of text.split(/\s+/)) {
    if (!w) continue;
    if (titleWordLanguages(w) || stateOf(w) || isNoneWord(w)) score += 2;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x2500 && c <= 0x25ff)) score -= 1;
  }
  return score;
}

export function detectCodepage(bytes: Uint8Array, given?: number): { codepage: number; source: DecodedListing['codepageSource']; tried: number[] } {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const utf8 = isValidUtf8(sample.length < bytes.length ? trimPartialUtf8(sample) : sample);
  const candidates = CANDIDATE_CODEPAGES.filter((cp) => cp !== 65001 || utf8);
  // The given page is kept unless another one reads strictly more known words (and fewer glyphs of a wrong page).
  const base = given !== undefined ? codepageScore(decodeOem(sample, given)) : -Infinity;
  let best: number | undefined;
  let bestScore = base;
  for (const cp of candidates) {
    if (cp === given) continue;
    const s = codepageScore(decodeOem(sample, cp));
    if (s > bestScore) {
      best = cp;
      bestScore = s;
    }
  }
  if (given !== undefined) return best !== undefined && bestScore > 0 ? { codepage: best, source: 'recovered', tried: [given, ...candidates] } : { codepage: given, source: 'given', tried: [given, ...candidates] };
  return { codepage: best ?? candidates[0], source: 'detected', tried: candidates };
}

// A sample cut inside a multi-byte UTF-8 character is still UTF-8 up to that character.
function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let end = b.length;
  for (let i = 0; i < 3 && end > 0 && (b[end - 1] & 0xc0) === 0x80; i++) end--;
  if (end > 0 && b[end - 1] >= 0xc0) end--;
  return b.subarray(0, end);
}

export function parseSessionBytes(bytes: Uint8Array, codepage?: number, dateOrder?: DateOrder): DecodedListing {
  const d = detectCodepage(bytes, codepage);
  const listing = parseSessions(decodeOem(bytes, d.codepage), dateOrder);
  if (d.source === 'recovered') listing.warnings.unshift({ line: 1, message: `the header does not read in code page ${codepage}; decoded as code page ${d.codepage}, whose text has known words` });
  return { ...listing, codepage: d.codepage, codepageSource: d.source };
}
