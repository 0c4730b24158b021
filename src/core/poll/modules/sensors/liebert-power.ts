// Liebert/Vertiv UPSes (LIEBERT-GP-POWER-MIB, 476.1.42.3.5): lgpPwrLineMeasurementTable, one row per measurement
// point (input, bypass, output…, named by an OID of the MIB) and line. Units from the MIB: V, A, % of capacity and
// power factor in 0.01. Voltages and currents are taken only where UPS-MIB gave none (the cards serve both, and the
// same reading twice would be counted twice); power factor and capacity are Liebert's alone.
import type { DevicePoll } from '../../types';
import { addSensors, columns, div, num, type Rows, type SensorDraft, type SensorModule } from './common';
import { pointName } from './liebert-environmental';

const PWR = '1.3.6.1.4.1.476.1.42.3.5';
const POINTS = ['Source 1 Input', 'Source 2 Input', 'PDU 1 Input', 'PDU 2 Input', 'Output To Load', 'Battery', 'Bypass', 'DC Bus',
  'System Output', 'Battery Cabinet'];

export function lineSensors(rows: Rows, withVoltsAmps: boolean): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const [point, line] = i.split('.');
    const name = `${pointName(r.get(3), `${PWR}.2.1`, POINTS, `Point ${point}`)} Line ${line ?? ''}`.trim();
    const pf = num(r.get(14));
    if (pf !== undefined) out.push({ class: 'power_factor', index: `pf.${i}`, description: `${name} Power Factor`, value: div(pf, 100) });
    const cap = num(r.get(7));
    if (cap !== undefined) out.push({ class: 'load', index: `capacity.${i}`, description: `${name} Capacity Used`, value: cap });
    if (!withVoltsAmps) continue;
    const v = num(r.get(5));
    if (v !== undefined) out.push({ class: 'voltage', index: `ln.${i}`, description: `${name} Voltage`, value: v });
    const a = num(r.get(6));
    if (a !== undefined) out.push({ class: 'current', index: `line.${i}`, description: `${name} Current`, value: a });
  }
  return out;
}

const upsMibHasLines = (out: DevicePoll) => (out.sensors ?? []).some((s) => s.source === 'ups-mib' && (s.class === 'voltage' || s.class === 'current'));

export const liebertPowerModule: SensorModule = {
  name: 'sensors.liebert-power', stage: 'vendor', os: ['liebert'],
  async run(c, out) {
    const rows = await columns(c, `${PWR}.2.3.1`, [3, 5, 6, 7, 14]);
    addSensors(out, 'liebert-power', lineSensors(rows, !upsMibHasLines(out)));
  },
};
