// Start-up shared by the scripts that drive a real VS Code window from outside (demo-screenshots.ts,
// webviews-screenshot.ts): code-server found or installed, started on a workspace with Parc loaded from the
// source tree, Chromium on it, the Parc sidebar opened; and finding a webview's frame.
import * as cp from 'node:child_process';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { openBrowser, startCodeServer, type CodeServer } from './code-server';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** CODE_SERVER_DIR when set (scripts/vscode/test.mjs sets it), else the cached or freshly installed copy. */
export function codeServerDir(): string {
  if (process.env.CODE_SERVER_DIR) return process.env.CODE_SERVER_DIR;
  const r = cp.spawnSync('bash', [path.join(ROOT, 'scripts', 'vscode', 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('installing code-server failed (scripts/vscode/install-code-server.sh)');
  return r.stdout.trim().split('\n').pop()!;
}

export interface Workbench {
  cs: CodeServer;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** code-server on `workspace` with the extension under development, a browser page on it, the Parc sidebar open. */
export async function openWorkbench(o: { workspace: string; logDir: string; env?: Record<string, string>; viewport: { width: number; height: number } }): Promise<Workbench> {
  const cs = await startCodeServer({ codeServerDir: codeServerDir(), logDir: o.logDir, env: o.env });
  const { browser, page } = await openBrowser(cs.tmp, o.logDir).catch(async (e: unknown) => {
    await cs.stop();
    throw e;
  });
  const close = async () => {
    await browser.close().catch(() => undefined);
    await cs.stop();
  };
  try {
    await page.setViewportSize(o.viewport);
    await page.goto(cs.url(o.workspace, [['extensionDevelopmentPath', cs.remote(ROOT)], ['skipWelcome', 'true']]));
    const tab = page.locator('.activitybar [aria-label^="Parc"]').first();
    await tab.waitFor({ timeout: 90000 });
    await tab.click();
  } catch (e) {
    await page.screenshot({ path: path.join(o.logDir, 'failed.png') }).catch(() => undefined);
    await close();
    throw e;
  }
  return { cs, browser, page, close };
}

/** The (webview) frame of the page that has `selector`. */
export async function frameWith(page: Page, selector: string, timeoutMs = 30000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (await f.$(selector).catch(() => null)) return f;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame with ${selector}`);
}
