// The SSH layer against a real OpenSSH server (test/support/sshd.ts): host keys, key and password logins,
// sudo with a password, SFTP, atomic writes with backups, refusal of concurrent changes and of changed host keys.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SshConnection, SshError, type SshTarget } from '../../../src/core/ssh/connection';
import { HostKeyError, KnownHosts, type HostKeyInfo } from '../../../src/core/ssh/known-hosts';
import { SshPool } from '../../../src/core/ssh/pool';
import { RemoteChangedError, RemoteFiles } from '../../../src/core/ssh/remote-file';
import type { Logger } from '../../../src/core/host';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';

const skip = !sshdAvailable() && 'needs root and /usr/sbin/sshd (scripts/install-deps.sh)';

describe('SSH layer against a real sshd', { skip }, () => {
  let sshd: RunningSshd;
  let tmp: string;
  let knownHosts: KnownHosts;
  const logLines: string[] = [];
  const logger: Logger = { debug: (m) => logLines.push(m), info: (m) => logLines.push(m), warn: (m) => logLines.push(m), error: (m) => logLines.push(m) };
  const trustAll = async () => true;
  const keyTarget = (): SshTarget => ({ host: sshd.host, port: sshd.port, user: sshd.user, privateKey: sshd.clientKey, sudoPassword: sshd.password });

  before(async () => {
    sshd = await startSshd();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'parc-ssh-test-'));
    knownHosts = new KnownHosts(path.join(tmp, 'known_hosts'));
  });
  after(async () => {
    await sshd?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('asks before trusting an unknown host key, shows its fingerprint, and records it only when accepted', async () => {
    const seen: HostKeyInfo[] = [];
    await assert.rejects(SshConnection.connect(keyTarget(), { knownHosts, trust: async (i) => (seen.push(i), false) }), (e: Error) => e instanceof SshError && e.kind === 'hostkey' && /not known/.test(e.message));
    assert.equal(seen.length, 1);
    assert.equal(seen[0].fingerprint, sshd.hostKeyFingerprint());
    assert.equal(seen[0].keyType, 'ssh-ed25519');
    assert.equal(existsSync(knownHosts.file), false, 'nothing recorded when refused');
    await assert.rejects(SshConnection.connect(keyTarget(), { knownHosts }), /not known/, 'no callback: never accepted silently');

    const c = await SshConnection.connect(keyTarget(), { knownHosts, trust: trustAll });
    c.close();
    assert.equal(readFileSync(knownHosts.file, 'utf8').trim(), sshd.hostKeyLine());
    assert.equal(statSync(knownHosts.file).mode & 0o777, 0o600);
    const again = await SshConnection.connect(keyTarget(), { knownHosts, trust: async () => assert.fail('known host must not be asked about') });
    again.close();
  });

  it('logs in with a key and with a password; a wrong password is an auth error without the password in it', async () => {
    const byKey = await SshConnection.connect(keyTarget(), { knownHosts });
    assert.equal((await byKey.exec('id -un')).stdout.trim(), sshd.user);
    assert.equal(byKey.socket.readyState, 'open');
    byKey.close();
    const byPw = await SshConnection.connect({ host: sshd.host, port: sshd.port, user: sshd.user, password: sshd.password }, { knownHosts });
    assert.equal((await byPw.exec('echo $HOME')).code, 0);
    byPw.close();
    const wrong = 'Wrong-Passw0rd-xyz';
    await assert.rejects(SshConnection.connect({ host: sshd.host, port: sshd.port, user: sshd.user, password: wrong }, { knownHosts }), (e: Error) => e instanceof SshError && e.kind === 'auth' && !e.message.includes(wrong));
  });

  it('reuses one connection per host and replaces it when it drops; prints the exec round trip', async () => {
    const pool = new SshPool({ knownHosts });
    const a = await pool.get(keyTarget());
    const b = await pool.get(keyTarget());
    assert.equal(a, b);
    const n = 30;
    const roundTrip = async (c: SshConnection) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < n; i++) await c.exec('true');
      return (Number(process.hrtime.bigint() - t0) / 1e6 / n).toFixed(2);
    };
    const nagle = await SshConnection.connect(keyTarget(), { knownHosts, noDelay: false });
    console.log(`exec round trip over loopback: ${await roundTrip(a)} ms with TCP_NODELAY, ${await roundTrip(nagle)} ms without`);
    nagle.close();
    a.close();
    await new Promise<void>((r) => a.onClose(r));
    const c = await pool.get(keyTarget());
    assert.notEqual(c, a);
    assert.equal((await c.exec('echo ok')).stdout, 'ok\n');
    await pool.closeAll();
  });

  it('runs commands with sudo -S; the password never shows in output, logs or errors', async () => {
    const c = await SshConnection.connect(keyTarget(), { knownHosts, logger });
    const r = await c.exec('id -u; cat', { sudo: true, stdin: 'through sudo\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '0\nthrough sudo\n');
    assert.equal(r.stderr, '');
    const leak = await c.exec(`echo ${sshd.password}`, {});
    assert.equal(leak.stdout.trim(), '***', 'output containing the password is redacted');
    c.close();

    const bad = await SshConnection.connect({ ...keyTarget(), sudoPassword: 'not-the-sudo-password' }, { knownHosts, logger });
    await assert.rejects(bad.exec('id -u', { sudo: true }), (e: Error) => e instanceof SshError && e.kind === 'sudo' && /rejected the password/.test(e.message) && !e.message.includes('not-the-sudo-password'));
    bad.close();
    const none = await SshConnection.connect({ ...keyTarget(), sudoPassword: undefined }, { knownHosts });
    await assert.rejects(none.exec('id -u', { sudo: true }), /sudo asks for a password and none is configured/);
    none.close();
    assert.ok(logLines.length > 0);
    for (const l of logLines) assert.ok(!l.includes(sshd.password) && !l.includes('not-the-sudo-password'), `log line leaks: ${l}`);
    assert.ok(!readFileSync(path.join(sshd.dir, 'sshd.log'), 'utf8').includes(sshd.password), 'sshd log clean');
  });

  it('SFTP: edit round trip as the login user, atomic with a timestamped backup, mode kept', async () => {
    const dir = path.join(sshd.root, 'home-files');
    mkdirSync(dir, { recursive: true });
    chownSync(dir, sshd.uid, sshd.gid);
    const file = path.join(dir, 'app.conf');
    writeFileSync(file, 'a = 1\n', { mode: 0o640 });
    chownSync(file, sshd.uid, sshd.gid);
    const c = await SshConnection.connect(keyTarget(), { knownHosts });
    const files = new RemoteFiles(c, false, () => new Date('2026-11-28T15:23:00Z'));
    const snap = await files.read(file);
    assert.equal(snap.text, 'a = 1\n');
    assert.equal(snap.mode, 0o640);
    const w = await files.write(snap, 'a = 2\n');
    assert.equal(readFileSync(file, 'utf8'), 'a = 2\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.equal(statSync(file).uid, sshd.uid);
    assert.equal(w.backup, `${file}.parc-20261128-152300.bak`);
    assert.equal(readFileSync(w.backup!, 'utf8'), 'a = 1\n');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    const restored = await files.restore(file, w.backup!);
    assert.equal(readFileSync(file, 'utf8'), 'a = 1\n');
    assert.ok(restored.backup);
    c.close();
  });

  it('sudo: writes a root-owned 0600 file keeping owner and mode, with a backup', async () => {
    const dir = path.join(sshd.root, 'etc', 'snmp');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'snmpd.conf');
    writeFileSync(file, 'rocommunity old\n', { mode: 0o600 });
    const c = await SshConnection.connect(keyTarget(), { knownHosts });
    const plain = new RemoteFiles(c, false);
    await assert.rejects(plain.read(file), /cannot read|Permission denied/, 'the login user alone cannot read it');
    const files = new RemoteFiles(c, true);
    const snap = await files.read(file);
    assert.equal(snap.uid, 0);
    const w = await files.write(snap, 'rocommunity new\n');
    const st = statSync(file);
    assert.deepEqual([st.uid, st.gid, st.mode & 0o777], [0, 0, 0o600]);
    assert.equal(readFileSync(file, 'utf8'), 'rocommunity new\n');
    assert.equal(readFileSync(w.backup!, 'utf8'), 'rocommunity old\n');
    assert.equal(statSync(w.backup!).mode & 0o777, 0o600);
    const created = await files.write(await files.read(path.join(dir, 'new.conf'), 0o600), 'x\n');
    assert.equal(created.backup, undefined);
    assert.equal(statSync(path.join(dir, 'new.conf')).mode & 0o777, 0o600);
    c.close();
  });

  for (const viaSudo of [false, true]) {
    it(`refuses to overwrite a file changed since it was read (${viaSudo ? 'sudo' : 'SFTP'})`, async () => {
      const dir = path.join(sshd.root, `race-${viaSudo}`);
      mkdirSync(dir, { recursive: true });
      chownSync(dir, sshd.uid, sshd.gid);
      const file = path.join(dir, 'f.conf');
      writeFileSync(file, 'v1\n');
      chownSync(file, sshd.uid, sshd.gid);
      const c = await SshConnection.connect(keyTarget(), { knownHosts });
      const files = new RemoteFiles(c, viaSudo);
      const snap = await files.read(file);
      writeFileSync(file, 'someone else\n');
      await assert.rejects(files.write(snap, 'mine\n'), (e: Error) => e instanceof RemoteChangedError && /changed on the host since Parc read it/.test(e.message));
      assert.equal(readFileSync(file, 'utf8'), 'someone else\n');
      assert.deepEqual(readdirSync(dir).sort(), ['f.conf'], 'no temporary file or backup left behind');
      c.close();
    });
  }

  it('refuses a host whose key changed, without asking', async () => {
    await sshd.rotateHostKey();
    let asked = false;
    await assert.rejects(
      SshConnection.connect(keyTarget(), { knownHosts, trust: async () => (asked = true) }),
      (e: Error) => e instanceof SshError && e.kind === 'hostkey' && /HOST KEY CHANGED/.test(e.message) && e.message.includes(sshd.hostKeyFingerprint()),
    );
    assert.equal(asked, false);
    assert.equal(readFileSync(knownHosts.file, 'utf8').trim().split('\n').length, 1, 'known_hosts unchanged');
  });

  it('a HostKeyError is what KnownHosts throws for a changed key', async () => {
    const kh = new KnownHosts(path.join(tmp, 'kh2'));
    writeFileSync(kh.file, `[127.0.0.1]:${sshd.port} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n`);
    const blob = Buffer.from(sshd.hostPublicKey().split(' ')[1], 'base64');
    await assert.rejects(kh.verify('127.0.0.1', sshd.port, blob), (e: Error) => e instanceof HostKeyError && e.kind === 'changed' && /line 1/.test(e.message));
  });
});
