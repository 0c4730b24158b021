// Shared by the UPS modules: reading a set of scalars in one request, and merging what several MIBs say.
import type { SnmpClient } from '../../../snmp/client';
import { vbNumber } from '../../../snmp/values';
import type { UpsInfo } from '../../types';
import { getTolerant } from '../get-tolerant';

/**
 * Numeric values of `oids`, by name. Absent, error, negative, or the all-ones 16/31-bit fillers (65535, 2^31-1) that
 * cards return for a value they do not measure → undefined.
 */
export async function readNumbers<K extends string>(client: SnmpClient, oids: Record<K, string>): Promise<Record<K, number | undefined>> {
  const names = Object.keys(oids) as K[];
  const vbs = await getTolerant(client, names.map((n) => oids[n]));
  const out = {} as Record<K, number | undefined>;
  names.forEach((n, k) => {
    const v = vbNumber(vbs[k]);
    out[n] = v !== undefined && v >= 0 && v !== 65535 && v !== 2147483647 ? v : undefined;
  });
  return out;
}

export const tenth = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.round(v) / 10);
export const round1 = (v: number | undefined): number | undefined => (v === undefined ? undefined : Math.round(v * 10) / 10);

/** `more` fills what `base` left empty; a known status wins over `unknown`. */
export function mergeUps(base: UpsInfo | undefined, more: Partial<UpsInfo> | undefined): UpsInfo | undefined {
  if (!more || !hasData(more)) return base;
  if (!base) return { status: 'unknown', ...stripUndefined(more) };
  const out: UpsInfo = { ...base };
  for (const [k, v] of Object.entries(stripUndefined(more)) as [keyof UpsInfo, never][]) {
    if (k === 'status') {
      if (out.status === 'unknown' && v !== 'unknown') out.status = v;
    } else if (k === 'source') {
      out.source = out.source ? `${out.source}+${String(v)}` : v;
    } else if (out[k] === undefined) {
      out[k] = v;
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** Something beyond the module's own name: a UPS answered. */
export function hasData(u: Partial<UpsInfo>): boolean {
  return Object.entries(u).some(([k, v]) => k !== 'source' && v !== undefined && !(k === 'status' && v === 'unknown'));
}
