// Broadcom FASTPATH switches (Ubiquiti EdgeSwitch, some Netgear): agentSwitchCpuProcessTotalUtilization is text,
// "5 Secs ( 1.2%) 60 Secs ( 3.4%) 300 Secs ( 5.6%)": the 5-minute figure is the CPU; memory free and total.
import type { PollModule } from '../registry';
import { scalarHealth } from './scalar';
import { enterprise } from './util';

const agentSwitchCpuProcessEntry = '1.3.6.1.4.1.4413.1.1.1.1.4';

export function fastpathCpu(text: string): number | undefined {
  const m = /300 Secs\s*\(\s*([\d.]+)%\)/i.exec(text) ?? /60 Secs\s*\(\s*([\d.]+)%\)/i.exec(text);
  return m ? Math.round(Number(m[1]) * 10) / 10 : undefined;
}

export const fastpathHealth: PollModule = {
  name: 'fastpath-health', stage: 'vendor',
  applies: (out) => enterprise(out, 4413, 4526),
  run(client, out) {
    // Netgear builds the same group under its own enterprise (4526.10 or 4526.11).
    const bases = enterprise(out, 4413) ? [agentSwitchCpuProcessEntry] : ['1.3.6.1.4.1.4526.10.1.1.4', '1.3.6.1.4.1.4526.11.1.1.4'];
    return bases.reduce(async (done, base) => {
      await done;
      if (out.mempools?.length) return;
      await scalarHealth(client, out, { source: 'fastpath', cpu: [`${base}.9.0`], cpuText: fastpathCpu, memFree: `${base}.1.0`, memTotal: `${base}.2.0`, memUnit: 1024 });
    }, Promise.resolve());
  },
};
