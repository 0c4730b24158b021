// Rules and maintenance windows: which alerts they take, and when a window is open (weekly windows across
// midnight and in a time zone, one-off windows, mutes by device, site and tag).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ruleMatches, type AlertTarget } from '../../../src/core/notify/rules';
import type { AlertRule, MaintenanceWindow } from '../../../src/core/notify/types';
import { localParts, silenced, windowEnd } from '../../../src/core/notify/windows';
import { renderMessage } from '../../../src/core/notify/message';

const target: AlertTarget = { type: 'down', severity: 'critical', device: '127.0.9.1:161', deviceName: 'mitry-core', region: 'Île-de-France', site: 'Mitry-Mory', tags: ['core'] };
const rule = (o: Partial<AlertRule>): AlertRule => ({ name: 'r', transports: ['t'], delayMinutes: 0, recovery: true, line: 1, ...o });
const win = (o: Partial<MaintenanceWindow>): MaintenanceWindow => ({ name: 'w', devices: [], sites: [], regions: [], tags: [], line: 1, ...o });

describe('rules', () => {
  it('match by severity, event, region, site, device and tag', () => {
    assert.ok(ruleMatches(rule({}), target));
    assert.ok(ruleMatches(rule({ minSeverity: 'warning' }), target));
    assert.ok(!ruleMatches(rule({ minSeverity: 'critical' }), { ...target, severity: 'warning' }));
    assert.ok(!ruleMatches(rule({ events: ['storage-high'] }), target));
    assert.ok(ruleMatches(rule({ regions: ['île-de-france'] }), target));
    assert.ok(!ruleMatches(rule({ sites: ['Lille'] }), target));
    for (const d of ['mitry-core', '127.0.9.1', '127.0.9.1:161']) assert.ok(ruleMatches(rule({ devices: [d] }), target), d);
    assert.ok(!ruleMatches(rule({ devices: ['127.0.9.10'] }), target));
    assert.ok(ruleMatches(rule({ tags: ['ups', 'CORE'] }), target));
    assert.ok(!ruleMatches(rule({ tags: ['ups'] }), target));
  });

  it('give delivery failures only to the rules that ask for them', () => {
    const failure: AlertTarget = { type: 'delivery-failed', severity: 'warning', tags: [] };
    assert.ok(!ruleMatches(rule({}), failure));
    assert.ok(ruleMatches(rule({ events: ['delivery-failed'] }), failure));
  });
});

describe('maintenance windows and mutes', () => {
  it('a weekly window across midnight, in its time zone', () => {
    // Saturday 22:00 → 06:00, Paris time (UTC+1 in March before the change).
    const w = win({ recurring: { days: [6], from: 22 * 60, to: 6 * 60, timeZone: 'Europe/Paris' } });
    const sat2130 = Date.parse('2026-03-14T20:30:00Z'); // 21:30 Paris
    const sat2300 = Date.parse('2026-03-14T22:00:00Z'); // 23:00 Paris
    const sun0500 = Date.parse('2026-03-15T04:00:00Z'); // 05:00 Paris
    const sun0700 = Date.parse('2026-03-15T06:00:00Z'); // 07:00 Paris
    assert.deepEqual(localParts(sat2300, 'Europe/Paris'), { day: 6, minutes: 23 * 60 });
    assert.equal(windowEnd(w, sat2130), undefined);
    assert.equal(windowEnd(w, sat2300), Date.parse('2026-03-15T05:00:00Z'));
    assert.equal(windowEnd(w, sun0500), Date.parse('2026-03-15T05:00:00Z'));
    assert.equal(windowEnd(w, sun0700), undefined);
    // Friday night is not Saturday's window.
    assert.equal(windowEnd(w, Date.parse('2026-03-13T22:00:00Z')), undefined);
  });

  it('a one-off window, and who it covers', () => {
    const w = win({ sites: ['Mitry-Mory'], once: { start: 1000, end: 5000 } });
    assert.equal(silenced([w], [], target, 999), undefined);
    assert.deepEqual(silenced([w], [], target, 1000), { until: 5000, why: 'maintenance window "w"' });
    assert.equal(silenced([w], [], { ...target, site: 'Lille' }, 2000), undefined);
    assert.equal(silenced([win({ tags: ['core'], once: { start: 0, end: 10 } })], [], target, 5)?.until, 10);
  });

  it('mutes by device name or key, site and tag, until they expire', () => {
    assert.equal(silenced([], [{ scope: 'device', value: 'mitry-core', until: 100 }], target, 50)?.until, 100);
    assert.equal(silenced([], [{ scope: 'device', value: '127.0.9.1:161', until: 100 }], target, 50)?.until, 100);
    assert.equal(silenced([], [{ scope: 'device', value: 'mitry-core', until: 100 }], target, 100), undefined);
    assert.equal(silenced([], [{ scope: 'site', value: 'mitry-mory', until: 100 }], target, 50)?.why, 'muted site mitry-mory');
    assert.equal(silenced([], [{ scope: 'tag', value: 'ups', until: 100 }], target, 50), undefined);
  });
});

describe('messages', () => {
  it('escape HTML and keep the facts in both parts', () => {
    const r = renderMessage({ id: 'x', kind: 'problem', language: 'en', linkScheme: 'vscode', createdAt: '', alerts: [{ id: 'a', type: 'storage-high', severity: 'warning', device: 'nas:161', deviceName: '<nas>', entity: '/srv', site: 'HQ', region: 'HQ', message: 'disk <b>full</b>', since: '2026-03-14T02:58:00.000Z' }] });
    assert.match(r.subject, /^\[Parc\] ALERT: Storage almost full — <nas> \(nas\) — \/srv @ HQ$/);
    assert.ok(r.html.includes('disk &lt;b&gt;full&lt;/b&gt;') && !r.html.includes('<b>full'));
    assert.match(r.text, /Site: HQ\n/);
  });
});
