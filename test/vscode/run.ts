// Runs Parc's extension-host suites in a real VS Code (code-server 4.100.3 from npm + Debian Chromium),
// offline, against real agents started here, then takes the sidebar screenshot from the packaged VSIX.
//
//   node out/test/vscode/run.js [--only trusted|untrusted|attach|screenshot|ux] [--include-failing]
//                               [--vsix parc.vsix] [--screenshot screenshots/parc-sidebar.png]
//
// Phases: "trusted" (main suite), "untrusted" (Restricted Mode suite, workspace trust on), "screenshot"
// (needs --vsix: installs it with code-server --install-extension, opens the Parc sidebar on a workspace
// with an up and a down device, checks what is shown, saves a PNG; then clicks the status bar item, answers the
// prompts of Add Device…, Remove Device and Set SNMP Credential… (test/vscode/ui-prompts.ts), and on a
// folder without parc.yaml checks the welcome view's "Create parc.yaml"). Exit code 0 only if every phase passed
// and each suite wrote a results file with at least one test and no failure.
// Env: CODE_SERVER_DIR (else scripts/vscode/install-code-server.sh installs or finds the cached copy),
// CHROMIUM_PATH, PARC_VSCODE_TIMEOUT_MS (default 240000), VERBOSE=1 (all workbench output).
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { openBrowser, startCodeServer } from './code-server';
import { startFleet } from './fleet';
import { driveCredential, drivePrompts } from './ui-prompts';
import { driveUx } from './ux-ui';
import { attachPhase } from './attach-phase';

const root = path.resolve(__dirname, '..', '..', '..');
const argv = process.argv.slice(2);
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const includeFailing = argv.includes('--include-failing');
const only = arg('--only');
const timeoutMs = Number(process.env.PARC_VSCODE_TIMEOUT_MS ?? 240000);
const logsRoot = path.join(root, '.tmp', 'vscode-test-logs');

// Workbench chatter that is not test output (shown with VERBOSE=1).
const NOISE = [/^Resolv(ing|ed) connection token/, /^Creating a socket/, /^Ignoring fetching additional builtin/, /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/, /^ChatSessionStore/, /^Started local extension host/, /^Extension host/, /^\[.*?\] (Extension host|Started)/];

