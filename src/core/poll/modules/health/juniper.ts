// Juniper: JUNIPER-MIB jnxOperatingTable. CPU load (jnxOperatingCPU) and memory (jnxOperatingBuffer %, of
// jnxOperatingDRAMSize bytes or jnxOperatingMemory MB) of the components that carry a processor: Routing Engines,
// FPC line cards, forwarding-engine boards (FEB/TFEB/AFEB) and services cards (SPC). Fans, PSUs, PICs and sensors
// share the table but have no CPU.
import type { MempoolInfo, ProcessorInfo } from '../../types';
import type { PollModule } from '../registry';
import { columns, enterprise, num, pool, text, useMempools, useProcessors } from './util';

const jnxOperatingEntry = '1.3.6.1.4.1.2636.3.1.13.1';
const WITH_CPU = /^(Routing Engine|FPC\b|[AT]?FEB\b|SPC\b|SPU\b|NPC\b)/i;

export const juniperHealth: PollModule = {
  name: 'juniper-health', stage: 'vendor',
  applies: (out) => enterprise(out, 2636),
  async run(client, out) {
    const rows = await columns(client, {
      descr: `${jnxOperatingEntry}.5`, cpu: `${jnxOperatingEntry}.8`, dram: `${jnxOperatingEntry}.10`,
      buffer: `${jnxOperatingEntry}.11`, memMb: `${jnxOperatingEntry}.15`,
    });
    const cpus: ProcessorInfo[] = [];
    const pools: MempoolInfo[] = [];
    let k = 0;
    for (const [index, r] of rows) {
      const descr = text(r.descr);
      if (!descr || !WITH_CPU.test(descr) || /sensor/i.test(descr)) continue;
      k++;
      cpus.push({ index: k, loadPercent: num(r.cpu) ?? 0, description: descr, source: 'juniper' });
      const total = num(r.dram) || (num(r.memMb) ?? 0) * 1024 * 1024 || undefined;
      const pct = num(r.buffer);
      pools.push(pool({ index: `jnx.${index}`, description: descr, source: 'juniper', total, used: total !== undefined && pct !== undefined ? Math.round((total * pct) / 100) : undefined, percent: pct }));
    }
    useProcessors(out, cpus);
    useMempools(out, pools);
  },
};
