// A lock file so the CLI and the extension can record into the same store at once. The holder's
// pid is in the file; a lock whose process is gone (killed mid-write) is taken over.
import * as fs from 'node:fs';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** A synchronous pause; a spin where the host forbids Atomics.wait on its main thread. */
function nap(ms: number): void {
  try {
    Atomics.wait(sleeper, 0, 0, ms);
  } catch {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      // spin
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock file without a pid was left by a process killed between creating and writing it. */
function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

export class StoreLockedError extends Error {}

/** Runs fn holding the lock; waits up to timeoutMs for another holder. */
export function withLock<T>(file: string, fn: () => T, timeoutMs = 10_000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder = NaN;
      try {
        holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      } catch {
        continue; // released meanwhile
      }
      // Our own pid cannot hold it (the lock is not re-entered): a leftover from a recycled pid.
      const stale = Number.isInteger(holder) ? holder === process.pid || !alive(holder) : ageMs(file) > 5000;
      if (stale) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new StoreLockedError(`metric store is locked by process ${holder} (${file})`);
      nap(10); // the holder writes for milliseconds
    }
  }
  try {
    return fn();
  } finally {
    fs.unlinkSync(file);
  }
}
