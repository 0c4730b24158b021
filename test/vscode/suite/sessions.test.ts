// The Sessions view in a real VS Code extension host: a windows: host reached over a real sshd whose
// quser/logoff are stand-ins (stand-in, no Windows host here); the tree, a logoff, and an ID-reuse refusal.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createStandin, type Standin, type StandinSession } from '../../support/rdp-standin';
import { startRdpSshd, sshdUnavailable, type RdpSshd } from '../../support/sshd-rdp';
import { parcApi, waitFor } from '../helpers';

interface Inspected {
  name: string;
  error: string | null;
  sessions: Array<{ id: number; username: string; state: string }> | null;
  item: { label: string; description: string; contextValue?: string; icon?: string };
  children: Array<{ label: string; description: string; contextValue?: string; icon?: string }>;
}

const SESSIONS: StandinSession[] = [
  { user: 'hélène', session: 'rdp-tcp#3', id: 2, state: 'Active', idleMinutes: 0, logon: '04/03/2024 09:15' },
  { user: 'françois', session: '', id: 3, state: 'Disc', idleMinutes: 65, logon: '03/03/2024 17:02' },
];

suite('Sessions view (stand-in, no Windows host here)', function () {
  const why = sshdUnavailable();
  let dir: string;
  let st: Standin;
  let sshd: RdpSshd;
  let inventory: string;
  let original: string;
  const inspect = () => vscode.commands.executeCommand<Inspected[]>('parc.sessions.inspect');

  suiteSetup(async function () {
    if (why) this.skip();
    await parcApi();
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-vscode-rdp-'));
    st = createStandin(dir, { language: 'fr', codepage: 850, sessions: structuredClone(SESSIONS) });
    sshd = await startRdpSshd({ standinBin: st.bin });
    writeFileSync(path.join(dir, 'known_hosts'), `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey()}\n`);
    inventory = path.join(process.env.PARC_VSCODE_WORKSPACE!, 'parc.yaml');
    original = readFileSync(inventory, 'utf8');
    writeFileSync(inventory, `${original}\nwindows:\n  - host: 127.0.0.1\n    name: rds-fr\n    transport: ssh\n    port: ${sshd.port}\n    user: ${sshd.user}\n    keyFile: ${sshd.clientKeyFile}\n    knownHosts: ${path.join(dir, 'known_hosts')}\n`);
    await waitFor('the Sessions view to show rds-fr', async () => (await inspect()).some((h) => h.name === 'rds-fr'));
  });

  suiteTeardown(async () => {
    if (original !== undefined) writeFileSync(inventory, original);
    await sshd?.stop();
    if (dir && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  });

  test('host → sessions with state, idle and icons (French cp850 quser decoded)', async () => {
    await vscode.commands.executeCommand('parc.sessions.refresh', { host: 'rds-fr' });
    const [h] = (await inspect()).filter((x) => x.name === 'rds-fr');
    assert.equal(h.error, null);
    assert.equal(h.item.description, '2 session(s), 1 disconnected');
    assert.deepEqual(h.children.map((c) => [c.label, c.description, c.icon, c.contextValue]), [
      ['hélène', 'Actif · Mar 4, 2024, 9:15 AM', 'vm-active', 'rdpSession active user'],
      ['françois', 'Déco · idle 1 h 05 · Mar 3, 2024, 5:02 PM', 'debug-disconnect', 'rdpSession disconnected user'],
    ]);
  });

  test('log off a session from the view (confirmation skipped by the test), audited', async () => {
    const r = await vscode.commands.executeCommand<{ status: string }>('parc.sessions.logoff', { host: 'rds-fr', id: 3 }, { confirm: false });
    assert.equal(r?.status, 'done');
    assert.deepEqual(st.read().sessions.map((s) => s.id), [2]);
    await waitFor('the view to drop the session', async () => (await inspect()).find((x) => x.name === 'rds-fr')?.children.length === 1);
    const audit = path.join(process.env.PARC_VSCODE_WORKSPACE!, '.parc', 'rdp-audit.jsonl');
    const last = JSON.parse(readFileSync(audit, 'utf8').trim().split('\n').pop()!);
    assert.deepEqual([last.host, last.user, last.sessionId, last.outcome], ['rds-fr', 'françois', 3, 'done']);
  });

  test('an ID that changed hands since the view listed it is not logged off', async () => {
    const [h] = (await inspect()).filter((x) => x.name === 'rds-fr');
    const helene = h.sessions!.find((s) => s.id === 2)!;
    st.write({ ...st.read(), sessions: [{ user: 'mallory', session: 'rdp-tcp#9', id: 2, state: 'Active', idleMinutes: 0, logon: '05/03/2024 10:00' }] });
    const r = await vscode.commands.executeCommand<{ status: string; reason: string }>('parc.sessions.logoff', { kind: 'session', host: 'rds-fr', session: helene }, { confirm: false });
    assert.equal(r?.status, 'skipped');
    assert.match(r!.reason, /now belongs to "mallory", not "hélène"/);
    assert.ok(st.read().sessions.some((s) => s.user === 'mallory'));
  });

  test('disconnect and message from the view go to the right session; log off disconnected and the janitor dry run list what they act on', async () => {
    st.write({
      ...st.read(),
      sessions: [
        { user: 'hélène', session: 'rdp-tcp#3', id: 2, state: 'Active', idleMinutes: 0, logon: '04/03/2024 09:15' },
        { user: 'rené', session: 'rdp-tcp#7', id: 7, state: 'Active', idleMinutes: 3, logon: '04/03/2024 10:00' },
        { user: 'noël', session: '', id: 8, state: 'Disc', idleMinutes: 90, logon: '03/03/2024 18:00' },
      ],
    });
    await vscode.commands.executeCommand('parc.sessions.refresh', { host: 'rds-fr' });
    const m = await vscode.commands.executeCommand('parc.sessions.message', { host: 'rds-fr', id: 7 }, { text: 'Maintenance à 18 h' });
    assert.equal(m, true);
    assert.deepEqual(st.read().messages.slice(-1), [{ id: 7, text: 'Maintenance à 18 h' }]);
    const d = await vscode.commands.executeCommand<{ status: string }>('parc.sessions.disconnect', { host: 'rds-fr', id: 7 }, { confirm: false });
    assert.equal(d?.status, 'done');
    assert.equal(st.read().sessions.find((s) => s.id === 7)?.state, 'Disc');
    // Dry run: what the janitor would do, nothing done (rené was disconnected a moment ago, so only noël is over 60 min).
    const plan = await vscode.commands.executeCommand<Array<{ session: { username: string }; outcome: string }>>('parc.sessions.janitorDryRun', { host: 'rds-fr' }, { show: false });
    assert.deepEqual(plan?.filter((x) => x.outcome === 'dry-run').map((x) => x.session.username), ['noël']);
    assert.equal(st.read().sessions.length, 3);
    // Log off disconnected: every disconnected session whatever its idle time, the active one kept.
    const steps = await vscode.commands.executeCommand<Array<{ session: { username: string }; outcome: string }>>('parc.sessions.logoffDisconnected', { host: 'rds-fr' }, { confirm: false });
    assert.deepEqual(steps?.filter((x) => x.outcome === 'done').map((x) => x.session.username).sort(), ['noël', 'rené']);
    assert.deepEqual(st.read().sessions.map((s) => s.user), ['hélène']);
  });

  test('the janitor schedule setting logs off a disconnected session over the limit on its own, audited', async () => {
    const audit = path.join(process.env.PARC_VSCODE_WORKSPACE!, '.parc', 'rdp-audit.jsonl');
    st.write({
      ...st.read(),
      sessions: [
        { user: 'hélène', session: 'rdp-tcp#3', id: 2, state: 'Active', idleMinutes: 0, logon: '04/03/2024 09:15' },
        { user: 'gaëlle', session: '', id: 4, state: 'Disc', idleMinutes: 125, logon: '03/03/2024 08:00' },
        { user: 'paul', session: '', id: 5, state: 'Disc', idleMinutes: 20, logon: '04/03/2024 08:30' },
      ],
    });
    const config = vscode.workspace.getConfiguration('parc');
    // 0.02 min = 1.2 s: the timer itself runs the janitor (default policy: disconnected over 60 min), no command.
    await config.update('sessions.janitorScheduleMinutes', 0.02, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the scheduled janitor to log off gaëlle', async () => !st.read().sessions.some((s) => s.id === 4));
      assert.deepEqual(st.read().sessions.map((s) => s.user), ['hélène', 'paul']);
      // The audit line is appended just after the logoff returns: wait for it rather than racing it.
      const doneEntries = () => readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((e) => e.host === 'rds-fr' && e.user === 'gaëlle' && e.outcome === 'done');
      await waitFor('the audit entry of that logoff', () => doneEntries().length > 0);
      const entries = readFileSync(audit, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      const done = doneEntries();
      assert.equal(done.length, 1, JSON.stringify(entries.slice(-5)));
      assert.match(done[0].reason, /disconnected for 125 min \(over 60\)/);
    } finally {
      await config.update('sessions.janitorScheduleMinutes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // Clearing the setting stops the timer (after letting a run already under way finish): a new session over the limit stays.
    await new Promise((r) => setTimeout(r, 2000));
    st.write({ ...st.read(), sessions: [...st.read().sessions, { user: 'zoé', session: '', id: 6, state: 'Disc', idleMinutes: 300, logon: '03/03/2024 07:00' }] });
    await new Promise((r) => setTimeout(r, 3000));
    assert.ok(st.read().sessions.some((s) => s.id === 6), 'the janitor still ran after the setting was cleared');
  });
});
