// WS-Management over HTTP(S): Basic (HTTPS only) or NTLM; over plain HTTP every message is sealed
// with the NTLM session (the Windows default refuses unencrypted HTTP). NTLM authenticates the TCP
// connection, so one keep-alive socket carries the whole conversation.
import * as http from 'node:http';
import * as https from 'node:https';
import { RdpError } from '../errors';
import { authenticateMessage, negotiateMessage, parseChallenge, type Credentials } from '../ntlm/client';
import type { NtlmSessionSecurity } from '../ntlm/session-security';
import { decryptBody, ENCRYPTED_CONTENT_TYPE, encryptBody } from './encryption';
import { checkFault } from './parse';

export interface WsmanHttpOptions {
  url: string;
  auth: 'ntlm' | 'basic';
  credentials: Credentials;
  /** HTTPS: extra CA certificates (PEM) to trust. */
  ca?: string | Buffer;
  timeoutMs?: number;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class WsmanHttp {
  private readonly url: URL;
  private readonly agent: http.Agent;
  private security?: NtlmSessionSecurity;
  private readonly encrypt: boolean;

  constructor(private readonly o: WsmanHttpOptions) {
    this.url = new URL(o.url);
    const tls = this.url.protocol === 'https:';
    if (o.auth === 'basic' && !tls) throw new RdpError('WinRM Basic authentication needs HTTPS (it would send the password in clear)');
    this.encrypt = !tls && o.auth === 'ntlm';
    this.agent = tls ? new https.Agent({ keepAlive: true, maxSockets: 1, ca: o.ca }) : new http.Agent({ keepAlive: true, maxSockets: 1 });
  }

  private send(headers: Record<string, string>, body: Buffer): Promise<Reply> {
    const mod = this.url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(
        { method: 'POST', host: this.url.hostname, port: this.url.port, path: this.url.pathname, agent: this.agent, headers: { ...headers, 'Content-Length': String(body.length) }, timeout: this.o.timeoutMs ?? 120_000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (e) => reject(new RdpError(`WinRM ${this.url.host}: ${e.message}`)));
      req.end(body);
    });
  }

  private soapHeaders(): Record<string, string> {
    return this.encrypt ? { 'Content-Type': ENCRYPTED_CONTENT_TYPE } : { 'Content-Type': 'application/soap+xml;charset=UTF-8' };
  }

  private wrap(xml: string): Buffer {
    const soap = Buffer.from(xml, 'utf8');
    return this.encrypt && this.security ? encryptBody(this.security, soap) : soap;
  }

  private unwrap(r: Reply): string {
    const ct = String(r.headers['content-type'] ?? '');
    if (this.encrypt && this.security && /multipart\/encrypted/i.test(ct)) return decryptBody(this.security, r.body).toString('utf8');
    if (this.encrypt && r.body.length && r.status === 200) throw new RdpError(`WinRM ${this.url.host}: the host answered unencrypted over HTTP`);
    return r.body.toString('utf8');
  }

  /** NTLM over this socket; the AUTHENTICATE goes with the first real request (as Windows expects). */
  private async handshake(xml: string): Promise<Reply> {
    const neg = negotiateMessage();
    const r1 = await this.send({ Authorization: `Negotiate ${neg.toString('base64')}`, ...this.soapHeaders() }, Buffer.alloc(0));
    const www = [r1.headers['www-authenticate']].flat().join(',');
    const m = /(?:Negotiate|NTLM)\s+([A-Za-z0-9+/=]+)/.exec(www);
    if (r1.status !== 401 || !m) throw new RdpError(`WinRM ${this.url.host}: no NTLM challenge (HTTP ${r1.status}${www ? `, ${www.slice(0, 60)}` : ''})`);
    const auth = authenticateMessage(neg, parseChallenge(Buffer.from(m[1], 'base64')), this.o.credentials);
    this.security = auth.security;
    return this.send({ Authorization: `Negotiate ${auth.message.toString('base64')}`, ...this.soapHeaders() }, this.wrap(xml));
  }

  /** Posts one envelope and returns the response envelope (faults raise WsmanError). */
  async post(xml: string): Promise<string> {
    let r: Reply;
    if (this.o.auth === 'basic') {
      const basic = Buffer.from(`${this.o.credentials.user}:${this.o.credentials.password}`, 'utf8').toString('base64');
      r = await this.send({ Authorization: `Basic ${basic}`, 'Content-Type': 'application/soap+xml;charset=UTF-8' }, Buffer.from(xml, 'utf8'));
    } else if (!this.security) {
      r = await this.handshake(xml);
    } else {
      r = await this.send(this.soapHeaders(), this.wrap(xml));
      if (r.status === 401) {
        // The connection was replaced (keep-alive timeout): authenticate the new one.
        this.security = undefined;
        r = await this.handshake(xml);
      }
    }
    if (r.status === 401) throw new RdpError(`WinRM ${this.url.host}: authentication refused for ${this.o.credentials.user}`);
    const text = this.unwrap(r);
    if (r.status !== 200) {
      checkFault(text);
      throw new RdpError(`WinRM ${this.url.host}: HTTP ${r.status}`);
    }
    return text;
  }

  close(): void {
    this.agent.destroy();
  }
}
