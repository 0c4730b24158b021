// The demo as a new user sees it, in a real VS Code (code-server + Debian Chromium): starts the embedded demo
// estate (demo/estate.ts: SNMP agents, the Linux host, the SIMULATED Windows host), lets Parc poll it three
// times (the Devices view's own button, each poll seen on the device page), then saves the README's screenshots
// to media/screenshots/: demo-devices.png, demo-device-page.png, demo-dashboard.png, demo-sessions.png,
// demo-hosts.png. Last, the serializer: the device page with its chosen range survives a reload of the window.
//   npm run build && npm run compile-tests && node out/test/vscode/demo-screenshots.js
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openBrowser, startCodeServer } from './code-server';

const root = path.resolve(__dirname, '..', '..', '..');
const shots = path.join(root, 'media', 'screenshots');
const logDir = path.join(root, '.tmp', 'vscode-test-logs', 'demo');
const log = (m: string) => console.log(`[demo-screenshots] ${m}`);

async function frameWith(page: Page, selector: string, timeoutMs = 30000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      if (await f.$(selector).catch(() => null)) return f;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame with ${selector}`);
}

async function startEstate(workspace: string): Promise<{ proc: cp.ChildProcess; secrets: string }> {
  const proc = cp.spawn(process.execPath, [path.join(root, 'out', 'demo', 'estate.js'), '--workspace', workspace], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    proc.stdout!.on('data', (d) => {
      text += d;
      if (text.includes('estate ready')) resolve();
    });
    proc.once('exit', (c) => reject(new Error(`demo estate exited (${c}): ${text}`)));
  });
  return { proc, secrets: `${workspace}.secrets` };
}

async function main(): Promise<number> {
  const install = cp.spawnSync('bash', [path.join(root, 'scripts', 'vscode', 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (install.status !== 0) throw new Error('installing code-server failed');
  const csDir = install.stdout.trim().split('\n').pop()!;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-demo-shots-'));
  const workspace = path.join(tmp, 'demo');
  const estate = await startEstate(workspace);
  const cs = await startCodeServer({
    codeServerDir: csDir, logDir,
    env: { PARC_CREDENTIALS: path.join(estate.secrets, 'credentials'), PARC_KNOWN_HOSTS: path.join(estate.secrets, 'known_hosts') },
  });
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'parc.notifications': 'off', 'workbench.colorTheme': 'Default Dark Modern', 'files.exclude': { '.vscode': true } }, null, 2));
  const { browser, page } = await openBrowser(cs.tmp, logDir);
  try {
    await page.setViewportSize({ width: 1500, height: 950 });
    await page.goto(cs.url(workspace, [['extensionDevelopmentPath', cs.remote(root)], ['skipWelcome', 'true']]));
    const tab = page.locator('.activitybar [aria-label^="Parc"]').first();
    await tab.waitFor({ timeout: 90000 });
    await tab.click();
    // One view open at a time, so that the tree shown has the sidebar's height.
    const views = ['Devices', 'Alerts', 'Directory', 'Sessions', 'Hosts'];
    const only = async (view: string) => {
      // The one to show first, then the others closed (so that one view is always open).
      for (const v of [view, ...views.filter((x) => x !== view)]) {
        const header = page.locator('.pane-header').filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${v}$`, 'i') }) }).first();
        if (!(await header.count())) continue;
        const want = v === view ? 'true' : 'false';
        // A click can be lost (taken by a hover or a layout still moving after an editor opened: the run where every
        // view ended closed): the header's own state says whether it took, and the click is repeated until it has.
        for (let attempt = 0; (await header.getAttribute('aria-expanded')) !== want; attempt++) {
          if (attempt === 5) throw new Error(`the ${v} view stays ${want === 'true' ? 'closed' : 'open'} after ${attempt} clicks on its header`);
          await page.keyboard.press('Escape'); // a hover (e.g. "Manage") would take the click
          await header.locator('h3.title').click({ force: true });
          await page.waitForFunction(([h, w]) => h?.getAttribute('aria-expanded') === w, [await header.elementHandle(), want] as const, { timeout: 2000 }).catch(() => undefined);
          await page.waitForTimeout(300); // the panes' layout settling
        }
      }
      const states = await page.locator('.pane-header').evaluateAll((hs) => hs.map((h) => `${h.textContent?.trim().slice(0, 12)}=${h.getAttribute('aria-expanded')}`));
      log(`views: ${states.join(', ')}`);
    };
    await page.locator('.pane-header').filter({ hasText: /Hosts/i }).first().waitFor({ timeout: 90000 });
    await only('Devices');
    const sw = page.getByRole('treeitem', { name: /^core-sw1\b/ }).first();
    await sw.waitFor({ timeout: 90000 });
    await page.getByRole('treeitem', { name: /^nas-old\b.*down/ }).first().waitFor({ timeout: 90000 });

    // The device page of the core switch, then three polls from the Devices view, each seen on the page.
    await sw.hover();
    await sw.locator('[aria-label="Open Device Page"]').click();
    const dev = await frameWith(page, '#ident');
    // The time itself (the cell's first text), not the "3 minutes ago" after it, which moves on its own.
    const lastPoll = () => dev.evaluate('[...document.querySelectorAll("#ident tr")].find((r) => r.cells[0].textContent === "Last poll")?.cells[1].firstChild?.textContent ?? ""') as Promise<string>;
    for (let n = 1; n <= 3; n++) {
      const before = await lastPoll();
      await page.waitForTimeout(1100); // poll times are shown to the second
      await sw.hover();
      await page.locator('[aria-label="Poll All Devices Now"]').first().click();
      let after = before;
      for (let i = 0; i < 300 && after === before; i++) {
        await page.waitForTimeout(200);
        after = await lastPoll();
      }
      if (after === before) throw new Error(`poll ${n} did not reach the device page (last poll still ${before})`);
      log(`poll ${n}: ${after}`);
    }
    await dev.waitForFunction('document.querySelectorAll(".chart canvas").length >= 3', undefined, { timeout: 30000 });
    const traffic = dev.locator('.chart[data-chart^="traffic"] .u-over').first();
    const box = (await traffic.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.97, box.y + box.height * 0.5);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'demo-device-page.png') });
    log(`device page charts: ${((await dev.evaluate('[...document.querySelectorAll(".chart")].map((c) => c.dataset.chart).join(", ")')) as string)}`);

    // Devices view on its own (the page closed so the tree has the room it gets).
    await page.mouse.move(10, 900);
    await page.screenshot({ path: path.join(shots, 'demo-devices.png'), clip: { x: 0, y: 0, width: 520, height: 950 } });

    // The dashboard with the map.
    await sw.hover();
    await page.locator('[aria-label="Open Estate Dashboard"]').first().click();
    const dash = await frameWith(page, '.map path.land');
    const labels = (await dash.evaluate('[...document.querySelectorAll(".map g.site")].map((g) => g.dataset.site).sort().join(", ")')) as string;
    log(`dashboard map sites: ${labels}`);
    await page.mouse.move(10, 900);
    await page.screenshot({ path: path.join(shots, 'demo-dashboard.png') });

    await page.mouse.move(700, 400);
    // Sessions and Hosts: the SIMULATED Windows host with its disconnected session, the Linux host's files.
    for (const [view, item, file] of [['Sessions', 'rds-simulated', 'demo-sessions.png'], ['Hosts', 'web-suresnes', 'demo-hosts.png']] as const) {
      await only(view);
      const host = page.getByRole('treeitem').filter({ hasText: item }).first();
      await host.waitFor({ timeout: 60000 });
      if ((await host.getAttribute('aria-expanded')) === 'false') await host.click();
      await page.waitForTimeout(3000); // the listing over SSH
      await page.screenshot({ path: path.join(shots, file), clip: { x: 0, y: 0, width: 520, height: 950 } });
      const rows = (await page.getByRole('treeitem').allTextContents()).filter(Boolean);
      log(`${view}: ${rows.slice(0, 40).join(' | ')}`);
      if (view === 'Sessions' && !rows.some((r) => /^jérôme\.petit/.test(r))) throw new Error(`the disconnected session of the simulated host is not listed: ${rows.join(' | ')}`);
      if (view === 'Hosts' && !rows.some((r) => /01-netcfg\.yaml/.test(r))) throw new Error(`the Linux host's netplan file is not listed: ${rows.join(' | ')}`);
    }

    // Serializer: the device page, on 7 d, comes back with that range after the window reloads.
    await page.locator('.tabs-container .tab', { hasText: 'core-sw1' }).first().click();
    const again = await frameWith(page, '.ranges button');
    await again.locator('.ranges button[data-range="7d"]').click();
    await again.waitForSelector('.ranges button.on[data-range="7d"]', { timeout: 15000 });
    await page.waitForTimeout(1500); // the page's setState reaches the workbench by message
    // As a user reloads: the command lets the workbench save its state (webview states included) first; a browser
    // reload may cut that short.
    await page.keyboard.press('F1');
    await page.keyboard.type('Developer: Reload Window');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(3000);
    await page.locator('.tabs-container .tab', { hasText: 'core-sw1' }).first().waitFor({ timeout: 90000 });
    await page.locator('.tabs-container .tab', { hasText: 'core-sw1' }).first().click();
    const restored = await frameWith(page, '.ranges button.on[data-range="7d"]', 90000);
    const name = (await restored.evaluate('document.querySelector("h1")?.textContent ?? ""')) as string;
    if (name !== 'core-sw1') throw new Error(`restored page shows "${name}"`);
    log('reload: the device page of core-sw1 came back on its 7d range (WebviewPanelSerializer + webview state): ok');
    log(`screenshots in ${shots}`);
    return 0;
  } catch (err) {
    fs.mkdirSync(logDir, { recursive: true });
    await page.screenshot({ path: path.join(logDir, 'failed.png') }).catch(() => undefined);
    console.error(`[demo-screenshots] FAILED: ${(err as Error).message} (see ${logDir})`);
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    estate.proc.kill('SIGTERM');
    await new Promise((r) => estate.proc.once('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
