// IPv4/IPv6 addresses with prefixes as netplan writes them ("10.0.0.2/24", "2001:db8::1/64"),
// with the same distinctions netplan makes in its error messages (malformed, missing prefix, bad prefix).
import { parseIPv4 } from '../net/cidr';

export type Family = 4 | 6;

export interface IpAddress {
  family: Family;
  /** The address as a number (IPv4 fits in 32 bits; IPv6 needs a bigint). */
  value: bigint;
  text: string;
}

export interface IpPrefix extends IpAddress {
  prefix: number;
}

export function parseIPv6(text: string): bigint | undefined {
  const t = text.trim();
  if (!/^[0-9A-Fa-f:.]+$/.test(t) || t.includes(':::')) return undefined;
  const halves = t.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (const [i, p] of parts.entries()) {
      if (i === parts.length - 1 && p.includes('.')) {
        const v4 = parseIPv4(p);
        if (v4 === undefined) return undefined;
        out.push(v4 >>> 16, v4 & 0xffff);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return undefined;
  const total = head.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const all = [...head, ...Array(8 - total).fill(0), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { family: 4, value: BigInt(v4), text: text.trim() };
  const v6 = text.includes(':') ? parseIPv6(text) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6, text: text.trim() };
}

/** Parses "address/prefix"; returns the reason in netplan's words when it is not one. */
export function parseIpPrefix(text: string): IpPrefix | { error: string } {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const ip = parseIp(addr);
  if (!ip) return { error: `malformed address '${text}', must be X.X.X.X/NN or X:X:X:X:X:X:X:X/NN` };
  if (slash < 0) return { error: `address '${text}' is missing /prefixlength` };
  const p = text.slice(slash + 1);
  const max = ip.family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(p) || Number(p) > max) return { error: `invalid prefix length in address '${text}'` };
  return { ...ip, prefix: Number(p) };
}

function maskOf(family: Family, prefix: number): bigint {
  const bits = family === 4 ? 32n : 128n;
  const all = (1n << bits) - 1n;
  return prefix === 0 ? 0n : (all << (bits - BigInt(prefix))) & all;
}

/** Whether `ip` lies in the subnet of `net` (the address's host bits are ignored). */
export function inSubnet(net: IpPrefix, ip: IpAddress): boolean {
  if (net.family !== ip.family) return false;
  const m = maskOf(net.family, net.prefix);
  return (net.value & m) === (ip.value & m);
}

export function sameAddress(a: IpAddress, b: IpAddress): boolean {
  return a.family === b.family && a.value === b.value;
}
