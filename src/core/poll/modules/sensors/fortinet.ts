// Fortinet FortiGate (FORTINET-FORTIGATE-MIB, enterprise 12356): hardware sensors (value and alarm flag),
// session counts and rates, IPsec tunnels, SSL-VPN state, users and tunnels, per-VDOM IPS and web-filter counters,
// DHCP lease usage, HA (cluster size, member sync, VDOM HA state) and the LTE modem's signal.
import type { SensorInfo } from '../../types';
import type { SnmpClient } from '../../../snmp/client';
import { addSensors, columns, fromEnterprise, num, readScalars, readTables, rowsToSensors, text, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

const FG = '1.3.6.1.4.1.12356.101';
type States = Record<number, [string, SensorInfo['status']]>;
const ALARM: States = { 0: ['normal', 'ok'], 1: ['alarm', 'critical'] };
const SSLVPN: States = { 1: ['disabled', 'ok'], 2: ['enabled', 'ok'] };
/** fgVdEntHaState. */
const VD_HA: States = { 1: ['primary', 'ok'], 2: ['secondary', 'ok'], 3: ['standalone', 'ok'] };
/** fgHaStatSyncStatus. */
const HA_SYNC: States = { 0: ['unsynchronized', 'warning'], 1: ['synchronized', 'ok'] };
const LTE_SESSION: States = { 1: ['disconnected', 'warning'], 2: ['connected', 'ok'] };

export const FORTIGATE_SCALARS: ScalarSpec[] = [
  { oid: `${FG}.4.1.8.0`, class: 'count', description: 'Session count', key: 'sessions' },
  { oid: `${FG}.4.1.11.0`, class: 'count', description: 'Sessions/sec 1m avg', key: 'rate1' },
  { oid: `${FG}.4.1.12.0`, class: 'count', description: 'Sessions/sec 10m avg', key: 'rate10' },
  { oid: `${FG}.4.1.13.0`, class: 'count', description: 'Sessions/sec 30m avg', key: 'rate30' },
  { oid: `${FG}.4.1.14.0`, class: 'count', description: 'Sessions/sec 60m avg', key: 'rate60' },
  { oid: `${FG}.12.1.1.0`, class: 'count', description: 'IPSEC VPN tunnels', key: 'ipsec' },
];
const HA_MODE = `${FG}.13.1.1.0`;

/** The hardware sensor table gives a value and an alarm flag but no unit: the name says what it measures. */
export const isTemperature = (name: string) => /temp/i.test(name);
export const isVoltage = (name: string) => /VCC|(^|[\s+])\d+(\.\d+)?V(\d+|SB)?$|^P\d+V\d+$/i.test(name.trim());
const hwName = (r: Map<number, unknown>) => text(r.get(2)) ?? '';

export const FORTIGATE_TABLES: TableSpec[] = [
  // fgHwSensorTable: every sensor has an alarm flag; temperatures and voltages also give their reading.
  { entry: `${FG}.4.3.2.1`, class: 'state', name: 2, value: 4, states: ALARM, key: 'hw' },
  { entry: `${FG}.4.3.2.1`, class: 'temperature', name: 2, value: 3, extra: [2, 4], statusCol: 4, statusStates: ALARM, skip: (r) => !isTemperature(hwName(r)) },
  { entry: `${FG}.4.3.2.1`, class: 'voltage', name: 2, value: 3, extra: [2, 4], statusCol: 4, statusStates: ALARM, skip: (r) => !isVoltage(hwName(r)) },
  // fgLteSignal (one row per modem): WCDMA and LTE RSSI in dBm; fgLteSession state.
  { entry: `${FG}.19.3.1`, class: 'signal', name: () => 'LTE Modem WCDMA RSSI', value: 9, key: 'lte-wcdma' },
  { entry: `${FG}.19.3.1`, class: 'signal', name: () => 'LTE Modem LTE RSSI', value: 11, key: 'lte-lte' },
  { entry: `${FG}.19.5.1`, class: 'state', name: () => 'LTE Session Status', value: 4, states: LTE_SESSION, key: 'lte-session' },
  // fgVpnSslStatsTable, one row per VDOM.
  { entry: `${FG}.12.2.3.1`, class: 'state', name: () => 'SSL-VPN Status', value: 1, states: SSLVPN, key: 'sslvpn' },
];

/** Counters kept per VDOM (index = VDOM index, or VDOM.item), named after the VDOM when the VDOM table names it. */
interface VdomSpec extends Omit<TableSpec, 'name'> { label: string }
const IPS = (col: number, label: string): VdomSpec => ({ entry: `${FG}.9.2.1.1`, class: 'count', value: col, label: `IPS ${label}`, key: `ips${col}` });
const WF = (col: number, label: string): VdomSpec => ({ entry: `${FG}.10.1.2.1.1`, class: 'count', value: col, label, key: `wf${col}` });
export const VDOM_TABLES: VdomSpec[] = [
  { entry: `${FG}.12.2.3.1`, class: 'count', value: 2, label: 'SSL VPN Logged users', key: 'sslvpn-users' },
  { entry: `${FG}.12.2.3.1`, class: 'count', value: 6, label: 'SSL VPN Active tunnels', key: 'sslvpn-tunnels' },
  // fgIpsStatsTable.
  IPS(1, 'Intrusions Detected'), IPS(2, 'Intrusions Blocked'), IPS(3, 'Severity Critical Detected'), IPS(4, 'Severity High Detected'),
  IPS(5, 'Severity Medium Detected'), IPS(6, 'Severity Low Detected'), IPS(7, 'Severity Informational Detected'),
  IPS(8, 'Signature Detected'), IPS(9, 'Anomaly Detected'),
  // fgWebfilterStatsTable.
  WF(1, 'HTTP Sessions Blocked'), WF(2, 'HTTPS Sessions Blocked'), WF(3, 'HTTP URLs Blocked'), WF(4, 'HTTPS URLs Blocked'),
  WF(5, 'ActiveX Blocked'), WF(6, 'Cookies Blocked'), WF(7, 'Applets Blocked'),
  // fgDhcpServerTable (index VDOM.server): lease usage in %.
  { entry: `${FG}.23.2.1.1`, class: 'percent', value: 2, label: 'Pool Usage', key: 'dhcp' },
];

/** "<vdom> <label>" (DHCP servers: "<vdom> Server ID <n> <label>"); without the VDOM table, the label alone. */
export function vdomLabel(vdoms: Map<string, string>, index: string, label: string): string {
  const [vd, item] = index.split('.');
  const name = vdoms.get(vd);
  const what = item !== undefined ? `Server ID ${item} ${label}` : label;
  return name ? `${name} ${what}` : what;
}

async function vdomSensors(c: SnmpClient): Promise<SensorDraft[]> {
  const [vd, ...tables] = await Promise.all([columns(c, `${FG}.3.2.1.1`, [2, 4]), ...VDOM_TABLES.map((s) => columns(c, s.entry, [s.value]))]);
  const names = new Map<string, string>([...vd].map(([i, r]): [string, string] => [i, text(r.get(2)) ?? '']).filter(([, n]) => n));
  const out: SensorDraft[] = rowsToSensors(vd, { entry: '', class: 'state', name: (_r, i) => `${names.get(i) ?? i} vDom HA state`, value: 4, states: VD_HA, key: 'vdom-ha', skip: (r) => num(r.get(4)) === undefined });
  VDOM_TABLES.forEach((s, k) => {
    const drafts = rowsToSensors(tables[k], { ...s, name: (_r, i) => vdomLabel(names, i, s.label) });
    if (s.class === 'percent') drafts.forEach((d) => (d.limitHigh = 95));
    out.push(...drafts);
  });
  return out;
}

/** fgHaStatsTable: cluster size (when not standalone) and each member's sync status. */
async function haSensors(c: SnmpClient): Promise<SensorDraft[]> {
  const [[mode], members] = await Promise.all([readScalars(c, [{ oid: HA_MODE, class: 'count', description: 'mode', key: 'mode' }]), columns(c, `${FG}.13.2.1.1`, [12, 11])]);
  if (!mode || mode.value === 1 || !members.size) return [];
  return [
    { class: 'count', index: 'ha-members', description: 'Cluster State', value: members.size },
    ...rowsToSensors(members, { entry: '', class: 'state', name: (r, i) => `HA sync status ${text(r.get(11)) ?? i}`, value: 12, states: HA_SYNC, key: 'ha-sync' }),
  ];
}

export const fortigateModule: SensorModule = {
  name: 'sensors.fortigate', stage: 'vendor', applies: (out) => fromEnterprise(12356)(out) && /^\.?1\.3\.6\.1\.4\.1\.12356\.101\./.test(out.sysObjectID ?? ''),
  async run(c, out) {
    const parts = await Promise.all([readScalars(c, FORTIGATE_SCALARS), readTables(c, FORTIGATE_TABLES), vdomSensors(c), haSensors(c)]);
    addSensors(out, 'fortigate', parts.flat());
  },
};
