// The device page's graphs while attached are the graphs a local window draws: a real `parc serve` polls a real
// snmpd; the page model built from GET /api/history (src/extension/remote-estate/history.ts) and the one built
// from the same metric store read locally, at the same moment, have the same charts, points and archive, for
// the range picked by the data and for each chosen range. The history's events are the device's own.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { metricsDirFor } from '../../../src/core/metrics/recorder';
import { MetricStore } from '../../../src/core/metrics/store';
import { devicePageModel, RANGES, type MetricReader, type RangeName } from '../../../src/core/metrics/views/device-model';
import type { DeviceDetail, EventsResponse, PollStreamEvent } from '../../../src/core/remote/api-types';
import { ParcClient } from '../../../src/core/remote/client';
import { probeCertificate } from '../../../src/core/remote/client-tls';
import { ParcStream } from '../../../src/core/remote/stream';
import { systemClock } from '../../../src/core/host';
import { loadDeviceHistory, stepFor } from '../../../src/extension/remote-estate/history';
import { addUser, CLI, startServe, type RunningServe } from '../../support/serve-process';
import { freeUdpPort } from '../../support/ports';
import { snmpdAvailable, startSnmpd, type RunningSnmpd } from '../../support/snmpd';

const COMMUNITY = 'serve-history-community';
const skip = !snmpdAvailable() ? 'no snmpd' : !fs.existsSync(CLI) ? 'dist/cli.js not built (npm run build)' : false;

function pollEnd(s: ParcStream): Promise<PollStreamEvent> {
  return new Promise((resolve) => {
    const f = (p: PollStreamEvent) => {
      if (p.phase !== 'end') return;
      s.off('poll', f);
      resolve(p);
    };
    s.on('poll', f);
  });
}

/** The numbers a chart draws (titles are words, compared elsewhere). */
const drawn = (m: ReturnType<typeof devicePageModel>) => ({ range: m.range, archive: m.archive, charts: m.charts.map((c) => ({ id: c.id, unit: c.unit, t: c.t, series: c.series.map((s) => s.values), empty: !!c.empty })) });

describe('device page history through parc serve', { skip }, () => {
  let agent: RunningSnmpd;
  let serve: RunningServe;
  let dir: string;
  let deadPort = 0;
  let client: ParcClient;
  let stream: ParcStream;

  before(async () => {
    agent = await startSnmpd({ community: COMMUNITY, sysName: 'sh-core' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-serve-history-'));
    const inventory = path.join(dir, 'parc.yaml');
    fs.writeFileSync(inventory, [
      'snmp:', '  default: lab', '  profiles:', '    lab: { version: 2c, credential: lab, timeoutMs: 700, retries: 0 }',
      'devices:', `  - { host: 127.0.0.1, port: ${agent.port}, name: sh-core }`, `  - { host: 127.0.0.1, port: ${(deadPort = await freeUdpPort())}, name: sh-dead }`, '',
    ].join('\n'));
    addUser(inventory, 'vic', 'viewer', 'vic-pw-8Qa', { PARC_CRED_LAB: COMMUNITY });
    addUser(inventory, 'ops', 'operator', 'ops-pw-5Tz', { PARC_CRED_LAB: COMMUNITY });
    serve = await startServe(inventory, { PARC_CRED_LAB: COMMUNITY });
    const cert = await probeCertificate('127.0.0.1', serve.port);
    client = new ParcClient({ url: serve.url, pin: { fingerprint256: cert.fingerprint256, pem: cert.pem } });
    await client.login('ops', 'ops-pw-5Tz');
    stream = new ParcStream(client);
    const hello = new Promise((r) => stream.once('hello', r));
    stream.start();
    await hello;
    // Two polls: rates need two.
    for (let i = 0; i < 2; i++) {
      const end = pollEnd(stream);
      await client.post('/api/poll', {});
      await end;
    }
  });

  after(async () => {
    stream?.stop();
    await serve?.stop();
    await agent?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks for exactly the point budget of the local reads', () => {
    for (const span of Object.values(RANGES)) for (const max of [400, 1000]) assert.equal(Math.ceil(span / stepFor(span, max)), max, `${span} s in ${max} points`);
  });

  it('draws the same charts from the server as from the local store, for the range with data and each chosen one', async () => {
    const key = `127.0.0.1:${agent.port}`;
    const detail = await client.get<DeviceDetail>(`/api/devices/${encodeURIComponent(key)}`);
    const last = detail.record?.last;
    assert.ok(last, 'the server polled the device');
    const model = (store: MetricReader, range: RangeName | undefined, now: number) =>
      devicePageModel({ key, name: 'sh-core', host: '127.0.0.1', port: agent.port, last, region: '', site: '', siteExplanation: '', events: [], store, range, now });
    {
      for (const range of [undefined, '6h', '24h', '7d', '30d', '1y'] as const) {
        // The store opened afresh, as the server opens it per request; read again if a poll landed in between.
        let remote;
        let local;
        for (let i = 0; i < 3; i++) {
          const h = await loadDeviceHistory(client, key, range, Date.now());
          const store = MetricStore.open(metricsDirFor(path.join(dir, '.parc')), systemClock);
          try {
            remote = drawn(model(h.reader, range, h.now));
            local = drawn(model(store, range, h.now));
          } finally {
            store.close();
          }
          if (range === undefined) assert.equal(h.range, remote.range);
          if (JSON.stringify(remote) === JSON.stringify(local)) break;
        }
        assert.deepEqual(remote, local, `range ${range ?? '(picked by the data)'}`);
        assert.ok(remote);
        const status = remote.charts.find((c) => c.id === 'status');
        assert.ok(status && status.series[0].some((v) => v !== null), `availability has points over ${remote.range}`);
      }
      // The events shown are the device's own (the down device has some; the up one must not get them).
      const dead = `127.0.0.1:${deadPort}`;
      const all = await client.get<EventsResponse>('/api/events?limit=500');
      assert.ok(all.some((e) => e.device === dead), `the down device has events (${all.map((e) => e.device).join(', ')})`);
      const deadEvents = (await loadDeviceHistory(client, dead, undefined, Date.now())).events;
      assert.deepEqual(deadEvents, all.filter((e) => e.device === dead).slice(0, 50));
      assert.ok((await loadDeviceHistory(client, key, undefined, Date.now())).events.every((e) => e.device === key));
      const traffic = drawn(model((await loadDeviceHistory(client, key, '6h', Date.now())).reader, '6h', Date.now())).charts.filter((c) => c.id.startsWith('traffic-'));
      assert.ok(traffic.length > 0, 'interface traffic charts come from the server too');
    }
  });
});
