// The Directory view and config.php diagnostics in a real VS Code extension host (code-server + Chromium, the
// harness of test/vscode), against a real slapd. Skipped, with the reason, when code-server or Chromium is not
// installed, dist/extension.js is not built, or PARC_SKIP_VSCODE=1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, runHostSuite, vscodeHostUnavailable } from '../../vscode/host-suite';
import { buildTestTree, slapdAvailable, startSlapd, TREE_PASSWORDS, type RunningSlapd } from '../../support/slapd';

function unavailable(): string | false {
  const editor = vscodeHostUnavailable();
  if (editor) return editor;
  if (!slapdAvailable()) return 'slapd is not installed';
  return false;
}

describe('Directory view in a real VS Code extension host', { skip: unavailable() }, () => {
  let s: RunningSlapd;
  let ws: string;

  before(async () => {
    s = await startSlapd();
    await buildTestTree(s);
    ws = mkdtempSync(path.join(os.tmpdir(), 'parc-ldap-vscode-'));
    const common = `    url: ${s.url}\n    startTls: true\n    caFile: ${s.caFile}\n    bindDn: cn=svc-parc,ou=Service,${s.suffix}\n    credential: ol-bind\n    userBase: ou=People,${s.suffix}\n`;
    writeFileSync(path.join(ws, 'parc.yaml'), `directories:\n  lab:\n${common}    group: cn=IT-France,ou=Groups,${s.suffix}\n    groupBase: ou=Groups,${s.suffix}\n    membership: member\n    nested: true\n  typo:\n${common}    nestd: true\n`);
    copyFileSync(path.join(ROOT, 'test', 'fixtures', 'ldap', 'observium-messy.config.php'), path.join(ws, 'config.php'));
  });
  after(async () => {
    await s?.stop();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('runs the extension-host checks', { timeout: 300000 }, async () => {
    const { code, results: r } = await runHostSuite({
      workspace: ws, testsIndex: path.join(__dirname, 'vscode-host', 'index.js'), resultsEnv: 'PARC_LDAP_VSCODE_RESULTS',
      env: {
        PARC_CRED_OL_BIND: TREE_PASSWORDS.svc, LAB_BOB_PW: TREE_PASSWORDS.bob, LAB_LDAP_URL: s.url,
        LAB_CONFIG_PHP: path.join(ws, 'config.php'), LAB_PARC_YAML: path.join(ws, 'parc.yaml'),
      },
    });
    assert.deepEqual(r.failures, []);
    assert.equal(r.passed, 4);
    assert.equal(code, 0);
  });
});
