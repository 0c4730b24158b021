// Other network vendors, by enterprise number first and sysDescr where one number covers several systems.
import { under, type OsRule } from './types';

const ZYXEL = under('1.3.6.1.4.1.890');

export const NETWORK_RULES: OsRule[] = [
  { os: 'swos', vendor: 'MikroTik', oid: under('1.3.6.1.4.1.14988.2') },
  { os: 'swos', vendor: 'MikroTik', descr: /\bSwOS\b/ },
  { os: 'routeros', vendor: 'MikroTik', descr: /RouterOS/ },
  { os: 'routeros', vendor: 'MikroTik', oid: under('1.3.6.1.4.1.14988') },
  { os: 'junos', vendor: 'Juniper', oid: under('1.3.6.1.4.1.2636') },
  { os: 'junos', vendor: 'Juniper', descr: /\bJUNOS\b/ },
  { os: 'fortiswitch', vendor: 'Fortinet', oid: under('1.3.6.1.4.1.12356.106') },
  { os: 'fortiap', vendor: 'Fortinet', oid: under('1.3.6.1.4.1.12356.120') },
  { os: 'fortigate', vendor: 'Fortinet', oid: under('1.3.6.1.4.1.12356') },
  { os: 'panos', vendor: 'Palo Alto Networks', oid: under('1.3.6.1.4.1.25461') },
  { os: 'sonicwall', vendor: 'SonicWall', oid: under('1.3.6.1.4.1.8741') },
  { os: 'sonicwall', vendor: 'SonicWall', descr: /^SonicWALL\b/i },
  { os: 'fireware', vendor: 'WatchGuard', oid: under('1.3.6.1.4.1.3097') },
  { os: 'vrp', vendor: 'Huawei', descr: /Huawei Versatile Routing Platform|\bVRP \(R\)/ },
  { os: 'vrp', vendor: 'Huawei', oid: under('1.3.6.1.4.1.2011.2') },
  { os: 'dlink-dgs1250', vendor: 'D-Link', oid: under('1.3.6.1.4.1.171'), descr: /^DGS-1250-/ },
  { os: 'dlinkap', vendor: 'D-Link', oid: under('1.3.6.1.4.1.171'), descr: /\bDAP-\d/ },
  { os: 'dlink', vendor: 'D-Link', oid: under('1.3.6.1.4.1.171') },
  { os: 'jetstream', vendor: 'TP-Link', oid: under('1.3.6.1.4.1.11863.5') },
  { os: 'tplink', vendor: 'TP-Link', oid: under('1.3.6.1.4.1.11863') },
  { os: 'netgear', vendor: 'Netgear', oid: under('1.3.6.1.4.1.4526') },
  { os: 'zyxelusg', vendor: 'Zyxel', descr: /^USG FLEX\b/ },
  { os: 'zywall', vendor: 'Zyxel', oid: ZYXEL, descr: /^(USG|ZyWALL|ATP)\d/ },
  { os: 'zyxelwlc', vendor: 'Zyxel', oid: ZYXEL, descr: /^NXC\d/ },
  { os: 'zynos', vendor: 'Zyxel', oid: ZYXEL },
  { os: 'ruckuswireless-sz', vendor: 'Ruckus', oid: under('1.3.6.1.4.1.25053.3.1.11') },
  // Unleashed APs share ZoneDirector's sysObjectIDs; their own MIB subtree tells them apart.
  { os: 'ruckuswireless-unleashed', vendor: 'Ruckus', oid: under('1.3.6.1.4.1.25053.3.1.5'), probe: '1.3.6.1.4.1.25053.1.15' },
  { os: 'ruckuswireless', vendor: 'Ruckus', oid: under('1.3.6.1.4.1.25053') },
  { os: 'arista_eos', vendor: 'Arista', oid: under('1.3.6.1.4.1.30065') },
  { os: 'mimosa', vendor: 'Mimosa', oid: under('1.3.6.1.4.1.43356') },
  { os: 'f5', vendor: 'F5', oid: under('1.3.6.1.4.1.3375') },
];
