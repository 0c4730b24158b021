// HOST-RESOURCES-MIB hrStorageTable, split in two: filesystems are storage; RAM, virtual memory, swap and the
// memory figures net-snmp files under hrStorageOther (buffers, cached, shared) are memory pools. One walk feeds both.
import type { SnmpClient } from '../../../snmp/client';
import { OID } from '../../../snmp/oids';
import { toNumber, toText } from '../../../snmp/values';
import type { MempoolInfo, StorageInfo } from '../../types';
import { percent, round1 } from './util';

const TYPES = ['other', 'other', 'ram', 'virtualMemory', 'fixedDisk', 'removableDisk', 'floppyDisk', 'compactDisc', 'ramDisk', 'flashMemory', 'networkDisk'];
const FILESYSTEM_TYPES = new Set(['fixedDisk', 'removableDisk', 'floppyDisk', 'compactDisc', 'ramDisk', 'flashMemory', 'networkDisk']);

/** hrStorageOther rows that are memory: net-snmp's names, and PAN-OS's data-plane packet pools. */
const OTHER_MEMORY = /^(memory buffers|cached memory|shared memory)$|packet (buffers|descriptors)$/i;
/** Kernel pseudo-filesystems and allocator statistics: neither memory nor storage. */
const PSEUDO = /^(devfs|procfs|fdescfs|linprocfs|udev|MALLOC|UMA)\b|mounted on: \/(proc|dev)\b|mounted on: \/junos\/(cf\/)?dev\b|mounted on: \/jail\/dev\b|^\/(proc|sys)(\/|$)|^\/dev$|^\/dev\/fd$| on \/(dev|proc|sys)(\/|$)/;

/** Kernel pseudo-filesystems (devfs, procfs, /sys, /dev): not storage whatever table lists them. */
export function isPseudoFilesystem(description: string): boolean {
  return PSEUDO.test(description);
}
/** JunOS mounts each read-only package image under /packages/mnt: always 100 % "full", never a filesystem to watch. */
const PACKAGE_IMAGE = /mounted on: \/packages\/mnt\//;

export interface HrStorageRow {
  index: number;
  type: string;
  description: string;
  units: number;
  size: number;
  used: number;
}

/** hrStorageSize/Used are Integer32: agents with more than 2^31 units report negative numbers. */
function unsigned(n: number | undefined): number {
  if (n === undefined) return 0;
  return n < 0 ? n + 2 ** 32 : n;
}

function memoryType(r: HrStorageRow): string {
  if (r.type === 'ram') return 'ram';
  if (/swap/i.test(r.description)) return 'swap';
  if (r.type === 'virtualMemory') return 'virtual';
  if (/buffers/i.test(r.description)) return 'buffers';
  if (/cached/i.test(r.description)) return 'cached';
  if (/shared/i.test(r.description)) return 'shared';
  return 'other';
}

/** Which rows are storage and which are memory pools (pure, for the unit tests). */
export function splitHrStorage(rows: HrStorageRow[]): { storage: StorageInfo[]; mempools: MempoolInfo[] } {
  const storage: StorageInfo[] = [];
  const mempools: MempoolInfo[] = [];
  // net-snmp sizes buffers/cached/shared by themselves (cached: size = used, "100 %"); their share is of the RAM.
  const ram = rows.find((r) => r.type === 'ram' && r.size > 0);
  const ramBytes = ram ? ram.size * ram.units : undefined;
  // net-snmp counts buffers and page cache as used RAM (and virtual memory), which on a busy file server reads as
  // "memory 95 %" all day. Where it lists them apart, RAM and virtual memory are what `free` calls used: without them.
  const reclaimable = rows.filter((r) => r.type === 'other' && /^(memory buffers|cached memory)$/i.test(r.description))
    .reduce((n, r) => n + r.used * r.units, 0);
  for (const r of [...rows].sort((a, b) => a.index - b.index)) {
    if (PSEUDO.test(r.description)) continue;
    const sizeBytes = r.size * r.units;
    const isMemory = r.type === 'ram' || r.type === 'virtualMemory' || (r.type === 'other' && OTHER_MEMORY.test(r.description));
    if (isMemory) {
      if (!(sizeBytes > 0)) continue; // no swap configured, an empty pool: nothing to watch
      const type = memoryType(r);
      const raw = r.used * r.units;
      const usedBytes = (type === 'ram' || type === 'virtual') && reclaimable && raw >= reclaimable ? raw - reclaimable : raw;
      const total = r.type === 'other' && ramBytes && ['buffers', 'cached', 'shared'].includes(type) ? ramBytes : sizeBytes;
      mempools.push({
        index: `hr.${r.index}`, description: r.description, type, source: 'hr',
        totalBytes: total, usedBytes, freeBytes: Math.max(0, total - usedBytes), usedPercent: percent(usedBytes, total),
      });
      continue;
    }
    if (!FILESYSTEM_TYPES.has(r.type) || !(sizeBytes > 0) || PACKAGE_IMAGE.test(r.description)) continue;
    const usedBytes = r.used * r.units;
    storage.push({
      index: r.index, description: r.description, type: r.type, sizeBytes, usedBytes,
      usedPercent: round1((usedBytes / sizeBytes) * 100),
    });
  }
  return { storage, mempools };
}

export async function pollHrStorage(client: SnmpClient): Promise<{ storage: StorageInfo[]; mempools: MempoolInfo[] }> {
  const table = await client.table(OID.hrStorageTable, 30);
  const rows: HrStorageRow[] = [];
  for (const [index, row] of table) {
    const typeOid = String(row.get(2) ?? '');
    const typeNum = Number(/^1\.3\.6\.1\.2\.1\.25\.2\.1\.(\d+)$/.exec(typeOid)?.[1] ?? 1);
    rows.push({
      index: Number(index),
      type: TYPES[typeNum] ?? 'other',
      description: toText(row.get(3))?.trim() || `storage ${index}`,
      units: unsigned(toNumber(row.get(4))) || 1,
      size: unsigned(toNumber(row.get(5))),
      used: unsigned(toNumber(row.get(6))),
    });
  }
  return splitHrStorage(rows);
}
