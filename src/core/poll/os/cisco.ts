// Cisco and Cisco Meraki. Cisco's sysObjectIDs live under 1.3.6.1.4.1.9.1 (CISCO-PRODUCTS-MIB), small-business
// products under 9.6.1, Nexus under 9.12.3; the software family is told by sysDescr, as LibreNMS tells it: a Cisco
// sysObjectID alone does not make a device IOS (ISE, ACS, UCS Manager and others share the range).
import { ciscoProductName } from '../modules/inventory/cisco-products';
import { under, type OsRule } from './types';

const CISCO = under('1.3.6.1.4.1.9');
const products = (...n: number[]) => under(...n.map((x) => `1.3.6.1.4.1.9.1.${x}`));
// Firepower / Secure Firewall appliances (ciscoFpr…, ciscoSecureFirewall… in CISCO-PRODUCTS-MIB).
const FTD_PRODUCTS = products(1902, 2294, 2295, 2313, 2315, 2319, 2404, 2405, 2406, 2407, 2409, 2483, 2662, 2663, 2774,
  2775, 2778, 2870, 2991, 3041, 3053, 3054, 3055, 3056, 3057, 3166, 3257, 3305);
// IE3200/IE3300/IE3400 run IOS XE but may print a terse "Cisco <model> <serial> <hw> V 17 12 4".
const IE3X00_PRODUCTS = products(2683, 2684, 2685, 2686, 2687);
// IE1000 (ciscoIE1000…) is IOS-managed but says only "IE1000 Industrial Ethernet Switch, Version: …".
const IE1000_PRODUCTS = products(2330, 2331, 2332, 2333);
// Small-business access points and Catalyst IW radios.
const WAP_OIDS = under('1.3.6.1.4.1.9.6.1.31', '1.3.6.1.4.1.9.6.1.32', '1.3.6.1.4.1.9.6.1.34', '1.3.6.1.4.1.9.1.3280',
  '1.3.6.1.4.1.9.1.3281', '1.3.6.1.4.1.9.1.3282');
// Under 9.6.1 but other systems: SPA phones/adapters, WAPs, Business Wireless controllers.
const SB_NOT = under('1.3.6.1.4.1.9.6.1.23.1.1.1', '1.3.6.1.4.1.9.6.1.31', '1.3.6.1.4.1.9.6.1.32', '1.3.6.1.4.1.9.6.1.34',
  '1.3.6.1.4.1.9.6.1.37');
const IOSXE_DESCR = /IOS[ -]?XE|LINUX_IOSD|CAT3K_CAA/;
const UCS_MANAGER = under('1.3.6.1.4.1.9.12.3.1.3.1062');

export const CISCO_RULES: OsRule[] = [
  { os: 'asa', vendor: 'Cisco', descr: /Cisco (Adaptive|Industrial) Security Appliance/i },
  { os: 'ftd', vendor: 'Cisco', descr: /Fire ?power Threat Defense/i },
  { os: 'ftd', vendor: 'Cisco', oid: FTD_PRODUCTS },
  // UCS fabric interconnects print NX-OS too; LibreNMS gives them to UCOS.
  { os: 'nxos', vendor: 'Cisco', descr: /NX-OS\(tm\)|Cisco NX-OS/, notDescr: /NX-OS\(tm\) ucs/, test: (oid) => !UCS_MANAGER.test(oid) },
  { os: 'ciscowlc', vendor: 'Cisco', descr: /^Cisco (Controller|Business Wireless)\b/ },
  { os: 'ciscowap', vendor: 'Cisco', oid: WAP_OIDS },
  { os: 'ciscowap', vendor: 'Cisco', descr: /Cisco Small Business WAP/ },
  { os: 'ciscowap', vendor: 'Cisco', oid: CISCO, descr: /^Cisco (IW\d|AIR-|C9\d{3}AX)/ },
  { os: 'iosxe', vendor: 'Cisco', descr: IOSXE_DESCR },
  { os: 'ios', vendor: 'Cisco', descr: /Cisco IOS Software|IOS \(tm\)|Cisco Internetwork Operating System|Global Site Selector/ },
  { os: 'iosxe', vendor: 'Cisco', oid: IE3X00_PRODUCTS },
  { os: 'ios', vendor: 'Cisco', oid: IE1000_PRODUCTS },
  // Small Business (Sx/CBS/Catalyst 1200-1300) switches and WAPs; Linksys-era SRW/SLM switches.
  { os: 'ciscosb', vendor: 'Cisco', descr: /Catalyst 1[23]00 Series|^Linksys SLM/ },
  { os: 'ciscosb', vendor: 'Cisco', oid: CISCO, descr: /Smart Switch|Managed Switch|^(Linux, )?Cisco Systems, Inc WAP/, test: (oid) => !SB_NOT.test(oid) },
  { os: 'ciscosb', vendor: 'Cisco', oid: under('1.3.6.1.4.1.9.6.1', '1.3.6.1.4.1.3955.6'), test: (oid) => !SB_NOT.test(oid) },
  // SG200/SF200 and SG500 families were numbered in the main product table.
  { os: 'ciscosb', vendor: 'Cisco', oid: products(1058, 1059, 1060, 1061, 1062, 1063, 1064, 1176, 1177) },
  // ASAs whose sysDescr says nothing useful are known by their product name (ciscoASA5585Ssp10, ciscoPIX515E…).
  { os: 'asa', vendor: 'Cisco', oid: under('1.3.6.1.4.1.9.1'), test: (oid) => /^cisco(ASA|PIX)/i.test(ciscoProductName(oid) ?? '') },
  { os: 'merakimr', vendor: 'Cisco Meraki', descr: /^=?Meraki (MR|CW)/ },
  { os: 'merakims', vendor: 'Cisco Meraki', descr: /^Meraki MS/ },
  { os: 'merakimx', vendor: 'Cisco Meraki', descr: /^Meraki MX/ },
  // Meraki-managed Catalyst 9300 (C9300-M) answers with Meraki's enterprise and a Catalyst banner.
  { os: 'merakims', vendor: 'Cisco Meraki', oid: under('1.3.6.1.4.1.29671.2.388') },
];
