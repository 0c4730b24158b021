// Printers and multifunction devices, by brand (HP JetDirect is with HPE).
import { under, type OsRule } from './types';

export const PRINTER_RULES: OsRule[] = [
  { os: 'brother', vendor: 'Brother', oid: under('1.3.6.1.4.1.2435') },
  { os: 'fujifilmprinter', vendor: 'Fujifilm', descr: /^FUJIFILM\b/ },
  { os: 'xerox', vendor: 'Xerox', oid: under('1.3.6.1.4.1.253', '1.3.6.1.4.1.297') },
  { os: 'xerox', vendor: 'Xerox', descr: /^(Xerox|FUJI XEROX)\b/i },
  { os: 'canonprinter', vendor: 'Canon', oid: under('1.3.6.1.4.1.1602') },
  { os: 'konica', vendor: 'Konica Minolta', oid: under('1.3.6.1.4.1.18334') },
  { os: 'epson', vendor: 'Epson', oid: under('1.3.6.1.4.1.1248') },
  { os: 'samsungprinter', vendor: 'Samsung', oid: under('1.3.6.1.4.1.236.11') },
  { os: 'sharp', vendor: 'Sharp', oid: under('1.3.6.1.4.1.2385') },
  { os: 'dell-laser', vendor: 'Dell', oid: under('1.3.6.1.4.1.674.10898') },
  { os: 'utax', vendor: 'UTAX', oid: under('1.3.6.1.4.1.1347'), descr: /UTAX/ },
  { os: 'kyocera', vendor: 'Kyocera', oid: under('1.3.6.1.4.1.1347') },
  { os: 'lexmarkprinter', vendor: 'Lexmark', oid: under('1.3.6.1.4.1.641') },
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
