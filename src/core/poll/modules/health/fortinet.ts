// Fortinet: FORTINET-FORTIGATE-MIB (fgSysCpuUsage, per-core fgProcessorUsage, fgSysMemUsage % of fgSysMemCapacity),
// FORTINET-FORTISWITCH-MIB (fsSysCpuUsage, fsSysMemUsage/Capacity in KB), FORTINET-FORTIAP-MIB (fapCpuUsage,
// fapMemoryUsage %). One GET for the scalars; the per-core column only on FortiGates.
import { vbNumber } from '../../../snmp/values';
import type { ProcessorInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { column, enterprise, num, pool, useMempools, useProcessors } from './util';

const fgSysCpuUsage = '1.3.6.1.4.1.12356.101.4.1.3.0';
const fgSysMemUsage = '1.3.6.1.4.1.12356.101.4.1.4.0';
const fgSysMemCapacity = '1.3.6.1.4.1.12356.101.4.1.5.0';
const fgProcessorUsage = '1.3.6.1.4.1.12356.101.4.4.2.1.2';
const fsSysCpuUsage = '1.3.6.1.4.1.12356.106.4.1.2.0';
const fsSysMemUsage = '1.3.6.1.4.1.12356.106.4.1.3.0';
const fsSysMemCapacity = '1.3.6.1.4.1.12356.106.4.1.4.0';
const fapCpuUsage = '1.3.6.1.4.1.12356.120.3.41.0';
const fapMemoryUsage = '1.3.6.1.4.1.12356.120.3.42.0';

export const fortinetHealth: PollModule = {
  name: 'fortinet-health', stage: 'vendor',
  applies: (out) => enterprise(out, 12356),
  async run(client, out) {
    const v = (await getTolerant(client, [fgSysCpuUsage, fgSysMemUsage, fgSysMemCapacity, fsSysCpuUsage, fsSysMemUsage, fsSysMemCapacity, fapCpuUsage, fapMemoryUsage])).map(vbNumber);
    const [fgCpu, fgMem, fgCap, fsCpu, fsMem, fsCap, apCpu, apMem] = v;
    const cpus: ProcessorInfo[] = [];
    if (fgCpu !== undefined) {
      cpus.push({ index: 0, loadPercent: fgCpu, description: 'CPU', source: 'fortinet' });
      for (const [i, load] of await column(client, fgProcessorUsage)) {
        cpus.push({ index: Number(i), loadPercent: num(load) ?? 0, description: `Core ${i}`, source: 'fortinet' });
      }
    } else if ((fsCpu ?? apCpu) !== undefined) {
      cpus.push({ index: 0, loadPercent: (fsCpu ?? apCpu)!, description: 'CPU', source: 'fortinet' });
    }
    useProcessors(out, cpus);
    if (fgMem !== undefined) {
      const total = fgCap ? fgCap * 1024 : undefined;
      useMempools(out, [pool({ index: 'fortinet.0', description: 'Memory', source: 'fortinet', total, used: total !== undefined ? Math.round((total * fgMem) / 100) : undefined, percent: fgMem })]);
    } else if (fsMem !== undefined && fsCap) {
      useMempools(out, [pool({ index: 'fortinet.0', description: 'Memory', source: 'fortinet', total: fsCap * 1024, used: fsMem * 1024 })]);
    } else if (apMem !== undefined) {
      useMempools(out, [pool({ index: 'fortinet.0', description: 'Memory', source: 'fortinet', percent: apMem })]);
    }
  },
};
