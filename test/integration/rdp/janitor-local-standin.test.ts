// The janitor and checked actions through the local transport (real child processes), against
// stand-in quser/logoff/msg programs: stand-in, no Windows host here.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createStandin, type Standin, type StandinSession } from '../../support/rdp-standin';
import { LocalTransport } from '../../../src/core/rdp/transports/local';
import { runJanitor } from '../../../src/core/rdp/janitor';
import { AuditLog } from '../../../src/core/rdp/audit';
import { DEFAULT_JANITOR } from '../../../src/core/rdp/hosts';
import { listSessions, logoffChecked, sessionMemory } from '../../../src/core/rdp/session-service';
import { systemClock } from '../../../src/core/host';

const base: StandinSession[] = [
  { user: 'administrator', session: 'console', id: 1, state: 'Disc', idleMinutes: 9000, logon: '01.03.2024 08:00' },
  { user: 'bob', session: '', id: 2, state: 'Disc', idleMinutes: 200, logon: '02.03.2024 09:00' },
  { user: 'svc-backup', session: '', id: 3, state: 'Disc', idleMinutes: 999, logon: '02.03.2024 10:00' },
  { user: 'carol', session: '', id: 4, state: 'Disc', idleMinutes: 30, logon: '03.03.2024 11:00' },
  { user: 'dave', session: 'rdp-tcp#5', id: 5, state: 'Active', idleMinutes: 400, logon: '03.03.2024 12:00' },
];

