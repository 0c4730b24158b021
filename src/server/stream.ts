// Server-Sent Events to every connected client: `hello` first, then device/event/alert/poll messages, each
// with a sequence number as its id, and a keep-alive comment every 15 s (proxies close idle connections).
import type { ServerResponse } from 'node:http';
import { STREAM_KEEPALIVE_MS, type StreamEventName, type StreamEvents } from '../core/remote/api-types';

interface Client {
  res: ServerResponse;
  user: string;
}

export class StreamHub {
  private readonly clients = new Set<Client>();
  private seq = 1;
  private readonly timer: NodeJS.Timeout;

  constructor(keepAliveMs = STREAM_KEEPALIVE_MS) {
    this.timer = setInterval(() => this.write(': keep-alive\n\n'), keepAliveMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  get nextSeq(): number {
    return this.seq;
  }

  add(res: ServerResponse, user: string, hello: (seq: number) => StreamEvents['hello']): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    const c = { res, user };
    this.clients.add(c);
    res.write(`retry: 2000\nid: ${this.seq}\nevent: hello\ndata: ${JSON.stringify(hello(this.seq))}\n\n`);
    const drop = () => this.clients.delete(c);
    res.on('close', drop);
    res.on('error', drop);
  }

  send<K extends StreamEventName>(event: K, data: StreamEvents[K]): void {
    if (!this.clients.size) {
      this.seq++;
      return;
    }
    this.write(`id: ${this.seq++}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Ends the streams of one user's revoked token, or all. */
  closeAll(): void {
    clearInterval(this.timer);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const c of this.clients) {
      if (!c.res.writableEnded) c.res.write(text);
    }
  }
}
