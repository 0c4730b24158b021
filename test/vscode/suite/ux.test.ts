// The first hour in Parc (issue 16), in a real extension host: context keys for the palette, the Add… commands
// writing their section into parc.yaml, the palette's device pick, a broken parc.yaml in the tree, the down
// device's details, and Parc's own completion and hover in parc.yaml. The UI side (collapsed views, welcome
// buttons, palette contents, loading state, French) is test/vscode/ux-ui.ts, driven through the browser.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParcApi } from '../../../src/extension/extension';
import { freeUdpPort } from '../../support/ports';
import { label, parcApi, waitFor } from '../helpers';

suite('The first hour (issue 16)', () => {
  let api: ParcApi;
  const file = () => path.join(process.env.PARC_VSCODE_WORKSPACE!, 'parc.yaml');
  const keys = () => api.context.inventories.contextKeys;
  let original: string;

  suiteSetup(async () => {
    api = await parcApi();
    original = await fs.readFile(file(), 'utf8');
    // The suites before this one restore parc.yaml as they found it; wait for that to be applied.
    await waitFor('parc.yaml without windows:', () => keys().get('parc.hasWindows') === false && api.context.inventories.problem === undefined);
  });

  suiteTeardown(async () => {
    await fs.writeFile(file(), original);
    await waitFor('the original parc.yaml applied', () => keys().get('parc.hasWindows') === false);
  });

  test('context keys follow the sections of parc.yaml', () => {
    assert.equal(keys().get('parc.hasDevices'), true);
    assert.equal(keys().get('parc.hasSites'), true);
    assert.equal(keys().get('parc.hasLinux'), false);
    assert.equal(keys().get('parc.hasDirectoriesSection'), false);
    assert.equal(keys().get('parc.inventoryBroken'), false);
  });

  test('Add Windows Host… and Add Linux Host… write their section from the template, keeping the rest of the file', async () => {
    const before = await fs.readFile(file(), 'utf8');
    const line = await vscode.commands.executeCommand<number>('parc.addWindowsHost', { target: '127.0.0.1', name: 'rds-test', noEditor: true });
    assert.ok(typeof line === 'number' && line > 1, `line ${line}`);
    const after = await fs.readFile(file(), 'utf8');
    assert.ok(after.startsWith(before), 'every byte before the new section is unchanged');
    assert.match(after.slice(before.length), /# Windows hosts .*\nwindows:\n {2}- host: 127\.0\.0\.1\n {4}name: rds-test\n/);
    await waitFor('parc.hasWindows', () => keys().get('parc.hasWindows') === true);
    await vscode.commands.executeCommand('parc.addLinuxHost', { target: '127.0.0.2', name: 'web-test', noEditor: true });
    await waitFor('parc.hasLinux', () => keys().get('parc.hasLinux') === true);
    await waitFor('the Hosts view lists web-test', () => api.remote.hosts.hosts.some((h) => h.name === 'web-test'));
    const again = await fs.readFile(file(), 'utf8');
    assert.ok(again.startsWith(after), 'the Windows section stays as written');
    assert.equal(api.context.inventories.problem, undefined, 'the result is a valid parc.yaml');
    await fs.writeFile(file(), before);
    await waitFor('the sections gone again', () => keys().get('parc.hasWindows') === false && keys().get('parc.hasLinux') === false);
  });

  test('Open Device Page from the palette asks which device, whatever is selected in the tree', async () => {
    const list = api.context.estate.list();
    assert.ok(list.length >= 2);
    const [first, second] = list;
    await api.context.revealDevice(second.key);
    assert.equal(api.context.devicesView.selection[0]?.kind, 'device');
    let opened: { key: string } | undefined;
    let done = false;
    const running = vscode.commands.executeCommand<{ key: string }>('parc.openDevicePage').then((p) => {
      opened = p;
      done = true;
    });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(done, false, 'the command waits for a pick instead of opening the selected device');
    // The quick pick lists the devices in inventory order: accept the first one.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await running;
    assert.equal(opened?.key, first.key, 'the picked device, not the selected one');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    // From the tree (a node as argument) there is no question.
    const direct = await vscode.commands.executeCommand<{ key: string }>('parc.openDevicePage', api.context.devicesTree.deviceNode(second.key));
    assert.equal(direct?.key, second.key);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a broken parc.yaml: the tree names file:line:col of the first error and says the devices shown are the last valid ones', async () => {
    const good = await fs.readFile(file(), 'utf8');
    const bad = good.replace(/^devices:/m, 'devices:\n  - host: [unclosed');
    const line = bad.split('\n').findIndex((l) => l.includes('[unclosed')) + 1;
    await fs.writeFile(file(), bad);
    try {
      const problem = await waitFor('the problem row', () => api.context.inventories.problem);
      const [first] = await api.context.devicesTree.getChildren();
      const item = api.context.devicesTree.getTreeItem(first);
      assert.equal(first.kind, 'problem');
      assert.match(label(item), /parc\.yaml has an error \(line \d+\)/);
      assert.match(String(item.description), new RegExp(`parc\\.yaml:${problem.line}:${problem.col}: .+ — showing the last valid version`));
      // The line the parser reports (YAML notices an unclosed bracket where it ends, at or after `line`), as in
      // the Problems panel.
      assert.ok(problem.line >= line, `error at line ${problem.line}, broken line ${line}`);
      const diag = await waitFor('the diagnostic', () => vscode.languages.getDiagnostics(vscode.Uri.file(file())).find((d) => d.severity === vscode.DiagnosticSeverity.Error));
      assert.equal(problem.line, diag.range.start.line + 1, 'the row and the Problems panel agree');
      assert.equal(item.command?.command, 'vscode.open');
      assert.ok(api.context.estate.list().length > 0, 'the last valid inventory is still shown');
    } finally {
      await fs.writeFile(file(), good);
    }
    await waitFor('the problem row gone', () => api.context.inventories.problem === undefined);
    const [first] = await api.context.devicesTree.getChildren();
    assert.notEqual(first.kind, 'problem');
  });

  test('a down device shows its error, since when it is down and when it was last seen; with no site it is listed straight under Unassigned', async () => {
    const good = await fs.readFile(file(), 'utf8');
    const port = await freeUdpPort(); // nothing answers there
    const key = `127.0.0.1:${port}`;
    await fs.writeFile(file(), good.trimEnd() + `\n  - { host: 127.0.0.1, port: ${port}, name: gone-1 }\n`);
    try {
      await waitFor('gone-1 in the estate', () => api.context.estate.get(key));
      await vscode.commands.executeCommand('parc.pollNow', api.context.devicesTree.deviceNode(key));
      const down = api.context.estate.get(key)!;
      assert.equal(down.report?.status, 'down');
      const tree = api.context.devicesTree;
      const item = tree.getTreeItem(tree.deviceNode(key));
      assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'a down device expands');
      const rows = (await tree.getChildren(tree.deviceNode(key))).map((n) => tree.getTreeItem(n));
      const byLabel = new Map(rows.map((r) => [label(r), String(r.description)]));
      assert.deepEqual([...byLabel.keys()], ['Error', 'Down since', 'Last seen', 'Last poll']);
      assert.equal(byLabel.get('Error'), down.report!.error);
      assert.match(byLabel.get('Last seen')!, /^never/, 'it never answered');
      // No site matched (no sysLocation, no subnet): one level, "Unassigned", with the device under it.
      const roots = await tree.getChildren();
      const unassigned = roots.find((n) => n.kind === 'region' && n.region === 'Unassigned');
      assert.ok(unassigned, `regions: ${roots.map((n) => label(tree.getTreeItem(n))).join(', ')}`);
      const under = await tree.getChildren(unassigned);
      assert.ok(under.length > 0 && under.every((n) => n.kind === 'device'), `no "Unassigned › Unassigned": ${under.map((n) => n.kind).join(', ')}`);
      const gone = under.find((n) => n.kind === 'device' && n.key === key);
      assert.ok(gone, 'gone-1 is listed under Unassigned');
      assert.equal(tree.getParent(gone), unassigned);
      assert.equal(label(tree.getTreeItem(unassigned)), 'Unassigned');
    } finally {
      await fs.writeFile(file(), good);
    }
    await waitFor('gone-1 removed', () => !api.context.estate.get(key));
  });

  test('an up device shows System with its description and location, and memory pools', async () => {
    const up = await waitFor('an up device with memory pools', () => api.context.estate.list().find((d) => d.report?.status === 'up' && (d.report.mempools?.length ?? 0) > 0));
    const tree = api.context.devicesTree;
    const groups = await tree.getChildren(tree.deviceNode(up.key));
    const names = groups.map((g) => label(tree.getTreeItem(g)));
    assert.ok(names.includes('System') && names.includes('Memory'), names.join(', '));
    const sys = (await tree.getChildren(groups[names.indexOf('System')])).map((n) => tree.getTreeItem(n));
    const rows = new Map(sys.map((r) => [label(r), String(r.description)]));
    assert.equal(rows.get('Description'), up.report!.sysDescr!.split(/\r?\n/)[0]);
    assert.equal(rows.get('Location'), up.report!.sysLocation);
    assert.notEqual(rows.get('Vendor'), 'Net-SNMP', 'the agent is not the vendor');
    const mem = await tree.getChildren(groups[names.indexOf('Memory')]);
    assert.equal(mem.length, up.report!.mempools!.length);
  });

  test('Parc completes and explains parc.yaml keys, profile names and site names (no YAML extension installed)', async () => {
    assert.equal(vscode.extensions.getExtension('redhat.vscode-yaml'), undefined);
    // A second parc.yaml in a subfolder (not the workspace inventory), typed in block style.
    const dir = path.join(process.env.PARC_VSCODE_WORKSPACE!, 'help-test');
    await fs.mkdir(dir, { recursive: true });
    const helpFile = path.join(dir, 'parc.yaml');
    await fs.writeFile(helpFile, [
      'sites:', '  - region: Europe', '    name: Paris', '    aliases: [PAR]',
      'snmp:', '  profiles:', '    lab:', '      version: 2c', '      credential: lab', '    sim:', '      version: 2c', '      credential: sim',
      'devices:', '  - host: 192.0.2.1', '    profile: ', '    site: ', '    ', '',
    ].join('\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(helpFile));
      await vscode.window.showTextDocument(doc);
      const labels = (l: vscode.CompletionList) => l.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      const at = (line: number, ch: number) => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, ch));
      const top = labels(await at(doc.lineCount - 1, 0));
      for (const k of ['windows', 'linux', 'directories', 'alerting']) assert.ok(top.includes(k), `${k} in ${top.join(',')}`);
      const lines = doc.getText().split('\n');
      const pl = lines.findIndex((l) => l.startsWith('    profile:'));
      const profiles = (await at(pl, lines[pl].length)).items.filter((i) => i.detail === 'SNMP profile in parc.yaml');
      assert.deepEqual(profiles.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).sort(), ['lab', 'sim']);
      const sl = lines.findIndex((l) => l.startsWith('    site:'));
      const sites = (await at(sl, lines[sl].length)).items.filter((i) => i.detail === 'Site in parc.yaml');
      assert.deepEqual(sites.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)), ['Paris', 'PAR']);
      const device = labels(await at(pl + 2, 4));
      assert.ok(device.includes('port') && device.includes('tags') && !device.includes('profile'), `device keys: ${device.join(',')}`);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(pl, 6));
      const md = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
      assert.match(md, /devices\.profile/);
      assert.match(md, /SNMP profile/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
