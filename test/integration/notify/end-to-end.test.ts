// End to end: real snmpd agents polled by the Monitor, the delivery engine attached as `parc watch` does,
// a real Postfix receiving the mail. The injected clock stands for the minutes of delay and escalation.
//   one agent stopped → after the delay exactly one mail naming device and site; started → one recovery mail;
//   five agents of one site stopped at once → one grouped message; a device in a maintenance window → nothing;
//   unacknowledged past the escalation time → the second transport gets it (acknowledged ones are left out).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../../../src/core/host';
import { Monitor } from '../../../src/core/monitor/monitor';
import { openAlerts } from '../../../src/core/monitor/alerts';
import { attachDelivery } from '../../../src/core/notify/attach';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { FileStateStore } from '../../../src/core/state/file-store';
import { ManualClock } from '../../support/clock';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { mtaAvailable, startMta, type Mail, type RunningMta } from '../../support/mta';
import { snmpdAvailable, startSnmpd, type RunningSnmpd } from '../../support/snmpd';

const skip = !mtaAvailable() ? 'postfix/sasl2-bin not installed or not root (scripts/install-deps.sh)' : !snmpdAvailable() ? 'snmpd not installed' : false;
const MIN = 60_000;

describe('alert delivery end to end (snmpd → Monitor → engine → Postfix)', { skip }, () => {
  let mta: RunningMta;
  let solo: RunningSnmpd;
  let lille: RunningSnmpd[];
  let lyon: RunningSnmpd;
  before(async () => {
    [mta, solo, lyon, ...lille] = await Promise.all([
      startMta(),
      startSnmpd({ community: 'e2e-ro', sysName: 'mitry-core' }),
      startSnmpd({ community: 'e2e-ro', sysName: 'lyon-sw' }),
      ...[1, 2, 3, 4, 5].map((n) => startSnmpd({ community: 'e2e-ro', sysName: `lille-${n}` })),
    ]) as [RunningMta, RunningSnmpd, RunningSnmpd, ...RunningSnmpd[]];
  });
  after(async () => {
    await Promise.all([mta?.stop(), solo?.stop(), lyon?.stop(), ...(lille ?? []).map((a) => a.stop())]);
  });

  it('delays, groups, recovers, escalates and keeps quiet in maintenance, with no secret written anywhere', async () => {
    const clock = new ManualClock(Date.now());
    const start = clock.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const inv = inventoryFrom(`language: fr
sites:
  - { region: Île-de-France, name: Mitry-Mory }
  - { region: Hauts-de-France, name: Lille }
  - { region: Auvergne-Rhône-Alpes, name: Lyon }
snmp: { profiles: { lab: { version: 2c, credential: ro, timeoutMs: 1500, retries: 1 } } }
devices:
  - { host: 127.0.0.1, port: ${solo.port}, name: mitry-core, site: Mitry-Mory, tags: [core] }
  - { host: 127.0.0.1, port: ${lyon.port}, name: lyon-sw, site: Lyon }
${lille.map((a, i) => `  - { host: 127.0.0.1, port: ${a.port}, name: lille-${i + 1}, site: Lille }`).join('\n')}
alerting:
  transports:
    oncall:
      type: email
      host: 127.0.0.1
      port: ${mta.submissionPort}
      security: starttls
      servername: localhost
      caFile: ${mta.caFile}
      user: ${mta.user}
      passwordCredential: smtp
      from: parc@parc.test
      to: oncall@parc.test
    boss:
      type: email
      host: 127.0.0.1
      port: ${mta.smtpsPort}
      security: tls
      servername: localhost
      caFile: ${mta.caFile}
      user: ${mta.user}
      passwordCredential: smtp
      from: parc@parc.test
      to: [boss@parc.test]
  rules:
    - name: everything
      severity: warning
      transports: [oncall]
      delayMinutes: 3
      escalate: { afterMinutes: 30, transports: [boss] }
  maintenance:
    - name: Lyon works
      sites: [Lyon]
      start: ${iso(start)}
      end: ${iso(start + 8 * 60 * MIN)}
`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-e2e-'));
    const lines: string[] = [];
    const logger: Logger = { debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
    const secrets = new MapSecrets({ ro: 'e2e-ro', smtp: mta.password });
    const store = new FileStateStore(dir);
    const monitor = new Monitor({ inventory: () => inv, poller: new SnmpPoller({ secrets }), store, secrets, clock, logger });
    const engine = attachDelivery(monitor, { stateDir: dir, inventory: () => inv, secrets, clock, logger, events: store });
    const poll = async () => {
      await monitor.pollAll();
      await engine.whenIdle();
    };
    // Minute by minute, letting the engine finish between: a timer it arms after real I/O is then never skipped.
    const step = async (ms: number) => {
      for (let left = ms; left > 0; left -= 60_000) {
        await clock.advance(Math.min(left, 60_000));
        await engine.whenIdle();
      }
    };
    const sent = async () => (await engine.store.deliveries()).filter((d) => d.ok).length;
    const to = (mails: Mail[], who: string) => mails.filter((m) => m.to.includes(who));

    await poll();
    assert.equal(await sent(), 0, 'all up: nothing sent');

    // 1. One agent stops: nothing before the delay, then exactly one mail naming the device and its site.
    await solo.halt();
    await poll();
    await step(2 * MIN);
    assert.equal(await sent(), 0, 'nothing before delayMinutes');
    await step(1 * MIN);
    assert.equal(await sent(), 1);
    let mails = await mta.waitForMails(1);
    assert.equal(mails.length, 1);
    assert.match(mails[0].subject, /^\[Parc\] ALERTE: Équipement injoignable — mitry-core \(127\.0\.0\.1:\d+\) @ Île-de-France \/ Mitry-Mory$/);
    assert.match(mails[0].text, /Site: Île-de-France \/ Mitry-Mory/);
    assert.match(mails[0].text, /vscode:\/\/parc-it\.parc\/device\?key=127\.0\.0\.1%3A\d+/);
    await poll(); // still down: no new event, no new mail
    await step(1 * MIN);
    assert.equal(await sent(), 1, 'exactly one mail while it stays down');

    // 2. It comes back before the escalation time: one recovery mail, to the same recipient.
    await solo.restart();
    await poll();
    mails = await mta.waitForMails(2);
    assert.equal(await sent(), 2);
    assert.match(mails[1].subject, /^\[Parc\] RÉTABLI: Équipement injoignable — mitry-core/);
    assert.match(mails[1].text, /Rétabli: /);
    assert.deepEqual(to(mails, 'oncall@parc.test').length, 2);

    // 3. A whole site goes down, plus a device in a maintenance window: one grouped mail, without the Lyon device.
    const t3 = clock.now();
    await Promise.all([...lille.map((a) => a.halt()), lyon.halt()]);
    await poll();
    await step(3 * MIN);
    mails = await mta.waitForMails(3);
    assert.equal(await sent(), 3, 'one message for the whole site');
    const grouped = mails[2];
    assert.match(grouped.subject, /^\[Parc\] ALERTE: 5 alertes — Équipement injoignable @ Hauts-de-France \/ Lille$/);
    for (let n = 1; n <= 5; n++) assert.match(grouped.text, new RegExp(`lille-${n} \\(127\\.0\\.0\\.1:\\d+\\)`));
    assert.ok(!grouped.text.includes('lyon-sw'), 'the device in maintenance is left out');

    // 4. One of them is acknowledged; past the escalation time the others go to the second transport.
    const open = openAlerts(await store.readEvents(), clock.now()).filter((a) => a.event.deviceName?.startsWith('lille-'));
    assert.equal(open.length, 5);
    const acked = open.find((a) => a.event.deviceName === 'lille-5')!;
    await engine.acks.acknowledge([acked.id], clock.now(), 'test');
    await step(t3 + 30 * MIN - clock.now());
    mails = await mta.waitForMails(4);
    assert.equal(await sent(), 4);
    const escalation = to(mails, 'boss@parc.test');
    assert.equal(escalation.length, 1, 'the second transport got it');
    assert.match(escalation[0].subject, /^\[Parc\] ESCALADE: 4 alertes/);
    assert.ok(!escalation[0].text.includes('lille-5'), 'the acknowledged alert is not escalated');
    assert.ok(!mails.some((m) => m.text.includes('lyon-sw')), 'nothing at all for the device in maintenance');

    // 5. The Lyon device comes back inside its window: still nothing.
    await lyon.restart();
    await poll();
    await step(1 * MIN);
    assert.equal(await sent(), 4);
    assert.equal(mta.mails().length, 4);

    // No secret in the state directory, the event log or the log lines.
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));
    const written = [...files.map((f) => readFileSync(f, 'utf8')), ...lines].join('\n');
    assert.ok(written.length > 0);
    assert.ok(!written.includes(mta.password), 'the SMTP password was written somewhere');
    assert.ok(!written.includes('e2e-ro'), 'the community was written somewhere');
    await monitor.stop();
    await engine.stop();
  });
});
