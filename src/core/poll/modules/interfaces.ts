// IF-MIB ifTable + ifXTable. 64-bit HC counters are used when the agent has them.
import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { toNumber, toText } from '../../snmp/values';
import type { InterfaceInfo } from '../types';

const ADMIN = ['', 'up', 'down', 'testing'];
const OPER = ['', 'up', 'down', 'testing', 'unknown', 'dormant', 'notPresent', 'lowerLayerDown'];

function mac(v: unknown): string | undefined {
  if (!Buffer.isBuffer(v) || v.length !== 6) return undefined;
  return [...v].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

export async function pollInterfaces(client: SnmpClient): Promise<InterfaceInfo[]> {
  const [ifTable, ifXTable] = await Promise.all([
    client.table(OID.ifTable, 30),
    client.table(OID.ifXTable, 30).catch(() => new Map<string, Map<number, unknown>>()),
  ]);
  const out: InterfaceInfo[] = [];
  for (const [index, row] of ifTable) {
    const x = ifXTable.get(index);
    const ifIndex = toNumber(row.get(1)) ?? Number(index);
    const hcIn = x ? toNumber(x.get(6)) : undefined;
    const hcOut = x ? toNumber(x.get(10)) : undefined;
    const has64 = hcIn !== undefined && hcOut !== undefined;
    const speed32 = toNumber(row.get(5));
    const highSpeed = x ? toNumber(x.get(15)) : undefined;
    // ifSpeed saturates at 4,294,967,295 for links above 4 Gbit/s: ifHighSpeed (Mbit/s) is then authoritative.
    const speedBps = highSpeed !== undefined && highSpeed > 0 && (speed32 === undefined || speed32 >= 4294967295 || highSpeed * 1e6 > speed32)
      ? highSpeed * 1e6
      : speed32;
    const descr = toText(row.get(2));
    out.push({
      ifIndex,
      name: (x ? toText(x.get(1)) : undefined) || descr || `if${ifIndex}`,
      descr,
      alias: x ? toText(x.get(18)) || undefined : undefined,
      type: toNumber(row.get(3)),
      adminStatus: ADMIN[toNumber(row.get(7)) ?? 0] ?? 'unknown',
      operStatus: OPER[toNumber(row.get(8)) ?? 4] ?? 'unknown',
      speedBps,
      mtu: toNumber(row.get(4)),
      mac: mac(row.get(6)),
      inOctets: has64 ? hcIn : toNumber(row.get(10)),
      outOctets: has64 ? hcOut : toNumber(row.get(16)),
      inErrors: toNumber(row.get(14)),
      outErrors: toNumber(row.get(20)),
      counterBits: has64 ? 64 : 32,
    });
  }
  return out.sort((a, b) => a.ifIndex - b.ifIndex);
}
