// Vertiv/Geist rack PDUs (VERTIV-V5-MIB, enterprise 21239.5): total real power and energy, per-phase voltage and
// current, per-line and per-breaker (circuit) current.
import { addSensors, readTables, text, type SensorModule, type TableSpec } from './common';

const V5 = '1.3.6.1.4.1.21239.5.2.3';
const label = (fallback: string) => (r: Map<number, unknown>, i: string) => text(r.get(3)) || `${fallback} ${i}`;

export const VERTIV_PDU_TABLES: TableSpec[] = [
  { entry: `${V5}.1.1`, class: 'power', name: () => 'Total Power', value: 9, key: 'total' },
  // pduTotalEnergy: Wh.
  { entry: `${V5}.1.1`, class: 'power_consumed', name: () => 'Total Energy', value: 12, divisor: 1000, key: 'total' },
  { entry: `${V5}.2.1`, class: 'voltage', name: label('Phase'), value: 4, divisor: 10, extra: [3], key: 'phase' },
  { entry: `${V5}.2.1`, class: 'current', name: label('Phase'), value: 8, divisor: 100, extra: [3], key: 'phase' },
  { entry: `${V5}.3.1`, class: 'current', name: label('Circuit'), value: 4, divisor: 100, extra: [3], key: 'breaker' },
  { entry: `${V5}.4.1`, class: 'current', name: label('Line'), value: 4, divisor: 100, extra: [3], key: 'line' },
];

export const vertivPduModule: SensorModule = {
  name: 'sensors.vertiv-pdu', stage: 'vendor', os: ['vertiv-pdu'],
  async run(c, out) {
    addSensors(out, 'vertiv-pdu', await readTables(c, VERTIV_PDU_TABLES));
  },
};
