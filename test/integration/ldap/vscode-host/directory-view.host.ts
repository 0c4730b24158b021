// Runs inside the VS Code extension host (code-server), started by ../vscode-host.test.ts with a workspace
// whose parc.yaml points at a real slapd and which holds a messy Observium config.php.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LoginTestResult } from '../../../../src/core/ldap/login-test';

interface Row { label: string; description?: string; icon?: string; children: Row[] }

async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
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

suite('Directory view and config.php diagnostics (real extension host, real slapd)', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<{ ready: Promise<void> }>('parc-it.parc');
    assert.ok(ext, 'extension not loaded');
    await (await ext.activate()).ready;
  });

  test('lists the profiles of parc.yaml with their server', async () => {
    let rows: Row[] = [];
    for (let i = 0; i < 100 && rows.length < 2; i++) {
      rows = (await vscode.commands.executeCommand('parc.ldap.viewModel')) as Row[];
      if (rows.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(rows.map((r) => [r.label, r.icon, r.description]), [
      ['lab', 'organization', `${env('LAB_LDAP_URL')} + StartTLS`],
      ['typo', 'organization', `${env('LAB_LDAP_URL')} + StartTLS`],
    ]);
  });

  test('Test Login as… shows the steps with ✓/✗ under the profile', async () => {
    const ok = (await vscode.commands.executeCommand('parc.ldap.testLogin', 'lab', 'bob', env('LAB_BOB_PW'))) as LoginTestResult;
    assert.equal(ok.allowed, true, JSON.stringify(ok.failure));
    const bad = (await vscode.commands.executeCommand('parc.ldap.testLogin', 'typo', 'bob', 'not-his-password')) as LoginTestResult;
    assert.equal(bad.failure?.step, 'userBind');
    const view = (await vscode.commands.executeCommand('parc.ldap.viewModel')) as Row[];
    const lab = view.find((r) => r.label === 'lab')!;
    assert.equal(lab.children[0].label, 'bob: allowed');
    assert.deepEqual(lab.children[0].children.map((s) => s.icon), ['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'circle-slash']);
    assert.match(lab.children[0].children[4].description ?? '', /ms — 2 group\(s\): Helpdesk, IT-France/);
    const typo = view.find((r) => r.label === 'typo')!;
    assert.equal(typo.children[0].label, 'bob: refused at "Bind as the user"');
    assert.deepEqual(typo.children[0].children.map((s) => s.icon), ['pass', 'pass', 'pass', 'error', 'circle-slash', 'circle-slash', 'circle-slash']);
  });

  test('parc.yaml problems of the directories section are in the Problems panel', () => {
    const d = vscode.languages.getDiagnostics(vscode.Uri.file(env('LAB_PARC_YAML')));
    assert.ok(d.some((x) => /directories\.typo: unknown key "nestd" \(did you mean "nested"\?\)/.test(x.message)), d.map((x) => x.message).join('\n'));
  });

  test('config.php shows its problems as it is opened, and the fix corrects them', async () => {
    const uri = vscode.Uri.file(env('LAB_CONFIG_PHP'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diags = await waitFor('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'parc');
      return d.length ? d : undefined;
    });
    const typo = diags.find((d) => /auth_ldap_opjectclass → auth_ldap_objectclass\?/.test(d.message));
    assert.ok(typo);
    assert.equal(typo.range.start.line, 19);
    assert.ok(diags.some((d) => d.severity === vscode.DiagnosticSeverity.Error && /the string 'false' is TRUE in PHP/.test(d.message)));
    assert.equal(await vscode.commands.executeCommand('parc.ldap.fixObservium', uri, true), true);
    assert.match(doc.getText(), /^\$config\['auth_ldap_objectclass'\] = 'user';$/m);
    assert.match(doc.getText(), /^\$config\['db_pass'\] = "pass\\\$word";$/m);
    await waitFor('no more errors', () => !vscode.languages.getDiagnostics(uri).some((x) => x.source === 'parc' && x.severity === vscode.DiagnosticSeverity.Error));
  });
});
