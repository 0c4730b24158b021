// CISCO-ENVMON-MIB: the older Cisco environment tables — voltages (mV) and temperatures (°C) with their
// thresholds and state, fan and power-supply state. Each table gives a state sensor; values a second sensor.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, columns, div, fromEnterprise, num, stateOf, text, type SensorDraft, type SensorModule } from './common';

const BASE = '1.3.6.1.4.1.9.9.13.1';

/** CiscoEnvMonState. */
export const ENVMON_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['normal', 'ok'], 2: ['warning', 'warning'], 3: ['critical', 'critical'], 4: ['shutdown', 'critical'],
  5: ['notPresent', 'unknown'], 6: ['notFunctioning', 'critical'],
};

export async function readEnvmon(client: SnmpClient): Promise<SensorDraft[]> {
  const [volt, temp, fan, psu] = await Promise.all([
    columns(client, `${BASE}.2.1`, [2, 3, 4, 5, 7]),
    columns(client, `${BASE}.3.1`, [2, 3, 4, 6]),
    columns(client, `${BASE}.4.1`, [2, 3]),
    columns(client, `${BASE}.5.1`, [2, 3]),
  ]);
  const out: SensorDraft[] = [];
  for (const [index, r] of temp) {
    const description = text(r.get(2)) ?? `Temperature ${index}`;
    const state = stateOf(num(r.get(6)), ENVMON_STATES);
    if (r.has(6)) out.push({ class: 'state', index: `temp.${index}`, description, ...state });
    const value = num(r.get(3));
    if (value !== undefined) {
      const high = num(r.get(4));
      out.push({ class: 'temperature', index: `temp.${index}`, description, value, limitHigh: high || undefined, status: r.has(6) ? state.status : undefined });
    }
  }
  for (const [index, r] of volt) {
    const description = text(r.get(2)) ?? `Voltage ${index}`;
    const state = stateOf(num(r.get(7)), ENVMON_STATES);
    if (r.has(7)) out.push({ class: 'state', index: `volt.${index}`, description, ...state });
    const value = div(num(r.get(3)), 1000);
    if (value !== undefined) {
      out.push({
        class: 'voltage', index: `volt.${index}`, description, value,
        limitLow: div(num(r.get(4)), 1000), limitHigh: div(num(r.get(5)), 1000), status: r.has(7) ? state.status : undefined,
      });
    }
  }
  for (const [index, r] of fan) out.push({ class: 'state', index: `fan.${index}`, description: text(r.get(2)) ?? `Fan ${index}`, ...stateOf(num(r.get(3)), ENVMON_STATES) });
  for (const [index, r] of psu) out.push({ class: 'state', index: `psu.${index}`, description: text(r.get(2)) ?? `Power supply ${index}`, ...stateOf(num(r.get(3)), ENVMON_STATES) });
  return out;
}

export const ciscoEnvmonModule: SensorModule = {
  name: 'sensors.cisco-envmon', stage: 'vendor', applies: fromEnterprise(9),
  async run(c, out) {
    addSensors(out, 'cisco-envmon', await readEnvmon(c));
  },
};
