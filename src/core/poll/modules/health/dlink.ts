// D-Link switches: DLINK-AGENT-MIB (agentCPUutilizationIn5min, agentDRAMutilization %) on the DES/DGS-3000 lines;
// the newer equipment MIB (dEntity…: per-unit CPU, DRAM and flash in KB) at 171.14.5.1 on DGS-1510 and kin, or in
// the model's own branch 171.11.<model>.1000.5.1 (DGS-1250).
import { vbNumber } from '../../../snmp/values';
import type { MempoolInfo, ProcessorInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { equipmentBases } from '../sensors/dlink';
import { column, columns, enterprise, num, pool, useMempools, useProcessors } from './util';

const agentCPUutilizationIn5min = '1.3.6.1.4.1.171.12.1.1.6.3.0';
const agentCPUutilizationIn1min = '1.3.6.1.4.1.171.12.1.1.6.2.0';
const agentCPUutilizationIn5sec = '1.3.6.1.4.1.171.12.1.1.6.1.0';
const agentDRAMutilization = '1.3.6.1.4.1.171.12.1.1.9.1.4';

const MEMORY_TYPE: Record<string, string> = { 1: 'DRAM', 2: 'Flash', 3: 'NVRAM' };

export const dlinkHealth: PollModule = {
  name: 'dlink-health', stage: 'vendor',
  applies: (out) => enterprise(out, 171),
  async run(client, out) {
    // The equipment MIB sits at 171.14 or in the model's own branch (see equipmentBases): both are asked, in the
    // same request, and the one that answers is used. Its CPU table has five-minute (column 5) or only one-minute
    // (column 4) loads depending on the model.
    const bases = equipmentBases(out.sysObjectID);
    const [scalars, dram, ...perBase] = await Promise.all([
      getTolerant(client, [agentCPUutilizationIn5min, agentCPUutilizationIn1min, agentCPUutilizationIn5sec]),
      column(client, agentDRAMutilization),
      ...bases.map(async (base) => {
        const mem = `${base}.5.1.4.1`;
        const [five, one, m] = await Promise.all([column(client, `${base}.5.1.7.1.5`), column(client, `${base}.5.1.7.1.4`), columns(client, { total: `${mem}.3`, used: `${mem}.4`, free: `${mem}.5` })]);
        return { cpu: five.size ? five : one, mem: m };
      }),
    ]);
    const found = perBase.find((b) => b.cpu.size || b.mem.size) ?? { cpu: new Map<string, unknown>(), mem: new Map() };
    const entMem = found.mem;
    const cpus: ProcessorInfo[] = [...found.cpu].map(([i, v], k) => ({ index: k + 1, loadPercent: num(v) ?? 0, description: `Unit ${i.split('.')[0]} CPU`, source: 'dlink' }));
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
