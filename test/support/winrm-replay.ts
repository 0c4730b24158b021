// A WinRM endpoint for tests that replays exchanges recorded from real Windows hosts (winrm4j's
// recordings in ../shared/corpus/winrm, Apache-2.0, read at test time). It authenticates the client with
// NTLM for real (checks the NTLMv2 proof and the MIC against a known password), then decrypts each
// request and encrypts each recorded response with the session keys, as MS-WSMV 2.2.9.1 specifies.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { avPairs } from '../../src/core/rdp/ntlm/client';
import { fileTime, hmacMd5, ntowfv2 } from '../../src/core/rdp/ntlm/crypto';
import { NTLM } from '../../src/core/rdp/ntlm/flags';
import { rc4 } from '../../src/core/rdp/ntlm/rc4';
import { NtlmSessionSecurity } from '../../src/core/rdp/ntlm/session-security';
import { decryptBody, ENCRYPTED_CONTENT_TYPE, encryptBody } from '../../src/core/rdp/wsman/encryption';

export interface RecordedItem {
  action: string;
  request: string;
  response: string;
}

/** Items of a winrm4j recording file, in order. */
export function loadRecording(file: string): RecordedItem[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/<item>\s*<request action="([^"]+)">([\s\S]*?)<\/request>\s*<response>([\s\S]*?)<\/response>\s*<\/item>/g)].map((m) => ({ action: m[1], request: m[2], response: m[3].trim() }));
}

export interface ReplayOptions {
  items: RecordedItem[];
  auth: 'ntlm' | 'basic';
  user: string;
  password: string;
  /** HTTPS with this key and certificate; plain HTTP (NTLM-sealed) otherwise. */
  tls?: { key: string; cert: string };
}

export interface ReceivedRequest {
  action: string;
  /** The envelope after decryption. */
  xml: string;
  /** What crossed the wire. */
  raw: Buffer;
  contentType: string;
}

export interface ReplayServer {
  url: string;
  port: number;
  received: ReceivedRequest[];
  /** Authentications that succeeded / failed (NTLM proof or MIC wrong, bad Basic password). */
  logins: { ok: number; failed: number };
  problems: string[];
  close(): Promise<void>;
}

