// HPE servers through iLO: CPQHOST-MIB cpqHoPhysicalMemorySize/Free and cpqHoPagingMemorySize/Free (MB) — the
// host's own RAM and paging file as the iLO agent reports them. These replace the iLO's embedded HOST-RESOURCES.
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { enterprise, num, pool, useMempools } from './util';
import type { MempoolInfo } from '../../types';

const cpqHoMemory = '1.3.6.1.4.1.232.11.2.13';
const MB = 1024 * 1024;

export const hpeIloHealth: PollModule = {
  name: 'hpe-ilo-health', stage: 'vendor',
  applies: (out) => enterprise(out, 232),
  async run(client, out) {
    const [physTotal, physFree, pageTotal, pageFree] = (await getTolerant(client, [1, 2, 3, 4].map((c) => `${cpqHoMemory}.${c}.0`))).map((vb) => num(vb?.value));
    const pools: MempoolInfo[] = [];
    if (physTotal) pools.push(pool({ index: 'ilo.phys', description: 'Physical memory', source: 'hpe-ilo', total: physTotal * MB, free: (physFree ?? 0) * MB }));
    if (pageTotal) pools.push(pool({ index: 'ilo.paging', description: 'Paging memory', type: 'swap', source: 'hpe-ilo', total: pageTotal * MB, free: (pageFree ?? 0) * MB }));
    useMempools(out, pools);
  },
};
