// The shared lock file (src/core/lock-file.ts) of the metric store and the lease files: one holder at a time, a
// lock left by a dead process is taken over at once, one left without a pid only once it is old.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withLock, withLockSync } from '../../../src/core/lock-file';

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

const locked = (h: number) => new Error(`locked by ${h}`);

describe('lock file', () => {
  it('holds the pid while fn runs and removes the file after (sync and async)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-lock-'));
    try {
      const f = path.join(dir, 'x.lock');
      assert.equal(withLockSync(f, () => readFileSync(f, 'utf8'), locked), `${process.pid}\n`);
      assert.equal(existsSync(f), false);
      assert.equal(await withLock(path.join(dir, 'sub', 'y.lock'), async () => readFileSync(path.join(dir, 'sub', 'y.lock'), 'utf8')), `${process.pid}\n`);
      assert.equal(existsSync(path.join(dir, 'sub', 'y.lock')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-lock-'));
    try {
      const f = path.join(dir, 'x.lock');
      writeFileSync(f, `${deadPid()}\n`);
      assert.equal(withLockSync(f, () => 'mine', locked, 200), 'mine');
      writeFileSync(f, `${deadPid()}\n`);
      assert.equal(await withLock(f, async () => 'mine', 3), 'mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('waits for a live holder, and a pid-less lock binds until it is old', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-lock-'));
    try {
      const f = path.join(dir, 'x.lock');
      writeFileSync(f, `${process.ppid}\n`); // alive: the test runner
      assert.throws(() => withLockSync(f, () => 'no', locked, 50), new RegExp(`locked by ${process.ppid}`));
      await assert.rejects(withLock(f, async () => 'no', 3), /stays taken by process/);
      writeFileSync(f, '');
      assert.throws(() => withLockSync(f, () => 'no', locked, 50), /locked by NaN/);
      utimesSync(f, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      assert.equal(withLockSync(f, () => 'mine', locked, 50), 'mine');
      writeFileSync(f, '');
      utimesSync(f, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      assert.equal(await withLock(f, async () => 'mine', 3), 'mine');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('two async holders of one process take turns', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-lock-'));
    try {
      const f = path.join(dir, 'x.lock');
      let inside = 0;
      let most = 0;
      const work = () => withLock(f, async () => {
        most = Math.max(most, ++inside);
        await new Promise((r) => setTimeout(r, 20));
        inside--;
      });
      await Promise.all([work(), work(), work()]);
      assert.equal(most, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
