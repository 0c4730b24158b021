// TLS for the client side of `parc serve`: a certificate the system trusts is accepted as usual; a
// self-signed one only when its SHA-256 fingerprint was pinned (trust on first use, shown to the user).
// A changed fingerprint is refused before any request (and so any token) is sent.
import * as net from 'node:net';
import * as tls from 'node:tls';
import type * as https from 'node:https';

export interface Pin {
  /** "AB:CD:…" as Node prints fingerprint256. */
  fingerprint256: string;
  /** The certificate itself (PEM), so the TLS layer can verify the chain against it. */
  pem: string;
}

export interface PeerCertificate {
  fingerprint256: string;
  pem: string;
  subject: string;
  issuer: string;
  validTo: string;
  /** True when the system's CAs accept it for this host name (no pin needed). */
  trusted: boolean;
  trustError?: string;
}

export class CertificateChangedError extends Error {
  readonly code = 'certificate-changed';
  constructor(readonly host: string, readonly pinned: string, readonly presented: string) {
    super(`the certificate of ${host} changed: pinned SHA-256 ${pinned}, the server now presents ${presented}; refusing to connect (re-trust it only if the server's certificate was replaced on purpose)`);
  }
}

export function normaliseFingerprint(f: string): string {
  const hex = f.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

function toPem(raw: Buffer): string {
  const b64 = raw.toString('base64').match(/.{1,64}/g)!.join('\n');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

/** Connects once without verifying, sends nothing, and reports what the server presents. */
export function probeCertificate(host: string, port: number, timeoutMs = 10_000): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: false }, () => {
      const c = s.getPeerCertificate(true);
      const err = s.authorizationError ? String(s.authorizationError) : undefined;
      s.destroy();
      if (!c?.raw) return reject(new Error(`${host}:${port} presented no certificate`));
      const name = (x: tls.Certificate | undefined) => (x ? Object.entries(x).map(([k, v]) => `${k}=${String(v)}`).join(', ') : '');
      resolve({ fingerprint256: c.fingerprint256, pem: toPem(c.raw), subject: name(c.subject), issuer: name(c.issuer), validTo: c.valid_to, trusted: s.authorized, trustError: err });
    });
    s.setTimeout(timeoutMs, () => s.destroy(new Error(`TLS handshake with ${host}:${port} timed out`)));
    s.on('error', reject);
  });
}

/** Options for https.request that enforce the pin (or ordinary verification without one). */
export function tlsOptions(host: string, pin: Pin | undefined): https.RequestOptions {
  if (!pin) return { rejectUnauthorized: true };
  const want = normaliseFingerprint(pin.fingerprint256);
  return {
    rejectUnauthorized: true,
    ca: [pin.pem],
    // The pinned certificate is the identity: host names in it do not matter (it may say "localhost").
    checkServerIdentity: (_h, cert) => (normaliseFingerprint(cert.fingerprint256) === want ? undefined : new CertificateChangedError(host, want, cert.fingerprint256)),
  };
}
