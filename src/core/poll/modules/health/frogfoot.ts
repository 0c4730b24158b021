// FROGFOOT-RESOURCES-MIB, which Ubiquiti UniFi and airOS agents carry: memTotal/memFree (KB) and the 5-minute
// load (loadValue row 2, in %). Used where HOST-RESOURCES has nothing.
import type { PollModule } from '../registry';
import { scalarHealth } from './scalar';
import { enterprise } from './util';

export const frogfootHealth: PollModule = {
  name: 'frogfoot-health', stage: 'vendor',
  applies: (out) => enterprise(out, 10002, 41112),
  async run(client, out) {
    const hadCpu = out.processors.length > 0;
    const before = out.processors;
    await scalarHealth(client, out, {
      source: 'frogfoot', cpu: ['1.3.6.1.4.1.10002.1.1.1.4.2.1.3.2'],
      memTotal: '1.3.6.1.4.1.10002.1.1.1.1.1.0', memFree: '1.3.6.1.4.1.10002.1.1.1.1.2.0', memUnit: 1024,
    });
    if (hadCpu) out.processors = before; // the agent's own hrProcessorLoad is per core: keep it
  },
};
