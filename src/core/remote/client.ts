// REST client for `parc serve` (extension and CLI): JSON over HTTPS with a bearer token, errors as
// ApiError with the server's code/step, TLS pinned by fingerprint (client-tls.ts). No vscode here.
import * as http from 'node:http';
import * as https from 'node:https';
import type { LoginResponse } from './api-types';
import { CertificateChangedError, normaliseFingerprint, probeCertificate, tlsOptions, type Pin } from './client-tls';

export type LoginAnswer = LoginResponse;

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly step?: string) {
    super(message);
  }
}

export interface ClientOptions {
  /** https://host:port (http:// only for a loopback server without TLS). */
  url: string;
  token?: string;
  pin?: Pin;
  timeoutMs?: number;
}

/** Parses and checks a server URL; the error names what is wrong. */
export function parseServerUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new Error(`"${raw}" is not a URL (expected https://host:port)`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`${raw}: the scheme must be https (or http on loopback)`);
  if (u.protocol === 'http:' && !/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(u.hostname)) throw new Error(`${raw}: plain http is only allowed to a loopback address; use https`);
  if (u.username || u.password) throw new Error(`${raw}: do not put credentials in the URL`);
  return new URL(u.origin);
}

function isTlsVerifyError(e: NodeJS.ErrnoException): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code ?? '');
}

export class ParcClient {
  readonly base: URL;
  token?: string;
  pin?: Pin;
  private readonly timeoutMs: number;

  constructor(opts: ClientOptions) {
    this.base = parseServerUrl(opts.url);
    this.token = opts.token;
    this.pin = opts.pin;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
  }

  get host(): string {
    return this.base.hostname.replace(/^\[|\]$/g, '');
  }

  get port(): number {
    return Number(this.base.port) || (this.base.protocol === 'https:' ? 443 : 80);
  }

  /** Options for an https/http request to `path` (shared with the SSE stream). */
  requestOptions(method: string, path: string, headers: Record<string, string> = {}): https.RequestOptions {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    return { method, host: this.host, port: this.port, path, headers: h, ...(this.base.protocol === 'https:' ? tlsOptions(this.host, this.pin) : {}) };
  }

  transport(): typeof https | typeof http {
    return this.base.protocol === 'https:' ? https : http;
  }

  /** Turns a TLS refusal with a pin into "the certificate changed" (after looking at what is presented). */
  async explainTls(e: Error): Promise<Error> {
    if (e instanceof CertificateChangedError || !this.pin || !isTlsVerifyError(e as NodeJS.ErrnoException)) return e;
    try {
      const now = await probeCertificate(this.host, this.port);
      if (normaliseFingerprint(now.fingerprint256) !== normaliseFingerprint(this.pin.fingerprint256)) return new CertificateChangedError(this.host, normaliseFingerprint(this.pin.fingerprint256), now.fingerprint256);
    } catch {
      // keep the original error
    }
    return e;
  }

  /** Opens a request and hands back the response unread (streams); TLS refusals explained (a changed pin). */
  open(method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<http.IncomingMessage> {
    const payload = o.body === undefined ? undefined : Buffer.from(JSON.stringify(o.body));
    const headers: Record<string, string> = { ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...o.headers };
    return new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = this.transport().request(this.requestOptions(method, path, headers), (res) => {
        // A live stream is idle between events by design: no answer timeout once it is open.
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) req.setTimeout(0);
        resolve(res);
      });
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`${method} ${path}: no answer from ${this.base.origin} within ${this.timeoutMs / 1000} s`)));
      req.on('error', reject);
      req.end(payload);
    }).catch(async (e: Error) => {
      throw await this.explainTls(e);
    });
  }

  /** One request, whatever its status: the status, headers and body (parsed when JSON). */
  async send<T = unknown>(method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string; body: T }> {
    const res = await this.open(method, path, o);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (a page): the text
    }
    return { status: res.statusCode ?? 0, headers: res.headers, text, body: body as T };
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const answer = await this.send(method, path, { body });
    let json: unknown;
    try {
      json = answer.text ? JSON.parse(answer.text) : undefined;
    } catch {
      if (answer.status >= 400) throw new ApiError(answer.status, 'internal', `${method} ${path}: HTTP ${answer.status}`);
      throw new ApiError(answer.status, 'bad-answer', `${method} ${path}: the server did not answer JSON`);
    }
    if (answer.status >= 400) {
      const err = (json as { error?: { code?: string; message?: string; step?: string } } | undefined)?.error;
      throw new ApiError(answer.status, err?.code ?? 'internal', err?.message ?? `${method} ${path}: HTTP ${answer.status}`, err?.step);
    }
    return json as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  async login(user: string, password: string): Promise<LoginAnswer> {
    const a = await this.post<LoginAnswer>('/api/login', { user, password });
    this.token = a.token;
    return a;
  }

  async logout(): Promise<void> {
    if (!this.token) return;
    try {
      await this.post('/api/logout', {});
    } finally {
      this.token = undefined;
    }
  }
}
