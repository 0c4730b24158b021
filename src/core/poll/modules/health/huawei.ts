// Huawei VRP: HUAWEI-ENTITY-EXTENT-MIB hwEntityCpuUsage, hwEntityMemUsage (%), hwEntityMemSize (bytes); the flash
// partitions of HUAWEI-FLASH-MAN-MIB (hwFlhPartTable: size and free in KB, name "flash:") as storage.
import type { PollModule } from '../registry';
import { entityExtHealth } from './entity-ext';
import { columns, enterprise, num, text } from './util';
import type { StorageInfo } from '../../types';

const hwEntityStateEntry = '1.3.6.1.4.1.2011.5.25.31.1.1.1.1';
const hwFlhPartEntry = '1.3.6.1.4.1.2011.6.9.1.4.2.1';

export const huaweiHealth: PollModule = {
  name: 'huawei-health', stage: 'vendor',
  applies: (out) => enterprise(out, 2011),
  async run(client, out) {
    const [, parts] = await Promise.all([
      entityExtHealth(client, out, { source: 'huawei', cpu: `${hwEntityStateEntry}.5`, memPercent: `${hwEntityStateEntry}.7`, memSize: `${hwEntityStateEntry}.9` }),
      columns(client, { name: `${hwFlhPartEntry}.5`, size: `${hwFlhPartEntry}.3`, free: `${hwFlhPartEntry}.4` }),
    ]);
    const flash: StorageInfo[] = [];
    for (const [i, r] of parts) {
      const size = (num(r.size) ?? 0) * 1024;
      const used = Math.max(0, size - (num(r.free) ?? 0) * 1024);
      if (size > 0) flash.push({ index: Number(i), description: text(r.name) ?? `flash ${i}`, type: 'flashMemory', sizeBytes: size, usedBytes: used, usedPercent: Math.round((used / size) * 1000) / 10 });
    }
    out.storage = [...out.storage, ...flash];
  },
};
