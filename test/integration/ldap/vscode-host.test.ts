// The Directory view and config.php diagnostics in a real VS Code extension host (code-server + Chromium, the
// harness of test/vscode), against a real slapd. Skipped, with the reason, when code-server or Chromium is not
// installed, dist/extension.js is not built, or PARC_SKIP_VSCODE=1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { CHROMIUM, openBrowser, startCodeServer } from '../../vscode/code-server';
import { buildTestTree, slapdAvailable, startSlapd, TREE_PASSWORDS, type RunningSlapd } from '../../support/slapd';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(os.homedir(), '.cache', 'parc', 'code-server-4.100.3', 'node_modules', 'code-server');

function unavailable(): string | false {
  if (process.env.PARC_SKIP_VSCODE === '1') return 'PARC_SKIP_VSCODE=1';
  if (!existsSync(path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'))) return `code-server is not installed at ${CODE_SERVER_DIR} (scripts/vscode/install-code-server.sh)`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) return 'dist/extension.js is not built (npm run build)';
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
    const logDir = path.join(ws, 'logs');
    const results = path.join(logDir, 'results.json');
    const cs = await startCodeServer({
      codeServerDir: CODE_SERVER_DIR, workspaceTrust: false, logDir,
      env: {
        PARC_CRED_OL_BIND: TREE_PASSWORDS.svc, LAB_BOB_PW: TREE_PASSWORDS.bob, LAB_LDAP_URL: s.url,
        LAB_CONFIG_PHP: path.join(ws, 'config.php'), LAB_PARC_YAML: path.join(ws, 'parc.yaml'), PARC_LDAP_VSCODE_RESULTS: results,
      },
    });
    const { browser, page } = await openBrowser(cs.tmp, logDir);
    const lines: string[] = [];
    try {
      const exit = new Promise<number>((resolve) => {
        void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
        void page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => lines.push(util.format(...(args ?? []))));
      });
      await page.goto(cs.url(ws, [
        ['extensionDevelopmentPath', cs.remote(ROOT)],
        ['extensionTestsPath', cs.remote(path.join(__dirname, 'vscode-host', 'index.js'))],
        ['skipWelcome', 'true'],
      ]));
      const code = await Promise.race([exit, new Promise<number>((r) => setTimeout(() => r(-1), 240000).unref())]);
      assert.ok(existsSync(results), `no results file (exit ${code}); extension host said:\n${lines.slice(-30).join('\n')}`);
      const r = JSON.parse(readFileSync(results, 'utf8')) as { passed: number; failed: number; failures: string[] };
      assert.deepEqual(r.failures, []);
      assert.equal(r.passed, 4);
      assert.equal(code, 0);
    } finally {
      await browser.close().catch(() => undefined);
      await cs.stop();
    }
  });
});
