// What the kill -9 test's writer records, so the test can check every value afterwards.
export const CRASH_T0 = Date.UTC(2026, 0, 5) / 1000;
export const CRASH_SERIES = ['status', 'uptime', 'pollMs', 'cpu', 'disk'];

/** 300 devices, one more every 500 polls (new series keep arriving, shards get created). */
export function crashDevices(k: number): number {
  return 300 + Math.floor(k / 500);
}

/** Integers below 2^24: exact in float32. */
export function crashValue(d: number, s: number, k: number): number {
  return (d * 31 + s * 7 + k) % 1000;
}
