// code-server (VS Code server + web workbench, from npm) and Debian's Chromium driven by playwright-core:
// a real VS Code on this machine with nothing downloaded. Everything lives in a temp dir (profile,
// extensions, XDG dirs) and the page may only talk to 127.0.0.1.
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freeTcpPort } from '../support/ports';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface CodeServerOptions {
  codeServerDir: string;
  /** Workspace trust on (for the Restricted Mode run); off by default, i.e. every folder trusted. */
  workspaceTrust?: boolean;
  env?: Record<string, string>;
  logDir: string;
  /** Extensions to install first (VSIX paths) with code-server --install-extension. */
  install?: string[];
  /** Default: a free port. */
  port?: number;
  /** More code-server arguments, e.g. ['--locale', 'fr']. */
  args?: string[];
}

export interface CodeServer {
  port: number;
  tmp: string;
  url(folder: string, payload?: [string, string][]): string;
  remote(p: string): string;
  stop(): Promise<void>;
}

const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  // code-server (web) autosaves dirty documents after a delay by default: tests save when they mean to.
  'files.autoSave': 'off',
};

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-code-server-'));
  const userData = path.join(tmp, 'user-data');
  const extensions = path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.mkdirSync(o.logDir, { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    ...QUIET_SETTINGS,
    'security.workspace.trust.enabled': o.workspaceTrust === true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
  }, null, 2));
  const env = {
    ...process.env,
    ...o.env,
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}', // no marketplace
  };
  const entry = path.join(o.codeServerDir, 'out', 'node', 'entry.js');
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  for (const vsix of o.install ?? []) {
    const r = cp.spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix, '--force'], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
    fs.writeFileSync(path.join(o.logDir, 'install-extension.log'), r.stdout + r.stderr);
  }
  const port = o.port ?? (await freeTcpPort());
  const configFile = path.join(tmp, 'config.yaml');
  fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = fs.createWriteStream(path.join(o.logDir, 'code-server.log'));
  const server = cp.spawn(process.execPath, [
    entry, '--config', configFile, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common,
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override', '--ignore-last-opened',
    ...(o.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(o.args ?? []),
  ], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const kill = () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.once('exit', kill);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s; see ${o.logDir}/code-server.log`)), 60000);
    const onData = (d: Buffer) => {
      if (d.toString().includes('HTTP server listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (c) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (${c}); see ${o.logDir}/code-server.log`));
    });
  });
  const authority = `127.0.0.1:${port}`;
  return {
    port,
    tmp,
    remote: (p) => `vscode-remote://${authority}${p}`,
    url: (folder, payload) => `http://${authority}/?folder=${encodeURIComponent(folder)}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`,
    async stop() {
      kill();
      await new Promise((r) => setTimeout(r, 300));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function openBrowser(tmp: string, logDir: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const blog = fs.createWriteStream(path.join(logDir, 'browser-console.log'));
  // The page may only talk to our code-server.
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.hostname === '127.0.0.1' || u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
    blog.write(`[blocked] ${u.href}\n`);
    return route.abort();
  });
  page.on('console', (m) => blog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => blog.write(`[pageerror] ${e}\n`));
  return { browser, page };
}
