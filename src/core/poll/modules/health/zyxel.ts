// Zyxel: ZYXEL-ES-COMMON (890.1.15.3.2, ZyNOS switches, USG FLEX and NXC controllers) sysMgmtCPU5MinUsage /
// 1Min / 5Sec / CPUUsage, sysMgmtMemUsage and sysMgmtFlashUsage (%); older ZyWALL firmware answers the same in
// ZYXEL-SYS-MEMORY (890.1.6.22.1). Percentages only: the pools have no size.
import { vbNumber } from '../../../snmp/values';
import type { MempoolInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { enterprise, pool, useMempools, useProcessors } from './util';

const es = '1.3.6.1.4.1.890.1.15.3.2';
const zw = '1.3.6.1.4.1.890.1.6.22.1';
const CPU = [`${es}.9.0`, `${es}.8.0`, `${es}.4.0`, `${es}.7.0`, `${zw}.5.0`, `${zw}.4.0`, `${zw}.1.0`];
const MEM = [`${es}.5.0`, `${zw}.2.0`];
const FLASH = [`${es}.6.0`, `${zw}.6.0`];

export const zyxelHealth: PollModule = {
  name: 'zyxel-health', stage: 'vendor',
  // USG FLEX firmware answers net-snmp's sysObjectID with only the model as sysDescr.
  applies: (out) => enterprise(out, 890) || (enterprise(out, 8072) && /^(USG|ZyWALL|ATP|NXC|NAP|NWA|XGS|GS\d)/.test(out.sysDescr ?? '')),
  async run(client, out) {
    const oids = [...CPU, ...MEM, ...FLASH];
    const v = new Map((await getTolerant(client, oids)).map((vb, i) => [oids[i], vbNumber(vb)]));
    const first = (list: string[]) => list.map((o) => v.get(o)).find((x) => x !== undefined && x >= 0 && x <= 100);
    const cpu = first(CPU);
    if (cpu !== undefined) useProcessors(out, [{ index: 0, loadPercent: cpu, description: 'CPU', source: 'zyxel' }]);
    const pools: MempoolInfo[] = [];
    const mem = first(MEM);
    const flash = first(FLASH);
    if (mem !== undefined) pools.push(pool({ index: 'zyxel.mem', description: 'Memory', source: 'zyxel', percent: mem }));
    if (flash !== undefined) pools.push(pool({ index: 'zyxel.flash', description: 'Flash', type: 'flash', source: 'zyxel', percent: flash }));
    useMempools(out, pools);
  },
};
