// `parc serve` as a real process on loopback with local accounts: 401 without a token, 403 naming the role,
// expired/revoked/logged-out tokens refused, brute force slowed (429), a changed certificate refused by a pinned
// client, and no password or token anywhere in the state directory or the logs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CertificateChangedError, probeCertificate } from '../../../src/core/remote/client-tls';
import { freeUdpPort } from '../../support/ports';
import { Api, CLI, openStream, startServe, type ParcProcess } from '../../support/parc-serve';

const PW = { admin: 'Admin-Secret-9z', op: 'Operator-Secret-8y', vic: 'Viewer-Secret-7x' };

function addUser(dir: string, name: string, role: string, password: string): void {
  const r = spawnSync(process.execPath, [CLI, 'serve', 'user', 'add', name, '--role', role, '--password-env', 'NEWPW'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NEWPW: password } });
  assert.equal(r.status, 0, r.stderr);
  assert.ok(!r.stdout.includes(password) && !r.stderr.includes(password));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('parc serve: logins and tokens', () => {
  let dir: string;
  let serve: ParcProcess & { url: string };
  let api: Api;
  const tokens: string[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-sec-'));
    writeFileSync(path.join(dir, 'parc.yaml'), `snmp: { default: lab, profiles: { lab: { version: 2c, credential: ro, timeoutMs: 200, retries: 0 } } }
devices: [{ host: 127.0.0.1, port: ${await freeUdpPort()}, name: ghost }]
server:
  auth:
    tokenTtl: 6s
`);
    addUser(dir, 'admin', 'admin', PW.admin);
    addUser(dir, 'op', 'operator', PW.op);
    addUser(dir, 'vic', 'viewer', PW.vic);
    serve = await startServe(dir, [], { PARC_CRED_RO: 'public' });
    api = new Api({ url: serve.url });
  });

  after(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const login = async (user: keyof typeof PW) => {
    const r = await api.login(user, PW[user]);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    tokens.push(r.body.token as string);
    return r.body.token as string;
  };

  it('keeps the accounts file private and hashed', () => {
    const f = path.join(dir, '.parc', 'server', 'accounts.json');
    assert.equal(statSync(f).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(f)).mode & 0o777, 0o700);
    const text = readFileSync(f, 'utf8');
    for (const p of Object.values(PW)) assert.ok(!text.includes(p));
    assert.match(text, /"hash": "scrypt\$32768\$8\$1\$/);
  });

  it('answers health and the OpenAPI document without a token, everything else 401', async () => {
    const h = await api.call('GET', '/api/health', undefined, undefined);
    assert.equal(h.status, 200);
    assert.equal(h.body.estate, 'parc.yaml');
    assert.equal((h.body.poller as { holder: { kind: string } }).holder.kind, 'serve');
    const o = await api.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/openapi.json', undefined, undefined);
    assert.equal(o.status, 200);
    assert.ok(o.body.paths['/api/devices'] && o.body.paths['/api/stream'] && o.body.paths['/api/janitor/run']);
    for (const [m, p] of [['GET', '/api/devices'], ['GET', '/api/alerts'], ['GET', '/api/stream'], ['POST', '/api/poll'], ['GET', '/api/me']] as const) {
      const r = await api.call<{ error: { code: string; message: string } }>(m, p, m === 'POST' ? {} : undefined, undefined);
      assert.equal(r.status, 401, `${m} ${p}`);
      assert.equal(r.body.error.code, 'unauthorized');
    }
    const bogus = await api.call('GET', '/api/devices', undefined, 'not-a-token');
    assert.equal(bogus.status, 401);
  });

  it('lets a viewer read and refuses it an operator action with 403 naming the role', async () => {
    const t = await login('vic');
    const me = await api.call('GET', '/api/me', undefined, t);
    assert.deepEqual([me.body.name, me.body.role, me.body.source], ['vic', 'viewer', 'local']);
    const devs = await api.call<{ name: string }[]>('GET', '/api/devices', undefined, t);
    assert.equal(devs.status, 200);
    assert.deepEqual(devs.body.map((d) => d.name), ['ghost']);
    for (const [p, b] of [['/api/poll', {}], ['/api/mutes', { device: 'ghost', minutes: 10 }], ['/api/janitor/run', { dryRun: true }]] as const) {
      const r = await api.call<{ error: { code: string; message: string; role: string } }>('POST', p, b, t);
      assert.equal(r.status, 403, p);
      assert.equal(r.body.error.role, 'operator');
      assert.match(r.body.error.message, /needs the operator role; vic is viewer/);
    }
    const op = await login('op');
    const poll = await api.call('POST', '/api/poll', {}, op);
    assert.equal(poll.status, 202);
    assert.equal(poll.body.by, 'self');
  });

  it('refuses a token after logout and after `parc serve token revoke`', async () => {
    const t = await login('op');
    assert.equal((await api.call('POST', '/api/logout', undefined, t)).status, 200);
    const after1 = await api.call<{ error: { message: string } }>('GET', '/api/me', undefined, t);
    assert.equal(after1.status, 401);
    assert.match(after1.body.error.message, /not valid/);
    const t2 = await login('admin');
    assert.equal((await api.call('GET', '/api/me', undefined, t2)).status, 200);
    const r = spawnSync(process.execPath, [CLI, 'serve', 'token', 'revoke', '--user', 'admin'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /revoked [1-9]\d* token/);
    assert.equal((await api.call('GET', '/api/me', undefined, t2)).status, 401);
  });

  it('refuses an expired token (tokenTtl: 6s)', async () => {
    const t = await login('vic');
    const me = await api.call('GET', '/api/me', undefined, t);
    assert.equal(me.status, 200);
    const wait = Date.parse(me.body.expiresAt as string) - Date.now() + 300;
    await new Promise((res) => setTimeout(res, Math.max(0, wait)));
    const r = await api.call<{ error: { message: string } }>('GET', '/api/devices', undefined, t);
    assert.equal(r.status, 401);
    assert.match(r.body.error.message, /expired/);
  });

  it('slows a brute-force loop down with 429, even for the right password, and audits it', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await api.call('POST', '/api/login', { user: 'op', password: `guess-${i}` }, undefined)).status);
    assert.ok(statuses.slice(0, 5).every((s) => s === 401), statuses.join(','));
    assert.ok(statuses.includes(429), statuses.join(','));
    const right = await api.call<{ error: { code: string; retryAfter: number } }>('POST', '/api/login', { user: 'op', password: PW.op }, undefined);
    assert.equal(right.status, 429);
    assert.ok(right.body.error.retryAfter >= 1);
    assert.ok(Number(right.headers['retry-after']) >= 1);
    // Another user from the same address is slowed too (per address).
    assert.equal((await api.call('POST', '/api/login', { user: 'admin', password: PW.admin }, undefined)).status, 429);
    const audit = readFileSync(path.join(dir, '.parc', 'server', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { user: string; action: string; outcome: string; detail?: string });
    assert.ok(audit.some((a) => a.user === 'op' && a.action === 'login' && a.outcome === 'refused' && a.detail === 'rate-limited'));
    assert.ok(audit.some((a) => a.user === 'op' && a.action === 'poll' && a.outcome === 'ok'));
    assert.ok(audit.some((a) => a.user === 'admin' && a.action === 'logout') || audit.some((a) => a.user === 'op' && a.action === 'logout'));
  });

  it('leaves no password or token in the state directory or the logs', async () => {
    assert.ok(tokens.length >= 4);
    const secrets = [...Object.values(PW), ...tokens];
    for (const f of filesUnder(path.join(dir, '.parc'))) {
      // The running server takes and drops the poll lease's lock meanwhile: a file gone since the listing holds nothing.
      let text: string;
      try {
        text = readFileSync(f, 'latin1');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      for (const s of secrets) assert.ok(!text.includes(s), `${path.relative(dir, f)} holds a secret`);
    }
    for (const s of secrets) assert.ok(!serve.stderr().includes(s) && !serve.stdout().includes(s), 'the server log holds a secret');
  });
});

