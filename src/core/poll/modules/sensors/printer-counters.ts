// Printer usage counters from the vendors' MIBs, beside Printer-MIB's lifetime and power-on counters:
//   HP LaserJet (HP-LASERJET-COMMON-MIB, 11.2.3.9.4.2.1): print-engine page, mono, duplex and jam counts, and the
//   scanner's lifetime page count;
//   Konica Minolta (18334.1.1.1.5.7.2): duplex and scan totals, and copies and prints by colour
//   (table indexed colour.function: colour 1 black, 2 colour; function 1 copy, 2 print);
//   Sharp (2385.1.1.19.2.1): a counter table that names each of its counters (column 3 the count, 4 its name).
import { addSensors, columns, readScalars, tableModule, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

const HPLJ = '1.3.6.1.4.1.11.2.3.9.4.2.1';
export const HP_COUNTERS: ScalarSpec[] = [
  { oid: `${HPLJ}.4.1.2.5.0`, class: 'count', description: 'Total page cnt', key: 'pages' },
  { oid: `${HPLJ}.4.1.2.6.0`, class: 'count', description: 'Total Mono cnt', key: 'mono' },
  { oid: `${HPLJ}.4.1.2.22.0`, class: 'count', description: 'Total Duplex cnt', key: 'duplex' },
  { oid: `${HPLJ}.4.1.2.34.0`, class: 'count', description: 'Total Jam cnt', key: 'jams' },
  { oid: `${HPLJ}.2.2.1.74.0`, class: 'count', description: 'Lifetime scanned', key: 'scanned' },
];

const KM = '1.3.6.1.4.1.18334.1.1.1.5.7.2';
export const KONICA_COUNTERS: ScalarSpec[] = [
  { oid: `${KM}.1.3.0`, class: 'count', description: 'Total print duplex', key: 'duplex' },
  { oid: `${KM}.1.5.0`, class: 'count', description: 'Total scans', key: 'scans' },
];
const KM_COLOUR: Record<string, string> = { 1: 'black', 2: 'color' };
const KM_FUNCTION: Record<string, string> = { 1: 'copy', 2: 'print' };

export function konicaByColour(rows: Map<string, Map<number, unknown>>): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const [colour, fn] = i.split('.');
    const value = r.get(5);
    if (typeof value !== 'number' || !Object.hasOwn(KM_COLOUR, colour) || !Object.hasOwn(KM_FUNCTION, fn)) continue;
    out.push({ class: 'count', index: `km.${i}`, description: `Total ${KM_FUNCTION[fn]} ${KM_COLOUR[colour]}`, value });
  }
  return out;
}

export const hpPrinterCountersModule: SensorModule = {
  name: 'sensors.hp-printer', stage: 'vendor', os: ['jetdirect'],
  async run(c, out) {
    addSensors(out, 'hp-printer', await readScalars(c, HP_COUNTERS));
  },
};

export const konicaCountersModule: SensorModule = {
  name: 'sensors.konica', stage: 'vendor', os: ['konica'],
  async run(c, out) {
    const [s, t] = await Promise.all([readScalars(c, KONICA_COUNTERS), columns(c, `${KM}.2.1`, [5])]);
    addSensors(out, 'konica', [...s, ...konicaByColour(t)]);
  },
};

export const sharpCountersModule = tableModule('sharp', (out) => out.os === 'sharp', [
  { entry: '1.3.6.1.4.1.2385.1.1.19.2.1', class: 'count', name: 4, value: 3, key: 'counter' },
]);