function codeServerDir(): string {
  if (process.env.CODE_SERVER_DIR) return process.env.CODE_SERVER_DIR;
  const r = cp.spawnSync('bash', [path.join(root, 'scripts', 'vscode', 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('installing code-server failed (scripts/vscode/install-code-server.sh)');
  return r.stdout.trim().split('\n').pop()!;
}

function log(msg: string): void {
  console.log(`[vscode-tests] ${msg}`);
}

async function runSuite(name: string, testsPath: string, workspaceTrust: boolean, csDir: string): Promise<number> {
  const logDir = path.join(logsRoot, name);
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const resultsFile = path.join(logDir, 'results.json');
  const t0 = Date.now();
  const fleet = await startFleet();
  log(`${name}: agents ${fleet.agents.map((a) => `${a.name}@127.0.0.1:${a.port}`).join(', ')}; workspace ${fleet.workspace}`);
  const cs = await startCodeServer({
    codeServerDir: csDir, workspaceTrust, logDir,
    env: { ...fleet.env, PARC_VSCODE_RESULTS: resultsFile, PARC_VSCODE_INCLUDE_FAILING: includeFailing ? '1' : '0' },
  });
  const { browser, page } = await openBrowser(cs.tmp, logDir);
  try {
    const exit = new Promise<number>((resolve) => {
      // The workbench calls window.codeAutomationExit(code) once the extension host has run extensionTestsPath
      // (VS Code's own browser integration tests use the same hook), and mirrors the extension host's console
      // (mocha's reporter) through window.codeAutomationLog.
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
      void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
        const line = util.format(...(args ?? []));
        if (process.env.VERBOSE || !NOISE.some((r) => r.test(line))) (type === 'error' ? console.error : console.log)(line);
      });
    });
    await page.goto(cs.url(fleet.workspace, [
      ['extensionDevelopmentPath', cs.remote(root)],
      ['extensionTestsPath', cs.remote(testsPath)],
      ['skipWelcome', 'true'],
    ]));
    const timer = new Promise<number>((r) => setTimeout(() => r(-1), timeoutMs).unref());
    const crashed = new Promise<number>((r) => page.once('crash', () => r(-2)));
    let code = await Promise.race([exit, timer, crashed]);
    if (code < 0) {
      console.error(`[vscode-tests] ${name}: ${code === -1 ? `timeout after ${timeoutMs} ms` : 'the browser page crashed'}; logs in ${logDir}`);
      await page.screenshot({ path: path.join(logDir, 'timeout.png') }).catch(() => undefined);
      code = 2;
    }
    if (fs.existsSync(resultsFile)) {
      const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { passed: number; failed: number; failures: string[] };
      for (const f of r.failures) console.error(`[vscode-tests] FAILED: ${f}`);
      log(`${name}: ${r.passed} passed, ${r.failed} failed (results file)`);
      if ((r.failed > 0 || r.passed === 0) && code === 0) code = 1;
    } else if (code === 0) {
      console.error(`[vscode-tests] ${name}: no results file; treating the run as failed`);
      code = 3;
    }
    log(`${name}: exit code ${code} after ${Date.now() - t0} ms`);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    await fleet.stop();
  }
}

/** The sidebar as a user sees it, from the VSIX installed the way users install it. */
async function screenshot(vsix: string, out: string, csDir: string): Promise<number> {
  const logDir = path.join(logsRoot, 'screenshot');
  fs.rmSync(logDir, { recursive: true, force: true });
  const fleet = await startFleet({ small: true, settings: { 'parc.notifications': 'off', 'workbench.colorTheme': 'Default Dark Modern' } });
  const cs = await startCodeServer({ codeServerDir: csDir, logDir, env: fleet.env, install: [path.resolve(vsix)] });
  const { browser, page } = await openBrowser(cs.tmp, logDir);
  try {
    await page.goto(cs.url(fleet.workspace));
    const tab = page.locator('.activitybar [aria-label^="Parc"]').first();
    await tab.waitFor({ timeout: 60000 });
    await tab.click();
    // Accessible names of device rows are "<name>, <status>": wait for the first poll's outcome.
    const up = page.getByRole('treeitem', { name: 'paris-core, up' });
    const down = page.getByRole('treeitem', { name: 'lyon-gw, down' });
    await up.waitFor({ timeout: 60000 });
    await down.waitFor({ timeout: 60000 });
    // Other features' views in the container are collapsed, so the Devices tree gets the room.
    const others = page.locator('.part.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: /^(devices|alerts)/i });
    for (let i = await others.count(); i > 0; i--) await others.first().click();
    // A taller Devices view: drag the sash above the Alerts header down.
    const alertsHeader = await page.locator('.part.sidebar .pane-header').filter({ hasText: /^alerts/i }).first().boundingBox();
    if (alertsHeader) {
      await page.mouse.move(alertsHeader.x + 100, alertsHeader.y);
      await page.mouse.down();
      await page.mouse.move(alertsHeader.x + 100, alertsHeader.y + 240, { steps: 5 });
      await page.mouse.up();
    }
    // A wider sidebar, so descriptions are not cut.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width - 1, 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 170, 300, { steps: 5 });
      await page.mouse.up();
    }
    // A second poll (the view's own button), so interfaces show traffic rates.
    await page.waitForTimeout(1500);
    await up.hover(); // view title actions show while the pointer is over the view
    await page.locator('[aria-label="Poll All Devices Now"]').first().click();
    await page.getByRole('treeitem', { name: 'paris-core, polling' }).waitFor({ timeout: 10000 }).catch(() => undefined);
    await up.waitFor({ timeout: 30000 });
    await up.click(); // expands the device: its interfaces, storage...
    const ifs = page.getByRole('treeitem', { name: /^Interfaces/ }).first();
    await ifs.waitFor({ timeout: 20000 });
    await ifs.click();
    // The inline "Open in parc.yaml" action of the device row shows the inventory in the editor.
    await up.hover();
    await up.locator('[aria-label="Open in parc.yaml"]').click();
    await page.locator('.monaco-editor .view-lines', { hasText: 'paris-core' }).first().waitFor({ timeout: 20000 });
    const status = page.locator('.statusbar-item', { hasText: /1 up · 1 down/ });
    await status.first().waitFor({ timeout: 20000 });
    await page.mouse.move(1000, 700); // no hover tooltip over the tree
    await page.waitForTimeout(1000);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    log(`screenshot of the installed VSIX: ${out}`);

    // The status bar item lists the down devices in a quick pick.
    await status.first().click();
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'lyon-gw' }).first().waitFor({ timeout: 10000 });
    await page.keyboard.press('Escape');
    log('status bar → quick pick of down devices: ok');
    await drivePrompts(page, fleet.inventory, log);
    await driveCredential(page, fleet.workspace, log);

    // A folder without parc.yaml: opening the Parc view activates the extension (no workspaceContains), the
    // welcome view offers to create parc.yaml, and its button writes the template.
    const empty = fs.mkdtempSync(path.join(cs.tmp, 'empty-ws-'));
    await page.goto(cs.url(empty));
    const tab2 = page.locator('.activitybar [aria-label^="Parc"]').first();
    await tab2.waitFor({ timeout: 60000 });
    await tab2.click();
    const create = page.getByRole('button', { name: 'Create parc.yaml' });
    await create.waitFor({ timeout: 30000 });
    await create.click();
    const created = path.join(empty, 'parc.yaml');
    const template = () => fs.existsSync(created) && fs.readFileSync(created, 'utf8').includes('snmp:');
    for (let i = 0; i < 200 && !template(); i++) await page.waitForTimeout(100);
    if (!template()) throw new Error('the welcome view did not create parc.yaml from the template');
    await page.getByRole('button', { name: 'Add Device' }).first().waitFor({ timeout: 20000 });
    log('welcome view → Create parc.yaml → template written, "no devices" welcome shown: ok');
    return 0;
  } catch (err) {
    await page.screenshot({ path: path.join(logDir, 'failed.png') }).catch(() => undefined);
    console.error(`[vscode-tests] screenshot: ${(err as Error).message} (see ${logDir})`);
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    await fleet.stop();
  }
}

