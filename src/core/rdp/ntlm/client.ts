// The NTLM client handshake (MS-NLMP 3.1.5): NEGOTIATE → CHALLENGE → AUTHENTICATE, NTLMv2 only,
// with a MIC when the server sends a timestamp. The password is used here and kept nowhere else.
import { randomBytes } from 'node:crypto';
import { AV, CLIENT_FLAGS, NTLM } from './flags';
import { encryptSessionKey, fileTime, hmacMd5, ntlmv2Responses, ntowfv2 } from './crypto';
import { NtlmSessionSecurity } from './session-security';

const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');
// Windows 10 build 19041, NTLM revision 15: what the server sees in VERSION fields.
const VERSION = Buffer.from([10, 0, 0x61, 0x4a, 0, 0, 0, 15]);

export class NtlmError extends Error {}

export interface Challenge {
  flags: number;
  serverChallenge: Buffer;
  targetInfo: Buffer;
  targetName: string;
  raw: Buffer;
}

export function negotiateMessage(flags = CLIENT_FLAGS): Buffer {
  const b = Buffer.alloc(40);
  SIGNATURE.copy(b, 0);
  b.writeUInt32LE(1, 8);
  b.writeUInt32LE(flags >>> 0, 12);
  // Domain and workstation fields empty (offsets point at the end of the fixed part).
  b.writeUInt32LE(40, 20);
  b.writeUInt32LE(40, 28);
  VERSION.copy(b, 32);
  return b;
}

function field(b: Buffer, at: number, what: string): Buffer {
  if (b.length < at + 8) throw new NtlmError(`NTLM CHALLENGE too short for its ${what} field`);
  const len = b.readUInt16LE(at);
  const off = b.readUInt32LE(at + 4);
  if (off + len > b.length) throw new NtlmError(`NTLM CHALLENGE ${what} field points outside the message`);
  return b.subarray(off, off + len);
}

export function parseChallenge(raw: Buffer): Challenge {
  if (raw.length < 32 || !raw.subarray(0, 8).equals(SIGNATURE) || raw.readUInt32LE(8) !== 2) throw new NtlmError('the server did not send an NTLM CHALLENGE message');
  const flags = raw.readUInt32LE(20);
  const targetInfo = flags & NTLM.TARGET_INFO && raw.length >= 48 ? field(raw, 40, 'target info') : Buffer.alloc(0);
  const tn = field(raw, 12, 'target name');
  return { flags, serverChallenge: raw.subarray(24, 32), targetInfo, targetName: flags & NTLM.UNICODE ? tn.toString('utf16le') : tn.toString('latin1'), raw };
}

export function avPairs(info: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (let at = 0; at + 4 <= info.length; ) {
    const id = info.readUInt16LE(at);
    const len = info.readUInt16LE(at + 2);
    if (id === AV.EOL) break;
    if (at + 4 + len > info.length) throw new NtlmError('NTLM target info is malformed');
    out.set(id, info.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return out;
}

function encodeAv(pairs: Array<[number, Buffer]>): Buffer {
  const parts: Buffer[] = [];
  for (const [id, v] of pairs) {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(id, 0);
    h.writeUInt16LE(v.length, 2);
    parts.push(h, v);
  }
  parts.push(Buffer.alloc(4));
  return Buffer.concat(parts);
}

export interface Credentials {
  /** "user", "DOMAIN\\user" or "user@domain". */
  user: string;
  password: string;
  workstation?: string;
}

export function splitUser(user: string): { user: string; domain: string } {
  const bs = user.indexOf('\\');
  if (bs >= 0) return { domain: user.slice(0, bs), user: user.slice(bs + 1) };
  const at = user.lastIndexOf('@');
  if (at > 0) return { user: user.slice(0, at), domain: user.slice(at + 1) };
  return { user, domain: '' };
}

export interface AuthenticateResult {
  message: Buffer;
  exportedSessionKey: Buffer;
  flags: number;
  security: NtlmSessionSecurity;
}

export interface AuthenticateOptions {
  /** Test hooks for the published vectors; random and current time otherwise. */
  clientChallenge?: Buffer;
  exportedSessionKey?: Buffer;
  now?: number;
}

export function authenticateMessage(negotiate: Buffer, challenge: Challenge, cred: Credentials, o: AuthenticateOptions = {}): AuthenticateResult {
  if (!(challenge.flags & NTLM.EXTENDED_SESSIONSECURITY) && !(challenge.flags & NTLM.TARGET_INFO)) throw new NtlmError('the server offers neither NTLMv2 target info nor extended session security; refusing NTLMv1');
  const flags = (challenge.flags & CLIENT_FLAGS) | NTLM.UNICODE;
  const { user, domain } = splitUser(cred.user);
  const key = ntowfv2(user, domain, cred.password);
  const pairs = avPairs(challenge.targetInfo);
  const serverTime = pairs.get(AV.TIMESTAMP);
  // With a server timestamp the client adds MsvAvFlags=2 (MIC present) and sends an empty LM response.
  const info: Array<[number, Buffer]> = [...pairs.entries()].filter(([id]) => id !== AV.FLAGS);
  if (serverTime) {
    const f = Buffer.alloc(4);
    f.writeUInt32LE(((pairs.get(AV.FLAGS)?.readUInt32LE(0) ?? 0) | 2) >>> 0);
    info.push([AV.FLAGS, f]);
  }
  const targetInfo = challenge.targetInfo.length ? encodeAv(info) : Buffer.alloc(0);
  const clientChallenge = o.clientChallenge ?? randomBytes(8);
  const r = ntlmv2Responses(key, challenge.serverChallenge, clientChallenge, serverTime ?? fileTime(o.now ?? Date.now()), targetInfo);
  const lm = serverTime ? Buffer.alloc(24) : r.lmResponse;
  const keyExchangeKey = r.sessionBaseKey;
  let exportedSessionKey: Buffer = keyExchangeKey;
  let encryptedKey: Buffer = Buffer.alloc(0);
  if (flags & NTLM.KEY_EXCH) {
    exportedSessionKey = o.exportedSessionKey ?? randomBytes(16);
    encryptedKey = encryptSessionKey(keyExchangeKey, exportedSessionKey);
  }
  const payload = [lm, r.ntResponse, Buffer.from(domain, 'utf16le'), Buffer.from(user, 'utf16le'), Buffer.from(cred.workstation ?? '', 'utf16le'), encryptedKey];
  const header = Buffer.alloc(88);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(3, 8);
  let off = header.length;
  payload.forEach((p, i) => {
    const at = 12 + i * 8;
    header.writeUInt16LE(p.length, at);
    header.writeUInt16LE(p.length, at + 2);
    header.writeUInt32LE(off, at + 4);
    off += p.length;
  });
  header.writeUInt32LE(flags >>> 0, 60);
  VERSION.copy(header, 64);
  const message = Buffer.concat([header, ...payload]);
  if (serverTime) hmacMd5(exportedSessionKey, negotiate, challenge.raw, message).copy(message, 72);
  return { message, exportedSessionKey, flags, security: new NtlmSessionSecurity(exportedSessionKey, flags, true) };
}
