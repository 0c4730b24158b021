import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, inventoryRows } from '../../../src/core/monitor/inventory-rows';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { DeviceRecord } from '../../../src/core/state/types';
import { inventoryFrom } from '../../support/estate';

const poll = (p: Partial<DevicePoll>): DevicePoll => ({ host: '192.0.2.1', port: 161, status: 'up', polledAt: '2026-05-04T10:00:00.000Z', durationMs: 5, interfaces: [], storage: [], processors: [], ...p });

describe('inventory rows', () => {
  const inv = inventoryFrom(`sites:
  - { region: Bretagne, name: Rennes, subnets: [192.0.2.0/24] }
devices:
  - { host: 192.0.2.1, name: sw-rennes }
  - { host: 192.0.2.2, name: ups-rennes }
  - { host: 192.0.2.3 }
`);
  it('keeps what a device said when it last answered, even while it is down', () => {
    const up = poll({ hardware: 'WS-C2960X-48FPD-L', serial: 'FOC1234X0AB', version: '15.2(7)E9', vendor: 'Cisco', os: 'ios', uptimeSeconds: 86400 });
    const ups = poll({ host: '192.0.2.2', hardware: 'Smart-UPS 1500', serial: 'AS1234567890', vendor: 'APC', polledAt: '2026-05-03T09:00:00.000Z' });
    const records = new Map<string, DeviceRecord>([
      ['192.0.2.1:161', { last: up, lastUp: up, statusSince: up.polledAt }],
      ['192.0.2.2:161', { last: poll({ host: '192.0.2.2', status: 'down', polledAt: '2026-05-04T10:00:00.000Z' }), lastUp: ups, statusSince: '2026-05-03T09:05:00.000Z' }],
    ]);
    const rows = inventoryRows(inv, records);
    const by = new Map(rows.map((r) => [r.name, r]));
    assert.deepEqual([...by.keys()], ['192.0.2.3', 'sw-rennes', 'ups-rennes']);
    const sw = by.get('sw-rennes')!;
    assert.deepEqual([sw.region, sw.site, sw.model, sw.serial, sw.version, sw.uptimeSeconds, sw.status], ['Bretagne', 'Rennes', 'WS-C2960X-48FPD-L', 'FOC1234X0AB', '15.2(7)E9', 86400, 'up']);
    const u = by.get('ups-rennes')!;
    assert.deepEqual([u.status, u.model, u.serial, u.uptimeSeconds, u.lastSeen], ['down', 'Smart-UPS 1500', 'AS1234567890', null, '2026-05-03T09:00:00.000Z']);
    const never = by.get('192.0.2.3')!;
    assert.deepEqual([never.status, never.model, never.lastSeen], ['unknown', null, null]);
  });

  it('quotes CSV fields as RFC 4180 wants and defuses spreadsheet formulas', () => {
    assert.equal(csvField('PowerEdge R650'), 'PowerEdge R650');
    assert.equal(csvField('Brother "HL", 5370'), '"Brother ""HL"", 5370"');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(-5), '-5');
    assert.equal(csvField(null), '');
  });
});
