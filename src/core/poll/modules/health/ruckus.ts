// Ruckus wireless: ZoneDirector (RUCKUS-ZD-SYSTEM-MIB ruckusZDSystemCPUUtil / MemoryUtil, %) and Unleashed
// (RUCKUS-UNLEASHED-SYSTEM-MIB CPU / memory utilisation, %). SmartZone answers HOST-RESOURCES.
import type { PollModule } from '../registry';
import { scalarHealth } from './scalar';
import { enterprise } from './util';

export const ruckusHealth: PollModule = {
  name: 'ruckus-health', stage: 'vendor',
  applies: (out) => enterprise(out, 25053),
  async run(client, out) {
    await scalarHealth(client, out, { source: 'ruckus', cpu: ['1.3.6.1.4.1.25053.1.2.1.1.1.5.58.0'], memPercent: '1.3.6.1.4.1.25053.1.2.1.1.1.5.59.0' });
    if (!out.processors.length) await scalarHealth(client, out, { source: 'ruckus', cpu: ['1.3.6.1.4.1.25053.1.15.1.1.1.15.13.0'], memPercent: '1.3.6.1.4.1.25053.1.15.1.1.1.15.14.0' });
  },
};
