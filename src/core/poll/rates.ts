// Traffic rates from two counter readings, correct across 32-bit wrap and device reboot:
// a rate is given only when it can be trusted, never negative or absurd.

const WRAP32 = 2 ** 32;

export interface CounterReading {
  value: number;
  bits: 32 | 64;
}

/**
 * Increase of a counter between two readings, or undefined when it cannot be known:
 * the device rebooted, the counter width changed, or a 64-bit counter went backwards (a reset, not a wrap).
 */
export function counterDelta(prev: CounterReading, cur: CounterReading, rebooted: boolean): number | undefined {
  if (rebooted || prev.bits !== cur.bits) return undefined;
  if (cur.value >= prev.value) return cur.value - prev.value;
  if (cur.bits === 32) return WRAP32 - prev.value + cur.value;
  return undefined;
}

/**
 * Bits per second between two octet counter readings. `speedBps` bounds what is plausible:
 * a rate above 110 % of the link speed means a counter reset that looked like a wrap, and is dropped.
 */
export function octetRate(prev: CounterReading, cur: CounterReading, seconds: number, rebooted: boolean, speedBps?: number): number | undefined {
  if (!(seconds > 0)) return undefined;
  const delta = counterDelta(prev, cur, rebooted);
  if (delta === undefined) return undefined;
  const bps = (delta * 8) / seconds;
  const ceiling = speedBps && speedBps > 0 ? speedBps * 1.1 : 4e11; // 400 Gbit/s when the speed is unknown
  if (bps > ceiling) return undefined;
  return Math.round(bps);
}

/**
 * Whether the device restarted between two polls, from uptimes in seconds.
 * A TimeTicks uptime (sysUpTime, hrSystemUptime) wraps after 497 days: going back from near
 * the top to near zero within the poll interval is a wrap, not a reboot.
 */
export function rebootedBetween(prevUptime: number | undefined, curUptime: number | undefined, elapsedSeconds: number, ticksBased: boolean): boolean {
  if (prevUptime === undefined || curUptime === undefined) return false;
  if (curUptime >= prevUptime) return false;
  if (ticksBased) {
    const wrapAt = WRAP32 / 100;
    const expected = prevUptime + elapsedSeconds;
    if (expected >= wrapAt - 60 && Math.abs(expected - wrapAt - curUptime) < Math.max(120, elapsedSeconds)) return false;
  }
  // Clocks of agents jitter by a second or two between polls; a real reboot goes back further.
  return prevUptime - curUptime > 2;
}
