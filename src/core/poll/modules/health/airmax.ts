// Ubiquiti airMAX radios (UBNT-AirMAX-MIB ubntHost group): ubntHostCpuLoad, in hundredths of a percent, where the
// agent has no FROGFOOT-RESOURCES or HOST-RESOURCES CPU figure (airOS 8 serves only its own MIB).
import { vbNumber } from '../../../snmp/values';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { useProcessors } from './util';

const ubntHostCpuLoad = '1.3.6.1.4.1.41112.1.4.8.3.0';

export const airmaxCpuPercent = (raw: number): number => Math.min(100, Math.max(0, raw / 100));

export const airmaxHealth: PollModule = {
  name: 'airmax-health', stage: 'vendor', os: ['airos'],
  async run(client, out) {
    const [vb] = await getTolerant(client, [ubntHostCpuLoad]);
    const raw = vbNumber(vb);
    if (raw === undefined || out.processors.length) return;
    useProcessors(out, [{ index: 0, loadPercent: airmaxCpuPercent(raw), description: 'CPU', source: 'airmax' }]);
  },
};
