// The live stream of `parc serve` (/api/stream, Server-Sent Events), reconnecting with backoff.
// Every (re)connection starts with a `hello`; the owner resynchronises with the REST calls then,
// since events sent while the stream was down are not replayed.
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { ClientRequest } from 'node:http';
import { ApiError, type ParcClient } from './client';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/** Incremental text/event-stream parser (WHATWG rules: fields, blank line ends a message, ':' comments). */
export class SseParser {
  private buf = '';
  private event = '';
  private data: string[] = [];
  private id?: string;

  constructor(private readonly onMessage: (m: SseMessage) => void) {}

  /** The last chunk ended with \r: a \n starting the next one belongs to that line end. */
  private skipLf = false;

  push(chunk: string): void {
    if (this.skipLf && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.skipLf = false;
    this.buf += chunk;
    let i: number;
    while ((i = this.buf.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buf.slice(0, i);
      const crlf = this.buf.startsWith('\r\n', i);
      if (!crlf && this.buf[i] === '\r' && i + 1 === this.buf.length) this.skipLf = true;
      this.buf = this.buf.slice(i + (crlf ? 2 : 1));
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length) this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const c = line.indexOf(':');
    const field = c < 0 ? line : line.slice(0, c);
    let value = c < 0 ? '' : line.slice(c + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id') this.id = value;
  }
}

export interface StreamOptions {
  /** First retry delay; doubles up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** No byte (not even the 15 s keep-alive) for this long: the connection is considered dead. */
  idleMs?: number;
}

/**
 * Emits 'state' (StreamState, error?), 'hello' (data), 'message' (SseMessage with parsed data as
 * `json`), and one event per SSE event name ('device', 'event', 'alert', 'poll'…) with the parsed data.
 * 'fatal' (ApiError) when the server refuses the token: no more retries then.
 */
export class ParcStream extends EventEmitter {
  private req?: ClientRequest;
  private timer?: NodeJS.Timeout;
  private idle?: NodeJS.Timeout;
  private delay: number;
  private stopped = false;
  private _state: StreamState = 'closed';
  /** When the last byte arrived (epoch ms). */
  lastActivity?: number;
  lastError?: string;
  private readonly minDelay: number;
  private readonly maxDelay: number;
  private readonly idleMs: number;

  constructor(private readonly client: ParcClient, opts: StreamOptions = {}) {
    super();
    this.minDelay = opts.minDelayMs ?? 500;
    this.maxDelay = opts.maxDelayMs ?? 15_000;
    this.idleMs = opts.idleMs ?? 40_000;
    this.delay = this.minDelay;
  }

  get state(): StreamState {
    return this._state;
  }

  start(): this {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.idle);
    this.req?.destroy();
    this.req = undefined;
    this.setState('closed');
  }

  private setState(s: StreamState, err?: string): void {
    if (err) this.lastError = err;
    if (s === this._state && !err) return;
    this._state = s;
    this.emit('state', s, err);
  }

  private touch(): void {
    this.lastActivity = Date.now();
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.req?.destroy(new Error(`no data from the server for ${this.idleMs / 1000} s`)), this.idleMs);
  }

  private connect(): void {
    if (this.stopped) return;
    this.setState(this._state === 'closed' ? 'connecting' : 'reconnecting');
    const opts = this.client.requestOptions('GET', '/api/stream', { accept: 'text/event-stream', 'cache-control': 'no-cache' });
    const req = this.client.transport().request(opts);
    this.req = req;
    let failed = false;
    const fail = (e: Error) => {
      if (failed || this.req !== req) return;
      failed = true;
      clearTimeout(this.idle);
      req.destroy();
      this.req = undefined;
      if (this.stopped) return;
      void this.client.explainTls(e).then((err) => {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
          this.stopped = true;
          this.setState('closed', err.message);
          this.emit('fatal', err);
          return;
        }
        if ((err as { code?: string }).code === 'certificate-changed') {
          this.stopped = true;
          this.setState('closed', err.message);
          this.emit('fatal', err);
          return;
        }
        this.setState('reconnecting', err.message);
        this.timer = setTimeout(() => this.connect(), this.delay);
        this.delay = Math.min(this.delay * 2, this.maxDelay);
      });
    };
    req.on('response', (res: IncomingMessage) => {
      if ((res.statusCode ?? 0) >= 400) {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let body: { error?: { code?: string; message?: string } } | undefined;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          fail(new ApiError(res.statusCode!, body?.error?.code ?? 'internal', body?.error?.message ?? `HTTP ${res.statusCode}`));
        });
        return;
      }
      res.setEncoding('utf8');
      const parser = new SseParser((m) => this.dispatch(m));
      this.touch();
      res.on('data', (c: string) => {
        this.touch();
        parser.push(c);
      });
      res.on('end', () => fail(new Error('the server closed the stream')));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  }

  private dispatch(m: SseMessage): void {
    let json: unknown;
    try {
      json = JSON.parse(m.data);
    } catch {
      json = m.data;
    }
    if (m.event === 'hello') {
      this.delay = this.minDelay;
      this.setState('open');
    }
    this.emit('message', { ...m, json });
    this.emit(m.event, json);
  }
}
