// HOST-RESOURCES-MIB hrStorageTable.
import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { toNumber, toText } from '../../snmp/values';
import type { StorageInfo } from '../types';

const TYPES = ['other', 'other', 'ram', 'virtualMemory', 'fixedDisk', 'removableDisk', 'floppyDisk', 'compactDisc', 'ramDisk', 'flashMemory', 'networkDisk'];

/** hrStorageSize/Used are Integer32: agents with more than 2^31 units report negative numbers. */
function unsigned(n: number | undefined): number {
  if (n === undefined) return 0;
  return n < 0 ? n + 2 ** 32 : n;
}

export async function pollStorage(client: SnmpClient): Promise<StorageInfo[]> {
  const table = await client.table(OID.hrStorageTable, 30);
  const out: StorageInfo[] = [];
  for (const [index, row] of table) {
    const typeOid = String(row.get(2) ?? '');
    const typeNum = Number(/^1\.3\.6\.1\.2\.1\.25\.2\.1\.(\d+)$/.exec(typeOid)?.[1] ?? 1);
    const units = unsigned(toNumber(row.get(4))) || 1;
    const sizeBytes = unsigned(toNumber(row.get(5))) * units;
    const usedBytes = unsigned(toNumber(row.get(6))) * units;
    out.push({
      index: Number(index),
      description: toText(row.get(3)) ?? `storage ${index}`,
      type: TYPES[typeNum] ?? 'other',
      sizeBytes,
      usedBytes,
      usedPercent: sizeBytes > 0 ? Math.round((usedBytes / sizeBytes) * 1000) / 10 : undefined,
    });
  }
  return out.sort((a, b) => a.index - b.index);
}
