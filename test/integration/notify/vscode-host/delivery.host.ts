// Runs inside the VS Code extension host (code-server), started by ../vscode-host.test.ts with a workspace whose
// parc.yaml has a down device, a webhook transport (a receiver in the test process) and a mail transport (Postfix).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestAlertResult } from '../../../../src/extension/delivery';
import type { AlertsNode, AlertsTreeProvider } from '../../../../src/extension/views/alerts-tree';

async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const env = (k: string) => {
  const v = process.env[k];
  assert.ok(v, `${k} is not set`);
  return v;
};

suite('Alert delivery in the editor (real extension host, real Postfix, local webhook receiver)', () => {
  let tree: AlertsTreeProvider;
  const labels = (nodes: AlertsNode[]) => nodes.map((n) => String(tree.getTreeItem(n).label));
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<{ ready: Promise<void>; alertsTree: AlertsTreeProvider }>('parc-it.parc');
    assert.ok(ext, 'extension not loaded');
    const api = await ext.activate();
    await api.ready;
    tree = api.alertsTree;
  });

  test('Send Test Alert… through the webhook and the mail transport', async () => {
    const hook = (await vscode.commands.executeCommand('parc.sendTestAlert', 'hook')) as TestAlertResult;
    assert.equal(hook.ok, true, hook.message);
    assert.match(hook.message, /Test alert sent through hook \(HTTP 200\)\./);
    const mail = (await vscode.commands.executeCommand('parc.sendTestAlert', 'mail')) as TestAlertResult;
    assert.equal(mail.ok, true, mail.message);
    const bad = (await vscode.commands.executeCommand('parc.sendTestAlert', 'badmail')) as TestAlertResult;
    assert.equal(bad.ok, false);
    assert.match(bad.message, /The test alert through badmail failed: e-mail via 127\.0\.0\.1:\d+: login refused/);
    assert.ok(!bad.message.includes(env('LAB_WRONG_PW')));
  });

  test('the down device is delivered, and the Alerts view shows what went where', async () => {
    const group = tree.getChildren().find((n) => n.kind === 'group' && n.id === 'deliveries')!;
    assert.ok(group, 'a Delivered group');
    const rows = await waitFor('the problem delivery', () => {
      const l = labels(tree.getChildren(group));
      return l.some((x) => /^✓ hook · problem · 1 alert\(s\)$/.test(x)) ? l : undefined;
    });
    assert.ok(rows.some((x) => x === '✓ hook · test · test message'), rows.join('\n'));
    assert.ok(rows.some((x) => x === '✗ badmail · test · test message'), rows.join('\n'));
    const alerts = tree.getChildren(tree.alertsGroup);
    const ghost = alerts.find((n) => n.kind === 'alert' && /ghost is down/.test(n.alert.event.message))!;
    assert.ok(ghost, labels(alerts).join('\n'));
    assert.match(String(tree.getTreeItem(ghost).description), /→ hook ✓/);
    await vscode.commands.executeCommand('parc.acknowledgeAlert', ghost);
  });

  test('a vscode:// device link from a message opens the device', async () => {
    assert.equal(await vscode.commands.executeCommand('parc.openDeviceLink', `vscode://parc-it.parc/device?key=${encodeURIComponent(env('LAB_GHOST_KEY'))}`), true);
    await waitFor('the device page', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => /ghost/.test(t.label)));
    assert.equal(await vscode.commands.executeCommand('parc.openDeviceLink', 'vscode://parc-it.parc/device?key=nowhere%3A161'), false);
  });
});
