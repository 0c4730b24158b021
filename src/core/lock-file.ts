// A short exclusive lock file (O_EXCL) around a few milliseconds of work on shared files: the metric store (its
// writers in the CLI and the extension, synchronous) and the lease files (taking or refreshing a lease,
// asynchronous). The holder's pid is in the file; a lock whose process is gone (killed while holding it) is taken
// over at once, one without a pid (killed between creating and writing it) once it is older than STALE_MS.
import * as fs from 'node:fs';
import * as path from 'node:path';

const STALE_MS = 5000;

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a lock file holding `text` (undefined: unreadable) and last modified at `mtimeMs` was left behind.
 * `ownPidStale`: a non-re-entrant synchronous holder knows its own pid cannot hold the lock (a leftover from a
 * recycled pid); an asynchronous one may be waiting on another task of its own process.
 */
function leftBehind(text: string, mtimeMs: number, ownPidStale: boolean): boolean {
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid > 0) return (ownPidStale && pid === process.pid) || !pidAlive(pid);
  return Date.now() - mtimeMs > STALE_MS;
}

/** The pid written in a lock file (NaN when none or unreadable). */
function holderOf(file: string): number {
  try {
    return Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
  } catch {
    return NaN;
  }
}

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

/** Runs fn holding the lock, synchronously; waits up to timeoutMs for another holder, then throws locked(pid). */
export function withLockSync<T>(file: string, fn: () => T, locked: (holder: number) => Error, timeoutMs = 10_000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(file, 'wx');
      try {
        fs.writeSync(fd, `${process.pid}\n`);
      } finally {
        fs.closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let st: fs.Stats;
      let text: string;
      try {
        st = fs.statSync(file);
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue; // released meanwhile
      }
      if (leftBehind(text, st.mtimeMs, true)) {
        fs.rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw locked(holderOf(file));
      nap(10); // the holder writes for milliseconds
    }
  }
  try {
    return fn();
  } finally {
    fs.unlinkSync(file);
  }
}

/** Runs fn holding the lock (its directory made if missing); gives up after `attempts` waits of 5–15 ms. */
export async function withLock<T>(file: string, fn: () => Promise<T>, attempts = 500): Promise<T> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fs.promises.open(file, 'wx', 0o600);
      try {
        await h.writeFile(`${process.pid}\n`);
      } finally {
        await h.close();
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const st = await fs.promises.stat(file).catch(() => undefined);
      const text = st && (await fs.promises.readFile(file, 'utf8').catch(() => undefined));
      if (st && text !== undefined && leftBehind(text, st.mtimeMs, false)) {
        await fs.promises.rm(file, { force: true });
        continue;
      }
      if (attempt > attempts) throw new Error(`lock ${file} stays taken${Number.isInteger(holderOf(file)) ? ` by process ${holderOf(file)}` : ''}`);
      await new Promise((r) => setTimeout(r, 5 + Math.random() * 10));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.promises.rm(file, { force: true });
  }
}
