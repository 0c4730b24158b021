// TP-Link JetStream switches: TPLINK-SYSMONITOR-MIB CPU (per unit, last 5 s / 1 min / 5 min) and memory usage %.
import type { PollModule } from '../registry';
import { column, enterprise, num, useMempools, useProcessors, pool } from './util';

const tpSysMonitorCpuEntry = '1.3.6.1.4.1.11863.6.4.1.1.1.1';
const tpSysMonitorMemoryEntry = '1.3.6.1.4.1.11863.6.4.1.2.1.1';

export const tplinkHealth: PollModule = {
  name: 'tplink-health', stage: 'vendor',
  applies: (out) => enterprise(out, 11863),
  async run(client, out) {
    const [cpu5min, cpu5s, mem] = await Promise.all([
      column(client, `${tpSysMonitorCpuEntry}.4`), column(client, `${tpSysMonitorCpuEntry}.2`), column(client, `${tpSysMonitorMemoryEntry}.2`),
    ]);
    const cpu = cpu5min.size ? cpu5min : cpu5s;
    useProcessors(out, [...cpu].map(([unit, v]) => ({ index: Number(unit), loadPercent: num(v) ?? 0, description: `Unit ${unit} CPU`, source: 'tplink' })));
    useMempools(out, [...mem].map(([unit, v]) => pool({ index: `tplink.${unit}`, description: `Unit ${unit} memory`, source: 'tplink', percent: num(v) })));
  },
};
