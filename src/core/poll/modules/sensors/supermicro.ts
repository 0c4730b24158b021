// Supermicro BMCs (ATEN-IPMI-MIB, enterprise 21317): the IPMI sensor table — each reading's kind told by its name
// (…Temp, FAN…, voltages, VBAT, Chassis Intru, …Status) — the power supplies' own readings and the power state.
import type { SensorClass, SensorInfo } from '../../types';
import { addSensors, columns, num, readScalars, stateOf, text, type Rows, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const ATEN = '1.3.6.1.4.1.21317.1';
const INTRUSION: States = { 0: ['OK', 'ok'], 1: ['General Chassis Intrusion.', 'critical'] };
const VBAT: States = { 0: ['Not Present', 'critical'], 2: ['Present: Failed', 'critical'], 4: ['Present: OK', 'ok'] };
const ON_OFF: States = { 0: ['Off', 'critical'], 1: ['On', 'ok'] };
const POWER: States = { 0: ['Off', 'critical'], 1: ['On', 'ok'], 2: ['Reset', 'warning'] };
const PSU: States = { 0: ['Not Present', 'critical'], 1: ['Present: OK', 'ok'], 3: ['Present: Failed', 'critical'] };

/** What an IPMI sensor measures, from its name; undefined when it is none of the kinds kept. */
export function ipmiKind(name: string, lowerCritical: number | undefined): SensorClass | 'intrusion' | 'vbat' | 'status' | undefined {
  if (name === 'Chassis Intru') return 'intrusion';
  if (name === 'VBAT') return 'vbat';
  if (name.includes('Status') && !/^PS. Status/.test(name)) return 'status';
  // Temperatures and fans with no lower threshold are placeholders for absent probes.
  if (name.includes('Temp')) return lowerCritical ? 'temperature' : undefined;
  if (name.includes('FAN')) return lowerCritical ? 'fanspeed' : undefined;
  if (name.includes('V')) return 'voltage';
  return undefined;
}

export function ipmiSensors(rows: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const name = text(r.get(13));
    const v = num(r.get(2));
    if (!name || v === undefined) continue;
    const kind = ipmiKind(name, num(r.get(6)));
    if (!kind) continue;
    const states = kind === 'intrusion' ? INTRUSION : kind === 'vbat' ? VBAT : kind === 'status' ? ON_OFF : undefined;
    if (states) out.push({ class: 'state', index: `ipmi.${i}`, description: name, ...stateOf(v, states) });
    else out.push({ class: kind as SensorClass, index: `ipmi.${i}`, description: name, value: v, limitLowWarn: num(r.get(6)), limitHighWarn: num(r.get(9)), limitLow: num(r.get(7)), limitHigh: num(r.get(10)) });
  }
  return out;
}

export function psuSensors(rows: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const add = (cls: SensorClass, col: number, descr: string, skipZero = false) => {
      const v = num(r.get(col));
      if (v !== undefined && !(skipZero && v === 0)) out.push({ class: cls, index: `psu${col}.${i}`, description: `PSU ${i} ${descr}`, value: v });
    };
    if (r.has(2)) out.push({ class: 'state', index: `psu.${i}`, description: `PSU ${i} Status`, ...stateOf(num(r.get(2)), PSU) });
    add('voltage', 3, 'Input Voltage');
    add('current', 4, 'Input Current');
    add('power', 5, 'Input Power');
    add('temperature', 9, 'Temperature 1');
    add('temperature', 10, 'Temperature 2');
    add('fanspeed', 11, 'Fan 1', true);
    add('fanspeed', 12, 'Fan 2', true);
  }
  return out;
}

const POWER_STATUS: ScalarSpec[] = [{ oid: `${ATEN}.4.0`, class: 'state', description: 'Power Status 0', states: POWER, key: 'power' }];

export const supermicroModule: SensorModule = {
  name: 'sensors.supermicro', stage: 'vendor', os: ['supermicro-bmc'],
  async run(c, out) {
    const [ipmi, psu, s] = await Promise.all([
      columns(c, `${ATEN}.3.1`, [13, 2, 6, 7, 9, 10]), columns(c, `${ATEN}.14.2.1`, [2, 3, 4, 5, 9, 10, 11, 12]), readScalars(c, POWER_STATUS),
    ]);
    addSensors(out, 'supermicro', [...ipmiSensors(ipmi), ...psuSensors(psu), ...s]);
  },
};
