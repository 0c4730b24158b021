// UCD-SNMP-MIB dskTable (paths from snmpd's `disk` lines; sizes in KB): storage for net-snmp agents that answer
// UCD but have no hrStorageTable (some embedded Linux firmware). Walked only where HOST-RESOURCES gave no storage.
import type { StorageInfo } from '../../types';
import type { PollModule } from '../registry';
import { columns, num, text } from './util';

const dskEntry = '1.3.6.1.4.1.2021.9.1';

export const ucdDisk: PollModule = {
  name: 'ucd-disk', stage: 'vendor',
  applies: (out) => !!out.ucd && !out.storage.length,
  async run(client, out) {
    const rows = await columns(client, { path: `${dskEntry}.2`, total: `${dskEntry}.6`, avail: `${dskEntry}.7`, used: `${dskEntry}.8` });
    const disks: StorageInfo[] = [];
    for (const [i, r] of rows) {
      const size = (num(r.total) ?? 0) * 1024;
      if (!(size > 0)) continue;
      const avail = num(r.avail);
      // dskAvail reads 2147483647 on agents that cannot count it: then dskUsed is the figure.
      const used = avail !== undefined && avail !== 2147483647 ? size - avail * 1024 : (num(r.used) ?? 0) * 1024;
      disks.push({ index: Number(i), description: text(r.path) ?? `disk ${i}`, type: 'fixedDisk', sizeBytes: size, usedBytes: Math.max(0, used), usedPercent: Math.round((Math.max(0, used) / size) * 1000) / 10 });
    }
    out.storage = disks;
  },
};
