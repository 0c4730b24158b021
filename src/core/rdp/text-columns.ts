// Console column arithmetic: quser aligns by console cells, where CJK characters take two cells
// (they are two bytes in code page 932), so positions are counted in cells, not UTF-16 units.

/** Cells a character occupies in a Windows console. */
export function cellWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6)
  ) return 2;
  return 1;
}

/** Cell offset of each UTF-16 index of `s` (one extra entry for the end). */
export function cellOffsets(s: string): number[] {
  const out: number[] = new Array(s.length + 1);
  let cell = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = cell;
    cell += cellWidth(s[i]);
  }
  out[s.length] = cell;
  return out;
}

/** Upper-cases and strips accents one character at a time, so indexes stay those of the original. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const base = ch.normalize('NFD').charAt(0).toUpperCase();
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

export interface Token {
  text: string;
  /** UTF-16 index in the line. */
  index: number;
  /** Console cell where it starts. */
  cell: number;
}

export function tokens(line: string, offsets = cellOffsets(line)): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], index: m.index, cell: offsets[m.index] });
  return out;
}

/**
 * Finds the titles in order as whole words of `line` (case and accents ignored). Each title may have
 * alternatives; the longest that matches wins. Returns the [start, end) cell range of each, or undefined.
 */
export function locateTitles(line: string, titles: string[][]): Array<[number, number]> | undefined {
  const folded = fold(line);
  const offsets = cellOffsets(line);
  const out: Array<[number, number]> = [];
  let from = 0;
  for (const alternatives of titles) {
    let best: [number, number] | undefined;
    for (const alt of [...alternatives].sort((a, b) => b.length - a.length)) {
      const at = findWord(folded, fold(alt), from);
      if (at >= 0 && (!best || at < best[0] || (at === best[0] && at + alt.length > best[1]))) best = [at, at + alt.length];
    }
    if (!best) return undefined;
    out.push([offsets[best[0]], offsets[best[1]]]);
    from = best[1];
  }
  return out;
}

function findWord(hay: string, needle: string, from: number): number {
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = at === 0 ? ' ' : hay[at - 1];
    const after = at + needle.length >= hay.length ? ' ' : hay[at + needle.length];
    if (/\s|>/.test(before) && /\s/.test(after)) return at;
  }
  return -1;
}