const tag = (xml: string, local: string) => new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>([^<]*)</(?:[\\w.-]+:)?${local}>`).exec(xml)?.[1].trim();
const selector = (xml: string, name: string) => new RegExp(`<(?:[\\w.-]+:)?Selector\\s+Name="${name}"\\s*>([^<]*)<`).exec(xml)?.[1].trim();
const commandIdAttr = (xml: string) => /CommandId="([^"]+)"/.exec(xml)?.[1];

function fault(text: string): string {
  return `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault><s:Reason><s:Text xml:lang="en-US">${text}</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>`;
}

function challengeMessage(serverChallenge: Buffer): Buffer {
  const av = (id: number, v: Buffer) => {
    const h = Buffer.alloc(4);
    h.writeUInt16LE(id, 0);
    h.writeUInt16LE(v.length, 2);
    return Buffer.concat([h, v]);
  };
  const u = (s: string) => Buffer.from(s, 'utf16le');
  const info = Buffer.concat([av(2, u('REPLAY')), av(1, u('WIN7')), av(4, u('replay.test')), av(3, u('win7.replay.test')), av(7, fileTime(Date.now())), Buffer.alloc(4)]);
  const name = u('REPLAY');
  const flags = (NTLM.UNICODE | NTLM.REQUEST_TARGET | NTLM.SIGN | NTLM.SEAL | NTLM.NTLM | NTLM.ALWAYS_SIGN | NTLM.EXTENDED_SESSIONSECURITY | NTLM.TARGET_INFO | NTLM.VERSION | NTLM.KEY_128 | NTLM.KEY_EXCH | NTLM.KEY_56) >>> 0;
  const b = Buffer.alloc(56);
  Buffer.from('NTLMSSP\0', 'latin1').copy(b);
  b.writeUInt32LE(2, 8);
  b.writeUInt16LE(name.length, 12);
  b.writeUInt16LE(name.length, 14);
  b.writeUInt32LE(56, 16);
  b.writeUInt32LE(flags, 20);
  serverChallenge.copy(b, 24);
  b.writeUInt16LE(info.length, 40);
  b.writeUInt16LE(info.length, 42);
  b.writeUInt32LE(56 + name.length, 44);
  Buffer.from([6, 1, 0xb1, 0x1d, 0, 0, 0, 15]).copy(b, 48);
  return Buffer.concat([b, name, info]);
}

interface ConnState {
  negotiate?: Buffer;
  challenge?: Buffer;
  security?: NtlmSessionSecurity;
}

/** Checks an AUTHENTICATE message as a Windows acceptor would; returns the session security or why not. */
function acceptAuthenticate(st: ConnState, msg: Buffer, user: string, password: string): NtlmSessionSecurity | string {
  if (!st.challenge || !st.negotiate) return 'AUTHENTICATE without NEGOTIATE/CHALLENGE on this connection';
  const f = (at: number) => msg.subarray(msg.readUInt32LE(at + 4), msg.readUInt32LE(at + 4) + msg.readUInt16LE(at));
  const nt = f(20);
  const domain = f(28).toString('utf16le');
  const name = f(36).toString('utf16le');
  const flags = msg.readUInt32LE(60);
  if (name.toLowerCase() !== user.toLowerCase()) return `unknown user ${name}`;
  const key = ntowfv2(name, domain, password);
  const proof = hmacMd5(key, st.challenge.subarray(24, 32), nt.subarray(16));
  if (!proof.equals(nt.subarray(0, 16))) return 'NTLMv2 proof does not match the password';
  const sessionBaseKey = hmacMd5(key, proof);
  const esk = flags & NTLM.KEY_EXCH ? rc4(sessionBaseKey, f(52)) : sessionBaseKey;
  const info = avPairs(nt.subarray(44));
  if (((info.get(6)?.readUInt32LE(0) ?? 0) & 2) === 0) return 'MsvAvFlags does not announce a MIC';
  const zeroed = Buffer.from(msg);
  zeroed.fill(0, 72, 88);
  if (!hmacMd5(esk, st.negotiate, st.challenge, zeroed).equals(msg.subarray(72, 88))) return 'MIC does not match';
  return new NtlmSessionSecurity(esk, flags, false);
}

export async function startReplay(o: ReplayOptions): Promise<ReplayServer> {
  const received: ReceivedRequest[] = [];
  const problems: string[] = [];
  const logins = { ok: 0, failed: 0 };
  const conns = new WeakMap<Socket, ConnState>();
  let next = 0;
  let shellId: string | undefined;
  let commandId: string | undefined;

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const st = conns.get(req.socket) ?? {};
      conns.set(req.socket, st);
      const authz = req.headers.authorization ?? '';
      const reply = (status: number, headers: Record<string, string>, body: Buffer) => {
        res.writeHead(status, { ...headers, 'Content-Length': String(body.length) });
        res.end(body);
      };
      if (o.auth === 'basic') {
        const m = /^Basic (.+)$/.exec(authz);
        const [u, ...p] = m ? Buffer.from(m[1], 'base64').toString('utf8').split(':') : [];
        if (u !== o.user || p.join(':') !== o.password) {
          logins.failed++;
          return reply(401, { 'WWW-Authenticate': 'Basic realm="WSMAN"' }, Buffer.alloc(0));
        }
        logins.ok++;
      } else {
        const m = /^Negotiate (.+)$/.exec(authz);
        if (m) {
          const token = Buffer.from(m[1], 'base64');
          const type = token.length >= 12 ? token.readUInt32LE(8) : 0;
          if (type === 1) {
            st.negotiate = token;
            st.challenge = challengeMessage(randomBytes(8));
            st.security = undefined;
            return reply(401, { 'WWW-Authenticate': `Negotiate ${st.challenge.toString('base64')}` }, Buffer.alloc(0));
          }
          const sec = acceptAuthenticate(st, token, o.user, o.password);
          if (typeof sec === 'string') {
            logins.failed++;
            problems.push(sec);
            return reply(401, { 'WWW-Authenticate': 'Negotiate' }, Buffer.alloc(0));
          }
          logins.ok++;
          st.security = sec;
        } else if (!st.security) {
          return reply(401, { 'WWW-Authenticate': 'Negotiate' }, Buffer.alloc(0));
        }
      }
      const contentType = String(req.headers['content-type'] ?? '');
      let xml: string;
      const sealed = !o.tls && o.auth === 'ntlm';
      try {
        if (sealed && !/^multipart\/encrypted/.test(contentType)) throw new Error('unencrypted request over HTTP');
        xml = sealed ? decryptBody(st.security!, raw).toString('utf8') : raw.toString('utf8');
      } catch (e) {
        problems.push((e as Error).message);
        return reply(400, {}, Buffer.alloc(0));
      }
      const action = tag(xml, 'Action') ?? '';
      received.push({ action, xml, raw, contentType });
      const item = o.items[next];
      let body: string;
      if (!item || item.action !== action) {
        problems.push(`expected ${item?.action ?? 'nothing'}, got ${action}`);
        body = fault(`replay: unexpected ${action}`);
      } else if (tag(xml, 'ResourceURI') !== 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd') {
        problems.push(`wrong ResourceURI in ${action}`);
        body = fault('replay: wrong ResourceURI');
      } else if (shellId && !/transfer\/Create$/.test(action) && selector(xml, 'ShellId') !== shellId) {
        problems.push(`wrong ShellId in ${action}: ${selector(xml, 'ShellId')}`);
        body = fault('replay: wrong ShellId');
      } else if (commandId && /(Receive|Signal)$/.test(action) && commandIdAttr(xml) !== commandId) {
        problems.push(`wrong CommandId in ${action}: ${commandIdAttr(xml)}`);
        body = fault('replay: wrong CommandId');
      } else {
        next++;
        body = item.response.replace(/\$\{messageId\}/g, tag(xml, 'MessageID') ?? '').replace(/\$\{serviceUrl\}/g, tag(xml, 'To') ?? '');
        shellId ??= selector(body, 'ShellId');
        commandId ??= tag(body, 'CommandId');
      }
      const status = /<(?:\w+:)?Fault>/.test(body) ? 500 : 200;
      const soap = Buffer.from(body, 'utf8');
      if (sealed) reply(status, { 'Content-Type': ENCRYPTED_CONTENT_TYPE }, encryptBody(st.security!, soap));
      else reply(status, { 'Content-Type': 'application/soap+xml;charset=UTF-8' }, soap);
    });
  };
  const server = o.tls ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, handler) : http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${o.tls ? 'https' : 'http'}://127.0.0.1:${port}/wsman`,
    port,
    received,
    logins,
    problems,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
