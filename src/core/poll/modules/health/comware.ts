// H3C / HPE Comware: HH3C-ENTITY-EXT-MIB hh3cEntityExtCpuUsage, hh3cEntityExtMemUsage (%), hh3cEntityExtMemSize.
import type { PollModule } from '../registry';
import { entityExtHealth } from './entity-ext';
import { enterprise } from './util';

const hh3cEntityExtStateEntry = '1.3.6.1.4.1.25506.2.6.1.1.1.1';

export const comwareHealth: PollModule = {
  name: 'comware-health', stage: 'vendor',
  applies: (out) => enterprise(out, 25506),
  run: (client, out) => entityExtHealth(client, out, {
    source: 'comware', cpu: `${hh3cEntityExtStateEntry}.6`, memPercent: `${hh3cEntityExtStateEntry}.8`, memSize: `${hh3cEntityExtStateEntry}.10`,
  }),
};
