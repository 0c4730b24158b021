// Requests of one turn share a PDU; a shared PDU that fails is sent again part by part; v1 is never combined.
// The transport here records the PDUs and answers like an agent would (integration tests use real agents).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Coalescer, type PduTransport } from '../../../src/core/snmp/coalesce';
import { compareOids } from '../../../src/core/snmp/client';
import type { Varbind } from '../../../src/core/snmp/values';

const vb = (oid: string, value: unknown = 1): Varbind => ({ oid, type: 2, value });

/** An agent with a few OIDs; `refuse` makes any PDU naming that OID fail with genErr. */
function agent(oids: string[], v1 = false, refuse?: string): PduTransport & { pdus: string[] } {
  const sorted = [...oids].sort(compareOids);
  const after = (o: string) => sorted.find((x) => compareOids(x, o) > 0);
  const pdus: string[] = [];
  const fails = (list: string[]) => (refuse && list.includes(refuse) ? new Error('genErr') : null);
  return {
    v1, pdus,
    get(list, cb) {
      pdus.push(`get ${list.join(' ')}`);
      setImmediate(() => cb(fails(list), list.map((o) => (sorted.includes(o) ? vb(o) : { oid: o, type: 128, value: null }))));
    },
    getNext(list, cb) {
      pdus.push(`next ${list.join(' ')}`);
      setImmediate(() => cb(fails(list), list.map((o) => (after(o) ? vb(after(o)!) : { oid: o, type: 130, value: null }))));
    },
    getBulk(list, nonRep, reps, cb) {
      pdus.push(`bulk ${nonRep} ${reps} ${list.join(' ')}`);
      const walk = (o: string) => {
        const out: Varbind[] = [];
        for (let cur = o, i = 0; i < reps; i++) {
          const n = after(cur);
          if (!n) {
            out.push({ oid: cur, type: 130, value: null });
            break;
          }
          out.push(vb(n));
          cur = n;
        }
        return out;
      };
      setImmediate(() => cb(fails(list), list.map((o, i) => (i < nonRep ? vb(after(o) ?? o) : walk(o)))));
    },
  };
}

describe('request coalescing', () => {
  it('GETs of one turn travel in one PDU, each caller gets its own varbinds', async () => {
    const a = agent(['1.1.0', '1.2.0', '1.3.0']);
    const c = new Coalescer(a);
    const [x, y] = await Promise.all([c.get(['1.1.0', '1.2.0']), c.get(['1.3.0'])]);
    assert.deepEqual(a.pdus, ['get 1.1.0 1.2.0 1.3.0']);
    assert.deepEqual(x.map((v) => v.oid), ['1.1.0', '1.2.0']);
    assert.deepEqual(y.map((v) => v.oid), ['1.3.0']);
  });

  it('GETNEXTs ride as non-repeaters of the GETBULK that pages the walks', async () => {
    const a = agent(['1.1.0', '2.1.1', '2.1.2', '3.1.1']);
    const c = new Coalescer(a);
    const pages: Varbind[][] = [];
    const next = c.getNext(['1.1']);
    await new Promise<void>((resolve) => {
      let n = 0;
      for (const o of ['2.1', '3.1']) c.page(o, 10, (err, vbs) => (pages.push(vbs!), ++n === 2 && resolve()));
    });
    assert.deepEqual((await next).map((v) => v.oid), ['1.1.0']);
    assert.deepEqual(a.pdus, ['bulk 1 10 1.1 2.1 3.1']);
    assert.equal(pages[0][0].oid, '2.1.1');
  });

  it('a combined PDU that fails is sent again part by part: only the refused part fails', async () => {
    const a = agent(['1.1.0', '1.2.0'], false, '1.2.0');
    const c = new Coalescer(a);
    const [ok, bad] = await Promise.allSettled([c.get(['1.1.0']), c.get(['1.2.0'])]);
    assert.equal(ok.status, 'fulfilled');
    assert.equal(bad.status, 'rejected');
    assert.deepEqual(a.pdus, ['get 1.1.0 1.2.0', 'get 1.1.0', 'get 1.2.0']);
  });

  it('SNMPv1 requests are never combined', async () => {
    const a = agent(['1.1.0', '1.2.0'], true);
    const c = new Coalescer(a);
    await Promise.all([c.get(['1.1.0']), c.get(['1.2.0'])]);
    assert.deepEqual(a.pdus, ['get 1.1.0', 'get 1.2.0']);
  });
});

describe('compareOids', () => {
  it('orders numerically, arc by arc, a prefix first', () => {
    assert.ok(compareOids('1.3.6.1.2', '1.3.6.1.10') < 0);
    assert.ok(compareOids('1.3.6.1', '1.3.6.1.0') < 0);
    assert.ok(compareOids('1.3.6.2', '1.3.6.1.9.9') > 0);
    assert.equal(compareOids('1.3.6.1.4294967295', '1.3.6.1.4294967295'), 0);
    assert.ok(compareOids('1.3.6.1.4294967295', '1.3.6.1.4294967296') < 0);
  });
});
