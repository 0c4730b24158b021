// The interactive prompts of the device commands, answered the way a user does it in the workbench of the
// installed VSIX: Add Device… from the command palette (host input box, then the profile and site quick picks)
// on a real snmpd started here, then Remove Device from the device's context menu, confirmed in the modal dialog.
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { startSnmpd } from '../support/snmpd';
import { COMMUNITY } from './fleet';

const QUICK_INPUT = '.quick-input-widget';

async function answer(page: Page, title: RegExp | undefined, text: string): Promise<void> {
  if (title) await page.locator(`${QUICK_INPUT} .quick-input-title`, { hasText: title }).waitFor({ timeout: 15000 });
  const input = page.locator(`${QUICK_INPUT} .quick-input-box input`);
  await input.fill(text);
  await page.waitForTimeout(300); // the list filters on input
  await input.press('Enter');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await answer(page, undefined, `>${title}`);
}

export async function drivePrompts(page: Page, inventory: string, log: (m: string) => void): Promise<void> {
  const agent = await startSnmpd({ community: COMMUNITY, location: 'Lyon, bench', sysName: 'bench-ui' });
  try {
    const portLine = `port: ${agent.port}`;
    await runCommand(page, 'Parc: Add Device…');
    await answer(page, /Add device/, `127.0.0.1:${agent.port}`);
    await answer(page, /SNMP profile/, 'lab');
    await answer(page, /^Site/, 'Lyon');
    const row = page.getByRole('treeitem', { name: 'bench-ui, up' });
    await row.waitFor({ timeout: 30000 });
    const text = fs.readFileSync(inventory, 'utf8');
    const entry = text.slice(text.lastIndexOf('- host:'));
    if (!entry.includes(portLine) || !/site: Lyon/.test(entry) || !/name: bench-ui/.test(entry)) throw new Error(`Add Device wrote an unexpected entry:\n${entry}`);
    log('Add Device… → host input box, profile and site quick picks → probed, written to parc.yaml, polled up: ok');

    await row.click({ button: 'right' });
    const remove = page.getByRole('menuitem', { name: /^Remove Device/ }).first();
    await remove.waitFor({ timeout: 10000 });
    await page.waitForTimeout(500); // the menu ignores a click that comes right after it opened
    await remove.hover();
    await remove.click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 10000 });
    if (!(await dialog.textContent())?.includes('bench-ui')) throw new Error('the confirmation does not name the device');
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: 20000 });
    if (fs.readFileSync(inventory, 'utf8').includes(portLine)) throw new Error('Remove Device left the entry in parc.yaml');
    log('Remove Device (context menu) → modal confirmation → entry and tree item gone: ok');
  } finally {
    await agent.stop();
  }
}

/** Set SNMP Credential… from the palette: the credential quick pick (which says the CLI's environment variable
 *  is in use), then the password box. A wrong community turns paris-core down at the next poll; the right one
 *  brings it back; neither is written to parc.yaml or the settings. */
export async function driveCredential(page: Page, workspace: string, log: (m: string) => void): Promise<void> {
  const set = async (value: string) => {
    await runCommand(page, 'Parc: Set SNMP Credential…');
    await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: /lab-community.*(from PARC_CRED_LAB_COMMUNITY|stored)/ }).first().waitFor({ timeout: 15000 });
    await answer(page, /Set SNMP credential/, 'lab-community');
    const password = page.locator(`${QUICK_INPUT} .quick-input-box input[type="password"]`);
    await password.waitFor({ timeout: 10000 });
    await password.fill(value);
    await password.press('Enter');
  };
  const pollAll = () => runCommand(page, 'Parc: Poll All Devices Now');
  await set('a-wrong-community');
  await pollAll();
  await page.getByRole('treeitem', { name: 'paris-core, down' }).waitFor({ timeout: 20000 });
  await set(COMMUNITY);
  await pollAll();
  await page.getByRole('treeitem', { name: 'paris-core, up' }).waitFor({ timeout: 20000 });
  for (const f of [`${workspace}/parc.yaml`, `${workspace}/.vscode/settings.json`]) {
    if (fs.readFileSync(f, 'utf8').includes('a-wrong-community')) throw new Error(`the credential was written to ${f}`);
  }
  log('Set SNMP Credential… → quick pick (env variable shown) and password box → used by the next poll, kept out of files: ok');
}