describe('janitor over the local transport (stand-in, no Windows host here)', () => {
  let dir: string;
  let st: Standin;
  let t: LocalTransport;
  let audit: AuditLog;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-rdp-'));
    st = createStandin(dir, { language: 'de', codepage: 850, sessions: structuredClone(base) });
    t = new LocalTransport({ server: 'rds01', programDir: st.bin });
    audit = new AuditLog(path.join(dir, 'state'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const policy = { ...DEFAULT_JANITOR, disconnectedOverMinutes: 60, idleOverMinutes: 120, exclude: ['svc-*'], warnMinutes: 0 };

  it('German cp850 stand-in: chcp gives the code page, quser gets /server:HOST', async () => {
    const list = await listSessions(t);
    assert.deepEqual(list.map((s) => [s.id, s.username, s.state]), [[1, 'administrator', 'disconnected'], [2, 'bob', 'disconnected'], [3, 'svc-backup', 'disconnected'], [4, 'carol', 'disconnected'], [5, 'dave', 'active']]);
    assert.deepEqual(st.read().calls, [['chcp'], ['quser', '/server:rds01']]);
  });

  it('per-session memory: tasklist /S HOST, German "12.345 K" figures summed per session', async () => {
    st.write({ ...st.read(), sessions: base.map((s) => ({ ...s, memoryKb: 1234567 })) });
    const mem = await sessionMemory(t);
    assert.deepEqual(mem.get(2), { processes: 2, memoryKb: 1234567 });
    assert.deepEqual(mem.get(0), { processes: 2, memoryKb: 20488 });
    assert.deepEqual(st.read().calls.at(-1), ['tasklist', '/FO', 'CSV', '/NH', '/S', 'rds01']);
  });

  it('dry run changes nothing and shows exactly what would happen', async () => {
    const steps = await runJanitor({ host: 'rds01', transport: t, policy, dryRun: true, audit, actor: 'tester', clock: systemClock });
    assert.deepEqual(steps.map((s) => [s.session.id, s.outcome]), [[1, 'kept'], [2, 'dry-run'], [3, 'kept'], [4, 'kept'], [5, 'dry-run']]);
    assert.equal(steps[1].detail, 'would log off session 2 of bob');
    assert.match(steps[4].detail!, /would warn dave \(session 5\), wait 0 min, re-check, then log off/);
    assert.equal(st.read().sessions.length, 5);
    assert.ok(!st.read().calls.some((c) => c[0] === 'logoff' || c[0] === 'msg'));
    assert.deepEqual((await audit.read()).map((e) => [e.sessionId, e.outcome]), [[2, 'dry-run'], [5, 'dry-run']]);
  });

  it('logs off disconnected sessions over the limit, warns then logs off idle ones, never console or excluded; audits each step', async () => {
    const steps = await runJanitor({ host: 'rds01', transport: t, policy, dryRun: false, audit, actor: 'tester', clock: systemClock });
    assert.deepEqual(steps.map((s) => [s.session.id, s.outcome]), [[1, 'kept'], [2, 'done'], [3, 'kept'], [4, 'kept'], [5, 'done']]);
    const after = st.read();
    assert.deepEqual(after.sessions.map((s) => s.id), [1, 3, 4]);
    assert.deepEqual(after.messages.map((m) => m.id), [5]);
    assert.match(after.messages[0].text, /logged off in 0 minutes/);
    const entries = await audit.read();
    assert.deepEqual(entries.map((e) => [e.host, e.user, e.sessionId, e.action, e.outcome, e.actor]), [
      ['rds01', 'bob', 2, 'logoff', 'done', 'tester'],
      ['rds01', 'dave', 5, 'message', 'done', 'tester'],
      ['rds01', 'dave', 5, 'logoff', 'done', 'tester'],
    ]);
    assert.equal(entries[0].reason, 'disconnected for 200 min (over 60)');
    assert.ok(!Number.isNaN(Date.parse(entries[0].at)));
  });

  it('excluded groups: members of a domain group are kept; a local group cannot be read through the local transport; an unknown group stops the janitor', async () => {
    st.write({ ...st.read(), groups: { 'domain:Helpdesk': ['alice', 'bob', 'carol', 'zed'] } });
    const steps = await runJanitor({ host: 'rds01', transport: t, policy: { ...policy, excludeGroups: ['CORP\\Helpdesk'] }, dryRun: false, audit, actor: 'tester', clock: systemClock });
    assert.equal(steps.find((s) => s.session.id === 2)?.reason, 'excluded (member of CORP\\Helpdesk)');
    assert.ok(st.read().calls.some((c) => c.join(' ') === 'net group Helpdesk /domain'));
    assert.ok(st.read().sessions.some((s) => s.id === 2), 'bob (in Helpdesk) kept');
    const logoffsBefore = st.read().calls.filter((c) => c[0] === 'logoff').length;
    st.write({ ...st.read(), sessions: structuredClone(base) });
    await assert.rejects(runJanitor({ host: 'rds01', transport: t, policy: { ...policy, excludeGroups: ['Remote Desktop Users'] }, dryRun: false, actor: 'tester', clock: systemClock }), /local groups of rds01 cannot be read through the local transport/);
    await assert.rejects(runJanitor({ host: 'rds01', transport: t, policy: { ...policy, excludeGroups: ['CORP\\Nope'] }, dryRun: false, actor: 'tester', clock: systemClock }), /cannot read the members of group "CORP\\Nope" on local \/server:rds01 \(exit 2\): System error 2220/);
    assert.equal(st.read().calls.filter((c) => c[0] === 'logoff').length, logoffsBefore, 'nothing logged off when a group is unreadable');
    assert.equal(st.read().sessions.length, base.length);
  });

  it('ID reuse race: session 2 changes owner between the listing and the logoff, and Parc refuses', async () => {
    // After the janitor's first quser, bob's session 2 is gone and a new user "mallory" got ID 2.
    const reused = base.map((s) => (s.id === 2 ? { ...s, user: 'mallory', state: 'Active' as const, session: 'rdp-tcp#9', idleMinutes: 0 } : s));
    st.write({ ...st.read(), changes: [{ afterQuser: 1, sessions: reused }] });
    const steps = await runJanitor({ host: 'rds01', transport: t, policy: { ...policy, idleOverMinutes: 0 }, dryRun: false, audit, actor: 'tester', clock: systemClock });
    const step = steps.find((s) => s.session.id === 2)!;
    assert.equal(step.outcome, 'skipped');
    assert.equal(step.detail, 'session 2 now belongs to "mallory", not "bob" (ID reused)');
    assert.ok(st.read().sessions.some((s) => s.user === 'mallory'), 'mallory was not logged off');
    assert.ok(!st.read().calls.some((c) => c[0] === 'logoff'));
    const e = (await audit.read()).find((x) => x.sessionId === 2)!;
    assert.equal(e.outcome, 'skipped');
    assert.match(e.reason, /ID reused/);
  });

  it('a session whose state changed (reconnected) is skipped too', async () => {
    const before = await listSessions(t);
    assert.equal(before.find((s) => s.id === 2)?.state, 'disconnected');
    // bob reconnects after Parc listed.
    st.write({ ...st.read(), sessions: base.map((s) => (s.id === 2 ? { ...s, state: 'Active' as const, session: 'rdp-tcp#2' } : s)) });
    const r = await logoffChecked(t, { id: 2, username: 'bob', state: 'disconnected' });
    assert.equal(r.status, 'skipped');
    assert.equal(r.status === 'skipped' && r.reason, 'session 2 of bob is now active, not disconnected');
  });

  it('an idle user who wakes up after the warning is not logged off', async () => {
    st.write({ ...st.read(), changes: [{ afterQuser: 1, sessions: base.map((s) => (s.id === 5 ? { ...s, idleMinutes: 0 } : s)) }] });
    const steps = await runJanitor({ host: 'rds01', transport: t, policy, dryRun: false, audit, actor: 'tester', clock: systemClock });
    const d = steps.find((s) => s.session.id === 5)!;
    assert.equal(d.outcome, 'skipped');
    assert.match(d.detail!, /dave became active after the warning/);
    assert.ok(st.read().sessions.some((s) => s.id === 5));
  });

  it('nobody logged on: quser exits 1 and the list is empty', async () => {
    st.write({ ...st.read(), sessions: [] });
    assert.deepEqual(await listSessions(t), []);
  });
});
