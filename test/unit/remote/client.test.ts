// The REST/SSE client of `parc serve` (core/remote) against a real HTTPS server on loopback with self-signed
// certificates: the SSE parser on awkward chunking, the pinned fingerprint (accepted; a changed certificate
// refused before any request reaches it), API errors with their code and step, and the stream reconnecting
// and announcing the restart (a new hello with another serverStart) after the server went away.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { SseParser, ParcStream, type SseMessage, type StreamState } from '../../../src/core/remote/stream';
import { ApiError, ParcClient, parseServerUrl } from '../../../src/core/remote/client';
import { CertificateChangedError, normaliseFingerprint, probeCertificate } from '../../../src/core/remote/client-tls';
import { freeTcpPort } from '../../support/ports';

interface Pems { cert: string; private: string }

async function cert(): Promise<Pems> {
  const p = (await generate([{ name: 'commonName', value: 'parc-test' }], { keySize: 2048, days: 2 } as never)) as unknown as Pems;
  return p;
}

function fp(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** A small server speaking the contract's shapes: login, me, and a stream that says hello then one device. */
class TestServer {
  requests: { path: string; auth?: string }[] = [];
  private srv?: https.Server;
  private streams = new Set<ServerResponse>();
  readonly startedAt = new Date().toISOString();

  constructor(private readonly pems: Pems, readonly port: number) {}

  start(): Promise<this> {
    this.srv = https.createServer({ cert: this.pems.cert, key: this.pems.private }, (req, res) => this.handle(req, res));
    return new Promise((resolve) => this.srv!.listen(this.port, '127.0.0.1', () => resolve(this)));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    this.requests.push({ path: req.url ?? '', auth: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/api/login') {
        const b = JSON.parse(body) as { user: string; password: string };
        if (b.password !== 'right') return json(401, { error: { code: 'unauthorized', message: 'invalid credentials', step: 'bind' } });
        return json(200, { token: 'tok-1', expiresAt: new Date(Date.now() + 3600_000).toISOString(), user: { name: b.user, role: 'viewer', source: 'local' } });
      }
      if (req.headers.authorization !== 'Bearer tok-1') return json(401, { error: { code: 'unauthorized', message: 'no token' } });
      if (req.url === '/api/me') return json(200, { name: 'ann', role: 'viewer', source: 'local', expiresAt: new Date().toISOString() });
      if (req.url === '/api/poll') return json(403, { error: { code: 'forbidden', message: 'polling needs the operator role', role: 'operator' } });
      if (req.url === '/api/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        this.streams.add(res);
        res.on('close', () => this.streams.delete(res));
        // Split across writes on purpose (the parser must join them).
        res.write(`id: 1\nevent: hello\ndata: {"version":"t","apiVersion":1,"seq":1,"serverStart":"${this.startedAt}",`);
        res.write(`"user":{"name":"ann","role":"viewer","source":"local"}}\n\n: keep-alive\n\n`);
        res.write('id: 2\r\nevent: device\r\ndata: {"id":"127.0.0.1:161","status":"up"}\r\n\r\n');
        return;
      }
      json(404, { error: { code: 'not-found', message: 'no such route' } });
    });
  }

  stop(): Promise<void> {
    for (const s of this.streams) s.destroy();
    return new Promise((resolve) => {
      this.srv?.closeAllConnections();
      this.srv?.close(() => resolve());
    });
  }
}

function waitFor<T>(emitter: ParcStream, name: string, pred: (x: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const f = (x: T) => {
      if (pred(x)) {
        emitter.off(name, f);
        resolve(x);
      }
    };
    emitter.on(name, f);
  });
}

describe('SSE parser', () => {
  it('joins chunks, handles CRLF, CR, comments and multi-line data', () => {
    const out: SseMessage[] = [];
    const p = new SseParser((m) => out.push(m));
    const text = 'event: a\ndata: 1\n\n: comment\n\nevent: b\r\ndata: x\r\ndata: y\r\n\r\nid: 7\rdata: z\r\r';
    for (const ch of text) p.push(ch);
    assert.deepEqual(out, [{ event: 'a', data: '1', id: undefined }, { event: 'b', data: 'x\ny', id: undefined }, { event: 'message', data: 'z', id: '7' }]);
  });
});

describe('server URL', () => {
  it('accepts https and loopback http, refuses the rest with the reason', () => {
    assert.equal(parseServerUrl('https://parc.example:8443/x').origin, 'https://parc.example:8443');
    assert.equal(parseServerUrl('http://127.0.0.1:9000').origin, 'http://127.0.0.1:9000');
    assert.throws(() => parseServerUrl('http://10.0.0.5:9000'), /only allowed to a loopback/);
    assert.throws(() => parseServerUrl('ftp://x'), /scheme/);
    assert.throws(() => parseServerUrl('https://u:p@h'), /credentials/);
    assert.throws(() => parseServerUrl('not a url'), /not a URL/);
  });
});