describe('parc serve over TLS with a pinned fingerprint', () => {
  it('serves the self-signed certificate it generated once, and a client pinned to it refuses a changed one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-tls-'));
    writeFileSync(path.join(dir, 'parc.yaml'), 'devices: []\n');
    let s: Awaited<ReturnType<typeof startServe>> | undefined;
    try {
      s = await startServe(dir, ['--self-signed']);
      const fp = (await s.waitFor(/SHA-256 fingerprint: ([0-9A-F:]{95})/))[1];
      assert.match(s.url, /^https:/);
      assert.equal(statSync(path.join(dir, '.parc', 'server', 'tls-key.pem')).mode & 0o777, 0o600);
      const presented = await probeCertificate('127.0.0.1', s.port);
      assert.equal(presented.fingerprint256, fp);
      assert.equal(presented.trusted, false);
      const pin = { fingerprint256: fp, pem: presented.pem };
      const ok = await new Api({ url: s.url, pin }).call<{ ok: boolean }>('GET', '/api/health');
      assert.equal(ok.body.ok, true);
      // Without a pin and without the CA: refused (self-signed).
      await assert.rejects(new Api({ url: s.url }).call('GET', '/api/health'), /self-signed certificate|not trusted/);
      await s.stop();
      // Same state: the same certificate again.
      s = await startServe(dir, ['--self-signed'], {}, s.port);
      assert.equal((await s.waitFor(/SHA-256 fingerprint: ([0-9A-F:]{95})/))[1], fp);
      await s.stop();
      // A new certificate (someone replaced it): the pinned client refuses before sending its token.
      rmSync(path.join(dir, '.parc', 'server', 'tls-cert.pem'));
      s = await startServe(dir, ['--self-signed'], {}, s.port);
      const fp2 = (await s.waitFor(/SHA-256 fingerprint: ([0-9A-F:]{95})/))[1];
      assert.notEqual(fp2, fp);
      await assert.rejects(new Api({ url: s.url, pin }).call('GET', '/api/me', undefined, 'would-leak'), (e: unknown) => e instanceof CertificateChangedError && e.presented === fp2 && e.pinned === fp);
      await s.stop();
    } finally {
      await s?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses plain HTTP on a non-loopback address', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-plain-'));
    writeFileSync(path.join(dir, 'parc.yaml'), 'devices: []\n');
    const r = spawnSync(process.execPath, [CLI, 'serve', '--listen', '0.0.0.0:1'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /in clear; give --tls-cert\/--tls-key or --self-signed/);
    rmSync(dir, { recursive: true, force: true });
  });
});

void openStream;
