// HPE servers through iLO: CPQHOST-MIB cpqHoPhysicalMemorySize/Free and cpqHoPagingMemorySize/Free (MB) — the
// host's own RAM and paging file, and cpqHoFileSysTable, the host's filesystems, as the iLO agent reports them.
// These replace the iLO's embedded HOST-RESOURCES where they answer.
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { columns, enterprise, num, pool, text, useMempools } from './util';
import type { MempoolInfo, StorageInfo } from '../../types';
import { isPseudoFilesystem } from './hr-storage';

const cpqHoMemory = '1.3.6.1.4.1.232.11.2.13';
/** cpqHoFileSysTable: description ("/dev/sda1 on /boot"), total and used space in MB. */
const cpqHoFileSysEntry = '1.3.6.1.4.1.232.11.2.4.1.1';
const MB = 1024 * 1024;

export const hpeIloHealth: PollModule = {
  name: 'hpe-ilo-health', stage: 'vendor',
  applies: (out) => enterprise(out, 232),
  async run(client, out) {
    const [scalars, fs] = await Promise.all([
      getTolerant(client, [1, 2, 3, 4].map((c) => `${cpqHoMemory}.${c}.0`)),
      columns(client, { descr: `${cpqHoFileSysEntry}.2`, total: `${cpqHoFileSysEntry}.3`, used: `${cpqHoFileSysEntry}.4` }),
    ]);
    const [physTotal, physFree, pageTotal, pageFree] = scalars.map((vb) => num(vb?.value));
    const storage: StorageInfo[] = [];
    for (const [i, r] of fs) {
      const descr = text(r.descr);
      const size = (num(r.total) ?? 0) * MB;
      if (!descr || !(size > 0) || isPseudoFilesystem(descr)) continue;
      const used = (num(r.used) ?? 0) * MB;
      storage.push({ index: Number(i), description: descr, type: 'fixedDisk', sizeBytes: size, usedBytes: used, usedPercent: Math.round((used / size) * 1000) / 10 });
    }
    if (storage.length) out.storage = storage;
    const pools: MempoolInfo[] = [];
    if (physTotal) pools.push(pool({ index: 'ilo.phys', description: 'Physical memory', source: 'hpe-ilo', total: physTotal * MB, free: (physFree ?? 0) * MB }));
    if (pageTotal) pools.push(pool({ index: 'ilo.paging', description: 'Paging memory', type: 'swap', source: 'hpe-ilo', total: pageTotal * MB, free: (pageFree ?? 0) * MB }));
    useMempools(out, pools);
  },
};
