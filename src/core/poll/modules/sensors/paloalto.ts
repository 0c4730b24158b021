// Palo Alto PAN-OS (PAN-COMMON-MIB, enterprise 25461): session utilisation and counts (device and per vsys),
// GlobalProtect tunnels and high-availability mode and states. Temperatures and fans come from ENTITY-SENSOR-MIB.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, fromEnterprise, num, readScalars, readTables, scalars, text, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

const PAN = '1.3.6.1.4.1.25461.2.1.2';
type States = Record<number, [string, SensorInfo['status']]>;
/** panSysHAState / panSysHAPeerState words, numbered here. */
export const HA_STATES = ['', 'initial', 'non-functional', 'suspended', 'passive', 'active', 'tentative'];
const HA_STATUS: States = Object.fromEntries(HA_STATES.map((w, k) => [k, [w || 'unknown', w === 'non-functional' || w === 'suspended' ? 'critical' : k ? 'ok' : 'unknown']]));
export const HA_MODES = ['disabled', 'active-passive', 'active-active'];
const HA_MODE_STATUS: States = Object.fromEntries(HA_MODES.map((w, k) => [k, [w, 'ok']]));

export const PANOS_SCALARS: ScalarSpec[] = [
  { oid: `${PAN}.3.1.0`, class: 'load', description: 'Session Utilization', key: 'session-util' },
  { oid: `${PAN}.3.3.0`, class: 'count', description: 'Active Sessions', key: 'sessions' },
  { oid: `${PAN}.3.4.0`, class: 'count', description: 'Active TCP Sessions', key: 'tcp' },
  { oid: `${PAN}.3.5.0`, class: 'count', description: 'Active UDP Sessions', key: 'udp' },
  { oid: `${PAN}.3.7.0`, class: 'count', description: 'Active Sessions in SSL Proxy', key: 'sslproxy' },
  { oid: `${PAN}.3.8.0`, class: 'load', description: 'Session Utilization in SSL Proxy', key: 'sslproxy-util' },
  { oid: `${PAN}.5.1.3.0`, class: 'count', description: 'GlobalProtect VPN Active Sessions', key: 'globalprotect' },
  // panLogCollector: logs written per second (Panorama / log collectors).
  { oid: `${PAN}.6.1.1.0`, class: 'count', description: 'Log Collection Write Rate (logs/sec)', key: 'log-rate' },
];
/** panSessionMax: the ceiling of the device-wide session counts. */
const SESSION_MAX = `${PAN}.3.2.0`;
const SESSION_COUNTS = new Set(['sessions', 'tcp', 'udp', 'sslproxy']);
export const PANOS_TABLES: TableSpec[] = [
  { entry: `${PAN}.3.9.1`, class: 'load', name: () => 'Session Utilization', value: 3, key: 'vsys-util' },
  { entry: `${PAN}.3.9.1`, class: 'count', name: () => 'Active Sessions', value: 4, limits: { high: 5 }, key: 'vsys-sessions' },
  // panVsysTable: new connections per second, by protocol.
  { entry: `${PAN}.3.9.1`, class: 'count', name: () => 'TCP Connections Per Second', value: 6, key: 'vsys-tcp-cps' },
  { entry: `${PAN}.3.9.1`, class: 'count', name: () => 'UDP Connections Per Second', value: 7, key: 'vsys-udp-cps' },
  { entry: `${PAN}.3.9.1`, class: 'count', name: () => 'Other IP Connections Per Second', value: 8, key: 'vsys-other-cps' },
];

async function haStates(c: SnmpClient): Promise<SensorDraft[]> {
  const [local, peer, mode] = (await scalars(c, [`${PAN}.1.11.0`, `${PAN}.1.12.0`, `${PAN}.1.13.0`])).map((v) => text(v));
  const out: SensorDraft[] = [];
  const push = (key: string, description: string, word: string | undefined, words: string[], states: States) => {
    if (word === undefined) return;
    const k = words.indexOf(word.toLowerCase());
    out.push({ class: 'state', index: key, description, value: k < 0 ? 0 : k, stateText: word, status: k < 0 ? 'unknown' : states[k][1] });
  };
  push('ha-mode', 'High Availability Mode', mode, HA_MODES, HA_MODE_STATUS);
  push('ha-peer', 'High Availability Peer Status', peer, HA_STATES, HA_STATUS);
  push('ha-local', 'High Availability Local Status', local, HA_STATES, HA_STATUS);
  return out;
}

export const paloAltoModule: SensorModule = {
  name: 'sensors.panos', stage: 'vendor', applies: fromEnterprise(25461),
  async run(c, out) {
    const [s, t, h, [max]] = await Promise.all([readScalars(c, PANOS_SCALARS), readTables(c, PANOS_TABLES), haStates(c), scalars(c, [SESSION_MAX])]);
    const ceiling = num(max);
    if (ceiling) for (const d of s) if (SESSION_COUNTS.has(String(d.index))) d.limitHigh = ceiling;
    addSensors(out, 'panos', [...s, ...t, ...h]);
  },
};
