// D-Link switches: DLINK-AGENT-MIB (agentCPUutilizationIn5min, agentDRAMutilization %) on the DES/DGS-3000 lines;
// the newer equipment MIB (dEntity… under 171.14.5.1: per-unit CPU, DRAM and flash in KB) on DGS-1510 and kin.
import { vbNumber } from '../../../snmp/values';
import type { MempoolInfo, ProcessorInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { column, columns, enterprise, num, pool, useMempools, useProcessors } from './util';

const agentCPUutilizationIn5min = '1.3.6.1.4.1.171.12.1.1.6.3.0';
const agentCPUutilizationIn1min = '1.3.6.1.4.1.171.12.1.1.6.2.0';
const agentCPUutilizationIn5sec = '1.3.6.1.4.1.171.12.1.1.6.1.0';
const agentDRAMutilization = '1.3.6.1.4.1.171.12.1.1.9.1.4';
const dEntityExtCpuUtilFiveMinutes = '1.3.6.1.4.1.171.14.5.1.7.1.4';
const dEntityExtMemoryUtilEntry = '1.3.6.1.4.1.171.14.5.1.4.1';
const MEMORY_TYPE: Record<string, string> = { 1: 'DRAM', 2: 'Flash', 3: 'NVRAM' };

export const dlinkHealth: PollModule = {
  name: 'dlink-health', stage: 'vendor',
  applies: (out) => enterprise(out, 171),
  async run(client, out) {
    const [scalars, dram, entCpu, entMem] = await Promise.all([
      getTolerant(client, [agentCPUutilizationIn5min, agentCPUutilizationIn1min, agentCPUutilizationIn5sec]),
      column(client, agentDRAMutilization),
      column(client, dEntityExtCpuUtilFiveMinutes),
      columns(client, { total: `${dEntityExtMemoryUtilEntry}.3`, used: `${dEntityExtMemoryUtilEntry}.4`, free: `${dEntityExtMemoryUtilEntry}.5` }),
    ]);
    const cpus: ProcessorInfo[] = [...entCpu].map(([i, v], k) => ({ index: k + 1, loadPercent: num(v) ?? 0, description: `Unit ${i.split('.')[0]} CPU`, source: 'dlink' }));
    const agentCpu = scalars.map(vbNumber).find((x) => x !== undefined);
    if (!cpus.length && agentCpu !== undefined) cpus.push({ index: 0, loadPercent: agentCpu, description: 'CPU', source: 'dlink' });
    const pools: MempoolInfo[] = [...entMem].map(([i, r]) => {
      const [unit, type] = i.split('.');
      return pool({ index: `dlink.${i}`, description: `Unit ${unit} ${MEMORY_TYPE[type] ?? `memory ${type}`}`, type: type === '1' ? 'ram' : 'other', source: 'dlink', total: (num(r.total) ?? 0) * 1024, used: (num(r.used) ?? 0) * 1024 });
    }).filter((m) => (m.totalBytes ?? 0) > 0);
    if (!pools.length) for (const [i, v] of dram) pools.push(pool({ index: `dlink.${i}`, description: `Unit ${i} DRAM`, source: 'dlink', percent: num(v) }));
    useProcessors(out, cpus);
    useMempools(out, pools);
  },
};
