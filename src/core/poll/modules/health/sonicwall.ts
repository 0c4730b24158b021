// SonicWall firewalls: SONICWALL-FIREWALL-IP-STATISTICS-MIB sonicCurrentCPUUtil and sonicCurrentRAMUtil (%);
// SMA remote-access appliances: SNWL-SSLVPN-MIB CPU and memory utilisation (%).
// SonicOS 7 answers a placeholder sysObjectID, so sysDescr decides too.
import type { PollModule } from '../registry';
import { scalarHealth } from './scalar';
import { enterprise } from './util';

export const sonicwallHealth: PollModule = {
  name: 'sonicwall-health', stage: 'vendor',
  applies: (out) => enterprise(out, 8741) || /SonicWall|SonicOS/i.test(out.sysDescr ?? ''),
  async run(client, out) {
    const sma = (out.sysObjectID ?? '').replace(/^\./, '').startsWith('1.3.6.1.4.1.8741.6');
    await scalarHealth(client, out, sma
      ? { source: 'sonicwall', cpu: ['1.3.6.1.4.1.8741.6.2.1.3.0'], memPercent: '1.3.6.1.4.1.8741.6.2.1.5.0' }
      : { source: 'sonicwall', cpu: ['1.3.6.1.4.1.8741.1.3.1.3.0'], memPercent: '1.3.6.1.4.1.8741.1.3.1.4.0' });
  },
};