async function main(): Promise<number> {
  const csDir = codeServerDir();
  const out = path.join(root, 'out', 'test', 'vscode');
  let worst = 0;
  if (!only || only === 'trusted') worst = Math.max(worst, await runSuite('trusted', path.join(out, 'suite', 'index.js'), false, csDir));
  if (!only || only === 'untrusted') worst = Math.max(worst, await runSuite('untrusted', path.join(out, 'untrusted', 'index.js'), true, csDir));
  // A window on an estate a real parc serve polls, then attached to it (test/vscode/attach-phase.ts).
  if (!only || only === 'attach') worst = Math.max(worst, await attachPhase(csDir, logsRoot, path.join(out, 'attach', 'index.js'), timeoutMs, log));
  const vsix = arg('--vsix');
  if (only === 'screenshot' || (!only && vsix)) {
    if (!vsix) throw new Error('--only screenshot needs --vsix FILE');
    worst = Math.max(worst, await screenshot(vsix, path.resolve(arg('--screenshot') ?? path.join(root, 'screenshots', 'parc-sidebar.png')), csDir));
  }
  // The first hour (issue 16): sidebar, welcome buttons, palette, loading state, completion, then French with a
  // screenshot of each view (media/screenshots/fr-*.png, shown in the README).
  if (only === 'ux' || (!only && vsix)) {
    if (!vsix) throw new Error('--only ux needs --vsix FILE');
    const code = await driveUx(vsix, csDir, logsRoot, path.join(root, 'media', 'screenshots'), log);
    log(`ux: ${code === 0 ? 'passed' : 'FAILED'}`);
    worst = Math.max(worst, code);
  }
  return worst;
}

main().then((c) => process.exit(c), (e) => {
  console.error(e);
  process.exit(1);
});
