// `parc sessions list|logoff|janitor` as a process, against a real sshd whose quser/logoff/msg are
// stand-ins (stand-in, no Windows host here), and through the local transport with stand-ins on PATH.
import { describe, it, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createStandin, type Standin, type StandinSession } from '../../support/rdp-standin';
import { startRdpSshd, sshdUnavailable, type RdpSshd } from '../../support/sshd-rdp';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'out/src/cli/main.js');
const why = sshdUnavailable();

function parc(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [cli, 'sessions', ...args], { cwd, env: { PATH: process.env.PATH, HOME: cwd, ...env } });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

const SESSIONS: StandinSession[] = [
  { user: 'administrator', session: 'console', id: 1, state: 'Active', idleMinutes: 0, logon: '3/1/2024 8:00 AM' },
  { user: 'bob', session: '', id: 2, state: 'Disc', idleMinutes: 200, logon: '3/2/2024 9:00 AM' },
  { user: 'svc-backup', session: '', id: 3, state: 'Disc', idleMinutes: 999, logon: '3/2/2024 10:00 AM' },
  { user: 'carol', session: '', id: 4, state: 'Disc', idleMinutes: 30, logon: '3/3/2024 11:00 AM' },
  { user: 'dave', session: 'rdp-tcp#5', id: 5, state: 'Active', idleMinutes: 5, logon: '3/3/2024 12:00 PM' },
];

