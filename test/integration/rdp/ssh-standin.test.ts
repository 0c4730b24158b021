// The SSH transport against a real Debian sshd on 127.0.0.1 whose quser/logoff/msg/chcp are stand-ins
// printing French cp850 output: stand-in, no Windows host here.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createStandin, type Standin, type StandinSession } from '../../support/rdp-standin';
import { startRdpSshd, sshdUnavailable, type RdpSshd } from '../../support/sshd-rdp';
import { startSshd, type RunningSshd } from '../../support/sshd';
import { SshTransport } from '../../../src/core/rdp/transports/ssh';
import type { HostKeyPrompt } from '../../../src/core/rdp/transports/known-hosts';
import { listSessions, logoffChecked, disconnectChecked, sendMessage } from '../../../src/core/rdp/session-service';

const why = sshdUnavailable();
if (why) console.log(`# skipping SSH transport tests: ${why}`);

const sessions: StandinSession[] = [
  { user: 'hélène', session: 'rdp-tcp#3', id: 2, state: 'Active', idleMinutes: 0, logon: '04/03/2024 09:15' },
  { user: 'françois', session: '', id: 3, state: 'Disc', idleMinutes: 65, logon: '03/03/2024 17:02' },
  { user: 'zoé', session: 'rdp-tcp#4', id: 4, state: 'Active', idleMinutes: 3, logon: '13/03/2024 08:00' },
];

describe('SSH transport against a real sshd (stand-in, no Windows host here)', { skip: why }, () => {
  let dir: string;
  let st: Standin;
  let sshd: RdpSshd;
  let knownHosts: string;
  const prompts: HostKeyPrompt[] = [];
  const accept = async (p: HostKeyPrompt) => {
    prompts.push(p);
    return true;
  };
  const transport = (extra: Partial<ConstructorParameters<typeof SshTransport>[0]> = {}) =>
    new SshTransport({ host: '127.0.0.1', port: sshd.port, user: sshd.user, privateKey: sshd.clientKey, knownHostsFile: knownHosts, ...extra });

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-rdp-ssh-'));
    st = createStandin(dir, { language: 'fr', codepage: 850, sessions: structuredClone(sessions) });
    sshd = await startRdpSshd({ standinBin: st.bin });
    knownHosts = path.join(dir, 'known_hosts');
  });
  after(async () => {
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown host key is refused when nobody accepts it, and nothing is recorded', async () => {
    const t = transport({ trust: async () => false });
    await assert.rejects(t.run(['quser']), { name: 'RdpError', message: new RegExp(`host key of \\[127\\.0\\.0\\.1\\]:${sshd.port} is not known \\(ssh-ed25519 SHA256:\\S+\\) and was not accepted`) });
    assert.equal(existsSync(knownHosts), false);
    const none = transport();
    await assert.rejects(none.run(['quser']), /was not accepted/);
  });

  it('trust on first use shows the real fingerprint, records the key, and does not ask again', async () => {
    const t = transport({ trust: accept });
    const r = await t.run(['chcp']);
    await t.close();
    assert.equal(r.stdout.toString('latin1'), 'Page de codes active : 850\r\n');
    assert.equal(prompts.length, 1);
    const pub = path.join(dir, 'hostkey.pub');
    writeFileSync(pub, sshd.hostPublicKey() + '\n');
    const fp = spawnSync('ssh-keygen', ['-l', '-f', pub], { encoding: 'utf8' }).stdout.split(/\s+/)[1];
    assert.equal(prompts[0].fingerprint, fp);
    assert.equal(readFileSync(knownHosts, 'utf8'), `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey()}\n`);
    const again = transport({ trust: accept });
    await again.run(['chcp']);
    await again.close();
    assert.equal(prompts.length, 1);
  });

  it('lists French cp850 sessions: code page from chcp, accents intact', async () => {
    const t = transport();
    try {
      const list = await listSessions(t);
      assert.deepEqual(list.map((s) => [s.id, s.username, s.sessionName, s.state, s.stateText, s.idleMinutes, s.logonTime]), [
        [2, 'hélène', 'rdp-tcp#3', 'active', 'Actif', 0, '2024-03-04T09:15'],
        [3, 'françois', '', 'disconnected', 'Déco', 65, '2024-03-03T17:02'],
        [4, 'zoé', 'rdp-tcp#4', 'active', 'Actif', 3, '2024-03-13T08:00'],
      ]);
    } finally {
      await t.close();
    }
  });

  it('message, disconnect and checked logoff go through sshd to the stand-ins', async () => {
    const t = transport();
    try {
      await sendMessage(t, 4, 'Maintenance à 18h: "sauvegardez" 100% vos fichiers');
      assert.deepEqual(st.read().messages, [{ id: 4, text: 'Maintenance à 18h:  sauvegardez  100  vos fichiers' }]);
      assert.equal((await disconnectChecked(t, { id: 4, username: 'zoé', state: 'active' })).status, 'done');
      const r = await logoffChecked(t, { id: 3, username: 'françois', state: 'disconnected' });
      assert.equal(r.status, 'done');
      assert.deepEqual(st.read().sessions.map((s) => [s.id, s.state]), [[2, 'Active'], [4, 'Disc']]);
    } finally {
      await t.close();
    }
  });

  it('ID reuse over SSH: the ID changed hands after listing, logoff refused', async () => {
    const t = transport();
    try {
      const list = await listSessions(t);
      const zoe = list.find((s) => s.username === 'zoé')!;
      st.write({ ...st.read(), sessions: [...st.read().sessions.filter((s) => s.id !== 4), { user: 'mallory', session: '', id: 4, state: 'Disc', idleMinutes: 1, logon: '14/03/2024 08:00' }] });
      const r = await logoffChecked(t, { id: zoe.id, username: zoe.username, state: zoe.state });
      assert.equal(r.status, 'skipped');
      assert.match(r.status === 'skipped' ? r.reason : '', /now belongs to "mallory", not "zoé"/);
      assert.ok(!st.read().calls.some((c) => c[0] === 'logoff' && c[1] === '4'));
    } finally {
      await t.close();
    }
  });

  it('authenticates through a real ssh-agent', async () => {
    const sock = path.join(dir, 'agent.sock');
    const agent: ChildProcess = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      for (let i = 0; i < 50 && !existsSync(sock); i++) await new Promise((r) => setTimeout(r, 50));
      const add = spawnSync('ssh-add', [sshd.clientKeyFile], { env: { ...process.env, SSH_AUTH_SOCK: sock }, encoding: 'utf8' });
      assert.equal(add.status, 0, add.stderr);
      const t = transport({ privateKey: undefined, agent: sock });
      assert.equal((await t.run(['chcp'])).exitCode, 0);
      await t.close();
    } finally {
      agent.kill();
    }
  });

  it('a key the server does not know: authentication fails with a clear message', async () => {
    const other = path.join(dir, 'other_key');
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const t = transport({ privateKey: readFileSync(other) });
    await assert.rejects(t.run(['quser']), { message: `ssh ${sshd.user}@127.0.0.1:${sshd.port}: authentication failed (key, agent and password refused)` });
  });

  it('a changed host key is refused (and the trust callback is not even asked)', async () => {
    await sshd.rotateHostKey();
    const before = prompts.length;
    const t = transport({ trust: accept });
    await assert.rejects(t.run(['quser']), { message: /HOST KEY CHANGED for \[127\.0\.0\.1\]:\d+/ });
    assert.equal(prompts.length, before);
    assert.equal(readFileSync(knownHosts, 'utf8').trim().split('\n').length, 1);
  });
});

