// Requests that the poll modules make in the same turn of the event loop travel together: every GET in one GET
// PDU; every GETNEXT and the next page of every walk in one GETBULK (the GETNEXTs as its non-repeaters, each walk
// one repeater). A device read by twenty modules costs a handful of round trips instead of one or more per module,
// for Parc and for the agent. When a combined request fails (genErr, tooBig, a slow part that times out, a reply
// that does not fit), its parts are sent again each on its own, so a part an agent refuses fails only the module
// that asked for it, as if every module had asked alone. SNMPv1 requests are never combined (one missing OID fails
// a whole v1 request).
import * as snmp from 'net-snmp';
import type { Varbind } from './values';

/** How one PDU is sent; errors come back already explained (SnmpError). */
export interface PduTransport {
  readonly v1: boolean;
  get(oids: string[], cb: (err: Error | null, vbs?: Varbind[]) => void): void;
  getNext(oids: string[], cb: (err: Error | null, vbs?: Varbind[]) => void): void;
  /** GETBULK: the first `nonRepeaters` results are varbinds, the others arrays (one per repeater). */
  getBulk(oids: string[], nonRepeaters: number, maxRepetitions: number, cb: (err: Error | null, vbs?: (Varbind | Varbind[])[]) => void): void;
}

type Done<T> = (err: Error | null, result?: T) => void;
type Part =
  | { kind: 'get'; oids: string[]; solo: boolean; done: Done<Varbind[]> }
  | { kind: 'next'; oids: string[]; solo: boolean; done: Done<Varbind[]> }
  /** One page of a walk from `oid`: the varbinds that follow it, [] at the end of the MIB (v1: noSuchName). */
  | { kind: 'page'; oid: string; reps: number; solo: boolean; done: Done<Varbind[]> };

/** Most OIDs asked in one combined PDU, and most varbinds a combined GETBULK asks back (~6 KB of answer). */
const MAX_OIDS = 48;
const BULK_BUDGET = 120;

export class Coalescer {
  private pending: Part[] = [];
  private scheduled = false;

  constructor(private readonly transport: PduTransport) {}

  get(oids: string[]): Promise<Varbind[]> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'get', oids, solo: false, done: (e, r) => (e ? reject(e) : resolve(r!)) }));
  }

  getNext(oids: string[]): Promise<Varbind[]> {
    return new Promise((resolve, reject) => this.enqueue({ kind: 'next', oids, solo: false, done: (e, r) => (e ? reject(e) : resolve(r!)) }));
  }

  /** The page of up to `reps` varbinds that follows `oid`. */
  page(oid: string, reps: number, done: Done<Varbind[]>): void {
    this.enqueue({ kind: 'page', oid, reps, solo: false, done });
  }

  private enqueue(p: Part): void {
    if (p.solo || this.transport.v1) return this.send(p);
    this.pending.push(p);
    if (this.scheduled) return;
    this.scheduled = true;
    // After every microtask: modules resumed by the same answer all ask before the next PDU leaves.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    const parts = this.pending;
    this.pending = [];
    this.scheduled = false;
    const gets = parts.filter((p) => p.kind === 'get');
    const bulk = parts.filter((p) => p.kind !== 'get');
    for (const group of chunks(gets, (p) => p.oids.length)) this.sendGets(group);
    for (const group of chunks(bulk, (p) => (p.kind === 'page' ? 1 : p.oids.length))) this.sendBulk(group);
  }

  /** Each part again on its own PDU, when the PDU that carried it with others failed. */
  private alone(parts: Part[]): void {
    for (const p of parts) this.send({ ...p, solo: true } as Part);
  }

  private send(p: Part): void {
    const t = this.transport;
    if (p.kind === 'get') return t.get(p.oids, p.done);
    if (p.kind === 'next') return t.getNext(p.oids, p.done);
    if (t.v1) {
      return t.getNext([p.oid], (err, vbs) => {
        if (err && (err as { status?: number }).status === snmp.ErrorStatus.NoSuchName) return p.done(null, []);
        p.done(err, vbs);
      });
    }
    t.getBulk([p.oid], 0, p.reps, (err, vbs) => (err ? p.done(err) : p.done(null, (vbs?.[0] as Varbind[] | undefined) ?? [])));
  }

  private sendGets(parts: Extract<Part, { kind: 'get' }>[]): void {
    if (parts.length === 1) return this.send(parts[0]);
    this.transport.get(parts.flatMap((p) => p.oids), (err, vbs) => {
      if (err || !vbs) return this.alone(parts);
      let at = 0;
      for (const p of parts) {
        p.done(null, vbs.slice(at, at + p.oids.length));
        at += p.oids.length;
      }
    });
  }

  private sendBulk(parts: Part[]): void {
    if (parts.length === 1) return this.send(parts[0]);
    const nexts = parts.filter((p) => p.kind === 'next');
    const pages = parts.filter((p) => p.kind === 'page');
    const nextOids = nexts.flatMap((p) => p.oids);
    if (!pages.length) {
      return this.transport.getNext(nextOids, (err, vbs) => {
        if (err || !vbs) return this.alone(parts);
        let at = 0;
        for (const p of nexts) {
          p.done(null, vbs.slice(at, at + p.oids.length));
          at += p.oids.length;
        }
      });
    }
    const reps = Math.max(1, Math.min(Math.max(...pages.map((p) => p.reps)), Math.floor(BULK_BUDGET / pages.length)));
    this.transport.getBulk([...nextOids, ...pages.map((p) => p.oid)], nextOids.length, reps, (err, vbs) => {
      if (err || !vbs) return this.alone(parts);
      // A reply cut to fit the agent's message size can lack whole parts: those are asked again on their own.
      const again: Part[] = [];
      let at = 0;
      for (const p of nexts) {
        const mine = vbs.slice(at, at + p.oids.length) as Varbind[];
        at += p.oids.length;
        if (mine.length === p.oids.length && mine.every((v) => v && !Array.isArray(v))) p.done(null, mine);
        else again.push(p);
      }
      for (const p of pages) {
        const mine = vbs[at++];
        if (Array.isArray(mine) && mine.length) p.done(null, mine);
        else again.push(p);
      }
      this.alone(again);
    });
  }
}

/** Parts in groups of at most MAX_OIDS OIDs (a part larger than that travels alone). */
function chunks<P>(parts: P[], size: (p: P) => number): P[][] {
  const out: P[][] = [];
  let cur: P[] = [];
  let n = 0;
  for (const p of parts) {
    const s = size(p);
    if (cur.length && n + s > MAX_OIDS) {
      out.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(p);
    n += s;
  }
  if (cur.length) out.push(cur);
  return out;
}
