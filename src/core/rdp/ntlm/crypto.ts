// NTLMv2 key and response computations (MS-NLMP 3.3.2, 3.4.5). HMAC-MD5 and MD5 come from node:crypto;
// MD4 and RC4 are ours because OpenSSL 3 dropped them.
import { createHash, createHmac } from 'node:crypto';
import { md4 } from './md4';
import { rc4 } from './rc4';

export const hmacMd5 = (key: Uint8Array, ...parts: Uint8Array[]): Buffer => {
  const h = createHmac('md5', key);
  for (const p of parts) h.update(p);
  return h.digest();
};

export const md5 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

export function ntHash(password: string): Buffer {
  return md4(Buffer.from(password, 'utf16le'));
}

/** NTOWFv2 = ResponseKeyNT = ResponseKeyLM. */
export function ntowfv2(user: string, domain: string, password: string): Buffer {
  return hmacMd5(ntHash(password), Buffer.from(user.toUpperCase() + domain, 'utf16le'));
}

/** The NTLMv2_CLIENT_CHALLENGE ("temp") blob. */
export function clientBlob(timestamp: Buffer, clientChallenge: Buffer, targetInfo: Buffer): Buffer {
  return Buffer.concat([Buffer.from([1, 1, 0, 0, 0, 0, 0, 0]), timestamp, clientChallenge, Buffer.alloc(4), targetInfo, Buffer.alloc(4)]);
}

export interface V2Responses {
  ntProofStr: Buffer;
  ntResponse: Buffer;
  lmResponse: Buffer;
  sessionBaseKey: Buffer;
}

export function ntlmv2Responses(responseKey: Buffer, serverChallenge: Buffer, clientChallenge: Buffer, timestamp: Buffer, targetInfo: Buffer): V2Responses {
  const temp = clientBlob(timestamp, clientChallenge, targetInfo);
  const ntProofStr = hmacMd5(responseKey, serverChallenge, temp);
  return {
    ntProofStr,
    ntResponse: Buffer.concat([ntProofStr, temp]),
    lmResponse: Buffer.concat([hmacMd5(responseKey, serverChallenge, clientChallenge), clientChallenge]),
    sessionBaseKey: hmacMd5(responseKey, ntProofStr),
  };
}

/** With KEY_EXCH the client picks the exported session key and sends it RC4-encrypted with the key exchange key. */
export function encryptSessionKey(keyExchangeKey: Buffer, exportedSessionKey: Buffer): Buffer {
  return rc4(keyExchangeKey, exportedSessionKey);
}

const MAGIC = {
  clientSign: 'session key to client-to-server signing key magic constant\0',
  clientSeal: 'session key to client-to-server sealing key magic constant\0',
  serverSign: 'session key to server-to-client signing key magic constant\0',
  serverSeal: 'session key to server-to-client sealing key magic constant\0',
};

export function signKey(exportedSessionKey: Buffer, fromClient: boolean): Buffer {
  return md5(exportedSessionKey, Buffer.from(fromClient ? MAGIC.clientSign : MAGIC.serverSign, 'latin1'));
}

/** SEALKEY with extended session security: 128, 56 or 40 bits of the exported key, then MD5 with the magic. */
export function sealKey(exportedSessionKey: Buffer, fromClient: boolean, bits: 128 | 56 | 40): Buffer {
  const k = exportedSessionKey.subarray(0, bits / 8 === 16 ? 16 : bits === 56 ? 7 : 5);
  return md5(k, Buffer.from(fromClient ? MAGIC.clientSeal : MAGIC.serverSeal, 'latin1'));
}

/** Windows FILETIME (100 ns since 1601) as 8 little-endian bytes. */
export function fileTime(ms: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE((BigInt(Math.floor(ms)) + 11644473600000n) * 10000n);
  return b;
}
