// Delivery never holds up polling: with a webhook receiver that accepts the connection and never answers,
// polls go on and finish while the message is still in flight; when the receiver drops the connection, the
// failure is recorded and retried.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { silentLogger } from '../../../src/core/host';
import { Monitor } from '../../../src/core/monitor/monitor';
import { attachDelivery } from '../../../src/core/notify/attach';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { FileStateStore } from '../../../src/core/state/file-store';
import { ManualClock } from '../../support/clock';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { freeUdpPort } from '../../support/ports';

describe('delivery and polling', () => {
  it('a receiver that never answers does not delay the next polls', async () => {
    const sockets: net.Socket[] = [];
    const blackhole = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => blackhole.listen(0, '127.0.0.1', () => r()));
    const port = (blackhole.address() as net.AddressInfo).port;
    try {
      const inv = inventoryFrom(`snmp: { profiles: { lab: { version: 2c, credential: ro, timeoutMs: 200, retries: 0 } } }
devices: [{ host: 127.0.0.1, port: ${await freeUdpPort()}, name: ghost }]
alerting:
  transports: { hook: { type: webhook, url: "http://127.0.0.1:${port}/in", timeoutSeconds: 600 } }
  rules: [{ transports: [hook] }]
`);
      const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-inflight-'));
      const clock = new ManualClock(Date.now());
      const secrets = new MapSecrets({ ro: 'ro' });
      const store = new FileStateStore(dir);
      const monitor = new Monitor({ inventory: () => inv, poller: new SnmpPoller({ secrets }), store, secrets, clock, logger: silentLogger });
      const engine = attachDelivery(monitor, { stateDir: dir, inventory: () => inv, secrets, clock, logger: silentLogger, events: store });
      let idle = false;
      const first = await monitor.pollAll();
      assert.deepEqual(first.events.map((e) => e.type), ['down']);
      void engine.whenIdle().then(() => (idle = true));
      while (!sockets.length) await new Promise((r) => setTimeout(r, 20));
      // The message is in flight; three more polls come and go.
      for (let i = 0; i < 3; i++) assert.equal((await monitor.pollAll()).devices[0].status, 'down');
      assert.equal(idle, false, 'the delivery is still waiting for the receiver');
      assert.equal((await engine.store.deliveries()).length, 0);
      sockets.forEach((s) => s.destroy());
      await engine.whenIdle();
      const [rec] = await engine.store.deliveries();
      assert.equal(rec.ok, false);
      assert.match(rec.error!, /webhook: cannot reach 127\.0\.0\.1:\d+: /);
      await engine.stop();
    } finally {
      sockets.forEach((s) => s.destroy());
      blackhole.close();
    }
  });
});
