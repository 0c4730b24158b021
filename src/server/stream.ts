// Server-Sent Events to every connected client: `hello` first, then device/event/alert/poll messages, each
// with a sequence number as its id, and a keep-alive comment every 15 s (proxies close idle connections).
// Messages sent in one turn of the event loop (a poll's hundreds of device changes) are serialised once and
// written as one chunk per client, with Nagle off: a poll's changes reach 50 clients as 50 writes, not
// 50 × hundreds. A client that does not read (its socket buffer past a cap) is dropped; it reconnects and
// resynchronises from the REST calls (or the replay below) rather than growing the server's memory.
import type { ServerResponse } from 'node:http';
import { STREAM_KEEPALIVE_MS, type StreamEventName, type StreamEvents } from '../core/remote/api-types';

interface Client {
  res: ServerResponse;
  user: string;
}

/** Bytes a client may leave unread before it is dropped. */
const MAX_UNREAD = 16 * 1024 * 1024;
/** Messages kept for a reconnecting client's Last-Event-ID. */
const REPLAY = 5000;

export class StreamHub {
  private readonly clients = new Set<Client>();
  private seq: number;
  private readonly timer: NodeJS.Timeout;
  private pending: string[] = [];
  private flushing?: NodeJS.Immediate;
  /** The last messages, oldest first, as written (for Last-Event-ID); `firstSeq` is the id of recent[0]. */
  private recent: string[] = [];
  private firstSeq: number;

  /** `firstSeq`: ids start there; the server passes its start time × 1000 so that ids keep growing across restarts. */
  constructor(keepAliveMs = STREAM_KEEPALIVE_MS, firstSeq = 1) {
    this.seq = firstSeq;
    this.firstSeq = firstSeq;
    this.timer = setInterval(() => this.write(': keep-alive\n\n'), keepAliveMs);
    this.timer.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  get nextSeq(): number {
    return this.seq;
  }

  /**
   * Opens a client's stream. With `lastEventId` (the browser's Last-Event-ID after a drop) the messages it missed
   * are replayed after the hello when this process still has them all; `hello.replayed` says whether it did (if not,
   * the client resynchronises with the REST calls).
   */
  add(res: ServerResponse, user: string, hello: (seq: number, replayed: boolean) => StreamEvents['hello'], lastEventId?: number): void {
    this.flush();
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.socket?.setNoDelay(true);
    const c = { res, user };
    this.clients.add(c);
    const missed = lastEventId !== undefined && Number.isInteger(lastEventId) && lastEventId >= this.firstSeq - 1 && lastEventId < this.seq ? this.recent.slice(lastEventId - this.firstSeq + 1) : undefined;
    const replayed = lastEventId !== undefined && (missed !== undefined || lastEventId === this.seq - 1);
    // The hello's id is the last id already sent, so a reconnect's Last-Event-ID never skips the next message.
    res.write(`retry: 2000\nid: ${this.seq - 1}\nevent: hello\ndata: ${JSON.stringify(hello(this.seq, replayed))}\n\n${missed?.join('') ?? ''}`);
    const drop = () => this.clients.delete(c);
    res.on('close', drop);
    res.on('error', drop);
  }

  send<K extends StreamEventName>(event: K, data: StreamEvents[K]): void {
    const text = `id: ${this.seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    this.seq++;
    this.recent.push(text);
    if (this.recent.length > REPLAY * 2) {
      this.recent = this.recent.slice(-REPLAY);
      this.firstSeq = this.seq - this.recent.length;
    }
    if (!this.clients.size) return;
    this.pending.push(text);
    this.flushing ??= setImmediate(() => this.flush());
  }

  /** Ends every stream (the server stops: clients reconnect to the next one). */
  closeAll(): void {
    this.flush();
    clearInterval(this.timer);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
  }

  private flush(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = undefined;
    if (!this.pending.length) return;
    const text = this.pending.join('');
    this.pending = [];
    this.write(text);
  }

  private write(text: string): void {
    // One Buffer for all clients: the UTF-8 encoding is done once.
    const buf = Buffer.from(text, 'utf8');
    for (const c of this.clients) {
      if (c.res.writableEnded) continue;
      if (c.res.writableLength > MAX_UNREAD) {
        this.clients.delete(c);
        c.res.destroy();
        continue;
      }
      c.res.write(buf);
    }
  }
}
