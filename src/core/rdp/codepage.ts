// OEM code pages: console programs on Windows write bytes in the host's OEM code page (437, 850,
// 852, 866, 932, ...) or UTF-8 (65001). iconv-lite decodes them; no native code.
import * as iconv from 'iconv-lite';

export const KNOWN_CODEPAGES = [65001, 437, 850, 852, 855, 857, 858, 860, 861, 862, 863, 865, 866, 869, 874, 932, 936, 949, 950, 1250, 1251, 1252] as const;

function encodingName(codepage: number): string {
  if (codepage === 65001) return 'utf8';
  const name = `cp${codepage}`;
  if (!iconv.encodingExists(name)) throw new RangeError(`code page ${codepage} is not supported`);
  return name;
}

export function isSupportedCodepage(codepage: number): boolean {
  try {
    encodingName(codepage);
    return true;
  } catch {
    return false;
  }
}

export function decodeOem(bytes: Uint8Array, codepage: number): string {
  return iconv.decode(Buffer.from(bytes), encodingName(codepage)).replace(/^\uFEFF/, '');
}

export function encodeOem(text: string, codepage: number): Buffer {
  return iconv.encode(text, encodingName(codepage));
}

export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The code page in `chcp` output in any language ("Active code page: 850", "Aktive Codepage: 850."). */
export function parseChcp(output: string): number | undefined {
  const m = /(\d{3,5})\.?\s*$/.exec(output.trim());
  return m && isSupportedCodepage(Number(m[1])) ? Number(m[1]) : undefined;
}
