// `parc serve` and `parc watch` as real child processes of the tests (the built dist/cli.js), an HTTP client
// for the API (through the product's own client, TLS pinned as the extension pins it), an SSE reader, and a counting UDP relay
// that tells which process sent each SNMP request (by the owner of its source port, from /proc).
import { spawn, type ChildProcess } from 'node:child_process';
import * as dgram from 'node:dgram';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import * as path from 'node:path';
import { ParcClient } from '../../src/core/remote/client';
import type { Pin } from '../../src/core/remote/client-tls';
import { freeTcpPort, freeUdpPort } from './ports';

export const CLI = path.resolve(__dirname, '../../../dist/cli.js');

export interface ParcProcess {
  child: ChildProcess;
  pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr (or stdout) matches. */
  waitFor(re: RegExp, ms?: number): Promise<RegExpMatchArray>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

export function startParc(args: string[], o: { cwd: string; env?: Record<string, string> }): ParcProcess {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: o.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PARC_LEASE_HEARTBEAT_MS: '200', PARC_LEASE_STALE_MS: '1500', ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d) => { out += d; waiters.forEach((w) => w()); });
  child.stderr!.on('data', (d) => { err += d; waiters.forEach((w) => w()); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { waiters.forEach((w) => w()); resolve(code); }));
  return {
    child, pid: child.pid!,
    stdout: () => out, stderr: () => err,
    waitFor(re, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = (err + '\n' + out).match(re);
          if (m) {
            clearTimeout(t);
            waiters.splice(waiters.indexOf(check), 1);
            resolve(m);
          } else if (child.exitCode !== null) {
            clearTimeout(t);
            reject(new Error(`parc ${args[0]} exited (${child.exitCode}) before printing ${re}:\n${err}`));
          }
        };
        const t = setTimeout(() => reject(new Error(`parc ${args[0]} did not print ${re} within ${ms} ms:\n${err}`)), ms);
        waiters.push(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Starts `parc serve` on a free port and waits until it listens. */
export async function startServe(cwd: string, extra: string[] = [], env: Record<string, string> = {}, port?: number): Promise<ParcProcess & { url: string; port: number }> {
  const p = port ?? (await freeTcpPort());
  const proc = startParc(['serve', '--listen', `127.0.0.1:${p}`, ...extra], { cwd, env });
  const m = await proc.waitFor(/listening on (https?):\/\/127\.0\.0\.1:(\d+)/);
  return Object.assign(proc, { url: `${m[1]}://127.0.0.1:${m[2]}`, port: p });
}

export interface RemoteTarget {
  url: string;
  /** The server certificate trusted by fingerprint (from probeCertificate). */
  pin?: Pin;
}

/** A client without a token of its own: each call gives the token it means to send. */
function clientFor(t: RemoteTarget, token?: string): ParcClient {
  return new ParcClient({ url: t.url, pin: t.pin, token, timeoutMs: 60_000 });
}

export class Api {
  token?: string;
  constructor(readonly target: RemoteTarget) {}

  async call<T = Record<string, unknown>>(method: string, p: string, body?: unknown, token = this.token): Promise<{ status: number; body: T; headers: Record<string, unknown> }> {
    return clientFor(this.target, token).send<T>(method, p, { body });
  }

  async login(user: string, password: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const r = await this.call('POST', '/api/login', { user, password }, undefined);
    if (r.status === 200) this.token = r.body.token as string;
    return r;
  }
}

export interface SseMessage {
  id?: string;
  event: string;
  data: unknown;
}

/** An SSE client that collects messages. */
export async function openStream(target: RemoteTarget, token: string): Promise<{ messages: SseMessage[]; status: number; waitFor(pred: (m: SseMessage) => boolean, ms?: number): Promise<SseMessage>; close(): void }> {
  const res = await clientFor(target, token).open('GET', '/api/stream', { headers: { accept: 'text/event-stream' } });
  const messages: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let buf = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, i);
      buf = buf.slice(i + 2);
      const m: SseMessage = { event: 'message', data: undefined };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event: ')) m.event = line.slice(7);
        else if (line.startsWith('id: ')) m.id = line.slice(4);
        else if (line.startsWith('data: ')) data.push(line.slice(6));
      }
      if (!data.length) continue;
      m.data = JSON.parse(data.join('\n'));
      messages.push(m);
      waiters.forEach((w) => w());
    }
  });
  res.on('error', () => undefined);
  return {
    messages, status: res.statusCode ?? 0,
    waitFor(pred, ms = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = messages.find(pred);
          if (hit) {
            clearTimeout(t);
            resolve(hit);
          }
        };
        const t = setTimeout(() => reject(new Error(`no matching stream message within ${ms} ms; got ${messages.map((x) => x.event).join(', ')}`)), ms);
        waiters.push(check);
        check();
      });
    },
    close: () => res.destroy(),
  };
}

/** Which process owns a local UDP port on 127.0.0.1 (from /proc/net/udp and /proc/<pid>/fd). */
function ownerOfUdpPort(port: number, pids: number[]): number | undefined {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/udp', '/proc/net/udp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols[1]?.endsWith(`:${hex}`)) inodes.add(cols[9]);
    }
  }
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return pid;
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** A UDP relay in front of an agent that counts requests per sending process. */
export async function startCountingRelay(agentPort: number, pids: () => number[]): Promise<{ port: number; counts: Map<number | 'unknown', number>; close(): void }> {
  const port = await freeUdpPort();
  const front = dgram.createSocket('udp4');
  const counts = new Map<number | 'unknown', number>();
  const backs = new Map<string, dgram.Socket>();
  front.on('message', (msg, rinfo) => {
    // Looked up per packet (no cache): a source port may later be reused by the other process.
    const owner = ownerOfUdpPort(rinfo.port, pids());
    const k = owner ?? 'unknown';
    counts.set(k, (counts.get(k) ?? 0) + 1);
    const key = `${rinfo.address}:${rinfo.port}`;
    let back = backs.get(key);
    if (!back) {
      back = dgram.createSocket('udp4');
      back.on('message', (reply) => front.send(reply, rinfo.port, rinfo.address));
      back.on('error', () => undefined);
      backs.set(key, back);
    }
    back.send(msg, agentPort, '127.0.0.1');
  });
  await new Promise<void>((resolve) => front.bind(port, '127.0.0.1', () => resolve()));
  return { port, counts, close: () => { front.close(); backs.forEach((b) => b.close()); } };
}
