import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventArchive } from '../../../src/core/metrics/event-archive';
import type { ParcEvent } from '../../../src/core/state/types';

const DAY = 86_400_000;
const ev = (time: number, severity: ParcEvent['severity'], message: string): ParcEvent => ({ time: new Date(time).toISOString(), type: 'down', severity, device: 'r1:161', message });

describe('event archive', () => {
  it('keeps events 30 days and alerts 365 days, by whole UTC days', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-events-'));
    const t0 = Date.UTC(2026, 0, 1, 12);
    let now = t0;
    const a = new EventArchive(dir, { now: () => now });
    a.append([ev(t0, 'info', 'info0'), ev(t0, 'critical', 'crit0'), ev(t0 + 40 * DAY, 'warning', 'warn40')]);
    const all = a.read('events').map((e) => e.message);
    assert.equal(all[0], 'warn40'); // newest first
    assert.deepEqual(all.sort(), ['crit0', 'info0', 'warn40']);
    assert.deepEqual(a.read('alerts').map((e) => e.message).sort(), ['crit0', 'warn40']);

    now = t0 + 30 * DAY; // day 0 is exactly 30 days ago: still kept
    a.prune();
    assert.equal(a.read('events').length, 3);
    now = t0 + 31 * DAY;
    assert.equal(a.prune(), 1);
    assert.deepEqual(a.read('events').map((e) => e.message), ['warn40']);
    assert.deepEqual(a.read('alerts').map((e) => e.message).sort(), ['crit0', 'warn40']);

    now = t0 + 365 * DAY;
    a.prune();
    assert.equal(a.read('alerts').length, 2);
    now = t0 + 366 * DAY;
    a.prune();
    assert.deepEqual(a.read('alerts').map((e) => e.message), ['warn40']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('skips a line cut by a crash and filters by time and device', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-events-'));
    const t0 = Date.UTC(2026, 2, 1);
    const a = new EventArchive(dir, { now: () => t0 });
    a.append([ev(t0, 'critical', 'one')]);
    fs.appendFileSync(path.join(dir, 'events', '2026-03-01.jsonl'), '{"time":"2026-03-01T00:0');
    a.append([{ ...ev(t0 + 60_000, 'info', 'two'), device: 'r2:161' }]);
    // The cut line and the next one share a line: the next append's line is lost with it, older lines stay.
    const all = a.read('events');
    assert.ok(all.some((e) => e.message === 'one'));
    assert.deepEqual(a.read('events', { since: t0 + 1 }).map((e) => e.message).filter((m) => m === 'one'), []);
    assert.deepEqual(a.read('alerts', { device: 'r1:161' }).map((e) => e.message), ['one']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
