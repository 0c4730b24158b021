// PoE budgets of Cisco IOS/IOS-XE switches: POWER-ETHERNET-MIB pethMainPseTable (budget of each PSE in W, and on
// IOS what it delivers), CISCO-POWER-ETHERNET-EXT-MIB (IOS-XE: used and remaining power of each named PSE, mW) and
// the number of powered devices connected.
import { addSensors, columns, div, num, scalars, text, type SensorDraft, type SensorModule } from './common';

const PETH = '1.3.6.1.2.1.105.1.3.1.1';
const CPE = '1.3.6.1.4.1.9.9.402.1';

export function ciscoPoeSensors(os: string, peth: Map<string, Map<number, unknown>>, ext: Map<string, Map<number, unknown>>, devices: number | undefined): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of peth) {
    const total = num(r.get(2));
    if (total !== undefined) out.push({ class: 'power', index: `total.${i}`, description: `PoE Budget Total - ID ${i}`, value: total });
    const used = num(r.get(4));
    if (os === 'ios' && used !== undefined) out.push({ class: 'power', index: `consumed.${i}`, description: `PoE Budget Consumed - ID ${i}`, value: used, limitHigh: total });
  }
  if (os === 'iosxe') {
    for (const [i, r] of ext) {
      const name = text(r.get(2)) ?? `ID ${i}`;
      const used = num(r.get(4));
      const left = num(r.get(5));
      if (used !== undefined) out.push({ class: 'power', index: `used.${i}`, description: `PoE Budget Consumed - ${name}`, value: div(used, 1000) });
      if (left !== undefined) out.push({ class: 'power', index: `remaining.${i}`, description: `PoE Budget Remaining - ${name}`, value: div(left, 1000), limitLow: 0 });
    }
  }
  if (devices !== undefined) out.push({ class: 'count', index: 'devices', description: 'PoE Devices Connected', value: devices });
  return out;
}

export const ciscoPoeModule: SensorModule = {
  name: 'sensors.cisco-poe', stage: 'vendor', os: ['ios', 'iosxe'],
  async run(c, out) {
    const [peth, ext, [devices]] = await Promise.all([
      columns(c, PETH, [2, 4]),
      out.os === 'iosxe' ? columns(c, `${CPE}.3.1`, [4, 2, 5]) : Promise.resolve(new Map()),
      scalars(c, [`${CPE}.4.1.0`]),
    ]);
    addSensors(out, 'cisco-poe', ciscoPoeSensors(out.os ?? '', peth, ext, num(devices)));
  },
};
