// Other network vendors, by enterprise number first and sysDescr where one number covers several systems.
import { under, type OsRule } from './types';

const ZYXEL = under('1.3.6.1.4.1.890');
// ZLD firewalls and NXC controllers share the 890.1.6 / 890.1.15 product arcs with NWA access points.
const ZYXEL_ZLD = under('1.3.6.1.4.1.890.1.6', '1.3.6.1.4.1.890.1.15');
const LINUX_AGENT = under('1.3.6.1.4.1.8072.3.2.10');

export const NETWORK_RULES: OsRule[] = [
  { os: 'swos', vendor: 'MikroTik', oid: under('1.3.6.1.4.1.14988.2') },
  { os: 'swos', vendor: 'MikroTik', descr: /\bSwOS\b/ },
  { os: 'routeros', vendor: 'MikroTik', descr: /RouterOS/ },
  { os: 'routeros', vendor: 'MikroTik', oid: under('1.3.6.1.4.1.14988') },
  { os: 'junos', vendor: 'Juniper', oid: under('1.3.6.1.4.1.2636') },
  { os: 'junos', vendor: 'Juniper', descr: /\bJUNOS\b|kernel Junos\b/ },
  { os: 'fortiswitch', vendor: 'Fortinet', oid: under('1.3.6.1.4.1.12356.106') },
  { os: 'fortiap', vendor: 'Fortinet', oid: under('1.3.6.1.4.1.12356.120') },
  // fgModel (101.1) and the pre-5.0 product arc (15); FortiMail, FortiWeb, FortiAnalyzer… have arcs of their own.
  { os: 'fortigate', vendor: 'Fortinet', oid: under('1.3.6.1.4.1.12356.101.1', '1.3.6.1.4.1.12356.15') },
  { os: 'panos', vendor: 'Palo Alto Networks', oid: under('1.3.6.1.4.1.25461') },
  { os: 'panos', vendor: 'Palo Alto Networks', descr: /Palo Alto Networks/ },
  // SonicOS 7 answers with a malformed 1.0.3.0.6.0.1.0 sysObjectID.
  { os: 'sonicwall', vendor: 'SonicWall', oid: under('1.3.6.1.4.1.8741', '1.0.3.0.6.0.1.0') },
  { os: 'sonicwall', vendor: 'SonicWall', descr: /^SonicWALL\b/i },
  { os: 'fireware', vendor: 'WatchGuard', oid: under('1.3.6.1.4.1.3097') },
  // Only VRP's banner: Huawei's enterprise also holds OceanStor, iBMC, SmartAX, OptiX and YunShan systems.
  { os: 'vrp', vendor: 'Huawei', descr: /Versatile Routing Platform Software|\bVRP \(R\)|VRP Software Version|Software Version VRP/ },
  // D-Link by product arc, as LibreNMS: DGS-1250 (165.1.1…), DAP access points (37), other switches (10).
  { os: 'dlink-dgs1250', vendor: 'D-Link', oid: /^1\.3\.6\.1\.4\.1\.171\.10\.165\.1\.1/ },
  { os: 'dlinkap', vendor: 'D-Link', oid: under('1.3.6.1.4.1.171.10.37') },
  { os: 'dlink', vendor: 'D-Link', oid: under('1.3.6.1.4.1.171.10') },
  { os: 'jetstream', vendor: 'TP-Link', oid: under('1.3.6.1.4.1.11863.5') },
  { os: 'jetstream', vendor: 'TP-Link', descr: /JetStream/ },
  { os: 'tplink', vendor: 'TP-Link', oid: under('1.3.6.1.4.1.11863') },
  // Older Easy Smart / ISP-branded TP-Link switches use an OEM arc and print "Build <n> Rel.<n>".
  { os: 'tplink', vendor: 'TP-Link', oid: under('1.3.6.1.4.1.16972'), descr: /Build \d+ Rel/ },
  { os: 'netgear', vendor: 'Netgear', oid: under('1.3.6.1.4.1.4526') },
  // Netgear's Marvell-based smart switches answer under Marvell's (89) arc with Netgear's product OID appended.
  { os: 'netgear', vendor: 'Netgear', oid: under('1.3.6.1.4.1.89.1.1.1.3.6.1.4.1.4526') },
  { os: 'netgear', vendor: 'Netgear', descr: /ProSafe/ },
  // USG FLEX H (uOS) is a plain net-snmp agent; older USG FLEX / ATP under Zyxel's arcs run ZLD (zywall).
  { os: 'zyxelusg', vendor: 'Zyxel', oid: LINUX_AGENT, descr: /^USG/ },
  // ZyNOS switches by their model prefixes (GS1900, XGS4600…), then ZLD firewalls and NXC controllers.
  { os: 'zynos', vendor: 'Zyxel', oid: ZYXEL, descr: /^(ES|GS|GES|MES|MGS|XS|XGS|ZyXEL)/ },
  { os: 'zywall', vendor: 'Zyxel', oid: ZYXEL_ZLD, notDescr: /^(NWA|XGS|NXC)/ },
  { os: 'zyxelwlc', vendor: 'Zyxel', oid: ZYXEL_ZLD, descr: /^NXC/ },
  { os: 'zywall', vendor: 'Zyxel', oid: ZYXEL, descr: /^(USG|ZyWALL|ATP)\d/ },
  { os: 'ruckuswireless-sz', vendor: 'Ruckus', oid: under('1.3.6.1.4.1.25053.3.1.11', '1.3.6.1.4.1.25053.3.1.10') },
  // Unleashed APs share ZoneDirector's sysObjectIDs; their own MIB subtree tells them apart.
  { os: 'ruckuswireless-unleashed', vendor: 'Ruckus', oid: under('1.3.6.1.4.1.25053.3.1.5'), probe: '1.3.6.1.4.1.25053.1.15' },
  { os: 'ruckuswireless', vendor: 'Ruckus', oid: under('1.3.6.1.4.1.25053.3.1.5') },
  { os: 'arista_eos', vendor: 'Arista', oid: under('1.3.6.1.4.1.30065.1') },
  { os: 'mimosa', vendor: 'Mimosa', oid: under('1.3.6.1.4.1.43356') },
  { os: 'f5', vendor: 'F5', oid: under('1.3.6.1.4.1.3375.2.1') },
];
