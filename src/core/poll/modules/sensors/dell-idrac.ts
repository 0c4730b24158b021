// Dell iDRAC (IDRAC-MIB-SMIv2, enterprise 674): probes (temperature, cooling, voltage, amperage/power), power
// supplies, processors, memory, batteries, intrusion, the internal dual SD module and the storage controller's disks. Every row has its own
// status column (ObjectStatusEnum), which becomes a state sensor beside the reading.
import type { SensorInfo } from '../../types';
import { addSensors, columns, readTables, rowsToSensors, text, type SensorModule, type TableSpec } from './common';

const SYS = '1.3.6.1.4.1.674.10892.5.4';
const STORAGE = '1.3.6.1.4.1.674.10892.5.5.1.20';

/** ObjectStatusEnum. */
export const DELL_STATUS: Record<number, [string, SensorInfo['status']]> = {
  1: ['other', 'unknown'], 2: ['unknown', 'unknown'], 3: ['ok', 'ok'], 4: ['nonCritical', 'warning'], 5: ['critical', 'critical'], 6: ['nonRecoverable', 'critical'],
};
const DISK_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['ready', 'ok'], 3: ['online', 'ok'], 4: ['foreign', 'warning'], 5: ['offline', 'warning'], 6: ['blocked', 'critical'],
  7: ['failed', 'critical'], 8: ['nonraid', 'ok'], 9: ['removed', 'critical'], 10: ['readonly', 'warning'],
};
const VDISK_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['online', 'ok'], 3: ['failed', 'critical'], 4: ['degraded', 'warning'],
};
const status = (entry: string, name: number, key: string, statusCol = 5): TableSpec => ({ entry, class: 'state', name, value: statusCol, states: DELL_STATUS, key });

/** The storage controller's tables (StorageManagement-MIB layout), under the iDRAC's or the blade chassis's base. */
export function dellStorageTables(base: string): TableSpec[] {
  return [
    { entry: `${base}.130.1.1`, class: 'state', name: (r) => [text(r.get(2)), text(r.get(79))].filter(Boolean).join(' '), value: 38, states: DELL_STATUS, extra: [2, 79], key: 'controller' },
    { entry: `${base}.130.4.1`, class: 'state', name: 2, value: 4, states: DISK_STATES, key: 'disk' },
    // physicalDiskProgress (of a rebuild, erase…; 0 when idle) and, on SSDs, RemainingRatedWriteEndurance (255 = n/a).
    { entry: `${base}.130.4.1`, class: 'percent', name: (r) => `${text(r.get(2)) ?? 'Disk'} Operation Progress`, value: 51, extra: [2], key: 'disk.progress' },
    {
      entry: `${base}.130.4.1`, class: 'percent', name: (r) => `${text(r.get(2)) ?? 'Disk'} Remaining Rated Write Endurance`, value: 49, extra: [2],
      limits: {}, skip: (r) => !(Number(r.get(49)) >= 0 && Number(r.get(49)) <= 100), key: 'disk.endurance',
    },
    { entry: `${base}.140.1.1`, class: 'state', name: 2, value: 4, states: VDISK_STATES, key: 'vdisk' },
  ];
}

export const DELL_TABLES: TableSpec[] = [
  // The power supplies' status is their voltage sensor's (status column 5), not a sensor of its own.
  { entry: `${SYS}.600.12.1`, class: 'voltage', name: 8, value: 16, statusCol: 5, statusStates: DELL_STATUS, skip: (r) => !r.get(16) },
  status(`${SYS}.600.20.1`, 8, 'volt'),
  status(`${SYS}.600.30.1`, 8, 'amp'),
  { entry: `${SYS}.600.30.1`, class: 'current', name: 8, value: 6, divisor: 10, extra: [7], skip: (r) => Number(r.get(7)) !== 23 && Number(r.get(7)) !== 16 },
  { entry: `${SYS}.600.30.1`, class: 'power', name: 8, value: 6, extra: [7], skip: (r) => Number(r.get(7)) !== 26 && Number(r.get(7)) !== 24 },
  status(`${SYS}.600.50.1`, 7, 'battery'),
  { entry: `${SYS}.700.12.1`, class: 'fanspeed', name: 8, value: 6, statusCol: 5, statusStates: DELL_STATUS, limits: { high: 10, highWarn: 11, lowWarn: 12, low: 13 } },
  { entry: `${SYS}.700.20.1`, class: 'temperature', name: 8, value: 6, divisor: 10, statusCol: 5, statusStates: DELL_STATUS, limits: { high: 10, highWarn: 11, lowWarn: 12, low: 13 } },
  status(`${SYS}.1100.30.1`, 23, 'cpu'),
  status(`${SYS}.1100.50.1`, 8, 'dimm'),
  { entry: `${SYS}.300.70.1`, class: 'state', name: () => 'Intrusion', value: 5, states: DELL_STATUS, key: 'intrusion' },
  { entry: `${SYS}.300.70.1`, class: 'state', name: () => 'Intrusion Reading', value: 6, states: { 1: ['chassisNotBreached', 'ok'], 2: ['chassisBreached', 'critical'], 3: ['chassisBreachedPrior', 'warning'], 4: ['chassisBreachSensorFailure', 'warning'] }, key: 'intrusion-reading' },
  ...dellStorageTables(STORAGE),
];

/** systemStateTable: the internal dual SD module's (IDSDM) rollups, present only where one is fitted. */
const SYSTEM_STATE = `${SYS}.200.10.1`;
export const IDSDM_TABLES: TableSpec[] = [
  { entry: SYSTEM_STATE, class: 'state', name: () => 'IDSDM Card Unit Combined', value: 58, states: DELL_STATUS, key: 'idsdm.unit' },
  { entry: SYSTEM_STATE, class: 'state', name: () => 'IDSDM Card Device Combined', value: 60, states: DELL_STATUS, key: 'idsdm.device' },
];

// The global status rollup is read by dell-cmc.ts (DELL-RAC-MIB drsGlobalSystemStatus, which iDRACs and CMCs share).
export const dellIdracModule: SensorModule = {
  name: 'sensors.idrac', stage: 'vendor', applies: (out) => /^\.?1\.3\.6\.1\.4\.1\.674\.10892\./.test(out.sysObjectID ?? ''),
  async run(c, out) {
    // Both IDSDM columns in one read: a server without the module costs one request for them.
    const [tables, state] = await Promise.all([readTables(c, DELL_TABLES), columns(c, SYSTEM_STATE, [58, 60])]);
    addSensors(out, 'idrac', [...tables, ...IDSDM_TABLES.flatMap((t) => rowsToSensors(state, t).filter((d) => d.value !== undefined))]);
  },
};
