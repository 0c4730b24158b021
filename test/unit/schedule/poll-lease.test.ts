import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger, systemClock } from '../../../src/core/host';
import { PollLease, pollLeaseFile, readPollLease, requestPoll, type PollRequest } from '../../../src/core/schedule/poll-lease';

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'parc-lease-'));
}

const lease = (stateDir: string, kind: string, staleMs?: number) => new PollLease({ stateDir, kind, clock: systemClock, logger: silentLogger, heartbeatMs: 50, staleMs });

function waitFor<T>(fn: () => T | undefined, what: string, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const t = setInterval(() => {
      const v = fn();
      if (v !== undefined && v !== false) {
        clearInterval(t);
        resolve(v);
      } else if (Date.now() > until) {
        clearInterval(t);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 10);
  });
}

describe('poll lease', () => {
  it('lets exactly one of several processes hold it, and says who', async () => {
    const d = dir();
    const all = ['watch', 'serve', 'extension', 'serve'].map((k) => lease(d, k));
    const held = await Promise.all(all.map((l) => l.start()));
    assert.equal(held.filter(Boolean).length, 1, `holders: ${held}`);
    const holder = all[held.indexOf(true)];
    const rec = await readPollLease(d);
    assert.equal(rec?.id, holder.id);
    assert.equal(rec?.pid, process.pid);
    assert.equal(statSync(pollLeaseFile(d)).mode & 0o777, 0o600);
    await Promise.all(all.map((l) => l.stop()));
    rmSync(d, { recursive: true });
  });

  it('forwards "poll now" from a follower to the holder through a request file', async () => {
    const d = dir();
    const a = lease(d, 'serve');
    const b = lease(d, 'watch');
    assert.equal(await a.start(), true);
    assert.equal(await b.start(), false);
    const got: PollRequest[] = [];
    a.on('request', (r) => got.push(r));
    b.on('request', () => assert.fail('the follower must not run requests'));
    assert.equal(await b.requestPoll({ device: 'sw1', by: 'alice' }), 'holder');
    await requestPoll(d, { by: 'cli' });
    await waitFor(() => got.length === 2 || undefined, 'both requests');
    assert.deepEqual(got.map((r) => r.by).sort(), ['alice', 'cli']);
    assert.equal(got.find((r) => r.by === 'alice')?.device, 'sw1');
    assert.deepEqual(readdirSync(join(d, 'poll-requests')), [], 'requests are removed once taken');
    assert.equal(await a.requestPoll({}), 'self');
    await a.stop();
    await b.stop();
    rmSync(d, { recursive: true });
  });

  it('is taken over when the holder releases it or its heartbeat is stale', async () => {
    const d = dir();
    const a = lease(d, 'serve', 300);
    const b = lease(d, 'watch', 300);
    let bGot = 0;
    b.on('acquired', () => bGot++);
    assert.equal(await a.start(), true);
    assert.equal(await b.start(), false);
    await a.stop(); // released: b takes it at its next heartbeat
    await waitFor(() => b.holding || undefined, 'takeover after release');
    assert.equal(bGot, 1);
    // b stops refreshing (a hung process): a stale heartbeat is taken over, and b steps down when it wakes.
    const rec = JSON.parse(readFileSync(pollLeaseFile(d), 'utf8'));
    await b.stop();
    writeFileSync(pollLeaseFile(d), JSON.stringify({ ...rec, heartbeat: Date.now() - 1000 }));
    const c = lease(d, 'extension', 300);
    assert.equal(await c.start(), true);
    await c.stop();
    rmSync(d, { recursive: true });
  });

  it('ignores a lease whose holder process on this host is gone', async () => {
    const d = dir();
    writeFileSync(pollLeaseFile(d), JSON.stringify({ id: `x:999999:dead`, kind: 'watch', pid: 999999, host: (await import('node:os')).hostname(), since: Date.now(), heartbeat: Date.now() }));
    assert.equal(await readPollLease(d), undefined);
    const a = lease(d, 'serve');
    assert.equal(await a.start(), true);
    await a.stop();
    rmSync(d, { recursive: true });
  });
});
