// The first hour in Parc as a user sees it (issue 16), from the installed VSIX in code-server + Chromium:
//  - no "parc.yaml lists no devices yet" while parc.yaml is being read (watched from the first paint);
//  - Devices first and tallest; Sessions, Hosts and Directory collapsed, with a one-line welcome in plain words
//    and an Add… button that writes the section into parc.yaml;
//  - the palette lists RDP/netplan/LDAP commands only once their section exists, "Create parc.yaml" only without
//    one, and "Open Device Page" asks which device even with one selected in the tree;
//  - Parc's own completion in parc.yaml (and, in French, its hover);
//  - then the same workbench in French (code-server --locale fr), with a screenshot of each main view.
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, startCodeServer } from './code-server';
import { startFleet } from './fleet';

const QUICK_INPUT = '.quick-input-widget';
const SIDEBAR = '.part.sidebar';

async function palette(page: Page, text: string): Promise<number> {
  await page.keyboard.press('F1');
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${text}`);
  await page.waitForTimeout(600); // the list filters on input
  // The list is virtual: aria-setsize on a row is the number of matches.
  const row = page.locator(`${QUICK_INPUT} .monaco-list-row`).first();
  const n = (await row.count()) ? Number(await row.getAttribute('aria-setsize')) : 0;
  return n;
}

/** Whether the palette lists a command whose title starts with `title` (fuzzy matches of other commands do not count). */
async function inPalette(page: Page, title: string): Promise<boolean> {
  await palette(page, title);
  const labels = (await page.evaluate(`[...document.querySelectorAll('${QUICK_INPUT} .monaco-list-row')].map((r) => (r.querySelector('.label-name') || r).textContent.trim())`)) as string[];
  await closeQuickInput(page);
  return labels.some((l) => l.startsWith(title));
}

async function closeQuickInput(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
}

/** Which panes of the Parc container are expanded, by title, and their heights. */
async function panes(page: Page): Promise<{ title: string; expanded: boolean; height: number }[]> {
  return (await page.evaluate(`[...document.querySelectorAll('${SIDEBAR} .pane')].map((el) => {
    const header = el.querySelector('.pane-header');
    const title = header && (header.querySelector('h3.title') || header).textContent || '';
    return { title: title.trim(), expanded: !!header && header.getAttribute('aria-expanded') === 'true', height: el.getBoundingClientRect().height };
  })`)) as { title: string; expanded: boolean; height: number }[];
}

function check(ok: unknown, what: string): void {
  if (!ok) throw new Error(what);
}

async function waitForFile(file: string, re: RegExp, page: Page, what: string): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const t = fs.readFileSync(file, 'utf8');
    if (re.test(t)) return t;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: ${file} never matched ${re}`);
}

/** Expands a collapsed pane by clicking its header. */
async function expand(page: Page, title: RegExp): Promise<void> {
  const header = page.locator(`${SIDEBAR} .pane-header`).filter({ hasText: title }).first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.waitForTimeout(400);
}

async function addFromWelcome(page: Page, button: string, title: RegExp, value: string): Promise<void> {
  const b = page.getByRole('button', { name: button });
  await b.first().waitFor({ timeout: 15000 });
  await b.first().click();
  await page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title }).waitFor({ timeout: 15000 });
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.fill(value);
  await input.press('Enter');
}

