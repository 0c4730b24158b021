// Huawei VRP: HUAWEI-ENTITY-EXTENT-MIB hwEntityCpuUsage, hwEntityMemUsage (%), hwEntityMemSize (bytes).
import type { PollModule } from '../registry';
import { entityExtHealth } from './entity-ext';
import { enterprise } from './util';

const hwEntityStateEntry = '1.3.6.1.4.1.2011.5.25.31.1.1.1.1';

export const huaweiHealth: PollModule = {
  name: 'huawei-health', stage: 'vendor',
  applies: (out) => enterprise(out, 2011),
  run: (client, out) => entityExtHealth(client, out, {
    source: 'huawei', cpu: `${hwEntityStateEntry}.5`, memPercent: `${hwEntityStateEntry}.7`, memSize: `${hwEntityStateEntry}.9`,
  }),
};
