// Juniper JUNOS (JUNIPER-MIB, enterprise 2636): FRU states (jnxFruTable) and component temperatures
// (jnxOperatingTable, only components that report one).
import type { SensorInfo } from '../../types';
import { fromEnterprise, num, tableModule, type TableSpec } from './common';

const JNX = '1.3.6.1.4.1.2636.3.1';

/** jnxFruState. */
export const FRU_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['empty', 'unknown'], 3: ['present', 'ok'], 4: ['ready', 'ok'], 5: ['announceOnline', 'ok'],
  6: ['online', 'ok'], 7: ['announceOffline', 'warning'], 8: ['offline', 'critical'], 9: ['diagnostic', 'warning'], 10: ['standby', 'ok'],
};

export const JUNOS_TABLES: TableSpec[] = [
  { entry: `${JNX}.15.1`, class: 'state', name: 5, value: 8, states: FRU_STATES, key: 'fru', skip: (r) => num(r.get(8)) === 2 },
  { entry: `${JNX}.13.1`, class: 'temperature', name: 5, value: 7, skip: (r) => !num(r.get(7)) },
];

export const juniperModule = tableModule('junos', fromEnterprise(2636), JUNOS_TABLES);
