// "Send Test Alert…", the Alerts view's delivery log and vscode:// device links in a real VS Code extension host
// (code-server + Chromium, the harness of test/vscode), with a real Postfix and a local webhook receiver.
// Skipped, with the reason, when code-server, Chromium or Postfix is missing, or PARC_SKIP_VSCODE=1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runHostSuite, vscodeHostUnavailable } from '../../vscode/host-suite';
import { mtaAvailable, startMta, type RunningMta } from '../../support/mta';
import { freeUdpPort } from '../../support/ports';
import { startReceiver, type RunningReceiver } from '../../support/webhook-receiver';

const HOOK_TOKEN = 'vscodeHookTok-71c3e9a0b2';
const WRONG = 'Wrong-Smtp-Pw-55';

function unavailable(): string | false {
  return vscodeHostUnavailable() || (!mtaAvailable() && 'postfix/sasl2-bin not installed or not root');
}

describe('alert delivery in a real VS Code extension host', { skip: unavailable() }, () => {
  let mta: RunningMta;
  let rx: RunningReceiver;
  let ws: string;
  let deadPort: number;
  before(async () => {
    [mta, rx, deadPort] = await Promise.all([startMta(), startReceiver(), freeUdpPort()]);
    ws = mkdtempSync(path.join(os.tmpdir(), 'parc-alerts-vscode-'));
    const mail = (name: string, cred: string) => `    ${name}: { type: email, host: 127.0.0.1, port: ${mta.submissionPort}, security: starttls, servername: localhost, caFile: ${mta.caFile}, user: ${mta.user}, passwordCredential: ${cred}, from: parc@parc.test, to: it@parc.test }\n`;
    writeFileSync(path.join(ws, 'parc.yaml'), `sites:
  - { region: Lab, name: Bench }
snmp: { profiles: { lab: { version: 2c, credential: ro, timeoutMs: 1500, retries: 1 } } }
devices:
  - { host: 127.0.0.1, port: ${deadPort}, name: ghost, site: Bench }
alerting:
  transports:
    hook: { type: webhook, urlCredential: hook }
${mail('mail', 'smtp')}${mail('badmail', 'smtp-wrong')}  rules:
    - { name: all, transports: [hook] }
`);
  });
  after(async () => {
    await Promise.all([mta?.stop(), rx?.stop()]);
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('runs the extension-host checks', { timeout: 300000 }, async () => {
    const { code, results: r, lines } = await runHostSuite({
      workspace: ws, testsIndex: path.join(__dirname, 'vscode-host', 'index.js'), resultsEnv: 'PARC_ALERTS_VSCODE_RESULTS',
      env: {
        PARC_CRED_RO: 'ro', PARC_CRED_HOOK: rx.url(`/in/${HOOK_TOKEN}`), PARC_CRED_SMTP: mta.password, PARC_CRED_SMTP_WRONG: WRONG,
        LAB_WRONG_PW: WRONG, LAB_GHOST_KEY: `127.0.0.1:${deadPort}`,
      },
    });
    assert.deepEqual(r.failures, []);
    assert.equal(r.passed, 3);
    assert.equal(code, 0);
    const kinds = rx.requests.map((q) => JSON.parse(q.body).kind).sort();
    assert.deepEqual(kinds, ['problem', 'test']);
    assert.match((await mta.waitForMails(1))[0].subject, /^\[Parc\] TEST/);
    // The editor's acknowledgement reached the shared state the CLI and the engine read.
    const shared = JSON.parse(readFileSync(path.join(ws, '.parc', 'alerts-state.json'), 'utf8'));
    assert.equal(shared.acks.length, 1);
    assert.match(shared.acks[0][0], /^127\.0\.0\.1:\d+\|down\|/);
    const everything = [readFileSync(path.join(ws, '.parc', 'notify', 'state.json'), 'utf8'), readFileSync(path.join(ws, '.parc', 'notify', 'deliveries.jsonl'), 'utf8'), readFileSync(path.join(ws, '.parc', 'events.jsonl'), 'utf8'), lines.join('\n')].join('\n');
    for (const s of [HOOK_TOKEN, mta.password, WRONG]) assert.ok(!everything.includes(s), `${s} leaked`);
  });
});
