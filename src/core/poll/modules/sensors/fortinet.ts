// Fortinet FortiGate (FORTINET-FORTIGATE-MIB, enterprise 12356): hardware sensors (value and alarm flag),
// session counts and rates, IPsec tunnels, SSL-VPN state, users and tunnels.
import type { SensorInfo } from '../../types';
import { addSensors, fromEnterprise, num, readScalars, readTables, text, type ScalarSpec, type SensorModule, type TableSpec } from './common';

const FG = '1.3.6.1.4.1.12356.101';
const ALARM: Record<number, [string, SensorInfo['status']]> = { 0: ['normal', 'ok'], 1: ['alarm', 'critical'] };
const SSLVPN: Record<number, [string, SensorInfo['status']]> = { 1: ['disabled', 'ok'], 2: ['enabled', 'ok'] };

export const FORTIGATE_SCALARS: ScalarSpec[] = [
  { oid: `${FG}.4.1.8.0`, class: 'count', description: 'Session count', key: 'sessions' },
  { oid: `${FG}.4.1.11.0`, class: 'count', description: 'Sessions/sec 1m avg', key: 'rate1' },
  { oid: `${FG}.4.1.12.0`, class: 'count', description: 'Sessions/sec 10m avg', key: 'rate10' },
  { oid: `${FG}.4.1.13.0`, class: 'count', description: 'Sessions/sec 30m avg', key: 'rate30' },
  { oid: `${FG}.4.1.14.0`, class: 'count', description: 'Sessions/sec 60m avg', key: 'rate60' },
  { oid: `${FG}.12.1.1.0`, class: 'count', description: 'IPSEC VPN tunnels', key: 'ipsec' },
];

const isTemperature = (r: Map<number, unknown>) => /temp/i.test(text(r.get(2)) ?? '');
export const FORTIGATE_TABLES: TableSpec[] = [
  // fgHwSensorTable: every sensor has an alarm flag; temperatures also give their reading.
  { entry: `${FG}.4.3.2.1`, class: 'state', name: 2, value: 4, states: ALARM, key: 'hw' },
  { entry: `${FG}.4.3.2.1`, class: 'temperature', name: 2, value: 3, extra: [2, 4], statusCol: 4, statusStates: ALARM, skip: (r) => !isTemperature(r) },
  // fgVpnSslStatsTable, one row per VDOM.
  { entry: `${FG}.12.2.3.1`, class: 'state', name: () => 'SSL-VPN Status', value: 1, states: SSLVPN, key: 'sslvpn' },
  { entry: `${FG}.12.2.3.1`, class: 'count', name: () => 'SSL VPN Logged users', value: 2, key: 'sslvpn-users', skip: (r) => num(r.get(2)) === undefined },
  { entry: `${FG}.12.2.3.1`, class: 'count', name: () => 'SSL VPN Active tunnels', value: 6, key: 'sslvpn-tunnels', skip: (r) => num(r.get(6)) === undefined },
];

export const fortigateModule: SensorModule = {
  name: 'sensors.fortigate', stage: 'vendor', applies: (out) => fromEnterprise(12356)(out) && /^\.?1\.3\.6\.1\.4\.1\.12356\.101\./.test(out.sysObjectID ?? ''),
  async run(c, out) {
    const [s, t] = await Promise.all([readScalars(c, FORTIGATE_SCALARS), readTables(c, FORTIGATE_TABLES)]);
    addSensors(out, 'fortigate', [...s, ...t]);
  },
};
