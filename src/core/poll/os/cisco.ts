// Cisco and Cisco Meraki. Cisco's sysObjectIDs live under 1.3.6.1.4.1.9.1 (CISCO-PRODUCTS-MIB), small-business
// products under 9.6.1, Nexus under 9.12.3; the software family is told by sysDescr.
import { ciscoProductName } from '../modules/inventory/cisco-products';
import { under, type OsRule } from './types';

const CISCO = under('1.3.6.1.4.1.9');

export const CISCO_RULES: OsRule[] = [
  { os: 'asa', vendor: 'Cisco', descr: /Cisco Adaptive Security Appliance/i },
  { os: 'ftd', vendor: 'Cisco', descr: /Fire ?power Threat Defense/i },
  { os: 'nxos', vendor: 'Cisco', descr: /NX-OS/ },
  { os: 'ciscowlc', vendor: 'Cisco', descr: /^Cisco (Controller|Business Wireless)\b/ },
  { os: 'ciscowap', vendor: 'Cisco', oid: CISCO, descr: /^Cisco (IW\d|AIR-|C9\d{3}AX)/ },
  // IOS XE 16/17 names its release trains ([Gibraltar], [Amsterdam]…) and images (…_IOSXE, …_LINUX_IOSD…).
  { os: 'iosxe', vendor: 'Cisco', descr: /IOS[ -]?XE|_IOSXE|LINUX_IOSD|Cisco IOS Software \[/ },
  // Industrial IOS XE switches print a terse "Cisco <model> <serial> <hw> V 17 12 4".
  { os: 'iosxe', vendor: 'Cisco', oid: CISCO, descr: /^Cisco\s+\S+\s+\S+\s+\d+\s+V (1[6-9]|2\d) / },
  { os: 'ios', vendor: 'Cisco', descr: /Cisco IOS Software|IOS \(tm\)|Cisco Internetwork Operating System/ },
  // Small Business (Sx/CBS/Catalyst 1200-1300) switches and WAPs.
  { os: 'ciscosb', vendor: 'Cisco', oid: CISCO, descr: /Smart Switch|Managed Switch|^(Linux, )?Cisco Systems, Inc WAP/ },
  { os: 'ciscosb', vendor: 'Cisco', oid: under('1.3.6.1.4.1.9.6.1') },
  { os: 'nxos', vendor: 'Cisco', oid: under('1.3.6.1.4.1.9.12.3.1.3') },
  // ASAs whose sysDescr says nothing useful are known by their product name (ciscoASA5585Ssp10, ciscoPIX515E…).
  { os: 'asa', vendor: 'Cisco', oid: under('1.3.6.1.4.1.9.1'), test: (oid) => /^cisco(ASA|PIX)/i.test(ciscoProductName(oid) ?? '') },
  { os: 'ios', vendor: 'Cisco', oid: under('1.3.6.1.4.1.9.1') },
  { os: 'merakimr', vendor: 'Cisco Meraki', descr: /Meraki MR\d/ },
  { os: 'merakimx', vendor: 'Cisco Meraki', descr: /Meraki (MX|Z)\d/ },
  { os: 'merakims', vendor: 'Cisco Meraki', descr: /^Meraki MS\b/ },
  { os: 'merakims', vendor: 'Cisco Meraki', oid: under('1.3.6.1.4.1.29671') },
];
