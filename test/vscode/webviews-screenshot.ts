// The device page and the estate dashboard in a real VS Code (code-server + Debian Chromium), against
// the runner's real agents (paris-core on snmpd, lyon-gw down): opens both webviews from the Devices
// view, checks the charts are drawn and that the CSP blocks remote loads inside the webview, and takes
// screenshots (screenshots/vscode-device-page.png, screenshots/vscode-dashboard.png; gitignored).
// The 24 h before the run are seeded into .parc/metrics with synthetic samples for the real device's
// real interfaces and disks (so the graphs have a day of history); the extension's own polls add to it.
//   npm run build && npm run compile-tests && node out/test/vscode/webviews-screenshot.js
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { MetricStore, type Sample } from '../../src/core/metrics/store';
import { startFleet } from './fleet';
import { ROOT as root, frameWith, openWorkbench } from './workbench';

const shots = path.join(root, 'screenshots');
const logDir = path.join(root, '.tmp', 'vscode-test-logs', 'webviews');
const log = (m: string) => console.log(`[webviews] ${m}`);

interface PollJson {
  devices: { key: string; interfaces: { ifIndex: number; name: string }[]; storage: { index: number; description: string; type: string }[]; processors: { index: number }[] }[];
}

function seed(workspace: string, env: Record<string, string>): void {
  const r = cp.spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'poll', '--json'], { cwd: workspace, env: { ...process.env, ...env }, encoding: 'utf8' });
  const polled = JSON.parse(r.stdout) as PollJson;
  const now = Math.floor(Date.now() / 1000);
  const samples: Sample[] = [];
  for (const [n, d] of polled.devices.entries()) {
    for (let k = 288; k >= 1; k--) {
      const t = now - k * 300;
      const w = Math.sin(k / 24 + n);
      const down = n === 1 && k < 30; // lyon-gw: down for the last 2.5 hours
      samples.push({ device: d.key, entity: 'device', ds: 'status', label: 'device', t, value: down ? 0 : 1 });
      samples.push({ device: d.key, entity: 'device', ds: 'pollMs', label: 'device', t, value: down ? 700 : 35 + 10 * w });
      if (down) continue;
      for (const i of d.interfaces) {
        samples.push({ device: d.key, entity: `if:${i.ifIndex}`, ds: 'inBps', label: i.name, t, value: Math.max(0, (2e7 + 1.5e7 * w) / i.ifIndex) });
        samples.push({ device: d.key, entity: `if:${i.ifIndex}`, ds: 'outBps', label: i.name, t, value: Math.max(0, (6e6 + 4e6 * Math.cos(k / 17)) / i.ifIndex) });
      }
      for (const s of d.storage.filter((x) => x.type === 'fixedDisk')) samples.push({ device: d.key, entity: `storage:${s.index}`, ds: 'usedPercent', label: s.description, t, value: 35 + s.index % 40 + k / 100 });
      for (const p of d.processors) samples.push({ device: d.key, entity: `cpu:${p.index}`, ds: 'load', label: `cpu${p.index}`, t, value: 20 + 15 * Math.abs(w) });
    }
  }
  const store = MetricStore.open(path.join(workspace, '.parc', 'metrics'), { now: () => Date.now() });
  store.record(samples);
  store.close();
  log(`seeded ${samples.length} samples for ${polled.devices.length} devices`);
}

async function cspBlocks(frame: Frame, url: string, hits: () => number): Promise<string[]> {
  const before = hits();
  const seen = (await frame.evaluate(`(async (url) => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const img = new Image(); img.src = url + '/img.png'; document.body.append(img);
    const s = document.createElement('script'); s.src = url + '/x.js'; document.body.append(s);
    await fetch(url + '/api').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    return seen;
  })('${url}')`)) as string[];
  if (hits() !== before) throw new Error(`a remote load reached the server from the webview (${hits() - before} request(s))`);
  for (const d of ['img-src', 'script-src-elem', 'connect-src']) if (!seen.includes(d)) throw new Error(`no ${d} violation (saw ${seen.join(', ')})`);
  return seen;
}

