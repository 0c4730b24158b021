// UPSes, PDUs and their management cards.
import { under, type OsRule } from './types';

const LINUX_AGENT = under('1.3.6.1.4.1.8072.3.2.10');
// APC's own arcs for systems LibreNMS keeps apart: the EcoStruxure rack PDUs (3.4.9), the 1.32 PDUs and the
// NetBotz 4xx/5xx / EMU2 environment appliances (3.8.2, 3.8.3).
const APC_NOT = under('1.3.6.1.4.1.318.1.3.4.9', '1.3.6.1.4.1.318.1.1.32.1', '1.3.6.1.4.1.318.1.3.8.2', '1.3.6.1.4.1.318.1.3.8.3');
const CONNECT_UPS = /^ConnectUPS Web\/SNMP Card/;

export const POWER_RULES: OsRule[] = [
  { os: 'netbotz', vendor: 'APC', oid: under('1.3.6.1.4.1.5528.100.20.10') },
  // NetBotz 200 and other PowerNet cards are APC's, whatever they monitor.
  { os: 'apc', vendor: 'APC', oid: under('1.3.6.1.4.1.318.1'), test: (oid) => !APC_NOT.test(oid) },
  { os: 'apc', vendor: 'APC', descr: /APC (Web\/SNMP Management Card|Switched Rack PDU|MasterSwitch PDU|Metered Rack PDU|Embedded PowerNet|Environmental Manager|InRow DX|Uniflair SP|InfraStruXure ATS|SNMP Agent)/, test: (oid) => !APC_NOT.test(oid) },
  // XUPS-MIB cards: the ConnectUPS generation says so; Network-M2/M3 cards give the UPS model instead.
  { os: 'eatonups', vendor: 'Eaton', oid: under('1.3.6.1.4.1.534.1'), descr: CONNECT_UPS },
  { os: 'eatonups', vendor: 'Eaton', oid: under('1.3.6.1.4.1.534.2') },
  { os: 'eatonupsm2', vendor: 'Eaton', oid: under('1.3.6.1.4.1.534.1') },
  // MGE-MIB cards (Network-MS); Galaxy three-phase UPSes are APC's MGE line.
  { os: 'eaton-mgeups', vendor: 'Eaton', oid: under('1.3.6.1.4.1.705.1'), notDescr: /^(Eaton ATS|Galaxy|GALAXY|MGE Galaxy)/ },
  { os: 'netvision-rfc', vendor: 'Socomec', oid: LINUX_AGENT, probe: '1.3.6.1.4.1.4555.1' },
  { os: 'poweralert', vendor: 'Tripp Lite', descr: /POWERALERT/i },
  // Tripp Lite console servers (850.1.5, 850.1.7) are not PowerAlert.
  { os: 'poweralert', vendor: 'Tripp Lite', oid: under('1.3.6.1.4.1.850'), test: (oid) => !under('1.3.6.1.4.1.850.1.5', '1.3.6.1.4.1.850.1.7').test(oid) },
  { os: 'liebert', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.476.1.42') },
  // Geist's enterprise: only the Vertiv-branded rPDU models; Geist's own Watchdog / RCM units keep LibreNMS's geist os.
  { os: 'vertiv-pdu', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.21239.42.1.52', '1.3.6.1.4.1.21239.42.1.53', '1.3.6.1.4.1.21239.42.1.55') },
  { os: 'vertiv-ita2', vendor: 'Vertiv', oid: under('1.3.6.1.4.1.13400.2.54') },
  // 13742 is Raritan (PX PDUs under .4/.6, EMX environment controllers under .8).
  { os: 'raritan-pdu', vendor: 'Raritan', oid: under('1.3.6.1.4.1.13742.4', '1.3.6.1.4.1.13742.6') },
  { os: 'raritan-emx', vendor: 'Raritan', oid: under('1.3.6.1.4.1.13742.8') },
  // PowerWalker's cards reuse CyberPower's arc but print "Power Management Card".
  { os: 'cyberpower', vendor: 'CyberPower', oid: under('1.3.6.1.4.1.3808'), notDescr: /Power Management Card/ },
];
