// The human OS name shown beside the short os code: family and release, e.g. "Cisco IOS 15.2(7)E9".
import type { DevicePoll } from '../../types';

const FAMILY: Readonly<Record<string, string>> = {
  ios: 'Cisco IOS', iosxe: 'Cisco IOS XE', nxos: 'Cisco NX-OS', asa: 'Cisco ASA', ftd: 'Cisco Firepower Threat Defense',
  ciscosb: 'Cisco Small Business', ciscowlc: 'Cisco Wireless LAN Controller', ciscowap: 'Cisco Access Point',
  merakimr: 'Cisco Meraki MR', merakims: 'Cisco Meraki MS', merakimx: 'Cisco Meraki MX',
  procurve: 'HPE ProCurve', 'arubaos-cx': 'Aruba AOS-CX', arubaos: 'ArubaOS', 'aruba-instant': 'Aruba Instant', comware: 'HPE Comware',
  'hpe-ilo': 'HPE iLO', jetdirect: 'HP JetDirect', junos: 'Juniper Junos', routeros: 'MikroTik RouterOS', swos: 'MikroTik SwOS',
  unifi: 'Ubiquiti UniFi', 'unifi-usp': 'Ubiquiti UniFi', edgeswitch: 'Ubiquiti EdgeSwitch', edgeos: 'Ubiquiti EdgeOS', 'edgeos-ep': 'Ubiquiti EdgePower',
  airos: 'Ubiquiti airOS', 'airos-af': 'Ubiquiti airFiber', 'airos-af-ltu': 'Ubiquiti airFiber LTU', 'airos-af60': 'Ubiquiti airFiber 60',
  fortigate: 'Fortinet FortiOS', fortiswitch: 'Fortinet FortiSwitchOS', fortiap: 'Fortinet FortiAP', panos: 'Palo Alto PAN-OS',
  pfsense: 'pfSense', opnsense: 'OPNsense', sonicwall: 'SonicWall SonicOS', fireware: 'WatchGuard Fireware', dsm: 'Synology DSM',
  truenas: 'TrueNAS', 'truenas-scale': 'TrueNAS SCALE', qnap: 'QNAP QTS', proxmox: 'Proxmox VE', 'vmware-esxi': 'VMware ESXi', 'vmware-vcsa': 'VMware vCenter', windows: 'Microsoft Windows', linux: 'Linux',
  freebsd: 'FreeBSD', openbsd: 'OpenBSD', netbsd: 'NetBSD', macosx: 'macOS', drac: 'Dell iDRAC', xclarity: 'Lenovo XClarity Controller',
  'ibm-imm': 'IBM IMM', 'supermicro-bmc': 'Supermicro BMC', vrp: 'Huawei VRP', dlink: 'D-Link', 'dlink-dgs1250': 'D-Link', dlinkap: 'D-Link',
  tplink: 'TP-Link', jetstream: 'TP-Link JetStream', netgear: 'Netgear', zynos: 'Zyxel ZyNOS', zywall: 'Zyxel ZLD', zyxelusg: 'Zyxel uOS',
  zyxelwlc: 'Zyxel NXC', ruckuswireless: 'Ruckus ZoneDirector', 'ruckuswireless-unleashed': 'Ruckus Unleashed', 'ruckuswireless-sz': 'Ruckus SmartZone',
  eatonups: 'Eaton', eatonupsm2: 'Eaton', 'eaton-mgeups': 'Eaton', 'netvision-rfc': 'Socomec Net Vision', poweralert: 'Tripp Lite PowerAlert',
  liebert: 'Vertiv Liebert', 'vertiv-pdu': 'Vertiv', 'vertiv-ita2': 'Vertiv', cyberpower: 'CyberPower', netbotz: 'APC NetBotz', 'oracle-ilom': 'Oracle ILOM',
  brother: 'Brother', xerox: 'Xerox', canonprinter: 'Canon', konica: 'Konica Minolta', epson: 'Epson', samsungprinter: 'Samsung',
  sharp: 'Sharp', fujifilmprinter: 'Fujifilm', 'dell-laser': 'Dell', utax: 'UTAX', kyocera: 'Kyocera', lexmarkprinter: 'Lexmark', ricoh: 'Ricoh',
  savin: 'Savin', lanier: 'Lanier', nrg: 'NRG', gestetner: 'Gestetner',
};

/** Family, then the release (IOS XE's "IMAGE 17.9.4" reads as its number); APC UPSes by their series. */
export function osNameOf(out: Pick<DevicePoll, 'os' | 'version' | 'hardware' | 'distro'>): string | undefined {
  const os = out.os;
  if (!os || os === 'generic') return out.distro;
  if (os === 'apc') return out.hardware ? `APC ${out.hardware.split(' ')[0]}` : 'APC';
  if ((os === 'linux' || os === 'proxmox') && out.distro) return out.distro;
  const family = Object.hasOwn(FAMILY, os) ? FAMILY[os] : os;
  let version = out.version;
  if (os === 'iosxe' && version) version = version.split(' ').pop();
  // QuTS hero (the ZFS edition) numbers its releases h5.1.0.2424; QTS 5.1.0.2424.
  if (os === 'qnap' && version && /^h\d/.test(version)) return `QNAP QuTS hero ${version.slice(1)}`;
  return version ? `${family} ${version}` : family;
}
