// The server's certificate: given (--tls-cert/--tls-key) or generated once (--self-signed) into
// <state>/server/ (key 0600) and reused on every start, so a pinned fingerprint stays valid.
import { X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { ensureServerDir } from '../core/auth/files';
import { atomicWriteFile } from '../core/fsutil';

export interface TlsMaterial {
  cert: string;
  key: string;
  fingerprint: string;
  generated: boolean;
  certFile: string;
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

export async function loadTls(certFile: string, keyFile: string): Promise<TlsMaterial> {
  const [cert, key] = await Promise.all([fs.readFile(certFile, 'utf8'), fs.readFile(keyFile, 'utf8')]).catch((e: Error) => Promise.reject(new Error(`cannot read the TLS certificate or key: ${e.message}`)));
  return { cert, key, fingerprint: fingerprintOf(cert), generated: false, certFile };
}

export async function selfSigned(stateDir: string, names: string[]): Promise<TlsMaterial> {
  const dir = await ensureServerDir(stateDir);
  const certFile = path.join(dir, 'tls-cert.pem');
  const keyFile = path.join(dir, 'tls-key.pem');
  const existing = await loadTls(certFile, keyFile).catch(() => undefined);
  if (existing) return existing;
  const hosts = [...new Set(['localhost', os.hostname(), ...names])];
  const ips = hosts.filter((h) => /^[\d.]+$|:/.test(h));
  const dns = hosts.filter((h) => !ips.includes(h));
  const notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const r = await generate([{ name: 'commonName', value: `parc serve on ${os.hostname()}` }], {
    keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...dns.map((d) => ({ type: 2 as const, value: d })), ...['127.0.0.1', ...ips].map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  await atomicWriteFile(keyFile, r.private, 0o600);
  await atomicWriteFile(certFile, r.cert, 0o644);
  return { cert: r.cert, key: r.private, fingerprint: fingerprintOf(r.cert), generated: true, certFile };
}
