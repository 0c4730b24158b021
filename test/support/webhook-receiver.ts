// A local HTTP receiver for the webhook transports: records each request (path, headers, raw body) and
// answers with the statuses the test queues (200 once the queue is empty). It can be stopped and started
// again on the same port, to stand for a receiver that is down.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface RunningReceiver {
  port: number;
  url(pathname: string): string;
  requests: Received[];
  /** Statuses for the next requests whose path starts with `prefix`, in order. */
  answer(prefix: string, ...statuses: number[]): void;
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

export async function startReceiver(): Promise<RunningReceiver> {
  const requests: Received[] = [];
  const queue: { prefix: string; status: number }[] = [];
  let port = 0;
  let server: http.Server | undefined;
  const listen = () => new Promise<void>((resolve, reject) => {
    const s = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const i = queue.findIndex((q) => (req.url ?? '').startsWith(q.prefix));
        const status = i >= 0 ? queue.splice(i, 1)[0].status : 200;
        requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'receiver error');
      });
    });
    s.keepAliveTimeout = 1;
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      port = (s.address() as AddressInfo).port;
      server = s;
      resolve();
    });
  });
  const close = () => new Promise<void>((resolve) => {
    if (!server) return resolve();
    const s = server;
    server = undefined;
    s.closeAllConnections();
    s.close(() => resolve());
  });
  await listen();
  return {
    get port() {
      return port;
    },
    url: (p) => `http://127.0.0.1:${port}${p}`,
    requests,
    answer: (prefix, ...s) => queue.push(...s.map((status) => ({ prefix, status }))),
    down: close,
    up: listen,
    stop: close,
  };
}
