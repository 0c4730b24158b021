// Runs inside the VS Code extension host (code-server), started by ../vscode-host.test.ts with a workspace whose
// parc.yaml has a linux: host pointing at the real test sshd (files in its temporary root, sudo with a password).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const env = (k: string) => {
  const v = process.env[k];
  assert.ok(v, `${k} is not set`);
  return v;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const uri = (p: string) => vscode.Uri.parse(`parc-ssh://lab${p}`);

suite('parc-ssh:// files and netplan diagnostics (real extension host, real sshd)', () => {
  const root = () => env('LAB_ROOT');
  const onDisk = () => path.join(root(), 'etc/netplan/01-netcfg.yaml');

  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>('parc-it.parc');
    assert.ok(ext, 'extension not loaded');
    await (await ext.activate()).ready;
    await vscode.commands.executeCommand('parc.remote.refresh');
  });

  test('lists and stats a root-only directory of the host', async () => {
    let entries: [string, vscode.FileType][] = [];
    for (let i = 0; i < 50 && !entries.length; i++) {
      entries = await vscode.workspace.fs.readDirectory(uri('/etc/netplan')).then((e) => e, () => []);
      if (!entries.length) await sleep(200);
    }
    assert.deepEqual(entries, [['01-netcfg.yaml', vscode.FileType.File]]);
    const st = await vscode.workspace.fs.stat(uri('/etc/netplan/01-netcfg.yaml'));
    assert.equal(st.size, statSync(onDisk()).size);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(uri('/etc/netplan/nope.yaml'))), (e: Error) => e instanceof vscode.FileSystemError && e.code === 'FileNotFound');
  });

  test('the Hosts view shows the host\'s netplan version, read over SSH', async () => {
    type Tree = { getChildren(n?: unknown): Promise<{ kind: string; version?: string }[]>; getTreeItem(n: unknown): vscode.TreeItem };
    const ext = vscode.extensions.getExtension<{ remote: { tree: Tree } }>('parc-it.parc')!;
    const tree = ext.exports.remote.tree;
    const host = (await tree.getChildren()).find((n) => (n as { name?: string }).name === 'lab');
    assert.ok(host, 'host lab listed');
    const children = await tree.getChildren(host);
    const version = children.find((c) => c.kind === 'version');
    const installed = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'netplan.io'], { encoding: 'utf8' }).stdout.trim();
    assert.ok(installed, 'netplan.io is installed on the test host');
    assert.equal(version?.version, installed);
    assert.equal(tree.getTreeItem(version).label, `netplan ${installed}`);
    assert.match(String(tree.getTreeItem(host).description), new RegExp(`netplan ${installed.replace(/[.+]/g, '\\$&')}$`));
  });

  test('a netplan document shows its problems as you type', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('/etc/netplan/01-netcfg.yaml'));
    await vscode.window.showTextDocument(doc);
    let d: vscode.Diagnostic[] = [];
    for (let i = 0; i < 50 && !d.length; i++) {
      d = vscode.languages.getDiagnostics(doc.uri);
      if (!d.length) await sleep(100);
    }
    assert.ok(d.some((x) => x.severity === vscode.DiagnosticSeverity.Warning && /gateway4.*deprecated/.test(x.message) && x.range.start.line === 6), JSON.stringify(d));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, 0), '      mtu: big\n');
    await vscode.workspace.applyEdit(edit);
    for (let i = 0; i < 50 && !vscode.languages.getDiagnostics(doc.uri).some((x) => /invalid unsigned int value 'big'/.test(x.message)); i++) await sleep(100);
    assert.ok(vscode.languages.getDiagnostics(doc.uri).some((x) => x.severity === vscode.DiagnosticSeverity.Error && /invalid unsigned int value 'big'/.test(x.message)));
    // Take the typed line back out, then revert: the revert command acts on the active editor only, and a
    // loaded host once left the line in the document, so the next test saved it to the host.
    const typed = doc.getText().indexOf('      mtu: big\n');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(doc.uri, new vscode.Range(doc.positionAt(typed), doc.positionAt(typed + '      mtu: big\n'.length)));
    await vscode.workspace.applyEdit(undo);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    for (let i = 0; i < 100 && (doc.isDirty || doc.getText() !== readFileSync(onDisk(), 'utf8')); i++) await sleep(100);
    assert.equal(doc.getText(), readFileSync(onDisk(), 'utf8'), 'the document is back to the host\'s file');
  });

  test('saving writes the file on the host atomically, keeps owner and mode, and leaves a backup', async () => {
    const before = readFileSync(onDisk(), 'utf8');
    const doc = await vscode.workspace.openTextDocument(uri('/etc/netplan/01-netcfg.yaml'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# edited in VS Code\n');
    await vscode.workspace.applyEdit(edit);
    assert.equal(await doc.save(), true);
    assert.equal(readFileSync(onDisk(), 'utf8'), '# edited in VS Code\n' + before);
    const st = statSync(onDisk());
    assert.deepEqual([st.uid, st.mode & 0o777], [0, 0o600]);
    const backups = readdirSync(path.dirname(onDisk())).filter((f) => f.startsWith('01-netcfg.yaml.parc-') && f.endsWith('.bak'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(path.join(path.dirname(onDisk()), backups[0]), 'utf8'), before);
  });

  test('a save over a change made on the host meanwhile is refused, and the host\'s version is kept', async () => {
    const doc = await vscode.workspace.openTextDocument(uri('/etc/netplan/01-netcfg.yaml'));
    writeFileSync(onDisk(), '# changed on the host by someone else\n');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# mine\n');
    await vscode.workspace.applyEdit(edit);
    const saved = await Promise.resolve(doc.save()).catch(() => false);
    assert.equal(saved, false);
    assert.equal(readFileSync(onDisk(), 'utf8'), '# changed on the host by someone else\n');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('Apply Netplan Safely stops on a bridge warning; accepted, it writes, applies (stand-in netplan apply) and confirms on a new connection', async () => {
    const dir = path.dirname(onDisk());
    writeFileSync(onDisk(), 'network:\n  version: 2\n  ethernets:\n    ens3: {}\n', { mode: 0o600 });
    const br = path.join(dir, '02-br.yaml');
    const original = 'network:\n  version: 2\n  bridges:\n    br0:\n      interfaces: [ens3]\n      addresses: [198.18.0.5/24]\n';
    writeFileSync(br, original, { mode: 0o600 });
    // The document is left unedited: code-server autosaves dirty documents after a delay (web default), and a save
    // landing between Parc's read and write is (rightly) refused as a concurrent change.
    const text = original.replace('addresses: [198.18.0.5/24]', 'addresses: [198.18.0.6/24]');
    writeFileSync(br, text, { mode: 0o600 });
    const doc = await vscode.workspace.openTextDocument(uri('/etc/netplan/02-br.yaml'));
    assert.equal(doc.getText(), text);
    type Report = { outcome: string; warnings: string[]; problems: string[]; steps: string[] };
    const refused = await vscode.commands.executeCommand<Report>('parc.remote.applyNetplan', doc.uri, { timeoutS: 20, newAddress: '127.0.0.1', acceptWarnings: false });
    assert.equal(refused?.outcome, 'refused', JSON.stringify(refused));
    assert.deepEqual(refused.problems, []);
    assert.ok(refused.warnings.some((w) => /bridge/i.test(w)), JSON.stringify(refused.warnings));
    assert.equal(readFileSync(br, 'utf8'), text, 'nothing written before the warnings are accepted');
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('02-br.yaml.parc-')), []);
    const done = await vscode.commands.executeCommand<Report>('parc.remote.applyNetplan', doc.uri, { timeoutS: 20, newAddress: '127.0.0.1', acceptWarnings: true });
    assert.equal(done?.outcome, 'confirmed', JSON.stringify(done?.steps));
    assert.match(String((done as Report & { verdict?: string }).verdict), /^verdict: netplan 0\.\d+.* on lab/, 'the host\'s netplan decided');
    assert.ok(done.steps.some((x) => /^wrote .*02-br\.yaml \(backup /.test(x)) && done.steps.some((x) => /applying with "\/bin\/true"/.test(x)), JSON.stringify(done.steps));
    assert.equal(readFileSync(br, 'utf8'), text);
    const backups = readdirSync(dir).filter((f) => f.startsWith('02-br.yaml.parc-') && f.endsWith('.bak'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(path.join(dir, backups[0]), 'utf8'), text);
  });

  test('Apply SNMP Settings… adds a community, restarts the real snmpd and polls with it', async () => {
    const conf = path.join(root(), 'etc/snmp/snmpd.conf');
    type Report = { ok: boolean; restored: boolean; error?: string; steps: string[]; poll?: { status: string; sysLocation?: string } };
    const r = await vscode.commands.executeCommand<Report>('parc.remote.applySnmpd', undefined, { host: 'lab', community: 'vscomm-4d1', source: '127.0.0.1/32', location: 'Lab bench', confirm: false, timeoutS: 20 });
    assert.equal(r?.ok, true, JSON.stringify(r));
    assert.equal(r.poll?.sysLocation, 'Lab bench');
    const text = readFileSync(conf, 'utf8');
    assert.match(text, /^rocommunity vscomm-4d1 127\.0\.0\.1\/32$/m);
    assert.match(text, /^rocommunity oldcomm-5e2 127\.0\.0\.1 -V all$/m, 'the other lines are kept');
    assert.equal(readdirSync(path.dirname(conf)).filter((f) => f.startsWith('snmpd.conf.parc-') && f.endsWith('.bak')).length, 1);
  });

  test('Apply SNMP Settings… with a source that shuts the poller out: no answer, the previous file is put back', async () => {
    const conf = path.join(root(), 'etc/snmp/snmpd.conf');
    const before = readFileSync(conf, 'utf8');
    type Report = { ok: boolean; restored: boolean; error?: string };
    const r = await vscode.commands.executeCommand<Report>('parc.remote.applySnmpd', undefined, { host: 'lab', community: 'lockedout-77', source: '198.18.0.0/15', confirm: false, timeoutS: 3 });
    assert.equal(r?.ok, false, JSON.stringify(r));
    assert.equal(r.restored, true, JSON.stringify(r));
    assert.equal(readFileSync(conf, 'utf8'), before);
  });
});
