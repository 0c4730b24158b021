// One poller per estate, counted at the agent: a `parc watch` and a `parc serve` on one parc.yaml, with a
// real snmpd behind a UDP relay that attributes every request to the process that sent it. Only the lease
// holder's requests reach the agent; "poll now" asked of the follower is run by the holder; when the holder
// stops, the other takes over. Then a restart of `parc serve` loses no event, alert or acknowledgement, and a
// stream client gets `hello` again and resynchronises.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeUdpPort } from '../../support/ports';
import { snmpdAvailable, startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { Api, CLI, openStream, startCountingRelay, startParc, startServe, type ParcProcess } from '../../support/parc-serve';

const sum = (m: Map<number | 'unknown', number>, k: number | 'unknown') => m.get(k) ?? 0;

async function until(pred: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('one poller per estate (parc watch + parc serve)', { skip: snmpdAvailable() ? false : 'snmpd (Debian package snmpd) is not installed' }, () => {
  let snmpd: RunningSnmpd;
  let relay: Awaited<ReturnType<typeof startCountingRelay>>;
  let dir: string;
  const procs: ParcProcess[] = [];
  let serve: Awaited<ReturnType<typeof startServe>>;
  const env = { PARC_CRED_RO: 'lease-ro' };

  before(async () => {
    snmpd = await startSnmpd({ community: 'lease-ro', sysName: 'lease-agent' });
    relay = await startCountingRelay(snmpd.port, () => procs.map((p) => p.pid));
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-lease-'));
    // Polls only when asked (pollMinutes: a day) after the first, so every request at the agent is one we caused.
    writeFileSync(path.join(dir, 'parc.yaml'), `snmp: { default: lab, profiles: { lab: { version: 2c, credential: ro, timeoutMs: 1000, retries: 0 } } }
schedule: { pollMinutes: 1440, newDeviceMinutes: 1440 }
devices:
  - { host: 127.0.0.1, port: ${relay.port}, name: agent }
  - { host: 127.0.0.1, port: ${await freeUdpPort()}, name: ghost }
`);
    const r = spawnSync(process.execPath, [CLI, 'serve', 'user', 'add', 'op', '--role', 'operator', '--password-env', 'PW'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), PW: 'lease-op-password' } });
    assert.equal(r.status, 0, r.stderr);
  });

  after(async () => {
    for (const p of procs) await p.stop();
    relay?.close();
    await snmpd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('only the holder polls; the follower forwards "poll now"; the other takes over when the holder stops', async () => {
    const watch = startParc(['watch'], { cwd: dir, env });
    procs.push(watch);
    await watch.waitFor(/poll lease taken: this watch/);
    await watch.waitFor(/polled 2 device\(s\)/);
    assert.ok(sum(relay.counts, watch.pid) > 0, 'the first poll of parc watch reached the agent');
    serve = await startServe(dir, [], env);
    procs.push(serve);
    await serve.waitFor(/poll lease held by watch pid \d+/);
    const api = new Api({ url: serve.url });
    assert.equal((await api.login('op', 'lease-op-password')).status, 200);
    const health = await api.call('GET', '/api/health');
    const holder = (health.body.poller as { holder: { kind: string; pid: number } }).holder;
    assert.deepEqual([holder.kind, holder.pid], ['watch', watch.pid]);

    const stream = await openStream(api.target, api.token!);
    await stream.waitFor((m) => m.event === 'hello');
    const before = sum(relay.counts, watch.pid);
    const polls = (watch.stderr().match(/polled 2 device/g) ?? []).length;
    const r = await api.call('POST', '/api/poll', {});
    assert.equal(r.status, 202);
    assert.equal(r.body.by, 'holder');
    await until(() => (watch.stderr().match(/polled 2 device/g) ?? []).length > polls, 'the holder to run the forwarded poll');
    assert.ok(sum(relay.counts, watch.pid) > before, 'the forwarded poll reached the agent from parc watch');
    // The follower shows what the holder polled (it follows the state files).
    await stream.waitFor((m) => m.event === 'device' && (m.data as { name: string }).name === 'agent' && (m.data as { status: string }).status === 'up');
    assert.equal(sum(relay.counts, serve.pid), 0, 'parc serve sent nothing to the agent while following');
    assert.equal(sum(relay.counts, 'unknown'), 0, 'every request was attributed to one of the two processes');

    // The holder stops: parc serve takes over (the lease is released) and now polls itself.
    assert.equal(await watch.stop(), 0);
    await serve.waitFor(/poll lease taken: this serve/);
    const afterWatch = sum(relay.counts, watch.pid);
    const r2 = await api.call('POST', '/api/poll', {});
    assert.equal(r2.body.by, 'self');
    await until(() => sum(relay.counts, serve.pid) > 0, 'parc serve polling after the takeover');
    assert.equal(sum(relay.counts, watch.pid), afterWatch, 'the stopped watch sent nothing more');
    stream.close();
  });

  it('a restart of parc serve loses no event, alert or acknowledgement; stream clients get hello again', async () => {
    if (!serve || serve.child.exitCode !== null) {
      serve = await startServe(dir, [], env);
      procs.push(serve);
    }
    const api = new Api({ url: serve.url });
    assert.equal((await api.login('op', 'lease-op-password')).status, 200);
    type Alerts = { alerts: { id: string; open: boolean; event: { deviceName?: string; type: string }; acknowledged: { by: string | null } | null }[] };
    await until(async () => (await api.call<Alerts>('GET', '/api/alerts')).body.alerts.some((a) => a.event.deviceName === 'ghost' && a.event.type === 'down' && a.open), 'the ghost down alert');
    const alertsBefore = (await api.call<Alerts>('GET', '/api/alerts')).body.alerts;
    const ghost = alertsBefore.find((a) => a.event.deviceName === 'ghost')!;
    const eventsBefore = (await api.call<unknown[]>('GET', '/api/events?limit=1000')).body.length;
    const ack = await api.call<Alerts['alerts'][number]>('POST', `/api/alerts/${encodeURIComponent(ghost.id)}/ack`, { comment: 'on it' });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal(ack.body.acknowledged?.by, 'op');
    const stream = await openStream(api.target, api.token!);
    const hello1 = await stream.waitFor((m) => m.event === 'hello');
    assert.equal(await serve.stop(), 0);
    serve = await startServe(dir, [], env, serve.port);
    procs.push(serve);
    // A client reconnects and gets hello with a new serverStart: its cue to resync with the REST calls.
    const stream2 = await openStream(api.target, api.token!);
    const hello2 = await stream2.waitFor((m) => m.event === 'hello');
    assert.notEqual((hello2.data as { serverStart: string }).serverStart, (hello1.data as { serverStart: string }).serverStart);
    // The token survived the restart (kept as a hash), and so did every alert, event and acknowledgement.
    const after = await api.call<Alerts>('GET', '/api/alerts');
    assert.equal(after.status, 200);
    for (const a of alertsBefore) assert.ok(after.body.alerts.some((x) => x.id === a.id), `alert ${a.id} kept`);
    assert.equal(after.body.alerts.find((a) => a.id === ghost.id)?.acknowledged?.by, 'op');
    assert.ok((await api.call<unknown[]>('GET', '/api/events?limit=1000')).body.length >= eventsBefore);
    stream.close();
    stream2.close();
  });
});
