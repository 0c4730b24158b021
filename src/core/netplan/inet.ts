// Address and number syntax exactly as netplan's C code accepts it (inet_pton, strtoull), so that Parc and
// netplan call the same strings valid.

export const UINT_MAX = 4294967295;

/** An IPv4 address in dotted-quad form, as inet_pton(AF_INET) accepts it (no leading zeros, four parts). */
export function isIp4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** An IPv6 address as inet_pton(AF_INET6) accepts it (one "::" at most, an IPv4 tail allowed). */
export function isIp6(s: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(s)) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string, last: boolean): number | undefined => {
    if (part === '') return 0;
    const g = part.split(':');
    let n = 0;
    for (const [i, x] of g.entries()) {
      if (last && i === g.length - 1 && x.includes('.')) {
        if (!isIp4(x)) return undefined;
        n += 2;
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(x)) n++;
      else return undefined;
    }
    return n;
  };
  if (halves.length === 1) return groups(s, true) === 8;
  const a = groups(halves[0], false);
  const b = groups(halves[1], true);
  return a !== undefined && b !== undefined && a + b <= 7;
}

const HOSTNAME = /^(([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/i;

export function isHostname(s: string): boolean {
  return s !== '' && HOSTNAME.test(s);
}

/**
 * C's strtoull(s, &end, 10): leading blanks, an optional sign, digits; `rest` is what follows (the whole string
 * when there are no digits). A minus wraps around as in C, so "-1" is far above UINT_MAX.
 */
export function strtoull(s: string): { value: number; rest: string } {
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)/.exec(s);
  if (!m) return { value: 0, rest: s };
  let v = BigInt(m[2]);
  const max = (1n << 64n) - 1n;
  if (v > max) v = max;
  else if (m[1] === '-' && v > 0n) v = (1n << 64n) - v;
  return { value: Number(v), rest: s.slice(m[0].length) };
}
