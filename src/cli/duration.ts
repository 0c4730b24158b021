import { UsageError } from './args';

/** "90s", "45m", "24h", "7d" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h|d|w)$/.exec(text.trim());
  if (!m) throw new UsageError(`"${text}" is not a duration (e.g. 90s, 45m, 24h, 7d)`);
  return Number(m[1]) * { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 }[m[2] as 's']!;
}
