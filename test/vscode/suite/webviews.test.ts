// The device page's serializer in a real VS Code extension host: a saved page (its webview state: device key and
// chosen range) given back to the extension, as after a window reload, shows that device on that range.
// (test/vscode/demo-screenshots.ts does the same through a real reload of the browser window.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParcApi } from '../../../src/extension/extension';
import { agents, parcApi, waitFor } from '../helpers';

suite('Device page serializer (window reload)', () => {
  let api: ParcApi;
  suiteSetup(async () => {
    api = await parcApi();
  });
  teardown(async () => {
    for (const p of api.webviews.devicePages()) p.panel.dispose();
  });

  const keyOf = (name: string) => `127.0.0.1:${agents().find((a) => a.name === name)!.port}`;
  const newPanel = () => vscode.window.createWebviewPanel('parc.devicePage', 'restored', vscode.ViewColumn.Active, { enableScripts: true });

  test('a saved page comes back with its device and its range', async () => {
    const key = keyOf('paris-core');
    const panel = newPanel();
    await api.webviews.devicePage.deserializeWebviewPanel(panel, { key, range: '7d' });
    const page = await waitFor('the restored page', () => api.webviews.devicePages().find((p) => p.key === key));
    assert.equal(page.panel, panel, 'the panel VS Code restored is the one reused');
    assert.equal(page.range, '7d');
    assert.equal(panel.title, 'paris-core');
    assert.match(panel.webview.html, /<button type="button" data-range="7d" class="on">7d<\/button>/);
    assert.match(panel.webview.html, /<h1>paris-core<\/h1>/);
  });

  test('without a chosen range it opens on the range that has data; a page with no state is closed', async () => {
    const key = keyOf('lyon-gw');
    const panel = newPanel();
    await api.webviews.devicePage.deserializeWebviewPanel(panel, { key });
    const page = await waitFor('the restored page', () => api.webviews.devicePages().find((p) => p.key === key));
    assert.equal(page.range, undefined);
    // The suite's estate was first polled minutes ago: its history is under an hour, so the page opens on 1h.
    assert.match(panel.webview.html, /data-range="1h" class="on"/);
    let disposed = false;
    const stale = newPanel();
    stale.onDidDispose(() => (disposed = true));
    await api.webviews.devicePage.deserializeWebviewPanel(stale, undefined as never);
    assert.equal(disposed, true);
  });

  test('the event log opens as its own language, wrapped', async () => {
    await vscode.commands.executeCommand('parc.showEventLog');
    const editor = await waitFor('the event log editor', () => vscode.window.activeTextEditor?.document.uri.scheme === 'parc-log' && vscode.window.activeTextEditor);
    assert.equal(editor.document.languageId, 'parc-eventlog');
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'parc-eventlog' }).get('wordWrap'), 'on');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
