// HP/Aruba ProCurve (ArubaOS-Switch): STATISTICS-MIB hpSwitchCpuStat (%) and NETSWITCH-MIB hpLocalMemTable
// (total/free/allocated bytes per slot). Runs on HP's enterprise only where HOST-RESOURCES gave no processor.
import type { PollModule } from '../registry';
import { getTolerant } from '../get-tolerant';
import { vbNumber } from '../../../snmp/values';
import { columns, enterprise, num, pool, useMempools, useProcessors } from './util';

const hpSwitchCpuStat = '1.3.6.1.4.1.11.2.14.11.5.1.9.6.1.0';
const hpLocalMemEntry = '1.3.6.1.4.1.11.2.14.11.5.1.1.2.1.1.1';

export const procurveHealth: PollModule = {
  name: 'procurve-health', stage: 'vendor',
  applies: (out) => enterprise(out, 11) && !out.processors.length,
  async run(client, out) {
    const [[cpu], mem] = await Promise.all([
      getTolerant(client, [hpSwitchCpuStat]),
      columns(client, { total: `${hpLocalMemEntry}.5`, free: `${hpLocalMemEntry}.6`, alloc: `${hpLocalMemEntry}.7` }),
    ]);
    const load = vbNumber(cpu);
    if (load !== undefined) useProcessors(out, [{ index: 0, loadPercent: load, description: 'CPU', source: 'procurve' }]);
    useMempools(out, [...mem].map(([slot, r]) => pool({ index: `procurve.${slot}`, description: `Slot ${slot} memory`, source: 'procurve', total: num(r.total), free: num(r.free), used: num(r.alloc) }))
      .filter((m) => (m.totalBytes ?? 0) > 0));
  },
};
