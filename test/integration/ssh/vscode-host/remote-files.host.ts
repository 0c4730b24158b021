// Runs inside the VS Code extension host (code-server), started by ../vscode-host.test.ts with a workspace whose
// parc.yaml has a linux: host pointing at the real test sshd (files in its temporary root, sudo with a password).
import * as assert from 'node:assert/strict';
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
    await vscode.commands.executeCommand('workbench.action.files.revert');
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
    const doc = await vscode.workspace.openTextDocument(uri('/etc/netplan/02-br.yaml'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), '# bridge for the lab\n');
    await vscode.workspace.applyEdit(edit);
    type Report = { outcome: string; warnings: string[]; problems: string[]; steps: string[] };
    const refused = await vscode.commands.executeCommand<Report>('parc.remote.applyNetplan', doc.uri, { timeoutS: 20, newAddress: '127.0.0.1', acceptWarnings: false });
    assert.equal(refused?.outcome, 'refused', JSON.stringify(refused));
    assert.deepEqual(refused.problems, []);
    assert.ok(refused.warnings.some((w) => /bridge/i.test(w)), JSON.stringify(refused.warnings));
    assert.equal(readFileSync(br, 'utf8'), original, 'nothing written before the warnings are accepted');
    const done = await vscode.commands.executeCommand<Report>('parc.remote.applyNetplan', doc.uri, { timeoutS: 20, newAddress: '127.0.0.1', acceptWarnings: true });
    assert.equal(done?.outcome, 'confirmed', JSON.stringify(done?.steps));
    assert.equal(readFileSync(br, 'utf8'), '# bridge for the lab\n' + original);
    assert.equal(readdirSync(dir).filter((f) => f.startsWith('02-br.yaml.parc-') && f.endsWith('.bak')).length, 1);
  });
});
