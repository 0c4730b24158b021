import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, appendFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileStateStore } from '../../../src/core/state/file-store';
import type { ParcEvent } from '../../../src/core/state/types';

const ev = (time: string, message: string): ParcEvent => ({ time, type: 'down', severity: 'critical', device: 'a:161', message });

describe('file state store', () => {
  it('keeps events and device records across restarts (a new instance reads them)', async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'parc-state-')), '.parc');
    const a = new FileStateStore(dir);
    await a.appendEvents([ev('2026-01-01T00:00:00Z', 'one'), ev('2026-01-02T00:00:00Z', 'two')]);
    await a.saveDevices(new Map([['a:161', { last: { host: 'a', port: 161, status: 'up', polledAt: 'x', durationMs: 1, interfaces: [], storage: [], processors: [] }, statusSince: 'x' }]]));
    const b = new FileStateStore(dir);
    assert.deepEqual((await b.readEvents()).map((e) => e.message), ['two', 'one']);
    assert.equal((await b.loadDevices()).get('a:161')?.last.status, 'up');
    assert.equal(readFileSync(path.join(dir, '.gitignore'), 'utf8'), '*\n');
  });

  it('prunes old events and survives a line cut by a crash', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-state-'));
    const s = new FileStateStore(dir);
    await s.appendEvents([ev('2026-01-01T00:00:00Z', 'old'), ev('2026-03-01T00:00:00Z', 'new')]);
    appendFileSync(path.join(dir, 'events.jsonl'), '{"time":"2026-03-02T00:0');
    assert.equal((await s.readEvents()).length, 2);
    assert.equal(await s.pruneEvents(Date.parse('2026-02-01T00:00:00Z')), 2);
    assert.deepEqual((await s.readEvents()).map((e) => e.message), ['new']);
    assert.deepEqual((await s.readEvents({ since: Date.parse('2026-03-05T00:00:00Z') })), []);
  });
});
