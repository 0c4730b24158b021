// The demo as a new user sees it, in a real VS Code (code-server + Debian Chromium): starts the embedded demo
// estate (demo/estate.ts: SNMP agents, the Linux host, the SIMULATED Windows host), lets Parc poll it three
// times in three 5-minute periods (its first poll, then the Devices view's own button; each poll seen on the
// device page; 5 to 10 minutes of waiting, as the charts have 5-minute points), then saves the README's screenshots
// to media/screenshots/: demo-devices.png, demo-device-page.png, demo-dashboard.png, demo-sessions.png,
// demo-hosts.png. Last, the serializer: the device page with its chosen range survives a reload of the window.
//   npm run build && npm run compile-tests && node out/test/vscode/demo-screenshots.js
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT as root, frameWith, openWorkbench } from './workbench';

const shots = path.join(root, 'media', 'screenshots');
const logDir = path.join(root, '.tmp', 'vscode-test-logs', 'demo');
const log = (m: string) => console.log(`[demo-screenshots] ${m}`);
/** The metric store's finest points are 5-minute ones: three polls make three points only in three periods. */
const STEP_MS = 300_000;

/** The sidebar alone (activity bar included), for the view screenshots. */
async function sidebarClip(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const bar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
  const size = page.viewportSize()!;
  return { x: 0, y: 0, width: Math.round(bar ? bar.x + bar.width : 520), height: size.height };
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
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-demo-shots-'));
  const workspace = path.join(tmp, 'demo');
  const estate = await startEstate(workspace);
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'parc.notifications': 'off', 'workbench.colorTheme': 'Default Dark Modern', 'files.exclude': { '.vscode': true } }, null, 2));
  const wb = await openWorkbench({
    workspace, logDir, viewport: { width: 1500, height: 950 },
    env: { PARC_CREDENTIALS: path.join(estate.secrets, 'credentials'), PARC_KNOWN_HOSTS: path.join(estate.secrets, 'known_hosts') },
  }).catch(async (e: unknown) => {
    estate.proc.kill('SIGTERM');
    throw e;
  });
  const { page } = wb;
  try {
    // A sidebar wide enough for the tree's descriptions (its sash dragged, as a user would).
    const bar = await page.locator('#workbench\\.parts\\.sidebar').boundingBox();
    if (bar) {
      await page.mouse.move(bar.x + bar.width + 1, 400);
      await page.mouse.down();
      await page.mouse.move(560, 400, { steps: 5 });
      await page.mouse.up();
    }
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

    // The device page of the core switch. The extension's first poll (on opening) is poll 1; polls 2 and 3 are
    // asked from the Devices view's own button, each in the next 5-minute period (so the charts get three points,
    // and the rates two, as after a quarter of an hour of the demo's schedule), each seen on the page.
    await sw.hover();
    await sw.locator('[aria-label="Open Device Page"]').click();
    const dev = await frameWith(page, '#ident');
    // The time itself (the cell's first text), not the "3 minutes ago" after it, which moves on its own.
    const lastPoll = () => dev.evaluate('[...document.querySelectorAll("#ident tr")].find((r) => r.cells[0].textContent === "Last poll")?.cells[1].firstChild?.textContent ?? ""') as Promise<string>;
    log(`poll 1 (on opening): ${await lastPoll()}`);
    // No tree row "polling" (a poll of the schedule, or ours, still going).
    const settled = async () => {
      for (let i = 0; i < 300; i++) {
        const rows = await page.getByRole('treeitem').allTextContents();
        if (!rows.some((r) => /· polling$/.test(r))) return;
        await page.waitForTimeout(200);
      }
      throw new Error('the Devices view still shows devices polling after 60 s');
    };
    for (let n = 2; n <= 3; n++) {
      const wait = STEP_MS - (Date.now() % STEP_MS) + 2000;
      log(`waiting ${Math.round(wait / 1000)} s for the next 5-minute period`);
      await page.waitForTimeout(wait);
      // The schedule's own 5-minute poll may run meanwhile: ours starts once it is over, and is the one awaited.
      await settled();
      const before = await lastPoll();
      await page.mouse.move(200, 120);
      await sw.hover();
      await page.locator('[aria-label="Poll All Devices Now"]').first().click();
      let after = await lastPoll();
      for (let i = 0; i < 300 && after === before; i++) {
        await page.waitForTimeout(200);
        after = await lastPoll();
      }
      if (after === before) throw new Error(`poll ${n} did not reach the device page (last poll still ${before})`);
      log(`poll ${n}: ${after}`);
    }
    await settled();
    await dev.waitForFunction('document.querySelectorAll(".chart canvas").length >= 3', undefined, { timeout: 30000 });
    const traffic = dev.locator('.chart[data-chart^="traffic"] .u-over').first();
    const box = (await traffic.boundingBox())!;
    // On the newest point (the right edge of the range), so the legend shows its values.
    await page.mouse.move(box.x + box.width - 2, box.y + box.height * 0.5);
    fs.mkdirSync(shots, { recursive: true });
    await settled();
    await page.screenshot({ path: path.join(shots, 'demo-device-page.png') });
    log(`device page charts: ${((await dev.evaluate('[...document.querySelectorAll(".chart")].map((c) => c.dataset.chart).join(", ")')) as string)}`);

    // The Devices view on its own (the sidebar, all of its height), no poll going on, no tooltip.
    await page.mouse.move(250, 700);
    await settled();
    await page.screenshot({ path: path.join(shots, 'demo-devices.png'), clip: await sidebarClip(page) });

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
      await page.mouse.move(150, 800); // no tooltip over the rows
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(shots, file), clip: await sidebarClip(page) });
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
    await wb.close();
    estate.proc.kill('SIGTERM');
    await new Promise((r) => estate.proc.once('exit', r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
