// A full disk under the metric store (issue 13): a small tmpfs mounted by the test holds the metrics (and, in
// the second case, the whole state directory), filled to the last byte, while poll cycles of a real snmpd go on.
// Polls, the state file and the events are kept; the error says the disk is full; nothing already there is
// corrupted, and recording resumes once there is room. Skipped with a message where mounting is impossible.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { runPollCycle } from '../../../src/core/monitor/cycle';
import { FileStateStore } from '../../../src/core/state/file-store';
import { MetricRecorder } from '../../../src/core/metrics/recorder';
import { MetricStore } from '../../../src/core/metrics/store';
import { inventoryFrom, MapSecrets } from '../../support/estate';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import type { Logger } from '../../../src/core/host';

function mount(dir: string, size: string): string | undefined {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? undefined : `mount -t tmpfs failed: ${(r.stderr || r.error?.message || '').trim()}`;
}

/** Fills the filesystem of `dir` to the last byte; returns the filler to remove. */
function fill(dir: string): string {
  const f = path.join(dir, 'filler');
  const fd = openSync(f, 'w');
  const chunk = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    assert.equal((err as NodeJS.ErrnoException).code, 'ENOSPC');
  }
  try {
    for (;;) writeSync(fd, chunk, 0, 1);
  } catch {
    // the last bytes too
  }
  closeSync(fd);
  return f;
}

class Log implements Logger {
  readonly lines: string[] = [];
  debug(): void {}
  info(): void {}
  warn(m: string): void {
    this.lines.push(`warn ${m}`);
  }
  error(m: string): void {
    this.lines.push(`error ${m}`);
  }
}

describe('disk full while the metric store writes (real snmpd, tmpfs)', () => {
  let snmpd: RunningSnmpd;
  const mounts: string[] = [];
  const dirs: string[] = [];
  before(async () => {
    snmpd = await startSnmpd({ community: 'full' });
  });
  after(async () => {
    for (const m of mounts) spawnSync('umount', ['-l', m]);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await snmpd?.stop();
  });

  const inv = () => inventoryFrom(`snmp: { profiles: { p: { version: 2c, credential: c, timeoutMs: 300, retries: 0 } } }
devices: [{ host: 127.0.0.1, port: ${snmpd.port}, name: lab }]`);
  const poller = new SnmpPoller({ secrets: new MapSecrets({ c: 'full' }) });

  it('metrics on a full disk: polls, state and events kept, a clear error, recording resumes with room', async (t) => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'parc-diskfull-'));
    dirs.push(base);
    const metricsDir = path.join(base, 'metrics');
    mkdirSync(metricsDir);
    const why = mount(metricsDir, '2m');
    if (why) return t.skip(`# skipping: ${why}`);
    mounts.push(metricsDir);
    const store = new FileStateStore(path.join(base, 'state'));
    const log = new Log();
    const metrics = new MetricRecorder(metricsDir, { now: () => Date.now() }, log);
    const inventory = inv();
    const first = await runPollCycle({ inventory, poller, store, metrics });
    assert.equal(first.devices[0].status, 'up');
    assert.deepEqual(log.lines, []);
    const filler = fill(metricsDir);
    // The agent goes away: the cycle on the full disk has an event to keep.
    await snmpd.halt();
    const second = await runPollCycle({ inventory, poller, store, metrics });
    assert.equal(second.devices[0].status, 'down');
    assert.ok(log.lines.some((l) => /^error metrics not recorded: the disk holding .*metrics is full \(ENOSPC/.test(l)), log.lines.join('\n'));
    const records = await store.loadDevices();
    assert.equal(records.get(`127.0.0.1:${snmpd.port}`)?.last.status, 'down');
    assert.deepEqual((await store.readEvents()).map((e) => e.type), ['down']);
    // Room again: recording goes on, the store is not damaged, the first cycle's points are still there.
    rmSync(filler);
    await snmpd.restart();
    log.lines.length = 0;
    const third = await runPollCycle({ inventory, poller, store, metrics });
    assert.equal(third.devices[0].status, 'up');
    assert.deepEqual(log.lines, []);
    metrics.close();
    const reopened = MetricStore.open(metricsDir, { now: () => Date.now() });
    try {
      const series = reopened.series({ device: `127.0.0.1:${snmpd.port}` });
      assert.ok(series.length > 0);
      const now = Math.floor(Date.now() / 1000);
      const data = reopened.read(series.find((s) => /uptime|rtt|poll/i.test(s.id))?.id ?? series[0].id, { from: now - 3600, to: now + 600 });
      assert.ok(data && data.avg.some((v) => v !== null), 'no point readable after the disk was full');
    } finally {
      reopened.close();
    }
    assert.deepEqual(readdirSync(metricsDir).filter((f) => f.endsWith('.tmp')), [], 'temporary files left on the full disk');
  });

  it('the whole state directory on a full disk: a clear error, the last good state whole, events not run together', async (t) => {
    const base = mkdtempSync(path.join(os.tmpdir(), 'parc-diskfull-'));
    dirs.push(base);
    const why = mount(base, '2m');
    if (why) return t.skip(`# skipping: ${why}`);
    mounts.push(base);
    const store = new FileStateStore(path.join(base, 'state'));
    const log = new Log();
    const metrics = new MetricRecorder(path.join(base, 'state', 'metrics'), { now: () => Date.now() }, log);
    const inventory = inv();
    await runPollCycle({ inventory, poller, store, metrics });
    const good = readFileSync(path.join(base, 'state', 'devices.json'), 'utf8');
    const filler = fill(base);
    await snmpd.halt();
    await assert.rejects(runPollCycle({ inventory, poller, store, metrics }), /ENOSPC|no space left/i);
    assert.equal(readFileSync(path.join(base, 'state', 'devices.json'), 'utf8'), good, 'the state file changed on a full disk');
    assert.deepEqual(readdirSync(path.join(base, 'state')).filter((f) => f.endsWith('.tmp')), [], 'a partial temporary file was left');
    // Room again: the next cycle records the down event as a line of its own, readable.
    rmSync(filler);
    await runPollCycle({ inventory, poller, store, metrics });
    const lines = readFileSync(path.join(base, 'state', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
    assert.ok((await store.readEvents()).some((e) => e.type === 'down'), lines.join('\n'));
    metrics.close();
    await snmpd.restart();
  });
});
