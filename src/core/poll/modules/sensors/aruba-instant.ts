// Aruba Instant virtual controllers (AI-AP-MIB, enterprise 14823.2.3.3): the state of every access point of the
// cluster and of each of its radios, named "<AP name> (<serial>)" and "<AP name> (<serial>) Radio <n>".
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, stateOf, text, type SensorDraft, type SensorModule } from './common';

const AI = '1.3.6.1.4.1.14823.2.3.3.1.2';
/** aiAPStatus and aiRadioStatus. */
const UP_DOWN: Record<number, [string, SensorInfo['status']]> = { 1: ['up', 'ok'], 2: ['down', 'critical'] };

/** aps: index (AP MAC as six sub-ids) → name, serial, status; radios: index AP MAC + radio number → status. */
export function instantSensors(aps: Map<string, Map<number, unknown>>, radios: Map<string, Map<number, unknown>>): SensorDraft[] {
  const label = new Map<string, string>();
  const out: SensorDraft[] = [];
  for (const [mac, r] of aps) {
    const serial = text(r.get(4));
    const name = `${text(r.get(2)) ?? mac}${serial ? ` (${serial})` : ''}`;
    label.set(mac, name);
    out.push({ class: 'state', index: `ap.${mac}`, description: name, ...stateOf(num(r.get(11)), UP_DOWN) });
  }
  for (const [i, r] of radios) {
    const parts = i.split('.');
    const mac = parts.slice(0, 6).join('.');
    out.push({ class: 'state', index: `radio.${i}`, description: `${label.get(mac) ?? mac} Radio ${parts[6] ?? ''}`.trim(), ...stateOf(num(r.get(20)), UP_DOWN) });
  }
  return out;
}

export const arubaInstantModule: SensorModule = {
  name: 'sensors.aruba-instant', stage: 'vendor', os: ['aruba-instant'],
  async run(c, out) {
    const [aps, radios] = await Promise.all([columns(c, `${AI}.1.1`, [11, 2, 4]), columns(c, `${AI}.2.1`, [20])]);
    addSensors(out, 'aruba-instant', instantSensors(aps, radios));
  },
};
