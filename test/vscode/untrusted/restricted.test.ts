// Parc in Restricted Mode: the inventory is shown, nothing reaches the network.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ParcApi } from '../../../src/extension/extension';
import { label, parcApi } from '../helpers';

suite('Parc in Restricted Mode (untrusted workspace)', () => {
  let api: ParcApi;
  const ws = () => process.env.PARC_VSCODE_WORKSPACE!;

  suiteSetup(async () => {
    api = await parcApi();
  });

  test('the workspace is untrusted and Parc is active with its inventory', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.equal(vscode.extensions.getExtension('parc-it.parc')!.isActive, true);
    assert.equal(api.context.estate.list().length, 3);
    assert.equal(api.context.estate.monitoring, false, 'no scheduler in Restricted Mode');
  });

  test('the Devices tree shows the inventory, never polled', async () => {
    const tree = api.context.devicesTree;
    const regions = await tree.getChildren();
    assert.ok(regions.length > 0);
    const devices = api.context.estate.list();
    for (const d of devices) {
      assert.equal(d.report, undefined, `${d.device.name} was not polled`);
      assert.equal((tree.getTreeItem(tree.deviceNode(d.key)).iconPath as vscode.ThemeIcon).id, 'circle-large-outline');
    }
    assert.ok(regions.map((r) => label(tree.getTreeItem(r))).includes('Europe'));
  });

  test('Poll now, Add device and Discover subnet are blocked', async () => {
    assert.equal(await vscode.commands.executeCommand('parc.pollAll'), undefined);
    const first = api.context.estate.list()[0];
    assert.equal(await vscode.commands.executeCommand('parc.pollNow', api.context.devicesTree.deviceNode(first.key)), undefined);
    assert.equal(await vscode.commands.executeCommand('parc.addDevice', { host: '127.0.0.1', port: 9, site: 'Paris' }), undefined);
    assert.deepEqual(await vscode.commands.executeCommand('parc.discoverSubnet', { cidr: '127.0.0.1/32', addAll: true }), []);
    // Give a (wrongly started) scheduler time to write something, then check nothing was polled or stored.
    await new Promise((r) => setTimeout(r, 1500));
    assert.ok(api.context.estate.list().every((d) => d.report === undefined));
    assert.equal(existsSync(path.join(ws(), '.parc', 'devices.json')), false, 'no state written');
    assert.equal(api.context.estate.list().length, 3, 'parc.yaml unchanged');
  });
});