/** Packages a language pack for "fr" with no translations of its own (VS Code's strings stay English). */
function frenchLanguagePack(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: 'parc-test-language-pack-fr', displayName: 'French locale for the Parc tests', description: 'Makes fr an available display language.',
    publisher: 'parc-test', version: '0.0.1', license: 'MIT', engines: { vscode: '^1.100.0' }, categories: ['Language Packs'],
    contributes: { localizations: [{ languageId: 'fr', languageName: 'French', localizedLanguageName: 'Français', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(path.join(dir, 'README.md'), '# French locale for the Parc tests\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  const vsce = path.join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'vsce');
  const out = path.join(dir, 'fr.vsix');
  const r = cp.spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--out', out], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the French language pack failed: ${r.stderr || r.stdout}`);
  return out;
}

export async function driveUx(vsix: string, csDir: string, logsRoot: string, shotsDir: string, log: (m: string) => void): Promise<number> {
  let worst = 0;
  const locales = (process.env.PARC_UX_LOCALES ?? 'en,fr').split(',') as ('en' | 'fr')[];
  for (const locale of locales) {
    const logDir = path.join(logsRoot, `ux-${locale}`);
    fs.rmSync(logDir, { recursive: true, force: true });
    const fleet = await startFleet({ small: true, settings: { 'parc.notifications': 'off', 'workbench.colorTheme': 'Default Dark Modern' } });
    // French: code-server --locale fr, with an (empty) French language pack so that the workbench runs in French and
    // extensions get their package.nls.fr.json and l10n/bundle.l10n.fr.json (VS Code's own strings stay English).
    const install = [path.resolve(vsix), ...(locale === 'fr' ? [frenchLanguagePack(path.join(logsRoot, 'fr-pack'))] : [])];
    const cs = await startCodeServer({ codeServerDir: csDir, logDir, env: fleet.env, install, args: locale === 'fr' ? ['--locale', 'fr'] : [] });
    if (locale === 'fr') {
      // The CLI install does not index language packs (the running server does it when it installs one): say
      // where the French one is, as VS Code's own languagepacks.json does.
      const ext = fs.readdirSync(path.join(cs.tmp, 'extensions')).find((d) => d.startsWith('parc-test.parc-test-language-pack-fr-'))!;
      fs.writeFileSync(path.join(cs.tmp, 'user-data', 'languagepacks.json'), JSON.stringify({
        fr: { hash: 'parc-test-fr-1', extensions: [{ extensionIdentifier: { id: 'parc-test.parc-test-language-pack-fr' }, version: '0.0.1' }], translations: { vscode: path.join(cs.tmp, 'extensions', ext, 'translations', 'main.i18n.json') }, label: 'Français' },
      }));
    }
    const { browser, page } = await openBrowser(cs.tmp, logDir);
    try {
      // From the first paint: did the "no devices" welcome ever show?
      // (A string: this file is compiled without the DOM library.)
      await page.addInitScript({ content: `
        window.parcSeen = [];
        new MutationObserver((ms) => {
          for (const m of ms) for (const n of m.addedNodes) {
            const t = n.textContent || '';
            if (/lists no devices yet|ne liste encore aucun/.test(t)) window.parcSeen.push('noDevices');
            if (/Reading parc\\.yaml|Lecture de parc\\.yaml/.test(t)) window.parcSeen.push('reading');
          }
        }).observe(document, { childList: true, subtree: true });` });
      await page.goto(cs.url(fleet.workspace));
      const tab = page.locator('.activitybar [aria-label^="Parc"]').first();
      await tab.waitFor({ timeout: 60000 });
      await tab.click();
      await page.getByRole('treeitem', { name: /^paris-core, / }).waitFor({ timeout: 60000 });
      const seen = (await page.evaluate('window.parcSeen')) as string[];
      check(!seen.includes('noDevices'), `the "no devices" welcome showed while parc.yaml was read (${seen.join(', ')})`);
      log(`${locale}: no "no devices" flash while parc.yaml is read (seen: ${seen.join(', ') || 'nothing'}): ok`);

      const p = await panes(page);
      const names = locale === 'fr'
        ? { devices: 'Équipements', alerts: 'Alertes', sessions: 'Sessions', hosts: 'Serveurs Linux', dirs: 'Annuaire' }
        : { devices: 'Devices', alerts: 'Alerts', sessions: 'Sessions', hosts: 'Hosts', dirs: 'Directory' };
      const byTitle = (t: string) => p.find((x) => x.title.toLowerCase() === t.toLowerCase());
      check(p[0] && p[0].title.toLowerCase() === names.devices.toLowerCase(), `Devices first: ${p.map((x) => x.title).join(', ')}`);
      for (const t of [names.sessions, names.hosts, names.dirs]) check(byTitle(t) && !byTitle(t)!.expanded, `${t} collapsed: ${JSON.stringify(p)}`);
      check(p.every((x) => x === p[0] || x.height <= p[0].height), `Devices tallest: ${JSON.stringify(p)}`);
      log(`${locale}: views ${p.map((x) => `${x.title}${x.expanded ? '' : ' (collapsed)'} ${Math.round(x.height)}px`).join(', ')}: ok`);

      if (locale === 'fr') {
        // One screenshot per main view, in French.
        fs.mkdirSync(shotsDir, { recursive: true });
        await page.mouse.move(1000, 700);
        await page.locator(SIDEBAR).screenshot({ path: path.join(shotsDir, 'fr-devices.png') });
        for (const [key, title, welcome, button] of [
          ['alerts', names.alerts, undefined, undefined],
          ['sessions', names.sessions, /Aucun serveur Windows/, 'Ajouter un serveur Windows…'],
          ['hosts', names.hosts, /Aucun serveur Linux/, 'Ajouter un serveur Linux…'],
          ['directory', names.dirs, /Aucun annuaire/, 'Ajouter un annuaire…'],
        ] as const) {
          await expand(page, new RegExp(`^${title}`, 'i'));
          if (welcome) {
            const body = page.locator(`${SIDEBAR} .welcome-view-content`, { hasText: welcome }).first();
            await body.waitFor({ timeout: 15000 });
            check(!(await body.textContent())?.includes('`'), `${title}: welcome text has backticks`);
            await page.getByRole('button', { name: button }).first().waitFor({ timeout: 10000 });
          }
          await page.mouse.move(1000, 700);
          await page.locator(SIDEBAR).screenshot({ path: path.join(shotsDir, `fr-${key}.png`) });
        }
        check(await inPalette(page, 'Parc: Ajouter un serveur Windows'), 'the French command title in the palette');
        // Parc's own hover in parc.yaml, in French (the schema's descriptions through l10n).
        await page.keyboard.press('Control+P');
        await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill('parc.yaml');
        await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: 'parc.yaml' }).first().waitFor({ timeout: 10000 });
        await page.keyboard.press('Enter');
        const key = page.locator('.monaco-editor .view-lines span', { hasText: /^devices$/ }).first();
        await key.waitFor({ timeout: 15000 });
        await key.hover();
        const hover = page.locator('.monaco-hover', { hasText: 'Équipements à superviser' }).first();
        await hover.waitFor({ timeout: 15000 });
        log(`fr: hover on "devices" in parc.yaml: ${(await hover.textContent())?.trim().slice(0, 80)}: ok`);
        await page.mouse.move(1000, 700);
        log(`fr: views, welcomes, buttons and commands in French; screenshots in ${shotsDir}: ok`);
        continue;
      }

      // The palette without Windows/Linux/directory sections.
      const total = await palette(page, 'Parc: ');
      await closeQuickInput(page);
      for (const c of ['Parc: Log Off Session', 'Parc: Apply Netplan Safely', 'Parc: Test Login as', 'Parc: Create parc.yaml']) {
        check(!(await inPalette(page, c)), `"${c}" is in the palette of a workspace without its section`);
      }
      check(await inPalette(page, 'Parc: Add Windows Host'), 'Add Windows Host… is in the palette');
      log(`palette: ${total} Parc commands; no RDP/netplan/LDAP commands and no "Create parc.yaml": ok`);

      // Open Device Page from the palette, with a device selected in the tree: a pick, not the selection.
      await page.getByRole('treeitem', { name: /^paris-core, / }).click();
      await palette(page, 'Parc: Open Device Page');
      await page.keyboard.press('Enter');
      await page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: /Open device page/ }).waitFor({ timeout: 10000 });
      const rows = await page.locator(`${QUICK_INPUT} .monaco-list-row`).count();
      check(rows >= 2, `the device pick lists the devices (${rows})`);
      await closeQuickInput(page);
      log('Open Device Page from the palette with paris-core selected → asks which device: ok');

      // The collapsed views: one-line welcome in plain words, and an Add… button that writes parc.yaml.
      for (const [title, welcome, button, prompt, value, re] of [
        [names.sessions, /No Windows host yet/, 'Add Windows Host…', /Add Windows host/, '127.0.0.1', /\nwindows:\n {2}- host: 127\.0\.0\.1\n/],
        [names.hosts, /No Linux host yet/, 'Add Linux Host…', /Add Linux host/, '127.0.0.2', /\nlinux:\n {2}- host: 127\.0\.0\.2\n/],
        [names.dirs, /No directory yet/, 'Add Directory…', /Add directory/, 'ldaps://127.0.0.3', /\ndirectories:\n {2}127-0-0-3:\n {4}url: ldaps:\/\/127\.0\.0\.3\n/],
      ] as const) {
        await expand(page, new RegExp(`^${title}`, 'i'));
        const body = page.locator(`${SIDEBAR} .welcome-view-content`, { hasText: welcome }).first();
        await body.waitFor({ timeout: 15000 });
        const text = (await body.textContent()) ?? '';
        check(!text.includes('`'), `${title}: the welcome text shows backticks: ${text}`);
        const before = fs.readFileSync(fleet.inventory, 'utf8');
        await addFromWelcome(page, button, prompt, value);
        const after = await waitForFile(fleet.inventory, re, page, button);
        check(after.startsWith(before), `${button}: the rest of parc.yaml changed`);
        log(`${title}: welcome "${text.trim()}" → ${button} → section written to parc.yaml: ok`);
      }
      // The new entries are listed in their views.
      for (const name of ['127-0-0-1', '127-0-0-2', '127-0-0-3']) await page.locator(`${SIDEBAR} .monaco-list-row`, { hasText: name }).first().waitFor({ timeout: 20000 });
      for (const c of ['Parc: Log Off Session', 'Parc: Apply SNMP Settings', 'Parc: Test Login as']) {
        check(await inPalette(page, c), `"${c}" is missing from the palette once its section exists`);
      }
      const totalAfter = await palette(page, 'Parc: ');
      await closeQuickInput(page);
      log(`palette with every section: ${totalAfter} Parc commands (${total} before): ok`);

      // Parc's own completion in parc.yaml (the Add… commands left it open in the editor).
      await page.locator('.monaco-editor .view-lines', { hasText: 'directories' }).first().click();
      await page.keyboard.press('Control+End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home');
      await page.keyboard.type('thr');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'thresholds' }).first().waitFor({ timeout: 15000 });
      await page.keyboard.press('Escape');
      await palette(page, 'File: Revert File');
      await page.keyboard.press('Enter');
      log('completion in parc.yaml offers "thresholds" for "thr": ok');
    } catch (err) {
      await page.screenshot({ path: path.join(logDir, 'failed.png') }).catch(() => undefined);
      console.error(`[vscode-tests] ux (${locale}): ${(err as Error).message} (see ${logDir})`);
      worst = 1;
    } finally {
      await browser.close().catch(() => undefined);
      await cs.stop();
      await fleet.stop();
    }
  }
  return worst;
}
