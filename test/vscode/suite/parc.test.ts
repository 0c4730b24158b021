// Parc in a real VS Code extension host (code-server), against the real agents the runner started.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParcApi } from '../../../src/extension/extension';
import type { DevicesNode } from '../../../src/extension/views/devices-tree';
import { freeUdpPort } from '../../support/ports';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { COMMUNITY, SIM_COMMUNITY } from '../fleet';
import { startSnmpsim } from '../../support/snmpsim';
import { printerRecord, upsRecord } from '../../fixtures/snmprec/health-devices';
import { agents, label, parcApi, waitFor } from '../helpers';

suite('Parc in VS Code (trusted workspace, real agents)', () => {
  let api: ParcApi;
  let bench: RunningSnmpd | undefined;
  const ws = () => process.env.PARC_VSCODE_WORKSPACE!;

  suiteSetup(async () => {
    api = await parcApi();
  });

  suiteTeardown(async () => {
    await bench?.stop();
  });

  const tree = () => api.context.devicesTree;
  const bg = (): string | undefined => (api.statusBar.item.backgroundColor as vscode.ThemeColor | undefined)?.id;
  const keyOf = (name: string) => {
    const a = agents().find((x) => x.name === name);
    assert.ok(a, `no agent ${name}`);
    return `127.0.0.1:${a.port}`;
  };
  async function childLabels(n?: DevicesNode): Promise<string[]> {
    return (await tree().getChildren(n)).map((c) => label(tree().getTreeItem(c) as vscode.TreeItem));
  }

  test('activates on the workspace parc.yaml, trusted, with every device', async () => {
    const ext = vscode.extensions.getExtension('parc-it.parc')!;
    assert.equal(ext.isActive, true);
    assert.equal(vscode.workspace.isTrusted, true);
    assert.equal(api.context.inventories.file, path.join(ws(), 'parc.yaml'));
    assert.deepEqual(api.context.estate.list().map((d) => d.device.name), ['paris-core', 'lyon-gw', 'yul-switch']);
    assert.equal(api.context.estate.monitoring, true, 'the scheduler runs in a trusted workspace');
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['parc.pollNow', 'parc.pollAll', 'parc.addDevice', 'parc.discoverSubnet', 'parc.removeDevice', 'parc.moveDevice', 'parc.openInInventory', 'parc.copyAddress', 'parc.setCredential', 'parc.showEventLog', 'parc.acknowledgeAlert', 'parc.muteDevice']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
  });

  test('the Devices tree groups devices by region and site (explicit site, sysLocation, alias)', async () => {
    // The scheduler's first poll started at activation; wait until every device has been polled.
    await waitFor('the first poll of all devices', () => api.context.estate.list().every((d) => d.report && !d.polling));
    assert.deepEqual(await childLabels(), ['Americas', 'Europe']);
    const [americas, europe] = await tree().getChildren();
    assert.deepEqual(await childLabels(europe), ['Lyon', 'Paris']);
    assert.deepEqual(await childLabels(americas), ['Montreal']);
    const [lyon, paris] = await tree().getChildren(europe);
    assert.deepEqual(await childLabels(paris), ['paris-core']);
    assert.deepEqual(await childLabels(lyon), ['lyon-gw']);
    const [montreal] = await tree().getChildren(americas);
    assert.deepEqual(await childLabels(montreal), ['yul-switch']);
    const yul = api.context.estate.get(keyOf('yul-switch'))!;
    assert.equal(yul.report?.status, 'up', yul.report?.error);
    assert.match(yul.siteExplanation, /YUL/);
    // Device items: status icon with a theme colour, description, Markdown tooltip with the site's reason.
    const item = tree().getTreeItem(tree().deviceNode(keyOf('lyon-gw')));
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass-filled');
    assert.equal(((item.iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'testing.iconPassed');
    assert.match(String(item.description), /\S · up \d/i, 'description: model · version (or the OS) · uptime');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Lyon, baie 2/);
    assert.match(item.contextValue!, /\bdevice\b/);
    // Details: interfaces, storage... from the real snmpd.
    const groups = await childLabels(tree().deviceNode(keyOf('lyon-gw')));
    assert.ok(groups.includes('Interfaces'), `details: ${groups.join(', ')}`);
  });

  test('Poll now updates the device and refreshes only its item', async () => {
    const key = keyOf('paris-core');
    const before = api.context.estate.get(key)!.report!.polledAt;
    // The device is selected and expanded in the visible view; both must survive the poll. The product's
    // reveal (the one Show Device uses) must place it without a retry loop here.
    await api.context.revealDevice(key, { expand: true, focus: false });
    const fired: (DevicesNode | undefined)[] = [];
    const sub = tree().onDidChangeTreeData((n) => fired.push(n));
    const fullBefore = tree().fullRefreshes;
    try {
      const result = await vscode.commands.executeCommand<{ devices: { key: string; status: string }[] }>('parc.pollNow', tree().deviceNode(key));
      assert.ok(result, 'Poll now returned a result');
      assert.deepEqual(result.devices.map((d) => [d.key, d.status]), [[key, 'up']]);
    } finally {
      sub.dispose();
    }
    const after = api.context.estate.get(key)!.report!;
    assert.ok(Date.parse(after.polledAt) > Date.parse(before), 'a new poll time');
    assert.equal(after.status, 'up');
    assert.ok(fired.includes(tree().deviceNode(key)), 'the device item was refreshed');
    assert.ok(!fired.includes(undefined), 'no full refresh');
    assert.equal(tree().fullRefreshes, fullBefore);
    assert.ok(fired.every((n) => n?.kind === 'device' && n.key === key), `only that device: ${fired.map((n) => n?.id).join(', ')}`);
    assert.deepEqual(api.context.devicesView.selection.map((n) => n.id), [tree().deviceNode(key).id], 'the selection is kept');
  });

  test('Show Device reveals a device while its site and the whole tree keep being refreshed', async () => {
    // A reveal racing partial refreshes used to fail with "Data tree node not found" (issue 13, item 8).
    const key = keyOf('lyon-gw');
    assert.ok(tree().placeOf(key), 'lyon-gw is listed');
    // What polls do to the tree while a notification's Show is clicked: the site redrawn (its down count),
    // now and then the whole tree (a device moved), just before the reveal and while it is in flight.
    // (no real poll here: a poll reads the host's CPU, and a busy CI machine would raise alerts later tests count)
    for (let i = 0; i < 6; i++) {
      tree().resync(key, i % 3 === 2);
      const shown = api.context.revealDevice(key, { focus: false });
      const later = setTimeout(() => tree().resync(key, i % 2 === 1), 10 + 40 * i);
      try {
        await shown;
      } finally {
        clearTimeout(later);
      }
      // The workbench reports the new selection to the extension host after the reveal has returned.
      await waitFor(`the device selected after reveal ${i + 1}`, () => api.context.devicesView.selection.some((n) => n.id === tree().deviceNode(key).id), 5000);
    }
    await assert.rejects(Promise.resolve(api.context.revealDevice('127.0.0.1:1')), /not in the Devices view/);
  });

  test('editing parc.yaml on disk applies without a reload', async () => {
    const file = path.join(ws(), 'parc.yaml');
    const good = await fs.readFile(file, 'utf8');
    const lyon = tree().siteNode('Europe', 'Lyon');
    await fs.writeFile(file, good.replace('name: lyon-gw', 'name: lyon-gateway'));
    try {
      await waitFor('the renamed device in the tree', async () => (await childLabels(lyon)).includes('lyon-gateway'));
    } finally {
      await fs.writeFile(file, good);
    }
    await waitFor('the original name back', async () => (await childLabels(lyon)).includes('lyon-gw'));
  });

  test('Add device probes the agent, writes parc.yaml and keeps its comments', async () => {
    bench = await startSnmpd({ community: COMMUNITY, location: 'Paris, bench', sysName: 'bench-1' });
    const file = path.join(ws(), 'parc.yaml');
    const original = await fs.readFile(file, 'utf8');
    const added = await vscode.commands.executeCommand<{ host: string; name?: string }>('parc.addDevice', { host: '127.0.0.1', port: bench.port, profile: 'lab', site: 'Paris' });
    assert.ok(added, 'a device was added');
    assert.equal(added.name, 'bench-1', 'named after the sysName the probe read');
    const text = await fs.readFile(file, 'utf8');
    for (const line of original.split('\n').filter((l) => l.includes('#'))) assert.ok(text.includes(line), `comment kept: ${line}`);
    assert.ok(text.startsWith(original.trimEnd()), 'everything before the new entry is unchanged');
    assert.match(text, new RegExp(`port: ${bench.port}`));
    const key = `127.0.0.1:${bench.port}`;
    await waitFor('the new device in the estate', () => api.context.estate.get(key));
    const paris = tree().siteNode('Europe', 'Paris');
    await waitFor('bench-1 under Paris', async () => (await childLabels(paris)).includes('bench-1'));
  });

  test('a stopped agent turns its device down, raises an alert and changes the status bar', async () => {
    assert.ok(bench, 'needs the device of the previous test');
    const key = `127.0.0.1:${bench.port}`;
    const node = tree().deviceNode(key);
    await vscode.commands.executeCommand('parc.pollAll');
    assert.equal(api.context.estate.get(key)?.report?.status, 'up');
    assert.equal(api.statusBar.item.text, '$(check) 4 up');
    assert.equal(bg(), undefined);

    await bench.stop();
    const result = await vscode.commands.executeCommand<{ devices: { status: string }[] }>('parc.pollNow', node);
    assert.equal(result?.devices[0].status, 'down');
    const state = api.context.estate.get(key)!;
    assert.equal(state.report?.status, 'down');
    assert.ok(state.report?.error, 'the error is kept');
    const item = tree().getTreeItem(node);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match(item.contextValue!, /\bdevice\b.*\bdown\b/);

    const alert = await waitFor('a down alert', () => api.context.alerts.open().find((a) => a.event.device === key && a.event.type === 'down'));
    assert.match(alert.event.message, /bench-1 is down/);
    const alertRows = await api.alertsTree.getChildren(api.alertsTree.alertsGroup);
    assert.equal(alertRows[0].kind === 'alert' && alertRows[0].alert.id, alert.id, 'newest alert first');
    assert.equal(api.statusBar.item.text, '$(pulse) 3 up · 1 down');
    assert.equal(bg(), 'statusBarItem.errorBackground');
    assert.ok(api.notifier.shown.some((m) => /bench-1 is down/.test(m)), 'a notification was shown');
    // The Europe region shows its down count.
    assert.equal(tree().getTreeItem(tree().regionNode('Europe')).description, '1 down');
  });

  test('acknowledging the alert and muting the device quiet the status bar', async () => {
    const key = `127.0.0.1:${bench!.port}`;
    const alert = api.context.alerts.active().find((a) => a.event.device === key)!;
    assert.ok(alert);
    await vscode.commands.executeCommand('parc.acknowledgeAlert', { kind: 'alert', id: `alert:${alert.id}`, alert });
    assert.ok(!api.context.alerts.active().some((a) => a.id === alert.id));
    assert.ok(api.context.alerts.open().find((a) => a.id === alert.id)?.acknowledged);
    assert.equal(await vscode.commands.executeCommand('parc.muteDevice', tree().deviceNode(key), 30), true);
    assert.ok(api.context.alerts.isMuted(key));
    assert.match(tree().getTreeItem(tree().deviceNode(key)).contextValue!, /\bmuted\b/);
    assert.equal(bg(), 'statusBarItem.warningBackground');
  });

  test('the down-only filter shows just the down device', async () => {
    await vscode.commands.executeCommand('parc.filterDevices', { downOnly: true });
    try {
      assert.deepEqual(await childLabels(), ['Europe']);
      const [europe] = await tree().getChildren();
      const [paris] = await tree().getChildren(europe);
      assert.deepEqual(await childLabels(paris), ['bench-1']);
    } finally {
      await vscode.commands.executeCommand('parc.clearDeviceFilter');
    }
    assert.deepEqual(await childLabels(), ['Americas', 'Europe']);
  });

  test('the filter quick pick (answered "Down only") and text filters on site and address', async () => {
    try {
      // Items: All devices, Down only, Matching a text…
      const picking = vscode.commands.executeCommand('parc.filterDevices');
      await new Promise((r) => setTimeout(r, 800));
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await picking;
      assert.equal(tree().filter.downOnly, true);
      assert.match(String(api.context.devicesView.description), /down only/);
      assert.deepEqual(await childLabels(), ['Europe']);
      await vscode.commands.executeCommand('parc.filterDevices', { downOnly: false, text: 'montreal' });
      assert.deepEqual(await childLabels(), ['Americas']);
      assert.deepEqual(await childLabels((await tree().getChildren())[0]), ['Montreal']);
      await vscode.commands.executeCommand('parc.filterDevices', { downOnly: false, text: keyOf('paris-core') });
      const [europe] = await tree().getChildren();
      assert.deepEqual(await childLabels(), ['Europe']);
      assert.deepEqual(await childLabels(europe), ['Paris']);
      assert.deepEqual(await childLabels((await tree().getChildren(europe))[0]), ['paris-core']);
    } finally {
      await vscode.commands.executeCommand('parc.clearDeviceFilter');
    }
    assert.equal(api.context.devicesView.description, undefined);
  });

  test('errors in parc.yaml show in the Problems panel with line and column, and the last valid inventory stays', async () => {
    const file = path.join(ws(), 'parc.yaml');
    const uri = vscode.Uri.file(file);
    const good = await fs.readFile(file, 'utf8');
    const bad = good.replace('      retries: 1', '      retries: many');
    const line = bad.split('\n').findIndex((l) => l.includes('retries: many'));
    await fs.writeFile(file, bad);
    try {
      const diags = await waitFor('a diagnostic on parc.yaml', () => vscode.languages.getDiagnostics(uri).find((d) => d.severity === vscode.DiagnosticSeverity.Error));
      assert.equal(diags.range.start.line, line);
      assert.equal(diags.range.start.character, '      retries: '.length);
      assert.match(diags.message, /retries/);
      assert.equal(api.context.estate.list().length, 4, 'the last valid inventory is kept');
    } finally {
      await fs.writeFile(file, good);
    }
    await waitFor('the diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
  });
  test('Set SNMP credential stores it in SecretStorage, which wins over PARC_CRED_*; the log never shows it', async () => {
    const key = keyOf('paris-core');
    const node = tree().deviceNode(key);
    try {
      assert.equal(await vscode.commands.executeCommand('parc.setCredential', 'lab-community', 'a-wrong-community'), true);
      const wrong = await vscode.commands.executeCommand<{ devices: { status: string; error?: string }[] }>('parc.pollNow', node);
      assert.equal(wrong?.devices[0].status, 'down', 'the stored (wrong) community is used, not the environment');
    } finally {
      await vscode.commands.executeCommand('parc.setCredential', 'lab-community', COMMUNITY);
    }
    const right = await vscode.commands.executeCommand<{ devices: { status: string }[] }>('parc.pollNow', node);
    assert.equal(right?.devices[0].status, 'up');
    const logFile = path.join(api.context.extension.logUri.fsPath, 'Parc.log');
    const text = await waitFor('the Parc log file', () => fs.readFile(logFile, 'utf8').then((t) => t.includes('polled') && t, () => undefined));
    assert.ok(!text.includes(COMMUNITY) && !text.includes('a-wrong-community'), 'no community in the log');
  });
  test('Discover subnet scans, then adds what answered and is new', async () => {
    const extra = await startSnmpd({ community: COMMUNITY, location: 'Lyon, baie 4', sysName: 'found-1' });
    try {
      const before = api.context.estate.list().length;
      const added = await vscode.commands.executeCommand<{ host: string; name?: string }[]>('parc.discoverSubnet', { cidr: '127.0.0.1/32', port: extra.port, addAll: true });
      assert.deepEqual(added?.map((d) => [d.host, d.name]), [['127.0.0.1', 'found-1']]);
      assert.equal(api.context.estate.list().length, before + 1);
      assert.match(await fs.readFile(path.join(ws(), 'parc.yaml'), 'utf8'), new RegExp(`port: ${extra.port}`));
      // Scanning again finds it already listed.
      assert.deepEqual(await vscode.commands.executeCommand('parc.discoverSubnet', { cidr: '127.0.0.1/32', port: extra.port, addAll: true }), []);
    } finally {
      await extra.stop();
    }
  });

  test('Discover subnet: the multi-select of what answered, accepted as offered (all ticked), adds it', async () => {
    const extra = await startSnmpd({ community: COMMUNITY, location: 'Lyon, baie 5', sysName: 'found-2' });
    try {
      const scanning = vscode.commands.executeCommand<{ host: string; name?: string }[]>('parc.discoverSubnet', { cidr: '127.0.0.1/32', port: extra.port });
      // The multi-select shows once the scan is over; accepting it keeps what is ticked.
      let added: { host: string; name?: string }[] | undefined;
      void scanning.then((a) => (added = a));
      await waitFor('the multi-select accepted', async () => {
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await new Promise((r) => setTimeout(r, 300));
        return added;
      });
      assert.deepEqual(added?.map((d) => [d.host, d.name]), [['127.0.0.1', 'found-2']]);
      assert.match(await fs.readFile(path.join(ws(), 'parc.yaml'), 'utf8'), new RegExp(`port: ${extra.port}`));
      await waitFor('found-2 in the estate', () => api.context.estate.get(`127.0.0.1:${extra.port}`));
    } finally {
      await extra.stop();
    }
  });

  // A device that has never answered: added anyway, found down at its first poll, then moved and removed the way
  // a user does it (the site quick pick is driven with the workbench's own quick-input commands).
  let silentKey = '';
  const silentNode = () => tree().deviceNode(silentKey);

  test('a device down at its first poll raises an alert but no "down" notification', async () => {
    const port = await freeUdpPort(); // nothing listens there
    silentKey = `127.0.0.1:${port}`;
    const shownBefore = api.notifier.shown.length;
    const added = await vscode.commands.executeCommand<{ host: string; name?: string }>('parc.addDevice', { host: '127.0.0.1', port, profile: 'lab', site: 'Paris', name: 'silent-1', addIfSilent: true });
    assert.equal(added?.name, 'silent-1');
    const alert = await waitFor('the down alert of silent-1', () => api.context.alerts.open().find((a) => a.event.device === silentKey && a.event.type === 'down'));
    assert.match(alert.event.message, /silent-1 is down/);
    assert.equal(api.context.estate.get(silentKey)?.report?.status, 'down');
    await new Promise((r) => setTimeout(r, 300)); // the notifier runs on the same event as the alert
    assert.deepEqual(api.notifier.shown.slice(shownBefore).filter((m) => m.includes('silent-1')), [], 'no notification for a device never seen up');
    // Whereas a device that was up and goes down still notifies (tested above with bench-1).
    assert.ok(api.notifier.shown.some((m) => /bench-1 is down/.test(m)));
  });

  test('Move device to site: the site quick pick, answered like a user, rewrites parc.yaml and the tree', async () => {
    const file = path.join(ws(), 'parc.yaml');
    // Items: Automatic, Paris, Lyon, Montreal. The command waits on the quick pick until it is answered.
    const moving = vscode.commands.executeCommand<boolean>('parc.moveDevice', silentNode());
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await moving, true);
    const text = await fs.readFile(file, 'utf8');
    // parc.yaml as re-read from disk places the entry in Lyon, explicitly.
    assert.equal(api.context.estate.get(silentKey)?.device.site, 'Lyon');
    assert.match(text, /site: Lyon/);
    await waitFor('silent-1 under Lyon', async () => (await childLabels(tree().siteNode('Europe', 'Lyon'))).includes('silent-1'));
    assert.ok(!(await childLabels(tree().siteNode('Europe', 'Paris'))).includes('silent-1'));
    // Escaping the quick pick changes nothing.
    const cancelled = vscode.commands.executeCommand<boolean>('parc.moveDevice', silentNode());
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await cancelled, false);
    assert.equal(await fs.readFile(file, 'utf8'), text);
  });

  test('Copy address and Open in parc.yaml at the device\'s line', async () => {
    assert.equal(await vscode.commands.executeCommand('parc.copyAddress', silentNode()), silentKey);
    assert.equal(await vscode.env.clipboard.readText(), silentKey);
    await vscode.commands.executeCommand('parc.openInInventory', silentNode());
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    assert.equal(editor.document.uri.fsPath, path.join(ws(), 'parc.yaml'));
    const line = editor.selection.active.line;
    assert.equal(line, api.context.estate.get(silentKey)!.device.line! - 1);
    assert.match(editor.document.lineAt(line).text, /host: 127\.0\.0\.1/, `the cursor is on the device's entry: ${editor.document.lineAt(line).text}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Show event log lists the events, newest first', async () => {
    const count = await vscode.commands.executeCommand<number>('parc.showEventLog');
    assert.ok(count && count > 0, 'events were recorded');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc, 'the event log is open');
    const lines = doc.getText().trim().split('\n');
    assert.equal(lines.length, count);
    const silent = lines.findIndex((l) => /silent-1 is down/.test(l));
    const bench1 = lines.findIndex((l) => /bench-1 is down/.test(l));
    assert.ok(silent >= 0 && bench1 >= 0, `both down events listed:\n${lines.slice(0, 10).join('\n')}`);
    assert.ok(silent < bench1, 'the newer event first');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('Remove device deletes its entry (comments kept) and its tree item', async () => {
    const file = path.join(ws(), 'parc.yaml');
    const before = await fs.readFile(file, 'utf8');
    const port = silentKey.split(':')[1];
    assert.equal(await vscode.commands.executeCommand('parc.removeDevice', silentNode(), { confirm: false }), true);
    const after = await fs.readFile(file, 'utf8');
    assert.ok(!after.includes(`port: ${port}`) && !after.includes('silent-1'), 'the entry is gone');
    for (const line of before.split('\n').filter((l) => l.includes('#'))) assert.ok(after.includes(line), `comment kept: ${line}`);
    assert.equal(api.context.estate.get(silentKey), undefined);
    assert.ok(!(await childLabels(tree().siteNode('Europe', 'Lyon'))).includes('silent-1'));
    assert.ok((await childLabels(tree().siteNode('Europe', 'Lyon'))).includes('lyon-gw'), 'the other devices stay');
  });

  test('Mute device offers the parc.muteMinutes default first (Enter takes it), even a value not in the list', async () => {
    const key = keyOf('paris-core');
    const config = vscode.workspace.getConfiguration('parc');
    const muteWithEnter = async () => {
      const muting = vscode.commands.executeCommand<boolean>('parc.muteDevice', tree().deviceNode(key));
      await new Promise((r) => setTimeout(r, 800));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      assert.equal(await muting, true);
      return (api.context.alerts.mutedUntil(key)! - Date.now()) / 60_000;
    };
    try {
      await config.update('muteMinutes', 240, vscode.ConfigurationTarget.Workspace);
      const four = await muteWithEnter();
      assert.ok(four > 239 && four <= 240, `muted for ${four} min, expected 240`);
      await config.update('muteMinutes', 90, vscode.ConfigurationTarget.Workspace);
      const ninety = await muteWithEnter();
      assert.ok(ninety > 89 && ninety <= 90, `muted for ${ninety} min, expected 90`);
    } finally {
      await vscode.commands.executeCommand('parc.unmuteDevice', tree().deviceNode(key));
      await config.update('muteMinutes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.equal(api.context.alerts.isMuted(key), false);
  });
  test('a printer and a UPS show System, Supplies and UPS nodes, and a low toner raises an alert', async () => {
    // Our own recordings; the printer answers the lab community, the UPS the sim one.
    const sim = await startSnmpsim({ records: { [COMMUNITY]: printerRecord() } });
    const upsSim = await startSnmpsim({ records: { [SIM_COMMUNITY]: upsRecord(true) } });
    try {
      const prn = await vscode.commands.executeCommand<{ host: string; name?: string }>('parc.addDevice', { host: '127.0.0.1', port: sim.port, profile: 'lab', site: 'Lyon' });
      assert.equal(prn?.name, 'prn-lyon-2');
      const key = `127.0.0.1:${sim.port}`;
      await waitFor('the printer in the estate', () => api.context.estate.get(key));
      await vscode.commands.executeCommand('parc.pollNow', tree().deviceNode(key));
      const groups = await childLabels(tree().deviceNode(key));
      assert.ok(groups.includes('System') && groups.includes('Supplies'), `printer details: ${groups.join(', ')}`);
      assert.match(String(tree().getTreeItem(tree().deviceNode(key)).description), /up 1d/);
      const nodes = await tree().getChildren(tree().deviceNode(key));
      const supplies = nodes[groups.indexOf('Supplies')];
      assert.equal(tree().getTreeItem(supplies).description, '1 low');
      const rows = (await tree().getChildren(supplies)).map((n) => tree().getTreeItem(n));
      assert.deepEqual(rows.map((r) => [label(r), r.description]), [
        ['Black Toner Cartridge T-100K', '8%'], ['Cyan Toner Cartridge T-100C', '50%'], ['Waste Toner Box', 'some remaining'],
        ['Imaging Drum', 'unknown'], ['Tray 1', 'some remaining'],
      ]);
      assert.equal(((rows[0].iconPath as vscode.ThemeIcon).color as vscode.ThemeColor).id, 'list.warningForeground');
      const inv = (await tree().getChildren(nodes[groups.indexOf('System')])).map((n) => tree().getTreeItem(n));
      assert.ok(inv.some((r) => label(r) === 'Page count' && /48.?213/.test(String(r.description))), inv.map((r) => `${label(r)}=${r.description}`).join(', '));
      await waitFor('a supply-low alert', () => api.context.alerts.open().find((a) => a.event.device === key && a.event.type === 'supply-low'));

      // The UPS, on battery: its node says so, and the alerts follow.
      const file = path.join(ws(), 'parc.yaml');
      const text = await fs.readFile(file, 'utf8');
      await fs.writeFile(file, text.trimEnd() + `\n  - { host: 127.0.0.1, port: ${upsSim.port}, name: ups-lyon-1, profile: sim, site: Lyon }\n`);
      const upsKey = `127.0.0.1:${upsSim.port}`;
      await waitFor('the UPS in the estate', () => api.context.estate.get(upsKey));
      await vscode.commands.executeCommand('parc.pollNow', tree().deviceNode(upsKey));
      const upsGroups = await childLabels(tree().deviceNode(upsKey));
      assert.ok(upsGroups.includes('UPS'), `UPS details: ${upsGroups.join(', ')}`);
      const upsNode = (await tree().getChildren(tree().deviceNode(upsKey)))[upsGroups.indexOf('UPS')];
      assert.equal(tree().getTreeItem(upsNode).description, 'on battery · 22 %');
      const upsRows = (await tree().getChildren(upsNode)).map((n) => `${label(tree().getTreeItem(n))}=${tree().getTreeItem(n).description}`);
      for (const r of ['Battery charge=22 %', 'Runtime=6 min', 'Replace battery=yes']) assert.ok(upsRows.includes(r), `${r} in ${upsRows.join(', ')}`);
      const types = await waitFor('the UPS alerts', () => {
        // The APC sensor module reports the same condition as state-sensor alarms; here, the UPS alerts.
        const t = api.context.alerts.open().filter((a) => a.event.device === upsKey && a.event.type.startsWith('ups-')).map((a) => a.event.type).sort();
        return t.length >= 3 ? t : undefined;
      });
      assert.deepEqual(types, ['ups-battery-low', 'ups-battery-replace', 'ups-on-battery']);
    } finally {
      await sim.stop();
      await upsSim.stop();
    }
  });
});
