// Console column arithmetic: quser aligns by console cells, where East Asian wide characters take two
// cells (they are two bytes in code pages 932/936/949/950), so positions are counted in cells, not
// UTF-16 units. The ranges are Unicode's East_Asian_Width W/F blocks, coarsely (no library needed).

/** Cells a code point occupies in a Windows console. */
export function codePointWidth(c: number): number {
  if (c === 0) return 0;
  if (c >= 0x300 && c <= 0x36f) return 0; // combining diacritics (decomposed accents)
  if (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd)
  ) return 2;
  return 1;
}

/** Cells a character (one code point) occupies. */
export function cellWidth(ch: string): number {
  return codePointWidth(ch.codePointAt(0) ?? 0);
}

/** Display width of a string in console cells. */
export function displayWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its pair
    w += codePointWidth(c >= 0xd800 && c <= 0xdbff ? (s.codePointAt(i) ?? c) : c);
  }
  return w;
}

/** Cell offset of each UTF-16 index of `s` (one extra entry for the end). */
export function cellOffsets(s: string): number[] {
  const out: number[] = new Array(s.length + 1);
  let cell = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = cell;
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    cell += codePointWidth(c >= 0xd800 && c <= 0xdbff ? (s.codePointAt(i) ?? c) : c);
  }
  out[s.length] = cell;
  return out;
}

export interface Token {
  text: string;
  /** UTF-16 index in the line. */
  index: number;
  /** Console cell where it starts. */
  cell: number;
  /** Console cell just after it. */
  end: number;
}

export function tokens(line: string, offsets = cellOffsets(line)): Token[] {
  const out: Token[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], index: m.index, cell: offsets[m.index], end: offsets[m.index + m[0].length] });
  return out;
}

/**
 * Header titles: runs of words separated by single blanks, split at two or more blanks. When that
 * gives too few titles (a header whose words run together with single blanks, as Italian builds print),
 * every word is a title.
 */
export function headerTitles(line: string): Token[] & { runTogether?: boolean } {
  const offsets = cellOffsets(line);
  const words = tokens(line, offsets);
  const groups: Token[] = [];
  for (const w of words) {
    const last = groups[groups.length - 1];
    if (last && w.index - (last.index + last.text.length) === 1) {
      groups[groups.length - 1] = { text: line.slice(last.index, w.index + w.text.length), index: last.index, cell: last.cell, end: w.end };
    } else groups.push({ ...w });
  }
  if (groups.length >= 4 || groups.length >= words.length) return groups;
  return Object.assign(words, { runTogether: true });
}
