// Synology DSM (SYNOLOGY-SYSTEM/DISK/RAID-MIB under enterprise 6574; the agent itself answers as net-snmp):
// system, power and fan status, system and disk
// temperatures, disk and RAID status, DSM upgrade availability. Net-snmp agents are recognised as Synology by
// the model name in the shared probe GET.
import type { SensorInfo } from '../../types';
import { addSensors, enterprise, readScalars, readTables, standardProbe, text, type ScalarSpec, type SensorModule, type TableSpec } from './common';

const SYNO = '1.3.6.1.4.1.6574';
type States = Record<number, [string, SensorInfo['status']]>;
const NORMAL_FAILED: States = { 1: ['normal', 'ok'], 2: ['failed', 'critical'] };
const UPGRADE: States = { 1: ['available', 'ok'], 2: ['unavailable', 'ok'], 3: ['connecting', 'ok'], 4: ['disconnected', 'warning'], 5: ['others', 'unknown'] };
export const DISK_STATES: States = {
  1: ['normal', 'ok'], 2: ['initialized', 'ok'], 3: ['notInitialized', 'warning'], 4: ['systemPartitionFailed', 'critical'], 5: ['crashed', 'critical'],
};
export const RAID_STATES: States = {
  1: ['normal', 'ok'], 2: ['repairing', 'warning'], 3: ['migrating', 'warning'], 4: ['expanding', 'warning'], 5: ['deleting', 'warning'],
  6: ['creating', 'warning'], 7: ['raidSyncing', 'warning'], 8: ['raidParityChecking', 'warning'], 9: ['raidAssembling', 'warning'],
  10: ['canceling', 'warning'], 11: ['degrade', 'critical'], 12: ['crashed', 'critical'], 13: ['dataScrubbing', 'ok'],
  14: ['raidDeploying', 'warning'], 15: ['raidUnDeploying', 'warning'], 16: ['raidMountCache', 'warning'], 17: ['raidUnmountCache', 'warning'],
  18: ['raidExpandingUnfinishedSHR', 'warning'], 19: ['raidConvertSHRToPool', 'warning'], 20: ['raidMigrateSHR1ToSHR2', 'warning'],
  21: ['raidUnknownStatus', 'unknown'],
};

export const SYNOLOGY_SCALARS: ScalarSpec[] = [
  { oid: `${SYNO}.1.1.0`, class: 'state', description: 'System', states: NORMAL_FAILED, key: 'system' },
  { oid: `${SYNO}.1.2.0`, class: 'temperature', description: 'System', key: 'system' },
  { oid: `${SYNO}.1.3.0`, class: 'state', description: 'Power', states: NORMAL_FAILED, key: 'power' },
  { oid: `${SYNO}.1.4.1.0`, class: 'state', description: 'FAN - System', states: NORMAL_FAILED, key: 'fan-system' },
  { oid: `${SYNO}.1.4.2.0`, class: 'state', description: 'FAN - CPU', states: NORMAL_FAILED, key: 'fan-cpu' },
  { oid: `${SYNO}.1.5.4.0`, class: 'state', description: 'Upgrade Availability', states: UPGRADE, key: 'upgrade' },
];

const diskName = (r: Map<number, unknown>) => [text(r.get(2)), text(r.get(3))].filter(Boolean).join(' ');
export const SYNOLOGY_TABLES: TableSpec[] = [
  { entry: `${SYNO}.2.1.1`, class: 'state', name: diskName, value: 5, states: DISK_STATES, extra: [2, 3], key: 'disk' },
  { entry: `${SYNO}.2.1.1`, class: 'temperature', name: diskName, value: 6, extra: [2, 3], key: 'disk' },
  { entry: `${SYNO}.3.1.1`, class: 'state', name: 2, value: 3, states: RAID_STATES, key: 'raid' },
];

export const synologyModule: SensorModule = {
  name: 'sensors.synology', stage: 'vendor',
  applies: (out) => out.os === 'dsm' || [8072, 6574].includes(enterprise(out) ?? -1),
  async run(c, out) {
    // The probe GET of the general stage already asked for the model name: nothing more unless it answered.
    if (out.os !== 'dsm' && (await standardProbe(c, out)).get('1.3.6.1.4.1.6574.1.5.1.0') === undefined) return;
    const [s, t] = await Promise.all([readScalars(c, SYNOLOGY_SCALARS), readTables(c, SYNOLOGY_TABLES)]);
    addSensors(out, 'synology', [...s, ...t]);
  },
};