async function main(): Promise<number> {
  const fleet = await startFleet({ small: true, settings: { 'parc.notifications': 'off', 'workbench.colorTheme': 'Default Dark Modern' } });
  let hits = 0;
  const server = http.createServer((_q, s) => {
    hits++;
    s.end('x');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const probe = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // Coordinates for the map.
  const yaml = fs.readFileSync(fleet.inventory, 'utf8').replace('    name: Paris\n', '    name: Paris\n    coordinates: [48.86, 2.35]\n').replace('    name: Lyon\n', '    name: Lyon\n    coordinates: [45.76, 4.84]\n');
  fs.writeFileSync(fleet.inventory, yaml);
  seed(fleet.workspace, fleet.env);
  const wb = await openWorkbench({ workspace: fleet.workspace, logDir, env: fleet.env, viewport: { width: 1500, height: 1000 } }).catch(async (e: unknown) => {
    await fleet.stop();
    server.close();
    throw e;
  });
  const { page } = wb;
  try {
    const up = page.getByRole('treeitem', { name: 'paris-core, up' });
    await up.waitFor({ timeout: 60000 });
    await page.getByRole('treeitem', { name: 'lyon-gw, down' }).waitFor({ timeout: 60000 });

    await up.hover();
    await up.locator('[aria-label="Open Device Page"]').click();
    const dev = await frameWith(page, '.chart canvas');
    await dev.waitForFunction('document.querySelectorAll(".chart canvas").length >= 3', undefined, { timeout: 20000 });
    const charts = (await dev.evaluate('[...document.querySelectorAll(".chart")].map((c) => c.dataset.chart)')) as string[];
    log(`device page charts: ${charts.join(', ')}`);
    const over = dev.locator('.chart[data-chart^="traffic"] .u-over').first();
    const box = (await over.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
    const legend = await dev.locator('.chart[data-chart^="traffic"] .u-legend').first().textContent();
    if (!/bit\/s/.test(legend ?? '')) throw new Error(`hover shows no value: ${legend}`);
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, 'vscode-device-page.png') });
    log(`hover legend: ${legend?.replace(/\s+/g, ' ')}`);
    log(`CSP in the device page webview blocked: ${(await cspBlocks(dev, probe, () => hits)).join(', ')}`);
    // A range button asks the extension for a new model; the page redraws with that range selected.
    await dev.locator('.ranges button[data-range="7d"]').click();
    await dev.waitForSelector('.ranges button.on[data-range="7d"]', { timeout: 15000 });
    log('device page range 24h → 7d redrawn by the extension: ok');
    // Live: a poll (the Devices view's own button) updates the open page without reopening it.
    // The time itself (the cell's first text), not the "3 minutes ago" after it, which moves on its own.
    const lastPoll = () => dev.evaluate('[...document.querySelectorAll("#ident tr")].find((r) => r.cells[0].textContent === "Last poll")?.cells[1].firstChild?.textContent ?? ""') as Promise<string>;
    const before = await lastPoll();
    if (!before || before === 'never') throw new Error(`the device page shows no last poll: "${before}"`);
    await page.waitForTimeout(1100); // poll times are shown to the second
    await up.hover();
    await page.locator('[aria-label="Poll All Devices Now"]').first().click();
    let after = before;
    for (let i = 0; i < 100 && after === before; i++) {
      await page.waitForTimeout(200);
      after = await lastPoll();
    }
    if (after === before) throw new Error(`the device page did not update after a poll (last poll still ${before})`);
    if (!(await dev.locator('.ranges button.on[data-range="7d"]').count())) throw new Error('the live update lost the chosen range');
    log(`device page updated live after a poll: last poll ${before} → ${after}, range kept: ok`);

    await up.hover();
    await page.locator('[aria-label="Open Estate Dashboard"]').first().click();
    const dash = await frameWith(page, '.map circle');
    const circles = (await dash.evaluate('[...document.querySelectorAll(".map circle")].map((c) => c.getAttribute("class")).sort().join(",")')) as string;
    if (circles !== 'down,up') throw new Error(`map circles: ${circles}`);
    await page.mouse.move(10, 500);
    await page.screenshot({ path: path.join(shots, 'vscode-dashboard.png') });
    log(`CSP in the dashboard webview blocked: ${(await cspBlocks(dash, probe, () => hits)).join(', ')}`);
    // A device row of the dashboard opens that device's page.
    await dash.locator('a[data-device]', { hasText: 'lyon-gw' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'lyon-gw' }).first().waitFor({ timeout: 15000 });
    log('dashboard row → device page of lyon-gw: ok');
    // lyon-gw removed from parc.yaml while its page is open: the tab says so once, however often it is shown
    // again, and takes the name back when the device returns.
    const inventory = fs.readFileSync(fleet.inventory, 'utf8');
    const lyonLine = inventory.split('\n').find((l) => l.includes('name: lyon-gw'))!;
    fs.writeFileSync(fleet.inventory, inventory.replace(`${lyonLine}\n`, ''));
    const editorTab = (name: string) => page.locator('.tabs-container .tab', { hasText: name }).first();
    await editorTab('lyon-gw (removed)').waitFor({ timeout: 20000 });
    for (let i = 0; i < 2; i++) {
      await editorTab('Parc estate').click();
      await editorTab('lyon-gw (removed)').click();
      await page.waitForTimeout(500);
    }
    const title = (await editorTab('lyon-gw').textContent())?.trim();
    if (title !== 'lyon-gw (removed)') throw new Error(`tab title after showing it again: "${title}"`);
    fs.writeFileSync(fleet.inventory, inventory);
    await page.waitForFunction('[...document.querySelectorAll(".tabs-container .tab")].some((t) => t.textContent.trim() === "lyon-gw")', undefined, { timeout: 20000 });
    log('device removed while its page is open: tab marked "(removed)" once, named again when it is back: ok');
    log(`screenshots in ${shots}: vscode-device-page.png, vscode-dashboard.png`);
    return 0;
  } catch (err) {
    await page.screenshot({ path: path.join(logDir, 'failed.png') }).catch(() => undefined);
    console.error(`[webviews] FAILED: ${(err as Error).message} (see ${logDir})`);
    return 1;
  } finally {
    await wb.close();
    await fleet.stop();
    server.close();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
