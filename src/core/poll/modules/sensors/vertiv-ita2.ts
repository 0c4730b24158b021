// Vertiv ITA2 UPS cards (VERTIV-ITA2-MIB, 13400.2.54): scalars for the plant status, output source, input,
// output and bypass phases A–C, and the battery. Units from the MIB: 0.1 V, 0.1 A (battery 0.01 A), 0.01 Hz,
// 0.01 kW, 0.1 %, remaining time in 0.1 min, temperatures in 0.1 °C (65535 when no probe is fitted).
// Phases B and C are left out when their voltage reads 0 (a single-phase unit).
import type { SensorInfo } from '../../types';
import { addSensors, readScalars, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const S = '1.3.6.1.4.1.13400.2.54.2';
export const ITA2_SYSTEM: States = { 0: ['normal', 'ok'], 1: ['warning', 'warning'], 2: ['critical', 'critical'] };
export const ITA2_SOURCE: States = { 0: ['no output', 'critical'], 1: ['on main', 'ok'], 2: ['on battery', 'warning'], 3: ['on bypass', 'warning'], 4: ['on utility and battery', 'warning'] };

const phases = ['A', 'B', 'C'];
const perPhase = (first: number, cls: ScalarSpec['class'], what: string, divisor: number, group: number): ScalarSpec[] =>
  phases.map((p, k) => ({ oid: `${S}.${group}.${first + k}.0`, class: cls, description: `${what.replace('#', p)}`, divisor, key: `${what.split(' ')[0].toLowerCase()}.${cls}.${p}` }));

export const ITA2_SCALARS: ScalarSpec[] = [
  { oid: `${S}.1.1.0`, class: 'state', description: 'System Status', states: ITA2_SYSTEM, key: 'system' },
  { oid: `${S}.1.2.0`, class: 'state', description: 'Output Power Source', states: ITA2_SOURCE, key: 'source' },
  ...perPhase(1, 'voltage', 'Input Phase # Voltage', 10, 2),
  { oid: `${S}.2.4.0`, class: 'frequency', description: 'Input Frequency', divisor: 100, key: 'input' },
  ...perPhase(5, 'current', 'Input Phase # Current', 10, 2),
  ...perPhase(1, 'voltage', 'Output Phase # Voltage', 10, 3),
  ...perPhase(4, 'current', 'Output Phase # Current', 10, 3),
  { oid: `${S}.3.7.0`, class: 'frequency', description: 'Output Frequency', divisor: 100, key: 'output' },
  // 0.01 kW → W.
  ...perPhase(8, 'power', 'Output Active Power Phase #', 0.1, 3),
  ...perPhase(14, 'load', 'Output Load Phase #', 10, 3),
  ...perPhase(1, 'voltage', 'Bypass Phase # Voltage', 10, 4),
  { oid: `${S}.4.4.0`, class: 'frequency', description: 'Bypass Frequency', divisor: 100, key: 'bypass' },
  { oid: `${S}.5.1.0`, class: 'voltage', description: 'Positive Battery Voltage', divisor: 10, key: 'battery.pos' },
  { oid: `${S}.5.2.0`, class: 'voltage', description: 'Negative Battery Voltage', divisor: 10, key: 'battery.neg' },
  { oid: `${S}.5.3.0`, class: 'current', description: 'Positive Battery Charging Current', divisor: 100, key: 'battery.pos.charge' },
  { oid: `${S}.5.4.0`, class: 'current', description: 'Positive Battery Discharging Current', divisor: 100, key: 'battery.pos.discharge' },
  { oid: `${S}.5.5.0`, class: 'current', description: 'Negative Battery Charging Current', divisor: 100, key: 'battery.neg.charge' },
  { oid: `${S}.5.6.0`, class: 'current', description: 'Negative Battery Discharging Current', divisor: 100, key: 'battery.neg.discharge' },
  { oid: `${S}.5.7.0`, class: 'runtime', description: 'Estimated Battery Runtime', divisor: 10, key: 'battery' },
  { oid: `${S}.5.8.0`, class: 'temperature', description: 'Battery Temperature', divisor: 10, key: 'battery' },
  { oid: `${S}.5.9.0`, class: 'temperature', description: 'Battery Environment Temperature', divisor: 10, key: 'battery.env' },
  { oid: `${S}.5.10.0`, class: 'charge', description: 'Battery Charge', key: 'battery' },
  { oid: `${S}.5.11.0`, class: 'count', description: 'Battery Discharge Times', key: 'battery.discharges' },
];

/** Drops absent probes (65535 raw = 6553.5 °C), phases B/C of a single-phase unit and a zero negative battery string. */
export function ita2Present(drafts: SensorDraft[]): SensorDraft[] {
  const volt = (key: string) => drafts.find((d) => d.index === key)?.value ?? 0;
  return drafts.filter((d) => {
    if (d.class === 'temperature' && (d.value ?? 0) >= 6553) return false;
    const phase = /\.(B|C)$/.exec(String(d.index))?.[1];
    if (phase) {
      const group = String(d.index).split('.')[0];
      if (volt(`${group}.voltage.${phase}`) === 0 && volt(`input.voltage.${phase}`) === 0) return false;
    }
    return !(d.index === 'battery.neg' && d.value === 0);
  });
}

export const vertivIta2Module: SensorModule = {
  name: 'sensors.vertiv-ita2', stage: 'vendor', os: ['vertiv-ita2'],
  async run(c, out) {
    addSensors(out, 'vertiv-ita2', ita2Present(await readScalars(c, ITA2_SCALARS)));
  },
};
