// SonicWall firewalls: SONICWALL-FIREWALL-IP-STATISTICS-MIB sonicCurrentCPUUtil and sonicCurrentRAMUtil (%).
// SonicOS 7 answers a placeholder sysObjectID, so sysDescr decides too.
import type { PollModule } from '../registry';
import { scalarHealth } from './scalar';
import { enterprise } from './util';

export const sonicwallHealth: PollModule = {
  name: 'sonicwall-health', stage: 'vendor',
  applies: (out) => enterprise(out, 8741) || /SonicWall|SonicOS/i.test(out.sysDescr ?? ''),
  run: (client, out) => scalarHealth(client, out, { source: 'sonicwall', cpu: ['1.3.6.1.4.1.8741.1.3.1.3.0'], memPercent: '1.3.6.1.4.1.8741.1.3.1.4.0' }),
};
