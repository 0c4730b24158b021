// Webhook transports and the delivery engine against a local HTTP receiver: the documented payload and its
// HMAC signature, Teams and Slack formats, retries with backoff when the receiver answers 500 or is down,
// a failing transport becoming an event and an alert of its own, and a restart that loses nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger } from '../../../src/core/host';
import { DeliveryEngine } from '../../../src/core/notify/engine';
import { FileStateStore } from '../../../src/core/state/file-store';
import type { ParcEvent } from '../../../src/core/state/types';
import { ManualClock } from '../../support/clock';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { startReceiver, type RunningReceiver } from '../../support/webhook-receiver';

const TOKEN = 'T0ken-In-The-Url-8d1f0c2e9b';
const HMAC_KEY = 'hmac-Key-5b7e2a9c41';
const TEAMS_TOKEN = 'teamsTok-Aa11Bb22Cc33';

function memLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, debug: (m) => lines.push(m), info: (m) => lines.push(m), warn: (m) => lines.push(m), error: (m) => lines.push(m) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath ?? (d as unknown as { path: string }).path, d.name));
}

function down(device: string, name: string, time: string): ParcEvent {
  return { time, type: 'down', severity: 'critical', device, deviceName: name, message: `${name} is down: timeout` };
}
function up(device: string, name: string, time: string): ParcEvent {
  return { time, type: 'up', severity: 'info', device, deviceName: name, message: `${name} is up again` };
}

