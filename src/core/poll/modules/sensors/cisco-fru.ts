// CISCO-ENTITY-FRU-CONTROL-MIB: operational state of power supplies and other powered FRUs, of modules
// (line cards, supervisors) and of fan trays, each named by its entPhysicalName.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, columns, entityNames, fromEnterprise, num, stateOf, type SensorDraft, type SensorModule } from './common';

const BASE = '1.3.6.1.4.1.9.9.117.1';
type States = Record<number, [string, SensorInfo['status']]>;

export const FRU_POWER_STATES: States = {
  1: ['offEnvOther', 'critical'], 2: ['on', 'ok'], 3: ['offAdmin', 'unknown'], 4: ['offDenied', 'critical'], 5: ['offEnvPower', 'critical'],
  6: ['offEnvTemp', 'critical'], 7: ['offEnvFan', 'critical'], 8: ['failed', 'critical'], 9: ['onButFanFail', 'warning'],
  10: ['offCooling', 'critical'], 11: ['offConnectorRating', 'critical'], 12: ['onButInlinePowerFail', 'warning'],
};
export const MODULE_STATES: States = {
  1: ['unknown', 'unknown'], 2: ['ok', 'ok'], 3: ['disabled', 'unknown'], 4: ['okButDiagFailed', 'warning'], 5: ['boot', 'warning'],
  6: ['selfTest', 'warning'], 7: ['failed', 'critical'], 8: ['missing', 'critical'], 9: ['mismatchWithParent', 'critical'],
  10: ['mismatchConfig', 'critical'], 11: ['diagFailed', 'critical'], 12: ['dormant', 'warning'], 13: ['outOfServiceAdmin', 'unknown'],
  14: ['outOfServiceEnvTemp', 'critical'], 15: ['poweredDown', 'critical'], 16: ['poweredUp', 'warning'], 17: ['powerDenied', 'critical'],
  18: ['powerCycled', 'warning'], 19: ['okButPowerOverWarning', 'warning'], 20: ['okButPowerOverCritical', 'critical'],
  21: ['syncInProgress', 'warning'], 22: ['upgrading', 'warning'], 23: ['okButAuthFailed', 'warning'], 24: ['mdr', 'warning'],
  25: ['fwMismatchFound', 'warning'], 26: ['fwDownloadSuccess', 'ok'], 27: ['fwDownloadFailure', 'warning'],
};
export const FAN_TRAY_STATES: States = { 1: ['unknown', 'unknown'], 2: ['up', 'ok'], 3: ['down', 'critical'], 4: ['warning', 'warning'] };

export async function readCiscoFru(client: SnmpClient): Promise<SensorDraft[]> {
  const [power, modules, fans] = await Promise.all([
    columns(client, `${BASE}.1.2.1`, [2]),
    columns(client, `${BASE}.2.1.1`, [2]),
    columns(client, `${BASE}.4.1.1`, [1]),
  ]);
  const all = [...new Set([...power.keys(), ...modules.keys(), ...fans.keys()])];
  if (!all.length) return [];
  const names = await entityNames(client, all);
  const name = (i: string) => names.get(i)?.name || names.get(i)?.descr || `Entity ${i}`;
  const out: SensorDraft[] = [];
  for (const [i, r] of power) out.push({ class: 'state', index: `power.${i}`, description: name(i), ...stateOf(num(r.get(2)), FRU_POWER_STATES) });
  for (const [i, r] of modules) out.push({ class: 'state', index: `module.${i}`, description: `Operating Status - ${names.get(i)?.name ?? ''}`.trim(), ...stateOf(num(r.get(2)), MODULE_STATES) });
  for (const [i, r] of fans) out.push({ class: 'state', index: `fan.${i}`, description: name(i), ...stateOf(num(r.get(1)), FAN_TRAY_STATES) });
  return out;
}

export const ciscoFruModule: SensorModule = {
  name: 'sensors.cisco-fru', stage: 'vendor', applies: fromEnterprise(9),
  async run(c, out) {
    addSensors(out, 'cisco-fru', await readCiscoFru(c));
  },
};
