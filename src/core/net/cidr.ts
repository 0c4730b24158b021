// IPv4 addresses and CIDR blocks as plain numbers; enough for site rules and subnet scans.

export interface Cidr {
  network: number; // unsigned 32-bit
  prefix: number;
  text: string;
}

export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses `a.b.c.d/p`; throws with the reason when it is not one. Host bits must be zero. */
export function parseCidr(text: string): Cidr {
  const m = /^([^/\s]+)\/(\d{1,2})$/.exec(String(text).trim());
  if (!m) throw new Error(`"${text}" is not a CIDR block (expected a.b.c.d/prefix)`);
  const ip = parseIPv4(m[1]);
  if (ip === undefined) throw new Error(`"${m[1]}" is not an IPv4 address`);
  const prefix = Number(m[2]);
  if (prefix > 32) throw new Error(`prefix /${prefix} is larger than 32`);
  const network = (ip & mask(prefix)) >>> 0;
  if (network !== ip) throw new Error(`"${text}" has host bits set (did you mean ${formatIPv4(network)}/${prefix}?)`);
  return { network, prefix, text: `${formatIPv4(network)}/${prefix}` };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ((ip & mask(cidr.prefix)) >>> 0) === cidr.network;
}

/** Usable host addresses of a block (network and broadcast excluded for prefixes below /31). */
export function* cidrHosts(cidr: Cidr): Generator<string> {
  const size = 2 ** (32 - cidr.prefix);
  const first = cidr.prefix >= 31 ? 0 : 1;
  const last = cidr.prefix >= 31 ? size - 1 : size - 2;
  for (let i = first; i <= last; i++) yield formatIPv4((cidr.network + i) >>> 0);
}

export function cidrHostCount(cidr: Cidr): number {
  const size = 2 ** (32 - cidr.prefix);
  return cidr.prefix >= 31 ? size : size - 2;
}
