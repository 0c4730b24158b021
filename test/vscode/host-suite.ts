// Runs a feature's mocha suite inside a real VS Code extension host (code-server + Chromium) from a node test,
// and hands back what it reported. Shared by the integration tests that need the editor (ssh, ldap).
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { CHROMIUM, openBrowser, startCodeServer } from './code-server';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CODE_SERVER_DIR = process.env.CODE_SERVER_DIR ?? path.join(os.homedir(), '.cache', 'parc', 'code-server-4.100.3', 'node_modules', 'code-server');

/** Why the editor cannot run here, or false when it can. */
export function vscodeHostUnavailable(): string | false {
  if (process.env.PARC_SKIP_VSCODE === '1') return 'PARC_SKIP_VSCODE=1';
  if (!existsSync(path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'))) return `code-server is not installed at ${CODE_SERVER_DIR} (scripts/vscode/install-code-server.sh)`;
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) return 'dist/extension.js is not built (npm run build)';
  return false;
}

export interface HostSuiteRun {
  /** The exit code the workbench reported (-1: none within the time limit). */
  code: number;
  results: { passed: number; failed: number; failures: string[] };
  /** What the extension host logged. */
  lines: string[];
}

/**
 * Opens `workspace` with the development extension and runs `testsIndex` (compiled mocha entry) in its extension
 * host. The suite writes its results as JSON to the file named by env[resultsEnv]; a run without results fails.
 */
export async function runHostSuite(o: { workspace: string; testsIndex: string; env: Record<string, string>; resultsEnv: string }): Promise<HostSuiteRun> {
  const logDir = path.join(o.workspace, 'logs');
  const results = path.join(logDir, 'results.json');
  const cs = await startCodeServer({ codeServerDir: CODE_SERVER_DIR, workspaceTrust: false, logDir, env: { ...o.env, [o.resultsEnv]: results } });
  const { browser, page } = await openBrowser(cs.tmp, logDir);
  const lines: string[] = [];
  try {
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
      void page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => lines.push(util.format(...(args ?? []))));
    });
    await page.goto(cs.url(o.workspace, [
      ['extensionDevelopmentPath', cs.remote(ROOT)],
      ['extensionTestsPath', cs.remote(o.testsIndex)],
      ['skipWelcome', 'true'],
    ]));
    const code = await Promise.race([exit, new Promise<number>((r) => setTimeout(() => r(-1), 240000).unref())]);
    if (!existsSync(results)) throw new Error(`no results file (exit ${code}); extension host said:\n${lines.slice(-30).join('\n')}`);
    return { code, results: JSON.parse(readFileSync(results, 'utf8')) as HostSuiteRun['results'], lines };
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
  }
}
