// Dell blade chassis controllers (CMC of the M1000e/VRTX, DELL-RAC-MIB under 674.10892.2): the chassis status
// rollups, front-panel/CMC temperatures, chassis power budget, each power supply's voltage and current, the state of
// each server slot, and the shared storage's controllers and disks.
// iDRACs carry drsGlobalSystemStatus too (their rollup, read here for both); the chassis part is read only where
// the CMC status answers, so a plain iDRAC costs one GET.
import type { SensorInfo } from '../../types';
import { addSensors, fromEnterprise, readScalars, readTables, text, type ScalarSpec, type SensorModule, type TableSpec } from './common';
import { DELL_STATUS, dellStorageTables } from './dell-idrac';

const DRS = '1.3.6.1.4.1.674.10892.2';
const chassis = (suffix: string) => (_r: Map<number, unknown>, i: string) => `Chassis ${i.split('.')[0]}${suffix}`;
const status = (n: number, description: string, key: string): ScalarSpec => ({ oid: `${DRS}.3.1.${n}.0`, class: 'state', description, states: DELL_STATUS, key });

export const CMC_SCALARS: ScalarSpec[] = [
  status(2, 'IOM', 'iom'), status(3, 'KVM', 'kvm'), status(4, 'Redundancy', 'redundancy'), status(5, 'Power', 'power'),
  status(6, 'Fan', 'fan'), status(7, 'Blade', 'blade'), status(8, 'Temperature', 'temperature'), status(9, 'CMC', 'cmc'),
  { oid: `${DRS}.3.1.10.0`, class: 'temperature', description: 'Chassis Front Panel Temperature', key: 'front' },
  { oid: `${DRS}.3.1.11.0`, class: 'temperature', description: 'CMC Ambient Temperature', key: 'ambient' },
  { oid: `${DRS}.3.1.12.0`, class: 'temperature', description: 'CMC Processor Temperature', key: 'cpu' },
];
const GLOBAL: ScalarSpec = { oid: `${DRS}.2.1.0`, class: 'state', description: 'Global System', states: DELL_STATUS, key: 'global' };

/** DellCMCServerCapable: what the CMC can say of the server in a slot. A powered-off server is a warning. */
export const CMC_SERVER: Record<number, [string, SensorInfo['status']]> = {
  1: ['absent', 'ok'], 2: ['none', 'unknown'], 3: ['basic', 'ok'], 4: ['off', 'warning'],
};
/** A text column that holds something ("N/A" is the CMC's word for nothing). */
const given = (v: unknown) => { const t = text(v); return t && t !== 'N/A' ? t : undefined; };

/**
 * drsCMCServerTable: one state per server slot, "Slot <n> <model>". The table has more rows than the chassis has
 * slots: rows without a slot name or number describe no slot and are left out.
 */
export const CMC_SERVER_TABLE: TableSpec = {
  entry: `${DRS}.5.1.1`, class: 'state', value: 2, states: CMC_SERVER, extra: [4, 5, 7], key: 'slot',
  name: (r, i) => [`Slot ${given(r.get(5)) ?? i}`, given(r.get(7))].filter(Boolean).join(' '),
  skip: (r) => !given(r.get(4)) && !given(r.get(5)),
};

/** drsCMCPowerTable and drsCMCPSUTable: readings written as text ("6459.000"), watts, volts and amps. */
export const CMC_TABLES: TableSpec[] = [
  { entry: `${DRS}.4.1.1`, class: 'power', name: chassis(' Potential Power'), value: 2, key: 'potential' },
  { entry: `${DRS}.4.1.1`, class: 'power', name: chassis(' Idle Power'), value: 3, key: 'idle' },
  { entry: `${DRS}.4.1.1`, class: 'power', name: chassis(' Max Power'), value: 4, key: 'max' },
  { entry: `${DRS}.4.1.1`, class: 'power', name: chassis(' Surplus Power'), value: 5, key: 'surplus' },
  { entry: `${DRS}.4.1.1`, class: 'power', name: chassis(' Peak Usage'), value: 8, key: 'peak' },
  { entry: `${DRS}.4.1.1`, class: 'power', name: chassis(''), value: 13, key: 'now' },
  { entry: `${DRS}.4.1.1`, class: 'current', name: chassis(''), value: 14, key: 'now' },
  {
    entry: `${DRS}.4.2.1`, class: 'voltage', name: (r, i) => `${chassis(' ')(r, i)}${String(r.get(3) ?? '')}`, value: 5, extra: [3],
    statusCol: 4, statusStates: DELL_STATUS, key: 'psu',
  },
  { entry: `${DRS}.4.2.1`, class: 'current', name: (r, i) => `${chassis(' ')(r, i)}${String(r.get(3) ?? '')}`, value: 6, extra: [3], key: 'psu' },
  CMC_SERVER_TABLE,
  // The shared storage of the chassis, laid out as an iDRAC's.
  ...dellStorageTables(`${DRS}.6.1.20`),
];

export const dellCmcModule: SensorModule = {
  name: 'sensors.dell-cmc', stage: 'vendor', applies: fromEnterprise(674),
  async run(c, out) {
    const s = await readScalars(c, [GLOBAL, ...CMC_SCALARS]);
    const isCmc = s.some((d) => d.index === 'cmc');
    addSensors(out, 'dell-cmc', isCmc ? [...s, ...(await readTables(c, CMC_TABLES))] : s.filter((d) => d.index === 'global'));
  },
};
