// General-purpose systems and the appliances built on them (firewall and NAS distributions).
import { under, type OsRule } from './types';

const NET_SNMP = under('1.3.6.1.4.1.8072.3.2');
/** NAS-MIB storageSystem (legacy systemInfo 1.2, QTS 4.4+ storageSystemEx 1.4). */
export const QNAP_NAS_MIB = '1.3.6.1.4.1.24681.1';
/** QNAP's newer enterprise (QTS-MIB under .1, QuTS hero under .2), which QTS 5 serves beside or instead of NAS-MIB. */
export const QNAP_QTS_MIB = '1.3.6.1.4.1.55062';
/** ENTITY-MIB entPhysicalMfgName ("QNAP Systems, Inc." on QNAP's agent). */
const QNAP_ENTITY_MFG = '1.3.6.1.2.1.47.1.1.1.1.12';

export const HOST_RULES: OsRule[] = [
  { os: 'windows', vendor: 'Microsoft', oid: under('1.3.6.1.4.1.311') },
  { os: 'windows', vendor: 'Microsoft', descr: /Windows/ },
  { os: 'pfsense', descr: /\bpfSense\b/ },
  // OPNsense runs HardenedBSD, whose release names end in -HBSD.
  { os: 'opnsense', descr: /\bOPNsense\b|-HBSD\b|sensey/ },
  { os: 'truenas-scale', vendor: 'iXsystems', descr: /^TrueNAS-SCALE/ },
  { os: 'truenas', vendor: 'iXsystems', descr: /^(TrueNAS|FreeNAS)-/ },
  // iXsystems' own sysObjectID (50536.3) or FreeBSD's, with the product named anywhere in the banner.
  { os: 'truenas-scale', vendor: 'iXsystems', oid: under('1.3.6.1.4.1.50536.3'), descr: /truenas-scale/i },
  { os: 'truenas', vendor: 'iXsystems', oid: under('1.3.6.1.4.1.50536.3', '1.3.6.1.4.1.8072.3.2.8'), descr: /freenas|^TrueNAS(?!.*-SCALE)/i },
  { os: 'dsm', vendor: 'Synology', descr: /Synology|DiskStation/ },
  // DSM's agent is net-snmp's, whatever sysObjectID it is set to: a Linux banner and the Synology subtree.
  { os: 'dsm', vendor: 'Synology', descr: /^Linux /, probe: '1.3.6.1.4.1.6574.1' },
  { os: 'qnap', vendor: 'QNAP', oid: under('1.3.6.1.4.1.24681') },
  // QTS / QuTS hero answer as net-snmp on Linux but serve NAS-MIB (enterprise 24681) or QTS-MIB (55062); LibreNMS
  // also takes a "Linux TS-…" sysDescr (the model as host name) whose ENTITY-MIB names QNAP. A few more subtrees in
  // the identity probe that Linux hosts get anyway.
  { os: 'qnap', vendor: 'QNAP', oid: under(QNAP_QTS_MIB) },
  { os: 'qnap', vendor: 'QNAP', oid: NET_SNMP, probe: QNAP_NAS_MIB },
  { os: 'qnap', vendor: 'QNAP', oid: NET_SNMP, probe: QNAP_QTS_MIB },
  { os: 'qnap', vendor: 'QNAP', descr: /^Linux\b/, probe: QNAP_NAS_MIB },
  { os: 'qnap', vendor: 'QNAP', descr: /^Linux\b/, probe: QNAP_QTS_MIB },
  { os: 'qnap', vendor: 'QNAP', descr: /Linux TS-/, probe: QNAP_ENTITY_MFG },
  // VMware by VMWARE-PRODUCTS-MIB: ESXi answers vmwESX (vmwProductSpecific 1), the vCenter appliances 7 and 8.
  // LibreNMS tests these as plain prefixes of the sysObjectID (no dot boundary), so the same here.
  { os: 'vmware-esxi', vendor: 'VMware', oid: /^1\.3\.6\.1\.4\.1\.6876\.4\.1/ },
  { os: 'vmware-vcsa', vendor: 'VMware', oid: /^1\.3\.6\.1\.4\.1\.6876\.4\.[78]/ },
  { os: 'vmware-vcsa', vendor: 'VMware', descr: /^VMware-vCenter-Server-Appliance|^VMware vCenter Server/ },
  // Proxmox kernels end in -pve ("6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC PMX …"); before 6.x the build said "SMP PVE".
  { os: 'proxmox', oid: under('1.3.6.1.4.1.8072.3.2.10'), descr: / PVE|pve / },
  { os: 'freebsd', descr: /FreeBSD/, notDescr: /FreeNAS|TrueNAS/ },
  { os: 'openbsd', descr: /OpenBSD/ },
  { os: 'openbsd', oid: under('1.3.6.1.4.1.30155.23.1') },
  { os: 'netbsd', descr: /NetBSD/ },
  { os: 'dragonfly', descr: /DragonFly/i },
  { os: 'dragonfly', oid: under('1.3.6.1.4.1.8072.3.2.17') },
  { os: 'macosx', vendor: 'Apple', descr: /Darwin/ },
  { os: 'macosx', vendor: 'Apple', oid: under('1.3.6.1.4.1.8072.3.2.16') },
  { os: 'linux', descr: /^Linux/ },
  // net-snmp's own Linux sysObjectID when sysDescr is hidden (Zyxel's uOS USG answers with it too, see network.ts).
  { os: 'linux', oid: under('1.3.6.1.4.1.8072.3.2.10') },
];

/**
 * Systems whose hardware is a general computer: ENTITY-MIB and vendor appliance MIBs are not asked. ESXi is one too:
 * its agent has ENTITY-MIB, but LibreNMS reads only row 1 of it, which the ESXi inventory module asks itself; the
 * vCenter appliance is a VM, of which LibreNMS shows no model at all.
 */
export const HOST_OSES: ReadonlySet<string> = new Set([
  'linux', 'windows', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'macosx', 'proxmox', 'pfsense', 'opnsense', 'truenas', 'truenas-scale',
  'vmware-esxi', 'vmware-vcsa',
]);
