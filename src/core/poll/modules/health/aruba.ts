// Aruba (HPE) wireless: mobility controllers (WLSX-SYSTEMEXT-MIB wlsxSysXProcessorTable, wlsxSysXMemoryTable in KB)
// and Instant virtual controllers (AI-AP-MIB aiAccessPointTable: CPU %, free and total memory per AP).
// AOS-CX switches answer HOST-RESOURCES and need nothing here.
import type { MempoolInfo, ProcessorInfo } from '../../types';
import type { PollModule } from '../registry';
import { columns, enterprise, num, pool, text, useMempools, useProcessors } from './util';

const wlsxSysXProcessorEntry = '1.3.6.1.4.1.14823.2.2.1.2.1.13.1';
const wlsxSysXMemoryEntry = '1.3.6.1.4.1.14823.2.2.1.1.1.11.1';
const aiAccessPointEntry = '1.3.6.1.4.1.14823.2.3.3.1.2.1.1';

export const arubaHealth: PollModule = {
  name: 'aruba-health', stage: 'vendor',
  applies: (out) => enterprise(out, 14823),
  async run(client, out) {
    const [cpuRows, memRows, aps] = await Promise.all([
      columns(client, { descr: `${wlsxSysXProcessorEntry}.2`, load: `${wlsxSysXProcessorEntry}.3` }),
      columns(client, { total: `${wlsxSysXMemoryEntry}.2`, used: `${wlsxSysXMemoryEntry}.3`, free: `${wlsxSysXMemoryEntry}.4` }),
      columns(client, { name: `${aiAccessPointEntry}.2`, cpu: `${aiAccessPointEntry}.7`, free: `${aiAccessPointEntry}.8`, total: `${aiAccessPointEntry}.10` }),
    ]);
    const cpus: ProcessorInfo[] = [...cpuRows].map(([i, r]) => ({ index: Number(i), loadPercent: num(r.load) ?? 0, description: text(r.descr) ?? `CPU ${i}`, source: 'aruba' }));
    const pools: MempoolInfo[] = [...memRows].map(([i, r]) => pool({
      index: `aruba.${i}`, description: 'Memory', source: 'aruba', total: (num(r.total) ?? 0) * 1024, used: num(r.used) !== undefined ? num(r.used)! * 1024 : undefined, free: num(r.free) !== undefined ? num(r.free)! * 1024 : undefined,
    })).filter((m) => (m.totalBytes ?? 0) > 0);
    let k = 0;
    for (const [i, r] of aps) {
      k++;
      const name = text(r.name) ?? `AP ${k}`;
      if (num(r.cpu) !== undefined) cpus.push({ index: k, loadPercent: num(r.cpu)!, description: name, source: 'aruba' });
      const total = num(r.total);
      if (total) pools.push(pool({ index: `ai.${i}`, description: name, source: 'aruba', total, free: num(r.free) }));
    }
    useProcessors(out, cpus);
    useMempools(out, pools);
  },
};
