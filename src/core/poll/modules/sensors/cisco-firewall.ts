// Cisco ASA / Firepower (CISCO-REMOTE-ACCESS-MONITOR-MIB, CISCO-FIREWALL-MIB): active VPN sessions by kind,
// connections in use and their high-water mark, and the failover units' hardware states.
import type { SensorInfo } from '../../types';
import { addSensors, readScalars, readTables, text, type ScalarSpec, type SensorModule, type TableSpec } from './common';

const CRAS = '1.3.6.1.4.1.9.9.392.1.3';
const CFW = '1.3.6.1.4.1.9.9.147.1.2';
const HW: Record<number, [string, SensorInfo['status']]> = {
  1: ['other', 'critical'], 2: ['up', 'ok'], 3: ['down', 'critical'], 4: ['error', 'critical'], 5: ['overTemp', 'critical'], 6: ['busy', 'critical'],
  7: ['noMedia', 'critical'], 8: ['backup', 'critical'], 9: ['active', 'ok'], 10: ['standby', 'ok'],
};

export const CISCO_FW_SCALARS: ScalarSpec[] = [
  { oid: `${CRAS}.23.0`, class: 'count', description: 'Active Email proxy sync sessions', key: 'email' },
  { oid: `${CRAS}.26.0`, class: 'count', description: 'Active IPSec sessions', key: 'ipsec' },
  { oid: `${CRAS}.29.0`, class: 'count', description: 'Active LAN to LAN sessions', key: 'l2l' },
  { oid: `${CRAS}.32.0`, class: 'count', description: 'Active Load Balancing sessions', key: 'lb' },
  { oid: `${CRAS}.35.0`, class: 'count', description: 'Active SVC sessions', key: 'svc' },
  { oid: `${CRAS}.38.0`, class: 'count', description: 'Active Webvpn sessions', key: 'webvpn' },
  // cfwConnectionStatValue for protoIp(40): currentInUse(6), high(7).
  { oid: `${CFW}.2.2.1.5.40.6`, class: 'count', description: 'Current In Use Connections', key: 'conn' },
  { oid: `${CFW}.2.2.1.5.40.7`, class: 'count', description: 'Highest Connections', key: 'connHigh' },
];

// A standalone unit (detail "Failover Off") reports its failover units down: that is its configuration, not a fault.
const FAILOVER_OFF: Record<number, [string, SensorInfo['status']]> = { ...HW, 3: ['down (failover off)', 'ok'] };
const failoverOff = (r: Map<number, unknown>) => /^failover off$/i.test(text(r.get(4)) ?? '');

export const CISCO_FW_TABLES: TableSpec[] = [
  // cfwHardwareStatusTable: failover LAN interface and units; rows whose detail says "not Configured" are left out.
  { entry: `${CFW}.1.1.1`, class: 'state', name: (r) => text(r.get(2)) ?? '', value: 3, states: (r) => (failoverOff(r) ? FAILOVER_OFF : HW),
    extra: [2, 4], key: 'hw', skip: (r) => text(r.get(4)) === 'not Configured' },
];

export const ciscoFirewallModule: SensorModule = {
  name: 'sensors.cisco-firewall', stage: 'vendor', os: ['asa', 'ftd'],
  async run(c, out) {
    const [s, t] = await Promise.all([readScalars(c, CISCO_FW_SCALARS), readTables(c, CISCO_FW_TABLES)]);
    addSensors(out, 'cisco-firewall', [...s, ...t]);
  },
};
