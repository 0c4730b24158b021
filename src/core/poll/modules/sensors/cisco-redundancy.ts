// Cisco redundancy and stacking states: CISCO-RF-MIB (this unit's and the peer's redundancy state, the operating
// mode), CISCO-STACKWISE-MIB (ring redundancy, each member's role and state, stack ports) and REP segments
// (CISCO-RESILIENT-ETHERNET-PROTOCOL-MIB).
import type { SnmpClient } from '../../../snmp/client';
import type { DevicePoll, SensorInfo } from '../../types';
import { addSensors, columns, num, scalars, stateOf, text, type SensorDraft, type SensorModule } from './common';
import { CISCO_OS } from './cisco-group';

type States = Record<number, [string, SensorInfo['status']]>;
const RF = '1.3.6.1.4.1.9.9.176.1';
const STACK = '1.3.6.1.4.1.9.9.500.1';
const REP = '1.3.6.1.4.1.9.9.601.1.3.1.1';

export const RF_UNIT_STATES: States = {
  1: ['notKnown', 'unknown'], 2: ['disabled', 'ok'], 3: ['initialization', 'warning'], 4: ['negotiation', 'warning'], 5: ['standbyCold', 'warning'],
  6: ['standbyColdConfig', 'warning'], 7: ['standbyColdFileSys', 'warning'], 8: ['standbyColdBulk', 'warning'], 9: ['standbyHot', 'ok'],
  10: ['activeFast', 'warning'], 11: ['activeDrain', 'warning'], 12: ['activePreconfig', 'warning'], 13: ['activePostconfig', 'warning'],
  14: ['active', 'ok'], 15: ['activeExtraload', 'warning'], 16: ['activeHandback', 'warning'],
};
export const RF_MODES: States = {
  1: ['nonRedundant', 'ok'], 2: ['staticLoadShareNonRedundant', 'ok'], 3: ['dynamicLoadShareNonRedundant', 'ok'], 4: ['staticLoadShareRedundant', 'ok'],
  5: ['dynamicLoadShareRedundant', 'ok'], 6: ['coldStandbyRedundant', 'ok'], 7: ['warmStandbyRedundant', 'ok'], 8: ['hotStandbyRedundant', 'ok'],
};
const TRUTH: States = { 1: ['true', 'ok'], 2: ['false', 'critical'] };
const ROLES: States = { 1: ['master', 'ok'], 2: ['member', 'ok'], 3: ['notMember', 'ok'], 4: ['standby', 'ok'] };
const SWITCH_STATES: States = {
  1: ['waiting', 'warning'], 2: ['progressing', 'warning'], 3: ['added', 'warning'], 4: ['ready', 'ok'], 5: ['sdmMismatch', 'critical'],
  6: ['verMismatch', 'critical'], 7: ['featureMismatch', 'critical'], 8: ['newMasterInit', 'critical'], 9: ['provisioned', 'warning'],
  10: ['invalid', 'critical'], 11: ['removed', 'warning'],
};
const STACK_PORT: States = { 1: ['up', 'ok'], 2: ['down', 'critical'], 3: ['forcedDown', 'critical'] };
const REP_STATES: States = { 0: ['unknown', 'unknown'], 1: ['complete', 'ok'], 2: ['incomplete', 'critical'] };

export interface StackData {
  maxSwitches?: number;
  ringRedundant?: number;
  chassisName?: string;
  roles: Map<string, Map<number, unknown>>;
  ports: Map<string, Map<number, unknown>>;
}

/**
 * Stack sensors, only for a real stack: switches that report StackWise tables while standing alone (one member,
 * ring not redundant, or at most one switch allowed) get none; a StackWise Virtual pair always says its ring is not
 * redundant, so that sensor is left out for it.
 */
export function stackSensors(d: StackData, ifDescr: (ifIndex: number) => string): SensorDraft[] {
  if (d.ringRedundant === 2 && d.roles.size <= 1) return [];
  if (d.maxSwitches === 1) return [];
  const out: SensorDraft[] = [];
  if (d.ringRedundant !== undefined && !(d.ringRedundant === 2 && d.chassisName === 'Virtual Stack')) {
    out.push({ class: 'state', index: 'ring', description: 'Stack Ring - Redundant', ...stateOf(d.ringRedundant, TRUTH) });
  }
  let n = 0;
  for (const [i, r] of d.roles) if (r.has(3)) out.push({ class: 'state', index: `role.${i}`, description: `Stack Role - Switch#${++n}`, ...stateOf(num(r.get(3)), ROLES) });
  n = 0;
  for (const [i, r] of d.roles) if (r.has(6)) out.push({ class: 'state', index: `switch.${i}`, description: `Stack State - Switch#${++n}`, ...stateOf(num(r.get(6)), SWITCH_STATES) });
  for (const [i, r] of d.ports) out.push({ class: 'state', index: `port.${i}`, description: `Stack Port Status - ${ifDescr(Number(i))}`.trim(), ...stateOf(num(r.get(1)), STACK_PORT) });
  return out;
}

async function read(c: SnmpClient, out: DevicePoll): Promise<SensorDraft[]> {
  const [[unit, peer, mode, maxSw, ring, chassis], roles, ports, rep] = await Promise.all([
    scalars(c, [`${RF}.1.2.0`, `${RF}.1.4.0`, `${RF}.2.16.0`, `${STACK}.1.1.0`, `${STACK}.1.3.0`, '1.3.6.1.2.1.47.1.1.1.1.7.1']),
    columns(c, `${STACK}.2.1.1`, [3, 6]),
    columns(c, `${STACK}.2.2.1`, [1]),
    columns(c, REP, [4]),
  ]);
  const res: SensorDraft[] = [];
  if (num(unit) !== undefined) res.push({ class: 'state', index: 'rf.unit', description: 'VSS Device State', ...stateOf(num(unit), RF_UNIT_STATES) });
  if (num(peer) !== undefined) res.push({ class: 'state', index: 'rf.peer', description: 'VSS Peer State', ...stateOf(num(peer), RF_UNIT_STATES) });
  if (num(mode) !== undefined) res.push({ class: 'state', index: 'rf.mode', description: 'VSS Mode', ...stateOf(num(mode), RF_MODES) });
  const ifs = new Map((out.interfaces ?? []).map((i) => [i.ifIndex, i.descr ?? '']));
  const stack = stackSensors({ maxSwitches: num(maxSw), ringRedundant: num(ring), chassisName: text(chassis), roles, ports }, (i) => ifs.get(i) ?? '');
  res.push(...stack);
  // A lone switch (at most one member allowed) ends the list there, REP included, as in the usual discovery.
  if (num(maxSw) !== 1) for (const [i, r] of rep) res.push({ class: 'state', index: `rep.${i}`, description: `REP State - Segment ${i}`, ...stateOf(num(r.get(4)), REP_STATES) });
  return res;
}

export const ciscoRedundancyModule: SensorModule = {
  name: 'sensors.cisco-redundancy', stage: 'vendor', os: CISCO_OS,
  async run(c, out) {
    addSensors(out, 'cisco-redundancy', await read(c, out));
  },
};
