// Ubiquiti: UniFi, EdgeSwitch, EdgeRouter, airMAX/airFiber. Many answer with Frogfoot's (10002) or net-snmp's
// sysObjectID and a bare Linux sysDescr; the UBNT MIB subtree they carry tells them apart.
import { under, type OsRule } from './types';

const UBNT_LINUX = under('1.3.6.1.4.1.10002.1', '1.3.6.1.4.1.41112', '1.3.6.1.4.1.8072.3.2.10');
const LINUX = /^Linux\b/;

export const UBIQUITI_RULES: OsRule[] = [
  // EdgeSwitch / EdgePoint and UniFi switches ("US-8-60W, 5.43…", "USW-Flex 5.76…", "UBNT US-24…").
  { os: 'edgeswitch', vendor: 'Ubiquiti', descr: /^(EdgeSwitch|EdgePoint|USW[ -]|UBNT US|US[ -]|US-\d)/ },
  { os: 'edgeswitch', vendor: 'Ubiquiti', oid: under('1.3.6.1.4.1.27282.3.2.10') },
  // Realtek-based EdgeSwitch X / UniFi Flex Mini: a chip name or "Linux UBNT" banner on net-snmp's sysObjectID.
  { os: 'edgeswitch', vendor: 'Ubiquiti', oid: under('1.3.6.1.4.1.8072.3.2.10'), descr: /^(Linux UBNT|RTL8380)/ },
  { os: 'unifi-usp', vendor: 'Ubiquiti', descr: /^USP-/ },
  { os: 'edgeos', vendor: 'Ubiquiti', descr: /EdgeOS|EdgeRouter/ },
  { os: 'unifi', vendor: 'Ubiquiti', oid: under('1.3.6.1.4.1.41112'), descr: /^U[\w+-]* \d+\.\d+\.\d+\.\d+$/ },
  { os: 'unifi', vendor: 'Ubiquiti', descr: /^(UAP|U6|U7|UniFi)\b/i },
  // UniFi APs, Building Bridges, LTE and E7 radios print their model first (UAP-AC-Pro, UK-Ultra, U-LTE-Pro, E7…).
  { os: 'unifi', vendor: 'Ubiquiti', oid: under('1.3.6.1.4.1.41112', '1.3.6.1.4.1.8072.3.2.10'), descr: /^(UAP|U6|U7|E7|UK|U-LTE)/ },
  { os: 'airos-af60', vendor: 'Ubiquiti', oid: UBNT_LINUX, descr: LINUX, probe: '1.3.6.1.4.1.41112.1.11' },
  { os: 'airos-af-ltu', vendor: 'Ubiquiti', oid: UBNT_LINUX, descr: LINUX, probe: '1.3.6.1.4.1.41112.1.10' },
  { os: 'airos-af', vendor: 'Ubiquiti', oid: UBNT_LINUX, descr: LINUX, probe: '1.3.6.1.4.1.41112.1.3' },
  { os: 'unifi', vendor: 'Ubiquiti', oid: UBNT_LINUX, descr: LINUX, probe: '1.3.6.1.4.1.41112.1.6' },
  { os: 'edgeos-ep', vendor: 'Ubiquiti', oid: UBNT_LINUX, descr: LINUX, probe: '1.3.6.1.4.1.41112.1.5' },
  { os: 'airos', vendor: 'Ubiquiti', oid: UBNT_LINUX, descr: LINUX, probe: '1.3.6.1.4.1.41112.1.4' },
  { os: 'airos', vendor: 'Ubiquiti', oid: under('1.3.6.1.4.1.41112.1.4') },
  { os: 'airos', vendor: 'Ubiquiti', descr: /\bAirOS\b/i },
];
