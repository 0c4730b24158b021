// General-purpose systems and the appliances built on them (firewall and NAS distributions).
import { under, type OsRule } from './types';


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
  { os: 'vmware-esxi', vendor: 'VMware', oid: under('1.3.6.1.4.1.6876') },
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

/** Systems whose hardware is a general computer: ENTITY-MIB and vendor appliance MIBs are not asked. */
export const HOST_OSES: ReadonlySet<string> = new Set(['linux', 'windows', 'freebsd', 'openbsd', 'netbsd', 'dragonfly', 'macosx', 'proxmox', 'pfsense', 'opnsense', 'truenas', 'truenas-scale']);