describe('parc sessions over SSH (stand-in, no Windows host here)', { skip: why }, () => {
  let dir: string;
  let st: Standin;
  let sshd: RdpSshd;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-rdp-cli-'));
    st = createStandin(dir, { language: 'en', codepage: 437, sessions: structuredClone(SESSIONS) });
    sshd = await startRdpSshd({ standinBin: st.bin });
    writeFileSync(path.join(dir, 'parc.yaml'), `windows:
  - host: 127.0.0.1
    name: rds01
    transport: ssh
    port: ${sshd.port}
    user: ${sshd.user}
    keyFile: ${sshd.clientKeyFile}
    knownHosts: ./known_hosts
    codepage: 437
    janitor: { excludeGroups: [Remote Desktop Admins] }
  - host: rds02.example.invalid
    name: rds02
    transport: local
janitor:
  disconnectedOverMinutes: 60
  idleOverMinutes: 0
  exclude: [admin*, svc-backup]
`);
  });
  after(async () => {
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => st.write({ ...st.read(), sessions: structuredClone(SESSIONS), calls: [], messages: [], quserCalls: 0, changes: [], groups: { 'local:Remote Desktop Admins': ['CORP\\carol', 'dave'] } }));

  it('an unknown host key stops the command and shows the fingerprint; --accept-new-host-key records it', async () => {
    const refused = await parc(['list', '--host', 'rds01'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /unknown SSH host key for 127\.0\.0\.1:\d+: ssh-ed25519 SHA256:\S+ \(verify it, then run again with --accept-new-host-key\)/);
    assert.equal(existsSync(path.join(dir, 'known_hosts')), false);
    const ok = await parc(['list', '--host', 'rds01', '--accept-new-host-key'], dir);
    assert.equal(ok.code, 0, ok.err);
    assert.ok(readFileSync(path.join(dir, 'known_hosts'), 'utf8').includes(sshd.hostPublicKey()));
  });

  it('list --json', async () => {
    const r = await parc(['list', '--host', 'rds01', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.host, 'rds01');
    assert.deepEqual(j.sessions.map((s: { id: number; username: string; state: string }) => [s.id, s.username, s.state]), [[1, 'administrator', 'active'], [2, 'bob', 'disconnected'], [3, 'svc-backup', 'disconnected'], [4, 'carol', 'disconnected'], [5, 'dave', 'active']]);
    assert.equal(j.sessions[1].logonTime, '2024-03-02T09:00');
  });

  it('list --memory: processes and memory per session from tasklist over the same connection', async () => {
    st.write({ ...st.read(), sessions: SESSIONS.map((s) => ({ ...s, memoryKb: s.id * 100000 })) });
    const r = await parc(['list', '--host', 'rds01', '--memory', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).sessions.map((s: { id: number; processes: number; memoryKb: number }) => [s.id, s.processes, s.memoryKb]), [[1, 2, 100000], [2, 2, 200000], [3, 2, 300000], [4, 2, 400000], [5, 2, 500000]]);
    const human = await parc(['list', '--host', 'rds01', '--memory'], dir);
    assert.match(human.out, /bob\s+disconnected\s+3h20\s+2024-03-02T09:00\s+2\s+195\.3 MiB/);
  });

  it('logoff --disconnected --idle-over 60m --dry-run changes nothing', async () => {
    const r = await parc(['logoff', '--host', 'rds01', '--disconnected', '--idle-over', '60m', '--dry-run', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).actions.map((a: { id: number; outcome: string }) => [a.id, a.outcome]), [[2, 'dry-run']]);
    assert.equal(st.read().sessions.length, 5);
  });

  it('logoff --disconnected logs off every disconnected session except excluded users and group members', async () => {
    const r = await parc(['logoff', '--host', 'rds01', '--disconnected'], dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /bob\s+disconnected\s+3h20\s+done/);
    // carol is a member of the excluded local group (read with net localgroup over the same SSH connection).
    assert.deepEqual(st.read().sessions.map((s) => s.id), [1, 3, 4, 5]);
    assert.ok(st.read().calls.some((c) => c.join(' ') === 'net localgroup Remote Desktop Admins'));
  });

  it('logoff --disconnected --idle-over never logs off a session whose state word is unknown; output and audit say why; a hostile name is shown escaped', async () => {
    st.write({ ...st.read(), sessions: [...structuredClone(SESSIONS), { user: 'eve\u001b]0;x\u0007', session: '', id: 6, state: 'Disc', stateWord: 'Zombie', idleMinutes: 999, logon: '3/2/2024 9:00 AM' }] });
    const list = await parc(['list', '--host', 'rds01'], dir);
    assert.equal(list.code, 0, list.err);
    assert.match(list.err, /^warning: rds01:7: unknown session state "Zombie"; listed as unknown, never acted upon/m);
    assert.match(list.out, /eve\\x1b\]0;x\\x07\s+unknown \(Zombie\)/);
    assert.ok(!list.out.includes('\u001b'), 'no raw escape reaches the terminal');
    const r = await parc(['logoff', '--host', 'rds01', '--disconnected', '--idle-over', '60m', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const actions = JSON.parse(r.out).actions;
    assert.deepEqual(actions.map((a: { id: number; outcome: string; state: string }) => [a.id, a.state, a.outcome]), [[6, 'unknown', 'kept'], [2, 'disconnected', 'done']]);
    assert.equal(actions[0].reason, 'state "Zombie" is not one Parc knows; left alone (never acted upon)');
    assert.ok(st.read().sessions.some((s) => s.id === 6), 'the unknown session is still there');
    const audit = readFileSync(path.join(dir, '.parc', 'rdp-audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(audit.some((e) => e.sessionId === 6 && e.outcome === 'skipped' && /not one Parc knows/.test(e.reason)));
    assert.ok(!audit.some((e) => e.sessionId === 6 && e.outcome === 'done'));
  });

  it('logoff --id: the session changed hands between listing and logoff → skipped, exit 3, audited', async () => {
    st.write({ ...st.read(), changes: [{ afterQuser: 1, sessions: SESSIONS.map((s) => (s.id === 4 ? { ...s, user: 'mallory' } : s)) }] });
    const r = await parc(['logoff', '--host', 'rds01', '--id', '4', '--json'], dir);
    assert.equal(r.code, 3, r.err);
    const a = JSON.parse(r.out).actions[0];
    assert.equal(a.outcome, 'skipped');
    assert.match(a.detail, /now belongs to "mallory", not "carol"/);
    assert.ok(st.read().sessions.some((s) => s.user === 'mallory'));
    const audit = readFileSync(path.join(dir, '.parc', 'rdp-audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const last = audit[audit.length - 1];
    assert.deepEqual([last.host, last.user, last.sessionId, last.action, last.outcome], ['rds01', 'carol', 4, 'logoff', 'skipped']);
    assert.match(last.reason, /^operator request \(.+\); session 4 now belongs to "mallory"/);
  });

  it('logoff --id of a session that does not exist: exit 3', async () => {
    const r = await parc(['logoff', '--host', 'rds01', '--id', '42'], dir);
    assert.equal(r.code, 3);
    assert.match(r.err, /rds01 has no session 42/);
  });

  it('janitor --dry-run, then janitor: a host that fails (rds02, local transport without quser) gives exit 2 but the others are done', async () => {
    const dry = await parc(['janitor', '--dry-run', '--json'], dir, { PATH: '/usr/bin:/bin' });
    assert.equal(dry.code, 2, dry.err);
    const d = JSON.parse(dry.out);
    assert.deepEqual(d.actions.filter((a: { outcome: string }) => a.outcome !== 'kept').map((a: { id: number; outcome: string }) => [a.id, a.outcome]), [[2, 'dry-run']]);
    assert.deepEqual(d.failedHosts.map((f: { host: string }) => f.host), ['rds02']);
    assert.match(d.failedHosts[0].error, /cannot run chcp: spawn chcp ENOENT/);
    assert.equal(st.read().sessions.length, 5);
    const run = await parc(['janitor', '--host', 'rds01'], dir);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(st.read().sessions.map((s) => s.id), [1, 3, 4, 5]);
  });

  it('janitor through the local transport: quser /server:HOST from PATH (stand-ins first on PATH)', async () => {
    const r = await parc(['janitor', '--host', 'rds02', '--json'], dir, { PATH: `${st.bin}:/usr/bin:/bin` });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(JSON.parse(r.out).actions.filter((a: { outcome: string }) => a.outcome === 'done').map((a: { id: number }) => a.id), [2]);
    assert.deepEqual(st.read().calls.filter((c) => c[0] === 'logoff'), [['logoff', '2', '/server:rds02.example.invalid']]);
  });

  it('usage errors exit 1', async () => {
    assert.equal((await parc(['logoff', '--host', 'rds01'], dir)).code, 1);
    const r = await parc(['list', '--host', 'nope'], dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /no windows: host named "nope" in parc\.yaml \(known: rds01, rds02\)/);
  });
});
