// snmpd.conf bytes ↔ text without changing a byte Parc did not edit (issue 13, item 6). Files are UTF-8 or,
// on older hosts, Latin-1 (a `é` in a comment): a UTF-8 decode would turn such a byte into U+FFFD and
// write it back as three other bytes. So a file that is not valid UTF-8 is read as Latin-1 (one byte, one
// character: an exact round trip) and written back the same way. A byte-order mark stays. NUL and other
// control bytes mean it is not a configuration file at all: refused, naming the offset.
import { SnmpdEditError } from './edit';

export type ConfEncoding = 'utf8' | 'latin1';

export interface DecodedConf {
  text: string;
  encoding: ConfEncoding;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeConf(buf: Buffer, name = 'snmpd.conf'): DecodedConf {
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    // Tab, LF, VT, FF and CR occur in text files; the other C0 bytes do not.
    if (b < 0x20 && !(b >= 0x09 && b <= 0x0d)) throw new SnmpdEditError(`${name} is not a text file (control byte 0x${b.toString(16).padStart(2, '0')} at offset ${i}); nothing was changed`);
  }
  try {
    return { text: UTF8.decode(buf), encoding: 'utf8' };
  } catch {
    return { text: buf.toString('latin1'), encoding: 'latin1' };
  }
}

export function encodeConf(text: string, encoding: ConfEncoding, name = 'snmpd.conf'): Buffer {
  if (encoding === 'latin1') {
    const bad = /[^\u0000-\u00ff]/.exec(text);
    if (bad) throw new SnmpdEditError(`${name} is Latin-1 encoded and cannot hold "${bad[0]}" (U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); write that value in plain ASCII`);
    return Buffer.from(text, 'latin1');
  }
  return Buffer.from(text, 'utf8');
}
