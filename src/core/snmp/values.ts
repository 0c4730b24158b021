// Conversion of net-snmp varbind values to plain JSON-friendly values.
import * as snmp from 'net-snmp';

export interface Varbind {
  oid: string;
  type: number;
  value: unknown;
}

export function isMissing(vb: Varbind | undefined): boolean {
  return !vb || snmp.isVarbindError(vb as snmp.Varbind);
}

/** Counter64 arrives as a big-endian Buffer; numbers stay exact up to 2^53 (9 PB), enough for octet counters. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Buffer.isBuffer(value)) {
    let n = 0n;
    for (const b of value) n = (n << 8n) | BigInt(b);
    return Number(n);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Text of an OctetString: UTF-8 when it decodes cleanly, Latin-1 for legacy agents, hex for binary (MAC addresses). */
export function toText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Buffer.isBuffer(value)) return String(value);
  const trimmed = value.length && value[value.length - 1] === 0 ? value.subarray(0, value.length - 1) : value;
  const utf8 = trimmed.toString('utf8');
  if (!utf8.includes('\uFFFD') && !/[\x00-\x08\x0e-\x1f]/.test(utf8)) return utf8;
  if (![...trimmed].some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || (b >= 0x7f && b < 0xa0))) return trimmed.toString('latin1');
  return [...trimmed].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export function vbNumber(vb: Varbind | undefined): number | undefined {
  return isMissing(vb) ? undefined : toNumber(vb!.value);
}

export function vbText(vb: Varbind | undefined): string | undefined {
  return isMissing(vb) ? undefined : toText(vb!.value);
}

/** TimeTicks (hundredths of a second) to seconds. */
export function ticksToSeconds(ticks: number | undefined): number | undefined {
  return ticks === undefined ? undefined : Math.floor(ticks / 100);
}
