// Runs inside the VS Code extension host (code-server), started by ../vscode-apply.test.ts: a window with no estate
// of its own attaches to a real `parc serve` whose parc.yaml has a linux: host (the real test sshd, a real snmpd run
// by the systemctl stand-in). "Apply SNMP Settings…" goes through the server: refused for an operator in the window,
// applied for an admin over the server's SSH connection, with the community named by a credential of the server.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const env = (k: string) => {
  const v = process.env[k];
  assert.ok(v, `${k} is not set`);
  return v;
};
interface Estate { remote?: { user: { role: string } } }
const estate = async (): Promise<Estate> => {
  const ext = vscode.extensions.getExtension<{ ready: Promise<void>; context: { estate: Estate } }>('parc-it.parc');
  assert.ok(ext, 'extension not loaded');
  const api = await ext.activate();
  await api.ready;
  return api.context.estate;
};
async function until<T>(what: string, f: () => T | undefined, ms = 30_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    const v = f();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}
type Audit = { user: string; action: string; target?: string; outcome: string };
const audit = (): Audit[] => readFileSync(path.join(env('SERVE_DIR'), '.parc', 'server', 'audit.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Audit);
const connect = async (e: Estate, user: string, password: string, role: string) => {
  await vscode.commands.executeCommand('parc.connectServer', { url: env('SERVE_URL'), user, password, trustFingerprint: env('SERVE_FINGERPRINT') });
  const r = await until(`attached as ${user}`, () => e.remote);
  assert.equal(r.user.role, role);
};
const conf = () => path.join(env('LAB_ROOT'), 'etc/snmp/snmpd.conf');

suite('Apply SNMP Settings… while attached to parc serve (real server, sshd and snmpd)', () => {
  test('an operator is refused in the window; nothing is sent, the host\'s file is untouched', async () => {
    const e = await estate();
    await connect(e, 'olga', env('OP_PW'), 'operator');
    const before = readFileSync(conf(), 'utf8');
    const seen = audit().length;
    const r = await vscode.commands.executeCommand('parc.remote.applySnmpd', undefined, { host: 'lab', communityCredential: 'NEWCOMM', source: '127.0.0.1/32', confirm: false, timeoutS: 20 });
    assert.equal(r, undefined);
    assert.equal(readFileSync(conf(), 'utf8'), before);
    assert.deepEqual(audit().slice(seen).filter((a) => a.action.startsWith('snmpd')), [], 'refused before asking the server');
    await vscode.commands.executeCommand('parc.disconnectServer');
  });

  test('an admin applies it through the server: the new community answers, the change is audited under the admin\'s name', async () => {
    const e = await estate();
    await connect(e, 'ada', env('ADMIN_PW'), 'admin');
    const before = readFileSync(conf(), 'utf8');
    type Report = { ok: boolean; restored: boolean; error?: string; changes: string[]; steps: string[] };
    const r = await vscode.commands.executeCommand<Report>('parc.remote.applySnmpd', undefined, { host: 'lab', communityCredential: 'NEWCOMM', source: '127.0.0.1/32', location: 'Rack 4', confirm: false, timeoutS: 20 });
    assert.equal(r?.ok, true, JSON.stringify(r));
    const after = readFileSync(conf(), 'utf8');
    assert.match(after, new RegExp(`^rocommunity ${env('NEW_COMMUNITY')} 127\\.0\\.0\\.1/32$`, 'm'), 'the server wrote the community its credential holds');
    assert.match(after, /^sysLocation Rack 4$/m);
    // Every line the change does not touch stays as written.
    for (const l of before.split('\n').filter((x) => x && !x.startsWith('sysLocation'))) assert.ok(after.includes(l), `kept: ${l}`);
    assert.equal(readdirSync(path.dirname(conf())).filter((f) => f.endsWith('.bak')).length, 1, 'one backup beside the file');
    const mine = audit().filter((a) => a.action === 'snmpd-apply');
    assert.deepEqual(mine.map((a) => [a.user, a.target, a.outcome]), [['ada', 'lab', 'ok']]);
    assert.ok(!JSON.stringify(r).includes(env('NEW_COMMUNITY')), 'the answer names no community value');
    assert.ok(!JSON.stringify(audit()).includes(env('NEW_COMMUNITY')), 'nor does the audit log');
    await vscode.commands.executeCommand('parc.disconnectServer');
  });
});
