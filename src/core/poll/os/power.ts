// UPSes, PDUs and their management cards.
import { under, type OsRule } from './types';

const LINUX_AGENT = under('1.3.6.1.4.1.8072.3.2.10');

export const POWER_RULES: OsRule[] = [
  { os: 'netbotz', vendor: 'APC', oid: under('1.3.6.1.4.1.318.1.3.8') },
  { os: 'apc', vendor: 'APC', oid: under('1.3.6.1.4.1.318') },
  // Eaton Network-M2 cards answer with the XUPS sysObjectID but carry the EATON-EMP subtree (534.10).
  { os: 'eatonupsm2', vendor: 'Eaton', oid: under('1.3.6.1.4.1.534.1'), probe: '1.3.6.1.4.1.534.10' },
  { os: 'eatonups', vendor: 'Eaton', oid: under('1.3.6.1.4.1.534') },
  { os: 'eaton-mgeups', vendor: 'Eaton', oid: under('1.3.6.1.4.1.705') },
  { os: 'netvision-rfc', vendor: 'Socomec', oid: LINUX_AGENT, probe: '1.3.6.1.4.1.4555.1' },
  { os: 'poweralert', vendor: 'Tripp Lite', oid: under('1.3.6.1.4.1.850') },
  { os: 'liebert', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.476') },
  { os: 'vertiv-pdu', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.21239') },
  { os: 'vertiv-ita2', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.13400.2.54') },
  { os: 'vertiv', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.13742') },
  { os: 'cyberpower', vendor: 'CyberPower', oid: under('1.3.6.1.4.1.3808') },
];
