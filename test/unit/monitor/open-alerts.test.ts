import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alertId, openAlerts, REBOOT_ALERT_MS } from '../../../src/core/monitor/alerts';
import type { ParcEvent } from '../../../src/core/state/types';

const ev = (time: string, type: ParcEvent['type'], device = 'a:161', entity?: string): ParcEvent =>
  ({ time, type, severity: type === 'down' ? 'critical' : 'warning', device, deviceName: device, entity, message: `${device} ${type} ${entity ?? ''}` });

describe('open alerts from the event log', () => {
  const now = Date.parse('2026-01-02T00:00:00Z');

  it('keeps a problem open until its recovery, newest first, whatever the input order', () => {
    const events = [
      ev('2026-01-01T10:00:00Z', 'down', 'a:161'),
      ev('2026-01-01T11:00:00Z', 'up', 'a:161'),
      ev('2026-01-01T12:00:00Z', 'interface-down', 'b:161', 'eth0'),
      ev('2026-01-01T13:00:00Z', 'storage-high', 'b:161', '/var'),
      ev('2026-01-01T14:00:00Z', 'interface-up', 'b:161', 'eth0'),
      ev('2026-01-01T15:00:00Z', 'down', 'c:161'),
    ].reverse();
    assert.deepEqual(openAlerts(events, now).map((a) => a.event.message), ['c:161 down ', 'b:161 storage-high /var']);
  });

  it('an alert keeps the time it began (its id) while the problem lasts', () => {
    const first = ev('2026-01-01T10:00:00Z', 'interface-down', 'b:161', 'eth1');
    const again = ev('2026-01-01T10:05:00Z', 'interface-down', 'b:161', 'eth1');
    const open = openAlerts([first, again], now);
    assert.equal(open.length, 1);
    assert.equal(open[0].id, alertId(first));
  });

  it('an up event closes only the down alert, not the alerts about parts of the device', () => {
    const open = openAlerts([ev('2026-01-01T09:00:00Z', 'interface-down', 'a:161', 'eth0'), ev('2026-01-01T10:00:00Z', 'down'), ev('2026-01-01T11:00:00Z', 'up')], now);
    assert.deepEqual(open.map((a) => a.event.type), ['interface-down']);
  });

  it('a reboot stays open for a day', () => {
    const reboot = ev(new Date(now - REBOOT_ALERT_MS + 60_000).toISOString(), 'reboot');
    assert.equal(openAlerts([reboot], now).length, 1);
    assert.equal(openAlerts([reboot], now + 120_000).length, 0);
  });

  it('informational events raise nothing', () => {
    assert.deepEqual(openAlerts([ev('2026-01-01T10:00:00Z', 'device-added'), ev('2026-01-01T10:00:00Z', 'storage-ok', 'a:161', '/')], now), []);
  });
});