// Password login (what many Windows OpenSSH setups use): the shared test user of test/support/sshd.ts,
// whose sshd puts the same stand-ins first on PATH.
describe('SSH transport with a password (stand-in, no Windows host here)', { skip: why }, () => {
  let dir: string;
  let st: Standin;
  let sshd: RunningSshd;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-rdp-sshpw-'));
    chmodSync(dir, 0o755);
    // portable: the password user (not root) runs the stand-in, and may not read the clone (issue 13 flake)
    st = createStandin(dir, { language: 'ru', codepage: 866, sessions: [{ user: 'иванов', session: '', id: 2, state: 'Disc', idleMinutes: 61, logon: '02.03.2024 18:30' }] }, { portable: true });
    chmodSync(st.stateFile, 0o666);
    sshd = await startSshd({ sudo: false, extraConfig: [`SetEnv PATH=${st.bin}:/usr/local/bin:/usr/bin:/bin`] });
    writeFileSync(path.join(dir, 'known_hosts'), sshd.hostKeyLine('127.0.0.1') + '\n');
  });
  after(async () => {
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const t = (password: string) => new SshTransport({ host: '127.0.0.1', port: sshd.port, user: sshd.user, password, knownHostsFile: path.join(dir, 'known_hosts') });

  it('lists Russian cp866 sessions after a password login', async () => {
    const tr = t(sshd.password);
    try {
      assert.deepEqual((await listSessions(tr)).map((s) => [s.id, s.username, s.state, s.idleMinutes]), [[2, 'иванов', 'disconnected', 61]]);
    } finally {
      await tr.close();
    }
  });

  it('a wrong password fails without the password in the message', async () => {
    const err = await t('not-the-password-42').run(['quser']).then(() => undefined, (e: Error) => e);
    assert.ok(err);
    assert.match(err.message, /authentication failed/);
    assert.ok(!err.message.includes('not-the-password-42'));
  });
});
