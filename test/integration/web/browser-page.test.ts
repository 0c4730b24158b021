// The browser page of `parc serve` (media/web/) in headless Chromium against a real `parc serve` child process
// (self-signed TLS, local accounts) polling a real snmpd and a device that does not answer: login (a wrong
// password refused with the server's message), the dashboard lists the devices, a device page, the alerts
// read-only for a viewer, an acknowledgement made by another client arriving live through SSE, and not one
// Content-Security-Policy violation.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ParcClient } from '../../../src/core/remote/client';
import { probeCertificate } from '../../../src/core/remote/client-tls';
import type { AlertsResponse } from '../../../src/core/remote/api-types';
import { addUser, CLI, startServe, type RunningServe } from '../../support/serve-process';
import { freeUdpPort } from '../../support/ports';
import { snmpdAvailable, startSnmpd, type RunningSnmpd } from '../../support/snmpd';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const COMMUNITY = 'web-page-community';
const skip = !fs.existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM}` : !snmpdAvailable() ? 'no snmpd' : !fs.existsSync(CLI) ? 'dist/cli.js not built (npm run build)' : !fs.existsSync(path.join(__dirname, '../../../../media/web/app.js')) ? 'media/web/app.js not built' : false;

describe('browser page of parc serve in headless Chromium', { skip }, () => {
  let browser: Browser;
  let agent: RunningSnmpd;
  let serve: RunningServe;
  let dir: string;
  let operator: ParcClient;

  before(async () => {
    agent = await startSnmpd({ community: COMMUNITY, sysName: 'web-core', location: 'Paris, rack 1' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-web-'));
    const inventory = path.join(dir, 'parc.yaml');
    fs.writeFileSync(inventory, [
      'sites:', '  - { region: Europe, name: Paris, coordinates: [48.85, 2.35] }', '  - { region: Europe, name: Lyon }',
      'snmp:', '  default: lab', '  profiles:', '    lab: { version: 2c, credential: lab, timeoutMs: 700, retries: 0 }',
      'devices:', `  - { host: 127.0.0.1, port: ${agent.port}, name: web-core, site: Paris }`, `  - { host: 127.0.0.1, port: ${await freeUdpPort()}, name: lyon-dead, site: Lyon }`,
      `  - { host: 127.0.0.1, port: ${await freeUdpPort()}, name: nantes-dead, site: Lyon }`, '',
    ].join('\n'));
    const env = { PARC_CRED_LAB: COMMUNITY };
    addUser(inventory, 'vera', 'viewer', 'vera-pw-31x', env);
    addUser(inventory, 'otto', 'operator', 'otto-pw-77q', env);
    serve = await startServe(inventory, env);
    const cert = await probeCertificate('127.0.0.1', serve.port);
    operator = new ParcClient({ url: serve.url, pin: { fingerprint256: cert.fingerprint256, pem: cert.pem } });
    await operator.login('otto', 'otto-pw-77q');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'] });
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    await agent?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('logs in, shows the dashboard, a device page and live alerts, read-only for a viewer, without CSP violations', async () => {
    // The test trusts the self-signed certificate the way a user would after comparing the fingerprint.
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load: CSP ${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await page.goto(serve.url + '/');
    assert.equal(res?.status(), 200);
    assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);

    await page.locator('#login-form').waitFor({ state: 'visible' });
    await page.fill('#user', 'vera');
    await page.fill('#password', 'wrong');
    await page.click('#signin');
    await page.locator('#login-error', { hasText: /./ }).waitFor();
    assert.ok(!(await page.locator('#app').isVisible()), 'a wrong password does not get in');

    await page.fill('#password', 'vera-pw-31x');
    await page.click('#signin');
    await page.locator('#conn', { hasText: 'connected as vera (viewer)' }).waitFor({ timeout: 20_000 });
    // The dashboard (the core's markup) once the server has polled: one up, two down.
    await page.locator('#main [data-device]', { hasText: 'web-core' }).first().waitFor({ timeout: 30_000 });
    await page.locator('#main .tile', { hasText: 'Down' }).locator('b', { hasText: '2' }).waitFor({ timeout: 30_000 });
    assert.match(await page.locator('#main h1').innerText(), /Parc estate/);
    assert.ok((await page.locator('#main table').count()) > 2, 'dashboard tables rendered');

    // A device page.
    await page.locator('#main [data-device]', { hasText: 'web-core' }).first().click();
    await page.waitForFunction(() => document.body.dataset.view === 'device');
    await page.locator('#main h1', { hasText: 'web-core' }).waitFor();
    await page.locator('#status', { hasText: 'up' }).waitFor();
    await page.locator('#charts:not(:has-text("Loading"))').waitFor({ timeout: 15_000 });

    // Alerts, read-only for a viewer; an acknowledgement by another client arrives through the stream.
    await page.click('nav a[data-view="alerts"]');
    const row = page.locator('#main tr[data-state="open"]', { hasText: 'lyon-dead' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#main [data-ack]').count(), 0, 'no acknowledge button for a viewer');
    assert.match(await row.innerText(), /read-only \(viewer\)/);
    const id = await row.getAttribute('data-alert');
    assert.ok(id);
    await operator.post(`/api/alerts/${encodeURIComponent(id)}/ack`, {});
    await page.locator(`#main tr[data-alert="${id.replace(/"/g, '\\"')}"][data-state="acknowledged"]`, { hasText: 'otto' }).waitFor({ timeout: 10_000 });
    const alerts = await operator.get<AlertsResponse>('/api/alerts');
    assert.ok(alerts.alerts.some((a) => a.id === id && a.acknowledged), 'the server keeps the acknowledgement');

    // An operator gets the button.
    await page.click('#signout');
    await page.locator('#login-form').waitFor({ state: 'visible' });
    await page.fill('#user', 'otto');
    await page.fill('#password', 'otto-pw-77q');
    await page.click('#signin');
    await page.locator('#conn', { hasText: 'connected as otto (operator)' }).waitFor({ timeout: 20_000 });
    await page.click('nav a[data-view="alerts"]');
    await page.locator('#main [data-ack]').first().waitFor({ timeout: 20_000 });

    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    await ctx.close();
  });
});
