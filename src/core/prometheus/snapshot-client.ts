// An SnmpClient answered from what snmp_exporter scraped: each sample is turned back into the varbinds it
// came from (metric OID + index; string values and lookups from labels), so the very poll modules Parc runs
// against an agent read Prometheus's data the same way.
import { compareOids, tableRows, type SnmpClient, type SnmpTarget } from '../snmp/client';
import type { Varbind } from '../snmp/values';
import type { Sample } from './api';
import { EXPORTER_MODULES, type ExporterIndex, type ExporterMetric } from './exporter-metrics';

const NO_SUCH_OBJECT = 128;
const END_OF_MIB_VIEW = 130;
const OCTET_STRING = 4;
const INTEGER = 2;

function indexOid(indexes: ExporterIndex[] | undefined, labels: Record<string, string>): string | undefined {
  if (!indexes?.length) return '0';
  const parts: string[] = [];
  for (const ix of indexes) {
    const v = labels[ix.labelname];
    if (v === undefined) return undefined;
    if (ix.type === 'gauge') parts.push(v);
    else {
      // A non-IMPLIED string index: its length, then one arc per byte.
      const bytes = Buffer.from(v, 'utf8');
      parts.push(String(bytes.length), ...[...bytes].map(String));
    }
  }
  return parts.join('.');
}

function macBuffer(text: string): Buffer | undefined {
  const hex = text.replace(/[^0-9a-f]/gi, '');
  return hex.length === 12 ? Buffer.from(hex, 'hex') : undefined;
}

const BY_NAME = new Map<string, ExporterMetric>(EXPORTER_MODULES.flatMap((m) => m.metrics.map((x) => [x.name, x] as const)));

/** Varbinds of one device from its samples (all metric families mixed). */
export function varbindsFromSamples(samples: Sample[]): Map<string, Varbind> {
  const out = new Map<string, Varbind>();
  for (const s of samples) {
    const def = BY_NAME.get(s.metric.__name__ ?? '');
    if (!def) continue;
    const idx = indexOid(def.indexes, s.metric);
    if (idx === undefined) continue;
    const oid = `${def.oid}.${idx}`;
    if (def.type === 'DisplayString') out.set(oid, { oid, type: OCTET_STRING, value: s.metric[def.name] ?? '' });
    else if (def.type === 'PhysAddress48') {
      // An empty address is exported as 00:00:00:00:00:00; the agent had none.
      const b = macBuffer(s.metric[def.name] ?? '');
      if (b && b.some((x) => x !== 0)) out.set(oid, { oid, type: OCTET_STRING, value: b });
    } else out.set(oid, { oid, type: INTEGER, value: s.value });
    for (const l of def.lookups ?? []) {
      const v = s.metric[l.labelname];
      if (v === undefined) continue;
      const lidx = l.labels.map((n) => s.metric[n]).join('.');
      const loid = `${l.oid}.${lidx}`;
      if (!out.has(loid)) out.set(loid, { oid: loid, type: OCTET_STRING, value: l.type === 'gauge' ? Number(v) : v });
    }
  }
  return out;
}

export class SnapshotClient implements SnmpClient {
  private readonly sorted: Varbind[];
  constructor(readonly target: SnmpTarget, private readonly vbs: Map<string, Varbind>) {
    this.sorted = [...vbs.values()].sort((a, b) => compareOids(a.oid, b.oid));
  }

  async get(oids: string[]): Promise<Varbind[]> {
    return oids.map((oid) => this.vbs.get(oid) ?? { oid, type: NO_SUCH_OBJECT, value: null });
  }

  async getNext(oids: string[]): Promise<Varbind[]> {
    return oids.map((oid) => this.sorted.find((vb) => compareOids(vb.oid, oid) > 0) ?? { oid, type: END_OF_MIB_VIEW, value: null });
  }

  async walk(oid: string, _maxRepetitions?: number, limit?: number): Promise<Varbind[]> {
    const prefix = oid + '.';
    const all = this.sorted.filter((vb) => vb.oid.startsWith(prefix));
    return limit === undefined ? all : all.slice(0, limit);
  }

  async table(oid: string): Promise<Map<string, Map<number, unknown>>> {
    return tableRows(oid, await this.walk(oid));
  }

  close(): void {}
}
