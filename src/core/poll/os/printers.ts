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
  { os: 'ricoh', vendor: 'Ricoh', oid: under('1.3.6.1.4.1.367') },
  { os: 'ricoh', vendor: 'Ricoh', descr: /^RICOH\b/ },
  { os: 'brother', vendor: 'Brother', descr: /^Brother\b/ },
];
