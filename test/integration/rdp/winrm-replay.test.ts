// The WinRM client against a replay server built from WS-Management exchanges recorded on real Windows 7
// and Server 2012 hosts (../shared/corpus/winrm/winrm4j, Apache-2.0, read at test time). NTLM is real on
// both sides (the server checks the proof and MIC); over HTTP every message is sealed with the session keys.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadRecording, startReplay, type RecordedItem } from '../../support/winrm-replay';
import { WsmanHttp } from '../../../src/core/rdp/wsman/http';
import { WinrmShell } from '../../../src/core/rdp/wsman/shell';
import { WinrmTransport } from '../../../src/core/rdp/transports/winrm';
import { listSessions } from '../../../src/core/rdp/session-service';
import { quserText } from '../../support/rdp-standin';
import { encodeOem } from '../../../src/core/rdp/codepage';

const corpus = path.resolve(__dirname, '../../../../../shared/corpus/winrm/winrm4j');
const absent = existsSync(corpus) ? undefined : `${corpus} absent`;
if (absent) console.log(`# skipping WinRM replay tests: ${absent}`);
const USER = 'CORP\\parc-admin';
const PASSWORD = 'Replay-Pa55word!';
const ACTIONS = ['transfer/Create', 'shell/Command', 'shell/Receive', 'shell/Signal', 'transfer/Delete'];

