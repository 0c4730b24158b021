// MS-WSMV 2.2.9.1 message encryption over HTTP: the SOAP envelope is sealed with the NTLM session and
// sent as a two-part multipart/encrypted body.
import type { NtlmSessionSecurity } from '../ntlm/session-security';

export const ENCRYPTED_PROTOCOL = 'application/HTTP-SPNEGO-session-encrypted';
export const ENCRYPTED_CONTENT_TYPE = `multipart/encrypted;protocol="${ENCRYPTED_PROTOCOL}";boundary="Encrypted Boundary"`;
const BOUNDARY = '--Encrypted Boundary';

export class EncryptionFormatError extends Error {}

export function encryptBody(security: NtlmSessionSecurity, soap: Buffer): Buffer {
  const { signature, sealed } = security.seal(soap);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(signature.length);
  return Buffer.concat([
    Buffer.from(`${BOUNDARY}\r\n\tContent-Type: ${ENCRYPTED_PROTOCOL}\r\n\tOriginalContent: type=application/soap+xml;charset=UTF-8;Length=${soap.length}\r\n${BOUNDARY}\r\n\tContent-Type: application/octet-stream\r\n`, 'latin1'),
    len,
    signature,
    sealed,
    Buffer.from(`${BOUNDARY}--\r\n`, 'latin1'),
  ]);
}

export function decryptBody(security: NtlmSessionSecurity, body: Buffer): Buffer {
  const head = body.toString('latin1');
  const lenMatch = /OriginalContent:\s*type=[^\r\n]*?;Length=(\d+)/i.exec(head);
  if (!lenMatch) throw new EncryptionFormatError('encrypted body has no OriginalContent length');
  const marker = /Content-Type:\s*application\/octet-stream\r\n/i.exec(head);
  if (!marker) throw new EncryptionFormatError('encrypted body has no application/octet-stream part');
  let at = marker.index + marker[0].length;
  if (body.length < at + 4) throw new EncryptionFormatError('encrypted body is truncated');
  const sigLen = body.readUInt32LE(at);
  at += 4;
  const length = Number(lenMatch[1]);
  if (sigLen !== 16 || body.length < at + sigLen + length) throw new EncryptionFormatError('encrypted body is truncated or malformed');
  const signature = body.subarray(at, at + sigLen);
  const sealed = body.subarray(at + sigLen, at + sigLen + length);
  return security.unseal(Buffer.from(sealed), Buffer.from(signature));
}
