// Restarting `parc serve` (real processes, one after the other on the same port and state): the alert whose webhook
// receiver was down when it fired is delivered by the next process, once; no event or alert is lost; a live client
// (the product's ParcStream) reconnects by itself and is told to resynchronise (new serverStart, nothing replayed),
// while a reconnect to the same server with Last-Event-ID gets exactly what it missed replayed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AlertInfo, HelloEvent } from '../../../src/core/remote/api-types';
import { ParcClient } from '../../../src/core/remote/client';
import { ParcStream } from '../../../src/core/remote/stream';
import type { ParcEvent } from '../../../src/core/state/types';
import { freeUdpPort } from '../../support/ports';
import { Api, CLI, openStream, startServe, type ParcProcess } from '../../support/parc-serve';
import { startReceiver, type RunningReceiver } from '../../support/webhook-receiver';

const PW = 'Operator-Restart-5q';

function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = async () => {
      const v = await probe();
      if (v !== undefined && v !== false) return resolve(v);
      if (Date.now() > end) return reject(new Error(`${what}: not within ${ms / 1000} s`));
      setTimeout(() => void tick(), 100);
    };
    void tick();
  });
}

describe('parc serve restarted', () => {
  let dir: string;
  let rx: RunningReceiver;
  let serve: (ParcProcess & { url: string; port: number }) | undefined;
  let stream: ParcStream | undefined;
  const env = () => ({ PARC_CRED_RO: 'public', PARC_CRED_HOOK_URL: rx.url('/hook/parc') });

  before(async () => {
    rx = await startReceiver();
    await rx.down(); // the receiver is down when the alert fires
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-restart-'));
    writeFileSync(path.join(dir, 'parc.yaml'), `language: en
snmp: { default: lab, profiles: { lab: { version: 2c, credential: ro, timeoutMs: 300, retries: 0 } } }
schedule: { pollSeconds: 10 }
devices: [{ host: 127.0.0.1, port: ${await freeUdpPort()}, name: ghost }]
alerting:
  retry: { firstDelaySeconds: 1, maxDelayMinutes: 1, maxAttempts: 50 }
  transports:
    hook: { type: webhook, urlCredential: hook-url }
  rules:
    - { name: all, transports: [hook] }
`);
    const r = spawnSync(process.execPath, [CLI, 'serve', 'user', 'add', 'op', '--role', 'operator', '--password-env', 'NEWPW'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NEWPW: PW } });
    assert.equal(r.status, 0, r.stderr);
  });

  after(async () => {
    stream?.stop();
    await serve?.stop();
    await rx?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers after the restart what the first process could not, loses no event or alert, and its clients resync', async () => {
    serve = await startServe(dir, [], env());
    const port = serve.port;
    const api = new Api({ url: serve.url });
    assert.equal((await api.login('op', PW)).status, 200);
    const client = new ParcClient({ url: serve.url, token: api.token });
    const hellos: HelloEvent[] = [];
    stream = new ParcStream(client, { minDelayMs: 200, maxDelayMs: 1000 });
    stream.on('hello', (h: HelloEvent) => hellos.push(h));
    stream.start();
    await until('first hello', () => hellos.length === 1);

    // The device is down: an event, an open alert, and a webhook that cannot be delivered (the receiver is down).
    const downEvent = await until('the down event', async () => (await api.call<ParcEvent[]>('GET', '/api/events')).body.find((e) => e.type === 'down' && e.deviceName === 'ghost'));
    const alert = await until('the open alert', async () => (await api.call<{ alerts: AlertInfo[] }>('GET', '/api/alerts')).body.alerts.find((a) => a.open && a.event.deviceName === 'ghost'));
    await serve.waitFor(/alert delivery to hook failed \(attempt 1\)/);
    const firstLog = serve.stderr();
    assert.equal(rx.requests.length, 0);
    const eventsBefore = readFileSync(path.join(dir, '.parc', 'events.jsonl'), 'utf8');

    await serve.stop();
    await rx.up();
    serve = await startServe(dir, [], env(), port);

    // The pending notification goes out from the new process, once.
    const second = serve;
    const sent = await until('the webhook after the restart', () => rx.requests.find((q) => q.path === '/hook/parc')).catch((e: Error) => {
      throw new Error(`${e.message}\nfirst process:\n${firstLog}\nsecond process:\n${second.stderr()}`);
    });
    const body = JSON.parse(sent.body) as { kind: string; alerts: { device?: string; deviceName?: string; message?: string }[] };
    assert.equal(body.kind, 'problem');
    assert.ok(JSON.stringify(body.alerts).includes('ghost'), sent.body);
    await new Promise((r) => setTimeout(r, 2500)); // two more retry periods: a second copy would have gone by now
    assert.equal(rx.requests.filter((q) => q.path === '/hook/parc').length, 1);

    // Nothing lost: the event log kept its lines, the API has the same event and the same alert (same id, still open).
    assert.ok(readFileSync(path.join(dir, '.parc', 'events.jsonl'), 'utf8').startsWith(eventsBefore));
    const events = (await api.call<ParcEvent[]>('GET', '/api/events')).body;
    assert.ok(events.some((e) => e.time === downEvent.time && e.type === 'down' && e.device === downEvent.device));
    const alerts = (await api.call<{ alerts: AlertInfo[] }>('GET', '/api/alerts')).body.alerts;
    assert.equal(alerts.find((a) => a.id === alert.id)?.open, true);

    // The live client reconnected by itself to the new process, which tells it to resync (a new start, nothing replayed).
    await until('the hello of the new process', () => hellos.length >= 2);
    assert.notEqual(hellos[1].serverStart, hellos[0].serverStart);
    assert.notEqual(hellos[1].replayed, true);
    assert.ok(hellos[1].seq > hellos[0].seq, 'ids keep growing across the restart');
    stream.stop();
  });

  it('replays to a client reconnecting with Last-Event-ID what it missed on the same server', async () => {
    const api = new Api({ url: serve!.url });
    assert.equal((await api.login('op', PW)).status, 200);
    const a = await openStream(api.target, api.token!);
    const helloA = await a.waitFor((m) => m.event === 'hello');
    // A poll while B is "disconnected": A sees its messages live.
    assert.equal((await api.call('POST', '/api/poll', {})).status, 202);
    const endA = await a.waitFor((m) => m.event === 'poll' && (m.data as { phase: string }).phase === 'end');
    const missed = a.messages.filter((m) => m.event !== 'hello' && Number(m.id) <= Number(endA.id));
    a.close();
    const res = await new ParcClient({ url: serve!.url, token: api.token }).open('GET', `/api/stream?lastEventId=${helloA.id}`, { headers: { accept: 'text/event-stream' } });
    res.setEncoding('utf8');
    let text = '';
    res.on('data', (c: string) => (text += c));
    await until('the replay', () => text.includes(`id: ${endA.id}\n`) || undefined, 20_000);
    res.destroy();
    const hello = /event: hello\ndata: (.*)\n/.exec(text);
    assert.equal((JSON.parse(hello![1]) as HelloEvent).replayed, true);
    const ids = [...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1]).slice(1); // after the hello's own id
    assert.deepEqual(ids.slice(0, missed.length), missed.map((m) => m.id));
  });
});