describe('webhooks and the delivery engine', () => {
  let rx: RunningReceiver;
  before(async () => {
    rx = await startReceiver();
  });
  after(() => rx?.stop());

  const yaml = (extra = '') => `language: en
sites:
  - { region: Nord, name: Lille, subnets: [127.0.9.0/24] }
devices:
  - { host: 127.0.9.1, name: lille-sw1, tags: [core] }
  - { host: 127.0.9.2, name: lille-ups }
alerting:
  retry: { firstDelaySeconds: 30, maxDelayMinutes: 5, maxAttempts: 4 }
  transports:
    hook: { type: webhook, urlCredential: hook-url, secretCredential: hook-key }
    teams: { type: teams, urlCredential: teams-url }
    chat: { type: slack, urlCredential: slack-url }
  rules:
    - { name: core, sites: [Lille], severity: warning, transports: [hook], delayMinutes: 2 }
    - { name: ops-health, events: [delivery-failed], transports: [teams] }
${extra}`;

  function setup(extra = '', dir = mkdtempSync(path.join(os.tmpdir(), 'parc-notify-')), start = Date.parse('2026-03-14T02:00:00Z')) {
    const inv = inventoryFrom(yaml(extra));
    const clock = new ManualClock(start);
    const logger = memLogger();
    const events = new FileStateStore(dir);
    const raised: ParcEvent[] = [];
    const secrets = new MapSecrets({ 'hook-url': rx.url(`/hooks/${TOKEN}`), 'hook-key': HMAC_KEY, 'teams-url': rx.url(`/teams/${TEAMS_TOKEN}`), 'slack-url': rx.url('/slack/services/XXX') });
    const engine = new DeliveryEngine({ stateDir: dir, inventory: () => inv, secrets, clock, logger, events, onEvents: (e) => raised.push(...e) });
    // Minute by minute, letting the engine finish between: a timer it arms after real I/O is then never skipped.
    const step = async (ms: number) => {
      for (let left = ms; left > 0; left -= 60_000) {
        await clock.advance(Math.min(left, 60_000));
        await engine.whenIdle();
      }
    };
    return { dir, inv, clock, logger, events, raised, engine, step, secrets };
  }
  const place = new Map([['127.0.9.1:161', { region: 'Nord', site: 'Lille' }], ['127.0.9.2:161', { region: 'Nord', site: 'Lille' }]]);
  const hookRequests = () => rx.requests.filter((r) => r.path.startsWith('/hooks/'));

  it('waits for the delay, groups one cycle into one signed payload, retries a 500 with backoff, and a failing transport is an alert of its own', async () => {
    rx.requests.length = 0;
    const s = setup();
    await s.engine.whenIdle();
    const t0 = new Date(s.clock.now()).toISOString();
    s.engine.handleEvents([down('127.0.9.1:161', 'lille-sw1', t0), down('127.0.9.2:161', 'lille-ups', t0)], place);
    await s.engine.whenIdle();
    await s.step(60_000);
    assert.equal(hookRequests().length, 0, 'nothing before delayMinutes');
    rx.answer('/hooks/', 500, 500);
    await s.step(60_000);
    assert.equal(hookRequests().length, 1, 'first attempt at 2 min');
    assert.equal(s.raised.filter((e) => e.type === 'delivery-failed').length, 1, 'the failure is an event');
    const teams = rx.requests.filter((r) => r.path.startsWith('/teams/'));
    assert.equal(teams.length, 1, 'the failure alert went to the other transport');
    const card = JSON.parse(teams[0].body);
    assert.equal(card.type, 'message');
    assert.equal(card.attachments[0].contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(card.attachments[0].content.type, 'AdaptiveCard');
    assert.match(JSON.stringify(card), /Alert delivery failing/);
    await s.step(29_000);
    assert.equal(hookRequests().length, 1, 'no retry before 30 s');
    await s.step(1_000);
    assert.equal(hookRequests().length, 2, 'second attempt after 30 s');
    await s.step(59_000);
    assert.equal(hookRequests().length, 2, 'backoff doubles');
    await s.step(1_000);
    assert.equal(hookRequests().length, 3, 'third attempt after 60 more s');
    assert.equal(hookRequests()[2].status, 200);

    const reqs = hookRequests();
    assert.equal(new Set(reqs.map((r) => r.headers['x-parc-delivery'])).size, 1, 'the same delivery id across retries');
    const last = reqs[2];
    const body = JSON.parse(last.body);
    assert.equal(body.version, 1);
    assert.equal(body.kind, 'problem');
    assert.deepEqual(body.alerts.map((a: { deviceName: string }) => a.deviceName).sort(), ['lille-sw1', 'lille-ups'], 'both devices in one message');
    assert.deepEqual(Object.keys(body.alerts[0]).sort(), ['acknowledged', 'device', 'deviceName', 'entity', 'id', 'link', 'message', 'region', 'severity', 'since', 'site', 'type']);
    assert.equal(body.alerts[0].site, 'Lille');
    assert.match(body.alerts[0].link, /^vscode:\/\/parc-it\.parc\/device\?key=127\.0\.9\.\d%3A161$/);
    const expected = 'sha256=' + createHmac('sha256', HMAC_KEY).update(`${last.headers['x-parc-timestamp']}.${last.body}`).digest('hex');
    assert.equal(last.headers['x-parc-signature'], expected, 'HMAC-SHA256 of timestamp.body');

    assert.deepEqual(s.raised.map((e) => e.type), ['delivery-failed', 'delivery-ok']);
    const logged = await s.events.readEvents();
    assert.deepEqual(logged.map((e) => e.type).sort(), ['delivery-failed', 'delivery-ok']);
    const deliveries = await s.engine.store.deliveries();
    assert.deepEqual(deliveries.filter((d) => d.transport === 'hook').map((d) => d.ok).reverse(), [false, false, true]);
    assert.match(deliveries.find((d) => !d.ok)!.error!, /HTTP 500/);

    // Recovery: one message for both, to the transport that had the problem.
    s.engine.handleEvents([up('127.0.9.1:161', 'lille-sw1', t0), up('127.0.9.2:161', 'lille-ups', t0)], place);
    await s.engine.whenIdle();
    assert.equal(hookRequests().length, 4);
    const rec = JSON.parse(hookRequests()[3].body);
    assert.equal(rec.kind, 'recovery');
    assert.equal(rec.alerts.length, 2);

    // No secret anywhere: state files, delivery log, events, log lines.
    const everything = [...filesUnder(s.dir).map((f) => readFileSync(f, 'utf8')), ...s.logger.lines, JSON.stringify(s.raised)].join('\n');
    for (const secret of [TOKEN, HMAC_KEY, TEAMS_TOKEN]) assert.ok(!everything.includes(secret), `${secret} leaked`);
    assert.equal(statSync(path.join(s.dir, 'notify', 'state.json')).mode & 0o777, 0o600);
    await s.engine.stop();
  });

  it('a receiver that is down is retried, and pending messages survive a restart', async () => {
    rx.requests.length = 0;
    const s = setup();
    await s.engine.whenIdle();
    await rx.down();
    try {
      s.engine.handleEvents([down('127.0.9.1:161', 'lille-sw1', new Date(s.clock.now()).toISOString())], place);
      await s.engine.whenIdle();
      await s.step(120_000);
      const failure = s.raised.find((e) => e.type === 'delivery-failed' && e.entity === 'hook');
      assert.ok(failure, `delivery-failed event; log: ${s.logger.lines.join(' | ')}`);
      assert.match(failure.message, /cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
      assert.ok(!failure.message.includes(TOKEN));
      await s.engine.stop();
    } finally {
      await rx.up();
    }
    // A new process on the same state directory: the queued message goes out on its next try.
    const again = setup('', s.dir, s.clock.now());
    await again.engine.whenIdle();
    assert.equal(hookRequests().length, 0);
    await again.step(30_000);
    assert.equal(hookRequests().length, 1, 'the pending message was kept across the restart');
    assert.equal(JSON.parse(hookRequests()[0].body).alerts[0].deviceName, 'lille-sw1');
    assert.ok(again.raised.some((e) => e.type === 'delivery-ok'));
    await again.engine.stop();
  });

  it('the Slack-compatible payload has text and blocks, and the Teams URL token stays out of errors', async () => {
    rx.requests.length = 0;
    const s = setup();
    assert.match(await s.engine.sendTest('chat'), /HTTP 200/);
    const slack = JSON.parse(rx.requests.find((r) => r.path.startsWith('/slack/'))!.body);
    assert.match(slack.text, /\[Parc\] TEST/);
    assert.equal(slack.blocks[0].type, 'header');
    rx.answer('/teams/', 404);
    await assert.rejects(s.engine.sendTest('teams'), (err: Error) => /Teams: HTTP 404/.test(err.message) && !err.message.includes(TEAMS_TOKEN));
    await s.engine.stop();
  });

  it('repeats while open, stops repeating and escalating once acknowledged, and a mute holds delivery until it ends', async () => {
    rx.requests.length = 0;
    const s = setup(`    - { name: ups, devices: [lille-ups], transports: [chat], repeatMinutes: 10, escalate: { afterMinutes: 25, transports: [teams] } }`);
    await s.engine.whenIdle();
    const t0 = new Date(s.clock.now()).toISOString();
    const chat = () => rx.requests.filter((r) => r.path.startsWith('/slack/')).map((r) => JSON.parse(r.body).text.split('\n')[0] as string);
    const teams = () => rx.requests.filter((r) => r.path.startsWith('/teams/'));
    s.engine.handleEvents([down('127.0.9.2:161', 'lille-ups', t0)], place);
    await s.engine.whenIdle();
    assert.equal(chat().length, 1, 'no delay: sent at once');
    assert.match(chat()[0], /^\[Parc\] ALERT: Device down — lille-ups \(127\.0\.9\.2\) @ Nord \/ Lille$/);
    await s.step(10 * 60_000);
    await s.step(10 * 60_000);
    assert.equal(chat().length, 3, `repeated every 10 minutes: ${JSON.stringify(chat())} ${s.logger.lines.join(' | ')}`);
    assert.match(chat()[2], /^\[Parc\] STILL OPEN: /);
    const [alert] = (await s.engine.store.deliveries()).map((d) => d.alertIds[0]);
    await s.engine.acks.acknowledge([alert], s.clock.now(), 'test');
    await s.step(20 * 60_000);
    assert.equal(chat().length, 3, 'no repeat once acknowledged');
    assert.equal(teams().length, 0, 'no escalation once acknowledged');
    s.engine.handleEvents([up('127.0.9.2:161', 'lille-ups', t0)], place);
    await s.engine.whenIdle();
    assert.match(chat()[3], /^\[Parc\] RECOVERED: /, 'the recovery is still sent');

    // A mute of the site: a new problem waits for its end, then goes out.
    await s.engine.acks.mute({ scope: 'site', value: 'Lille', until: s.clock.now() + 30 * 60_000 }, s.clock.now());
    s.engine.handleEvents([down('127.0.9.2:161', 'lille-ups', new Date(s.clock.now()).toISOString())], place);
    await s.engine.whenIdle();
    await s.step(29 * 60_000);
    assert.equal(chat().length, 4, 'silenced while muted');
    await s.step(60_000);
    assert.equal(chat().length, 5, 'delivered when the mute ends');
    assert.match(chat()[4], /^\[Parc\] ALERT: /);
    await s.engine.stop();
  });

  it('one deliverer per state directory: a second process leaves delivery to the first, and takes over when it stops', async () => {
    rx.requests.length = 0;
    const a = setup();
    await a.engine.whenIdle();
    const b = setup('', a.dir, a.clock.now());
    await b.engine.whenIdle();
    assert.equal(a.engine.delivering, true);
    assert.equal(b.engine.delivering, false);
    assert.match(b.logger.lines.join('\n'), /left to another process/);
    const t = new Date(a.clock.now()).toISOString();
    // Both processes poll the same estate and see the same event.
    for (const x of [a, b]) x.engine.handleEvents([down('127.0.9.1:161', 'lille-sw1', t)], place);
    await Promise.all([a.step(2 * 60_000), b.step(2 * 60_000)]);
    assert.equal(hookRequests().length, 1, 'sent once, not twice');
    await a.engine.stop();
    // The first one is gone: the second takes the lease at its next heartbeat and sends the recovery.
    await b.step(60_000);
    assert.equal(b.engine.delivering, true);
    b.engine.handleEvents([up('127.0.9.1:161', 'lille-sw1', t)], place);
    await b.engine.whenIdle();
    assert.equal(hookRequests().length, 2);
    assert.equal(JSON.parse(hookRequests()[1].body).kind, 'recovery', 'it picked up what the first one had sent');
    await b.engine.stop();
  });
});
