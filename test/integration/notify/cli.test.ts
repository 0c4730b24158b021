// `parc alerts` and `parc watch` as a user runs them (the built dist/cli.js): a test message through a real
// Postfix, a wrong password reported without the password, list/ack/mute on the shared state, and `parc watch`
// delivering a down device to a webhook without slowing its polls.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeInventory } from '../../support/estate';
import { mtaAvailable, startMta, type RunningMta } from '../../support/mta';
import { freeUdpPort } from '../../support/ports';
import { startReceiver, type RunningReceiver } from '../../support/webhook-receiver';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
const skip = mtaAvailable() ? false : 'postfix/sasl2-bin not installed or not root (scripts/install-deps.sh)';
const HOOK_TOKEN = 'cliHookToken-4f9a2c7e1d';

function parc(args: string[], env: Record<string, string>, cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parc alerts and parc watch', { skip }, () => {
  let mta: RunningMta;
  let rx: RunningReceiver;
  let deadPort: number;
  before(async () => {
    [mta, rx, deadPort] = await Promise.all([startMta(), startReceiver(), freeUdpPort()]);
  });
  after(async () => {
    await Promise.all([mta?.stop(), rx?.stop()]);
  });

  const estate = () => `language: en
sites:
  - { region: Lab, name: Bench }
snmp: { profiles: { lab: { version: 2c, credential: ro, timeoutMs: 1500, retries: 1 } } }
devices:
  - { host: 127.0.0.1, port: ${deadPort}, name: ghost, site: Bench }
alerting:
  transports:
    mail:
      type: email
      host: 127.0.0.1
      port: ${mta.submissionPort}
      security: starttls
      servername: localhost
      caFile: ${mta.caFile}
      user: ${mta.user}
      passwordCredential: smtp
      from: parc@parc.test
      to: it@parc.test
    hook: { type: webhook, urlCredential: hook }
  rules:
    - { name: all, transports: [hook] }
`;

  it('alerts test sends through a transport, and a wrong password fails without showing it', async () => {
    const { dir } = writeInventory(estate());
    const ok = parc(['alerts', 'test', '--transport', 'mail'], { PARC_CRED_SMTP: mta.password }, dir);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /test message sent through mail: 250 /);
    const [mail] = await mta.waitForMails(1);
    assert.match(mail.subject, /^\[Parc\] TEST: Test alert$/);
    const bad = parc(['alerts', 'test', '--transport', 'mail'], { PARC_CRED_SMTP: 'Not-The-Password-1' }, dir);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /login refused for "parc@parc\.test"/);
    assert.ok(!bad.err.includes('Not-The-Password-1') && !bad.out.includes('Not-The-Password-1'));
    const typo = parc(['alerts', 'test', '--transport', 'mial'], {}, dir);
    assert.match(typo.err, /no transport named "mial" in alerting\.transports \(transports: mail, hook\)/);
    const log = parc(['alerts', 'deliveries', '--json'], {}, dir);
    const records = JSON.parse(log.out).deliveries as { ok: boolean; transport: string; error?: string }[];
    assert.deepEqual(records.map((r) => [r.transport, r.ok]), [['mail', false], ['mail', true]]);
    assert.ok(!readFileSync(path.join(dir, '.parc', 'notify', 'deliveries.jsonl'), 'utf8').includes(mta.password));
  });

  it('watch delivers a down device to the webhook, and list, ack and mute work on what it wrote', async () => {
    rx.requests.length = 0;
    const { dir } = writeInventory(estate());
    const env = { PATH: process.env.PATH ?? '', HOME: '/nonexistent', PARC_CRED_RO: 'ro', PARC_CRED_HOOK: rx.url(`/in/${HOOK_TOKEN}`) };
    const child = spawn(process.execPath, [CLI, 'watch'], { cwd: dir, env });
    let err = '';
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const deadline = Date.now() + 20_000;
    while (!rx.requests.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0, err);
    assert.equal(rx.requests.length, 1, `one webhook call; stderr: ${err}`);
    const body = JSON.parse(rx.requests[0].body);
    assert.equal(body.kind, 'problem');
    assert.equal(body.alerts[0].deviceName, 'ghost');
    assert.equal(body.alerts[0].site, 'Bench');
    assert.match(err, /alert delivery: problem of 1 alert\(s\) sent to hook \(HTTP 200\)/);
    assert.ok(!err.includes(HOOK_TOKEN) && !out.includes(HOOK_TOKEN), 'the URL token stays out of the output');

    const list = parc(['alerts', 'list', '--json'], {}, dir);
    const alerts = JSON.parse(list.out).alerts as { id: string; acknowledged: boolean; deliveries: { transport: string; ok: boolean }[] }[];
    assert.equal(alerts.length, 1);
    assert.deepEqual(alerts[0].deliveries.map((d) => [d.transport, d.ok]), [['hook', true]]);
    assert.equal(parc(['alerts', 'ack', alerts[0].id], {}, dir).code, 0);
    assert.equal(parc(['alerts', 'mute', '--site', 'Bench', '--for', '2h', '--reason', 'move'], {}, dir).code, 0);
    const after = parc(['alerts', 'list'], {}, dir);
    assert.match(after.out, /ghost is down.*\[acknowledged\]/);
    assert.match(after.out, /muted site Bench until .* \(move\)/);
    assert.match(parc(['alerts', 'ack', 'nope'], {}, dir).err, /not an open alert: nope/);
  });
});
