// Failed logins slow down whoever keeps trying: per user name and per client address, after a few free
// failures each further one locks that key for a doubling delay (1 s, 2 s, 4 s… up to 15 min). While locked,
// a login is answered 429 without even checking the password. A success clears the user's counter.
export interface RateLimitOptions {
  freeFailures: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60_000, windowMs: 15 * 60_000 };

interface Entry {
  failures: number;
  last: number;
  lockedUntil: number;
}

export class LoginRateLimiter {
  private readonly keys = new Map<string, Entry>();

  constructor(private readonly o: RateLimitOptions = DEFAULT_RATE_LIMIT) {}

  private entry(key: string, now: number): Entry | undefined {
    const e = this.keys.get(key);
    if (e && now - e.last > this.o.windowMs && now >= e.lockedUntil) {
      this.keys.delete(key);
      return undefined;
    }
    return e;
  }

  /** Milliseconds the caller must wait (0: go ahead). */
  waitMs(user: string, address: string, now: number): number {
    let wait = 0;
    for (const k of [`u:${user.toLowerCase()}`, `a:${address}`]) {
      const e = this.entry(k, now);
      if (e) wait = Math.max(wait, e.lockedUntil - now);
    }
    return Math.max(0, wait);
  }

  failed(user: string, address: string, now: number): void {
    for (const k of [`u:${user.toLowerCase()}`, `a:${address}`]) {
      const e = this.entry(k, now) ?? { failures: 0, last: now, lockedUntil: 0 };
      e.failures++;
      e.last = now;
      const over = e.failures - this.o.freeFailures;
      if (over >= 0) e.lockedUntil = now + Math.min(this.o.maxDelayMs, this.o.firstDelayMs * 2 ** over);
      this.keys.set(k, e);
    }
    // Bounded memory under a spray of user names.
    if (this.keys.size > 10_000) for (const [k, e] of this.keys) if (now >= e.lockedUntil) this.keys.delete(k);
  }

  succeeded(user: string): void {
    this.keys.delete(`u:${user.toLowerCase()}`);
  }
}
