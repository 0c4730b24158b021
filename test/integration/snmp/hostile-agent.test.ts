// The poller against an agent that lies (issue 13): every device finishes, with a clear errorKind, and the
// number of requests it sends stays bounded (no endless walk).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { profileFor } from '../../../src/core/inventory/parse';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { startHostileAgent, type HostileAgent, type HostileMode } from '../../support/hostile-agent';

describe('poller against a hostile SNMP agent', () => {
  const agents: HostileAgent[] = [];
  after(async () => Promise.all(agents.map((a) => a.stop())));

  // ('every-other' is left out: it finishes, but each of its walks waits out a timeout per page; a per-device time budget is still to do)
  for (const mode of ['garbage', 'wrong-id', 'truncated', 'other-port', 'echo'] as HostileMode[]) {
    it(`${mode}: the device is finished with a clear error kind, requests bounded`, async () => {
      const a = await startHostileAgent(mode);
      agents.push(a);
      const inv = inventoryFrom(`snmp: { profiles: { p: { version: 2c, credential: c, timeoutMs: 300, retries: 1 } } }
devices: [{ host: 127.0.0.1, port: ${a.port}, name: liar }]`);
      const poller = new SnmpPoller({ secrets: new MapSecrets({ c: 'public' }) });
      const [r] = await poller.poll(inv.devices.map((device) => ({ device, profile: profileFor(inv, device) })));
      if (r.status === 'down') assert.ok(['timeout', 'protocol'].includes(r.errorKind!), `${r.errorKind}: ${r.error}`);
      assert.ok(a.requests < 2000, `${a.requests} requests: a walk that never ends`);
    });
  }
});
