// A lock file so the CLI and the extension can record into the same store at once (../lock-file.ts: the
// holder's pid is in the file; a lock whose process is gone, killed mid-write, is taken over).
import { withLockSync } from '../lock-file';

export class StoreLockedError extends Error {}

/** Runs fn holding the lock; waits up to timeoutMs for another holder. */
export function withLock<T>(file: string, fn: () => T, timeoutMs = 10_000): T {
  return withLockSync(file, fn, (holder) => new StoreLockedError(`metric store is locked by process ${holder} (${file})`), timeoutMs);
}
