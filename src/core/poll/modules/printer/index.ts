// Which devices get the Printer-MIB module: recognised printers, and unrecognised devices (one probe walk).
import { enterpriseNumber } from '../../os-detect';
import type { DevicePoll } from '../../types';
import type { PollModule } from '../registry';
import { pollPrinter } from './printer-mib';

/** OS codes of printers (os-detect's, and the LibreNMS-style names they are being refined to). */
export const PRINTER_OS = new Set([
  'printer', 'jetdirect', 'brother', 'xerox', 'canonprinter', 'konica', 'epson', 'samsungprinter', 'sharp',
  'fujifilmprinter', 'dell-laser', 'utax', 'ricoh', 'kyocera', 'lexmarkprinter', 'okilan', 'toshiba-printer',
  'nrg', 'lanier', 'savin', 'gestetner', 'develop', 'triumph-adler', 'hp-printer', 'panasonic-printer', 'zebra', 'sindoh',
]);

/** Enterprise numbers that make printers (and little else). HP (11) only by its JetDirect branch. */
const PRINTER_ENTERPRISES = new Set([2435, 1347, 367, 1602, 1248, 18334, 253, 641, 236, 2385, 297, 2001, 1129, 10642]);

export function looksLikePrinter(out: Pick<DevicePoll, 'os' | 'sysObjectID' | 'sysDescr'>): boolean {
  if (PRINTER_OS.has(out.os ?? '')) return true;
  const oid = (out.sysObjectID ?? '').replace(/^\./, '');
  if (oid.startsWith('1.3.6.1.4.1.11.2.3.9.')) return true;
  const ent = enterpriseNumber(oid);
  if (ent !== undefined && PRINTER_ENTERPRISES.has(ent)) return true;
  return /JETDIRECT|LaserJet|Printing System|\bprinter\b|\bbizhub\b|\bMFP\b/i.test(out.sysDescr ?? '');
}

export const PRINTER_MODULES: PollModule[] = [
  {
    name: 'printer', stage: 'general',
    applies: (out) => looksLikePrinter(out) || (out.os ?? 'generic') === 'generic',
    async run(c, out) {
      const r = await pollPrinter(c, out, looksLikePrinter(out));
      if (!r) return;
      if (r.supplies.length) out.supplies = r.supplies;
      if (r.pageCount !== undefined) out.pageCount = r.pageCount;
    },
  },
];
