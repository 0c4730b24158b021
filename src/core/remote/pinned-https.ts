// HTTPS to a `parc serve` whose certificate is trusted by its SHA-256 fingerprint (self-signed, pinned once
// the user accepted it) or by the usual CA check. The TLS handshake is finished and the fingerprint compared
// before a single byte of the request (and its bearer token) is written.
import * as http from 'node:http';
import { isIP } from 'node:net';
import * as tls from 'node:tls';

export class PinMismatchError extends Error {
  constructor(readonly expected: string, readonly actual: string, host: string) {
    super(`the certificate of ${host} changed: its SHA-256 fingerprint is ${actual}, the trusted one is ${expected}; refusing to send anything`);
  }
}

/** "AB:CD:…" upper case, whatever was given (colons or not). */
export function normaliseFingerprint(f: string): string {
  const hex = f.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{1,2}/g)?.join(':') ?? '';
}

export interface RemoteTarget {
  /** https://host:port or http://127.0.0.1:port */
  url: string;
  /** SHA-256 fingerprint of the server certificate to accept (instead of the CA check). */
  fingerprint?: string;
  /** Extra CA certificates (PEM) for the CA check. */
  ca?: string | Buffer;
  timeoutMs?: number;
}

function connectTls(u: URL, t: RemoteTarget): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const sock = tls.connect({
      host, port: Number(u.port || 443), servername: isIP(host) ? undefined : host, ALPNProtocols: ['http/1.1'],
      ...(t.fingerprint ? { rejectUnauthorized: false } : { ca: t.ca }),
    });
    const timer = setTimeout(() => sock.destroy(new Error(`no TLS answer from ${u.host} within ${t.timeoutMs ?? 10000} ms`)), t.timeoutMs ?? 10000);
    sock.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    sock.once('secureConnect', () => {
      clearTimeout(timer);
      if (t.fingerprint) {
        const actual = normaliseFingerprint(sock.getPeerCertificate().fingerprint256 ?? '');
        const expected = normaliseFingerprint(t.fingerprint);
        if (actual !== expected) {
          sock.destroy();
          return reject(new PinMismatchError(expected, actual, u.host));
        }
      } else if (!sock.authorized) {
        sock.destroy();
        return reject(new Error(`the certificate of ${u.host} is not trusted (${String(sock.authorizationError)}); compare its fingerprint and pin it`));
      }
      resolve(sock);
    });
  });
}

/** The SHA-256 fingerprint a server presents (to show the user before pinning it). */
export async function peerFingerprint(url: string, timeoutMs = 10000): Promise<string> {
  const u = new URL(url);
  const sock = await connectTls(u, { url, fingerprint: '00', timeoutMs }).catch((e: unknown) => {
    if (e instanceof PinMismatchError) return e.actual;
    throw e;
  });
  if (typeof sock === 'string') return sock;
  const f = normaliseFingerprint(sock.getPeerCertificate().fingerprint256 ?? '');
  sock.destroy();
  return f;
}

export interface RemoteRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Opens a request; the response is left unread (for SSE streams). */
export async function openRemote(t: RemoteTarget, r: RemoteRequest): Promise<http.IncomingMessage> {
  const u = new URL(r.path, t.url);
  const body = r.body === undefined ? undefined : JSON.stringify(r.body);
  const headers: Record<string, string> = { accept: 'application/json, text/event-stream', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...r.headers };
  let sock: tls.TLSSocket | undefined;
  if (u.protocol === 'https:') sock = await connectTls(u, t);
  else if (u.protocol !== 'http:') throw new Error(`${t.url}: only https (or http on loopback) is supported`);
  return new Promise((resolve, reject) => {
    const opts: http.RequestOptions = { method: r.method ?? 'GET', host: u.hostname.replace(/^\[|\]$/g, ''), port: u.port, path: u.pathname + u.search, headers };
    // HTTP over the TLS socket checked above (https.request would start a handshake of its own).
    const req = sock ? http.request({ ...opts, createConnection: () => sock }) : http.request({ ...opts, agent: false });
    req.setTimeout(t.timeoutMs ?? 30000, () => req.destroy(new Error(`no answer from ${u.host} within ${t.timeoutMs ?? 30000} ms`)));
    req.once('error', reject);
    req.once('response', resolve);
    req.end(body);
  });
}

/** A JSON request: resolves with the status and the parsed body (whatever the status). */
export async function remoteJson<T = unknown>(t: RemoteTarget, r: RemoteRequest): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: T }> {
  const res = await openRemote(t, r);
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a static page): keep the text
  }
  return { status: res.statusCode ?? 0, headers: res.headers, body: body as T };
}