describe('ParcClient over TLS with a pinned self-signed certificate', () => {
  let a: Pems;
  let b: Pems;
  let port: number;
  before(async () => {
    [a, b] = await Promise.all([cert(), cert()]);
    port = await freeTcpPort();
  });

  it('probes the fingerprint, logs in with the pin, maps API errors; refuses a changed certificate before sending anything', async () => {
    const srv = await new TestServer(a, port).start();
    try {
      const seen = await probeCertificate('127.0.0.1', port);
      assert.equal(seen.fingerprint256, fp(a.cert));
      assert.equal(seen.trusted, false);
      // Without a pin the self-signed certificate is refused by ordinary verification.
      await assert.rejects(new ParcClient({ url: `https://127.0.0.1:${port}` }).get('/api/me'), /self[- ]signed|unable to verify/i);
      const pin = { fingerprint256: seen.fingerprint256, pem: seen.pem };
      const c = new ParcClient({ url: `https://127.0.0.1:${port}`, pin });
      await assert.rejects(c.login('ann', 'wrong'), (e: unknown) => e instanceof ApiError && e.status === 401 && e.step === 'bind' && /invalid credentials/.test(e.message));
      const me = await c.login('ann', 'right');
      assert.equal(me.user.role, 'viewer');
      assert.equal((await c.get<{ name: string }>('/api/me')).name, 'ann');
      await assert.rejects(c.post('/api/poll', {}), (e: unknown) => e instanceof ApiError && e.status === 403 && e.code === 'forbidden' && /operator/.test(e.message));
    } finally {
      await srv.stop();
    }
    // Same address, another certificate: refused, and the impostor never sees a request (so never the token).
    const impostor = await new TestServer(b, port).start();
    try {
      const seen = await probeCertificate('127.0.0.1', port);
      const c = new ParcClient({ url: `https://127.0.0.1:${port}`, token: 'tok-1', pin: { fingerprint256: fp(a.cert), pem: a.cert } });
      await assert.rejects(c.get('/api/me'), (e: unknown) => e instanceof CertificateChangedError && e.presented === seen.fingerprint256 && e.pinned === normaliseFingerprint(fp(a.cert)) && /changed/.test(e.message));
      assert.deepEqual(impostor.requests, []);
    } finally {
      await impostor.stop();
    }
  });

  it('the stream parses hello and device events, reconnects after a server restart and says hello again with the new start', async () => {
    let srv = await new TestServer(a, port).start();
    const c = new ParcClient({ url: `https://127.0.0.1:${port}`, token: 'tok-1', pin: { fingerprint256: fp(a.cert), pem: a.cert } });
    const s = new ParcStream(c, { minDelayMs: 100, maxDelayMs: 400 });
    const states: StreamState[] = [];
    s.on('state', (x: StreamState) => states.push(x));
    try {
      const hello1 = waitFor<{ serverStart: string }>(s, 'hello');
      const dev = waitFor<{ id: string; status: string }>(s, 'device');
      s.start();
      assert.equal((await hello1).serverStart, srv.startedAt);
      assert.deepEqual(await dev, { id: '127.0.0.1:161', status: 'up' });
      assert.equal(s.state, 'open');
      const reconnecting = waitFor<StreamState>(s, 'state', (x) => x === 'reconnecting');
      await srv.stop();
      await reconnecting;
      await new Promise((r) => setTimeout(r, 50));
      srv = new TestServer(a, port);
      const hello2 = waitFor<{ serverStart: string }>(s, 'hello');
      await srv.start();
      const h2 = await hello2;
      assert.equal(h2.serverStart, srv.startedAt);
      assert.equal(s.state, 'open');
      assert.deepEqual(states.filter((x, i) => x !== states[i - 1]).slice(0, 4), ['connecting', 'open', 'reconnecting', 'open']);
    } finally {
      s.stop();
      await srv.stop();
    }
  });

  it('the stream stops retrying when the token is refused (fatal), with the server\'s message', async () => {
    const srv = await new TestServer(a, port).start();
    try {
      const c = new ParcClient({ url: `https://127.0.0.1:${port}`, token: 'revoked', pin: { fingerprint256: fp(a.cert), pem: a.cert } });
      const s = new ParcStream(c, { minDelayMs: 50 });
      const fatal = waitFor<ApiError>(s, 'fatal');
      s.start();
      const e = await fatal;
      assert.equal(e.status, 401);
      assert.equal(s.state, 'closed');
      assert.match(s.lastError ?? '', /no token/);
      s.stop();
    } finally {
      await srv.stop();
    }
  });
  after(() => undefined);
});
