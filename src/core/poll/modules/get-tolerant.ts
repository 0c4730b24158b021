import { SnmpError, type SnmpClient } from '../../snmp/client';
import type { Varbind } from '../../snmp/values';

/**
 * GET several OIDs; on SNMPv1 one missing OID fails the whole request (noSuchName),
 * so a protocol error is retried one OID at a time and missing ones come back undefined.
 * Timeouts and authentication errors are not retried: they mean the agent is unreachable.
 */
export async function getTolerant(client: SnmpClient, oids: string[]): Promise<(Varbind | undefined)[]> {
  try {
    return await client.get(oids);
  } catch (err) {
    if (!(err instanceof SnmpError) || err.kind !== 'protocol' || oids.length === 1) {
      if (err instanceof SnmpError && err.kind === 'protocol' && oids.length === 1) return [undefined];
      throw err;
    }
    const out: (Varbind | undefined)[] = [];
    for (const oid of oids) {
      try {
        out.push((await client.get([oid]))[0]);
      } catch (e) {
        if (e instanceof SnmpError && e.kind === 'protocol') out.push(undefined);
        else throw e;
      }
    }
    return out;
  }
}

/**
 * GETNEXT several OIDs in one request; on SNMPv1 an end-of-MIB fails the whole request (noSuchName), so a protocol
 * error is retried one OID at a time. Missing answers come back undefined.
 */
export async function getNextTolerant(client: SnmpClient, oids: string[]): Promise<(Varbind | undefined)[]> {
  try {
    return await client.getNext(oids);
  } catch (err) {
    if (!(err instanceof SnmpError) || err.kind !== 'protocol') throw err;
    const out: (Varbind | undefined)[] = [];
    for (const oid of oids) {
      try {
        out.push((await client.getNext([oid]))[0]);
      } catch (e) {
        if (e instanceof SnmpError && e.kind === 'protocol') out.push(undefined);
        else throw e;
      }
    }
    return out;
  }
}