describe('WinRM against recorded real exchanges (replay server, no Windows host here)', { skip: absent }, () => {
  for (const rec of ['win7.xml', 'win12.xml']) {
    it(`${rec}: Create/Command/Receive/Signal/Delete over HTTP with NTLM message encryption`, async () => {
      const server = await startReplay({ items: loadRecording(path.join(corpus, rec)), auth: 'ntlm', user: 'parc-admin', password: PASSWORD });
      const http = new WsmanHttp({ url: server.url, auth: 'ntlm', credentials: { user: USER, password: PASSWORD } });
      try {
        const shell = new WinrmShell(http, server.url, 437);
        const r = await shell.run('echo myline');
        await shell.close();
        assert.deepEqual(server.problems, []);
        assert.equal(r.stdout.toString('latin1'), 'myline\r\n');
        assert.equal(r.exitCode, 0);
        assert.deepEqual(server.received.map((x) => x.action.split('/').slice(-2).join('/')), ACTIONS);
        assert.equal(server.logins.ok, 1, 'one NTLM handshake for the whole conversation');
        for (const x of server.received) {
          assert.match(x.contentType, /^multipart\/encrypted;protocol="application\/HTTP-SPNEGO-session-encrypted"/);
          assert.ok(!x.raw.includes('Envelope') && !x.raw.includes('echo myline'), 'the SOAP text never crosses the wire in clear');
        }
        assert.match(server.received[0].xml, /<w:Option Name="WINRS_CODEPAGE">437<\/w:Option>/);
        assert.match(server.received[1].xml, /<rsp:Command>echo myline<\/rsp:Command>/);
      } finally {
        http.close();
        await server.close();
      }
    });
  }

  it('a wrong password is refused by the NTLM check, with a message that does not contain it', async () => {
    const server = await startReplay({ items: loadRecording(path.join(corpus, 'win7.xml')), auth: 'ntlm', user: 'parc-admin', password: PASSWORD });
    const http = new WsmanHttp({ url: server.url, auth: 'ntlm', credentials: { user: USER, password: 'wrong-password' } });
    try {
      const err = await new WinrmShell(http, server.url, 437).open().then(() => undefined, (e: Error) => e);
      assert.ok(err);
      assert.equal(err.message, `WinRM 127.0.0.1:${server.port}: authentication refused for ${USER}`);
      assert.deepEqual(server.problems, ['NTLMv2 proof does not match the password']);
    } finally {
      http.close();
      await server.close();
    }
  });

  it('a Receive that times out (OperationTimeout fault, written by hand after the WS-Man schema) is asked again', async () => {
    const items = loadRecording(path.join(corpus, 'win7.xml'));
    const receive = items.findIndex((i) => i.action.endsWith('/Receive'));
    const timeout = { action: items[receive].action, request: '', response: `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"><s:Header><a:RelatesTo>\${messageId}</a:RelatesTo></s:Header><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value><s:Subcode><s:Value>w:TimedOut</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang="en-US">The WS-Management service cannot complete the operation within the time specified in OperationTimeout.</s:Text></s:Reason><s:Detail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858793" Machine="replay"><f:Message>The WS-Management service cannot complete the operation within the time specified in OperationTimeout. </f:Message></f:WSManFault></s:Detail></s:Fault></s:Body></s:Envelope>` };
    items.splice(receive, 0, timeout);
    const server = await startReplay({ items, auth: 'ntlm', user: 'parc-admin', password: PASSWORD });
    const http = new WsmanHttp({ url: server.url, auth: 'ntlm', credentials: { user: USER, password: PASSWORD } });
    try {
      const shell = new WinrmShell(http, server.url, 437);
      assert.equal((await shell.run('echo myline')).stdout.toString(), 'myline\r\n');
      await shell.close();
      assert.deepEqual(server.problems, []);
      assert.equal(server.received.filter((x) => x.action.endsWith('/Receive')).length, 2);
    } finally {
      http.close();
      await server.close();
    }
  });

  it('quser through the WinRM transport: recorded exchange with its stdout replaced by stand-in German cp850 output', async () => {
    const bytes = encodeOem(quserText({ language: 'de', codepage: 850, sessions: [
      { user: 'jürgen', session: 'rdp-tcp#1', id: 2, state: 'Active', idleMinutes: 0, logon: '04.03.2024 08:15' },
      { user: 'müller', session: '', id: 3, state: 'Disc', idleMinutes: 75, logon: '01.03.2024 16:20' },
    ], changes: [], calls: [], messages: [], quserCalls: 0 }), 850);
    const items: RecordedItem[] = loadRecording(path.join(corpus, 'win12.xml')).map((it) =>
      it.action.endsWith('/Receive') ? { ...it, response: it.response.replace(/(<rsp:Stream Name="stdout"[^>]*>)[^<]+(<\/rsp:Stream>)/, `$1${bytes.toString('base64')}$2`) } : it,
    );
    const server = await startReplay({ items, auth: 'ntlm', user: 'parc-admin', password: PASSWORD });
    const t = new WinrmTransport({ host: '127.0.0.1', port: server.port, tls: false, auth: 'ntlm', user: USER, password: PASSWORD, codepage: 850 });
    try {
      const list = await listSessions(t);
      await t.close();
      assert.deepEqual(server.problems, []);
      assert.deepEqual(list.map((s) => [s.id, s.username, s.state, s.idleMinutes]), [[2, 'jürgen', 'active', 0], [3, 'müller', 'disconnected', 75]]);
      assert.match(server.received[0].xml, /WINRS_CODEPAGE">850</);
      assert.match(server.received[1].xml, /<rsp:Command>quser<\/rsp:Command>/);
      assert.equal(server.received.length, 5, 'no chcp round trip: the shell code page is known');
    } finally {
      await server.close();
    }
  });

  describe('HTTPS with Basic authentication', () => {
    let dir: string;
    let tls: { key: string; cert: string };
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'parc-winrm-tls-'));
      const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      tls = { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('replays win7.xml over TLS with the certificate trusted through its CA file', async () => {
      const server = await startReplay({ items: loadRecording(path.join(corpus, 'win7.xml')), auth: 'basic', user: USER, password: PASSWORD, tls });
      const http = new WsmanHttp({ url: server.url, auth: 'basic', credentials: { user: USER, password: PASSWORD }, ca: tls.cert });
      try {
        const shell = new WinrmShell(http, server.url, 65001);
        assert.equal((await shell.run('echo myline')).stdout.toString(), 'myline\r\n');
        await shell.close();
        assert.deepEqual(server.problems, []);
        assert.equal(server.logins.ok, 5);
        assert.match(server.received[1].contentType, /^application\/soap\+xml/);
      } finally {
        http.close();
        await server.close();
      }
    });

    it('replays win12.xml over TLS with NTLM (no message sealing needed inside TLS)', async () => {
      const server = await startReplay({ items: loadRecording(path.join(corpus, 'win12.xml')), auth: 'ntlm', user: 'parc-admin', password: PASSWORD, tls });
      const http = new WsmanHttp({ url: server.url, auth: 'ntlm', credentials: { user: USER, password: PASSWORD }, ca: tls.cert });
      try {
        const shell = new WinrmShell(http, server.url, 65001);
        assert.equal((await shell.run('echo myline')).stdout.toString(), 'myline\r\n');
        await shell.close();
        assert.deepEqual(server.problems, []);
        assert.equal(server.logins.ok, 1);
        assert.ok(server.received.every((x) => /^application\/soap\+xml/.test(x.contentType)));
      } finally {
        http.close();
        await server.close();
      }
    });

    it('an untrusted certificate is refused, never silently accepted', async () => {
      const server = await startReplay({ items: loadRecording(path.join(corpus, 'win7.xml')), auth: 'basic', user: USER, password: PASSWORD, tls });
      const http = new WsmanHttp({ url: server.url, auth: 'basic', credentials: { user: USER, password: PASSWORD } });
      try {
        await assert.rejects(new WinrmShell(http, server.url, 65001).open(), /self-signed certificate/);
        assert.equal(server.received.length, 0);
      } finally {
        http.close();
        await server.close();
      }
    });

    it('Basic over plain HTTP is refused before anything is sent', () => {
      assert.throws(() => new WsmanHttp({ url: 'http://127.0.0.1:1/wsman', auth: 'basic', credentials: { user: USER, password: PASSWORD } }), /needs HTTPS/);
    });
  });
});
