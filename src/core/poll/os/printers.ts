// Printers and multifunction devices, by brand (HP JetDirect is with HPE). Where a vendor's enterprise also holds
// projectors or scanners, those arcs are left out.
import { under, type OsRule } from './types';

// Epson projectors (1248.4) and network scanners (epsonNetworkInterfaceUnit, named by its ASCII arc).
const EPSON_NOT = under('1.3.6.1.4.1.1248.4',
  '1.3.6.1.4.1.1248.1.1.2.1.3.22.78.101.116.119.111.114.107.32.73.110.116.101.114.102.97.99.101.32.85.110.105.116');
// Develop (ineo) is Konica Minolta's OEM brand, told apart by its own product arc.
const DEVELOP = under('1.3.6.1.4.1.18334.1.2.1.2.1.50.2.2');

export const PRINTER_RULES: OsRule[] = [
  { os: 'brother', vendor: 'Brother', oid: under('1.3.6.1.4.1.2435') },
  { os: 'fujifilmprinter', vendor: 'Fujifilm', descr: /^FUJIFILM\b/ },
  // Fujifilm Business Innovation kept Fuji Xerox's enterprise (297): its own printers under 93.2.1, Xerox-branded under 93.1.
  { os: 'fujifilmprinter', vendor: 'Fujifilm', oid: under('1.3.6.1.4.1.297.1.11.93.2.1') },
  { os: 'xerox', vendor: 'Xerox', oid: under('1.3.6.1.4.1.253', '1.3.6.1.4.1.297') },
  { os: 'xerox', vendor: 'Xerox', descr: /^(Xerox|FUJI XEROX)\b/i },
  { os: 'canonprinter', vendor: 'Canon', oid: under('1.3.6.1.4.1.1602') },
  { os: 'canonprinter', vendor: 'Canon', descr: /Canon (MF|iR|iP|TM|TX)/ },
  { os: 'konica', vendor: 'Konica Minolta', descr: /KONICA MINOLTA|konica minolta/, test: (oid) => !DEVELOP.test(oid) },
  { os: 'konica', vendor: 'Konica Minolta', oid: under('1.3.6.1.4.1.18334'), test: (oid) => !DEVELOP.test(oid) },
  { os: 'epson', vendor: 'Epson', descr: /EPSON Built-in/, test: (oid) => !EPSON_NOT.test(oid) },
  { os: 'epson', vendor: 'Epson', oid: under('1.3.6.1.4.1.1248'), test: (oid) => !EPSON_NOT.test(oid) },
  { os: 'samsungprinter', vendor: 'Samsung', oid: under('1.3.6.1.4.1.236.11') },
  { os: 'samsungprinter', vendor: 'Samsung', descr: /Samsung (C|S|ML|X|M4080FX)/ },
  { os: 'sharp', vendor: 'Sharp', oid: under('1.3.6.1.4.1.2385') },
  { os: 'sharp', vendor: 'Sharp', descr: /SHARP (BP|MX)-/ },
  { os: 'dell-laser', vendor: 'Dell', oid: under('1.3.6.1.4.1.674.10898') },
  { os: 'dell-laser', vendor: 'Dell', descr: /Dell Color Laser|Dell Laser Printer|^Dell.*(MFP|Printer|Laser)/ },
  // Kyocera's banner first; its generic printer OID (1347.41) otherwise means a UTAX / TA Triumph-Adler OEM unit.
  { os: 'kyocera', vendor: 'Kyocera', descr: /^KYOCERA/ },
  { os: 'utax', vendor: 'UTAX', oid: under('1.3.6.1.4.1.1347'), descr: /UTAX/ },
  { os: 'utax', vendor: 'UTAX', descr: /TA_UTAX Printing System/ },
  { os: 'utax', vendor: 'UTAX', oid: under('1.3.6.1.4.1.1347.41') },
  { os: 'kyocera', vendor: 'Kyocera', oid: under('1.3.6.1.4.1.1347') },
  { os: 'lexmarkprinter', vendor: 'Lexmark', oid: under('1.3.6.1.4.1.641') },
  { os: 'lexmarkprinter', vendor: 'Lexmark', descr: /Lexmark/ },
  // Ricoh and the brands it builds for. LibreNMS tells them apart by words in sysDescr only (case-sensitive, its
  // files in name order), since they all answer with Ricoh's sysObjectID 1.3.6.1.4.1.367.1.1.
  { os: 'gestetner', vendor: 'Gestetner', descr: /Gestetner Network Printer/ },
  { os: 'lanier', vendor: 'Lanier', descr: /LANIER/ },
  { os: 'nrg', vendor: 'NRG', descr: /NRG Network Printer/ },
  { os: 'ricoh', vendor: 'Ricoh', descr: /RICOH Aficio|RICOH Network Printer/ },
  { os: 'savin', vendor: 'Savin', descr: /SAVIN/ },
  // Beyond LibreNMS (which leaves these generic): a Ricoh-made agent whose banner it does not know.
  { os: 'ricoh', vendor: 'Ricoh', oid: under('1.3.6.1.4.1.367') },
  { os: 'ricoh', vendor: 'Ricoh', descr: /^RICOH\b/ },
  { os: 'brother', vendor: 'Brother', descr: /^Brother\b/ },
];
