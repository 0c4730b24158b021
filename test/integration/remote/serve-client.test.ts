// The core REST/SSE client against a real `parc serve` child process (self-signed TLS, a local account) on a
// real snmpd: login, the device list, the stream's hello and live events; then the server is restarted: the
// stream reconnects by itself, says hello with the new server start, and a resync over REST finds the state
// from before the restart (the acknowledgement, the events) unchanged.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AlertsResponse, DeviceSummary, EventsResponse, HelloEvent, StreamEventName } from '../../../src/core/remote/api-types';
import { ApiError, ParcClient } from '../../../src/core/remote/client';
import { probeCertificate } from '../../../src/core/remote/client-tls';
import { ParcStream, type StreamState } from '../../../src/core/remote/stream';
import { addUser, CLI, startServe, type RunningServe } from '../../support/serve-process';
import { freeUdpPort } from '../../support/ports';
import { snmpdAvailable, startSnmpd, type RunningSnmpd } from '../../support/snmpd';

const COMMUNITY = 'serve-client-community';
const skip = !snmpdAvailable() ? 'no snmpd' : !fs.existsSync(CLI) ? 'dist/cli.js not built (npm run build)' : false;

function next<T>(s: ParcStream, name: StreamEventName | 'state', pred: (x: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const f = (x: T) => {
      if (!pred(x)) return;
      s.off(name, f);
      resolve(x);
    };
    s.on(name, f);
  });
}

describe('core client against a real parc serve', { skip }, () => {
  let agent: RunningSnmpd;
  let serve: RunningServe;
  let dir: string;

  before(async () => {
    agent = await startSnmpd({ community: COMMUNITY, sysName: 'sc-core' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-serve-client-'));
    const inventory = path.join(dir, 'parc.yaml');
    fs.writeFileSync(inventory, [
      'snmp:', '  default: lab', '  profiles:', '    lab: { version: 2c, credential: lab, timeoutMs: 700, retries: 0 }',
      'devices:', `  - { host: 127.0.0.1, port: ${agent.port}, name: sc-core }`, `  - { host: 127.0.0.1, port: ${await freeUdpPort()}, name: sc-dead }`, '',
    ].join('\n'));
    addUser(inventory, 'ops', 'operator', 'ops-pw-5Tz', { PARC_CRED_LAB: COMMUNITY });
    serve = await startServe(inventory, { PARC_CRED_LAB: COMMUNITY });
  });

  after(async () => {
    await serve?.stop();
    await agent?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads, streams, and after a server restart reconnects and resynchronises to the same state', async () => {
    const cert = await probeCertificate('127.0.0.1', serve.port);
    assert.equal(cert.fingerprint256, serve.fingerprint, 'the certificate is the one whose fingerprint parc serve printed');
    const c = new ParcClient({ url: serve.url, pin: { fingerprint256: cert.fingerprint256, pem: cert.pem } });
    await assert.rejects(c.get('/api/devices'), (e: unknown) => e instanceof ApiError && e.status === 401);
    await assert.rejects(c.login('ops', 'nope'), (e: unknown) => e instanceof ApiError && e.status === 401);
    const login = await c.login('ops', 'ops-pw-5Tz');
    assert.equal(login.user.role, 'operator');

    const s = new ParcStream(c, { minDelayMs: 200, maxDelayMs: 1000 });
    const states: StreamState[] = [];
    s.on('state', (x: StreamState) => states.push(x));
    const hello1 = next<HelloEvent>(s, 'hello');
    s.start();
    try {
      const h1 = await hello1;
      assert.equal(h1.user.name, 'ops');
      // A poll asked for now arrives as stream events.
      const dev = next<DeviceSummary>(s, 'device', (d) => d.name === 'sc-core' && d.status === 'up');
      await c.post('/api/poll', {});
      await dev;
      const devices = await c.get<DeviceSummary[]>('/api/devices');
      assert.deepEqual(devices.map((d) => [d.name, d.status]).sort(), [['sc-core', 'up'], ['sc-dead', 'down']]);
      const alerts = await c.get<AlertsResponse>('/api/alerts');
      const down = alerts.alerts.find((a) => a.open && a.event.device === devices.find((d) => d.name === 'sc-dead')!.id);
      assert.ok(down, 'the dead device has an open alert');
      const ackSeen = next<{ id: string; acknowledged: unknown }>(s, 'alert', (a) => a.id === down.id && !!a.acknowledged);
      await c.post(`/api/alerts/${encodeURIComponent(down.id)}/ack`, {});
      await ackSeen;
      const eventsBefore = await c.get<EventsResponse>('/api/events?limit=100');

      // Restart: the stream notices, retries, and says hello again with the new start.
      const reconnecting = next<StreamState>(s, 'state', (x) => x === 'reconnecting');
      const hello2 = next<HelloEvent>(s, 'hello');
      await serve.restart();
      await reconnecting;
      const h2 = await hello2;
      assert.notEqual(h2.serverStart, h1.serverStart, 'the new hello tells a restart apart');
      assert.equal(s.state, 'open');
      // Resync over REST: nothing was lost.
      const after = await c.get<AlertsResponse>('/api/alerts');
      const same = after.alerts.find((a) => a.id === down.id);
      assert.ok(same?.acknowledged, 'the acknowledgement survived the restart');
      assert.equal(same.acknowledged.by, 'ops');
      const eventsAfter = await c.get<EventsResponse>('/api/events?limit=100');
      for (const e of eventsBefore) assert.ok(eventsAfter.some((x) => JSON.stringify(x) === JSON.stringify(e)), `event kept: ${e.message}`);
      assert.deepEqual(states.filter((x, i) => x !== states[i - 1]).slice(0, 4), ['connecting', 'open', 'reconnecting', 'open']);
    } finally {
      s.stop();
    }
  });
});
