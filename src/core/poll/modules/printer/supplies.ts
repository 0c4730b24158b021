// Printer-MIB (RFC 3805) rows → SupplyInfo: pure functions, no SNMP, so the level rules are unit-tested directly.
import type { SupplyInfo } from '../../types';

/** prtMarkerSuppliesType (PrtMarkerSuppliesTypeTC) → Parc's supply type. */
const TYPE_BY_CODE = new Map<number, string>([
  [3, 'toner'], [21, 'toner'], [4, 'wasteToner'], [5, 'ink'], [6, 'ink'], [7, 'ink'], [8, 'wasteInk'],
  [9, 'drum'], [10, 'developer'], [11, 'fuser'], [15, 'fuser'], [17, 'fuser'], [19, 'fuser'], [22, 'fuser'],
  [18, 'cleaner'], [20, 'transferUnit'], [29, 'staples'], [32, 'staples'],
]);

/** When the printer gives no type column (or "other"/"unknown"), its words usually say. Order matters: waste first. */
const TYPE_BY_WORDS: [RegExp, string][] = [
  [/waste\s*toner/i, 'wasteToner'], [/waste\s*ink|maintenance\s*(box|cartridge)/i, 'wasteInk'],
  [/drum|photoconductor|imaging\s*(unit|drum)|\bopc\b/i, 'drum'], [/developer/i, 'developer'],
  [/fuser|fusing/i, 'fuser'], [/transfer/i, 'transferUnit'], [/stapl/i, 'staples'],
  [/ink/i, 'ink'], [/toner|cartridge/i, 'toner'],
];

const COLOURS = ['black', 'cyan', 'magenta', 'yellow', 'red', 'green', 'blue', 'gray', 'grey'];

export function supplyType(code: number | undefined, description: string): string {
  const byCode = code === undefined ? undefined : TYPE_BY_CODE.get(code);
  if (byCode) return byCode;
  for (const [re, t] of TYPE_BY_WORDS) if (re.test(description)) return t;
  return 'other';
}

/** Colour from the colorant table when the printer links one, else from the description's words. */
export function supplyColour(colorant: string | undefined, description: string): string | undefined {
  const c = colorant?.trim().toLowerCase();
  if (c && c !== 'unknown' && c !== 'other') return c;
  const m = new RegExp(`\\b(${COLOURS.join('|')})\\b`, 'i').exec(description);
  return m ? m[1].toLowerCase().replace('grey', 'gray') : undefined;
}

/**
 * Descriptions as printers send them, cleaned: NULs and padding dropped; a value whose continuation lines are
 * space-separated hex bytes (a Hex-STRING dump folded into the text by some firmwares and recorders) decoded;
 * Xerox's trailing ", PN <part>;SN<serial>" split off so the name reads like the front panel's.
 */
export function cleanDescription(raw: string): { description: string; partNumber?: string } {
  const lines = raw.replace(/\0/g, '').split(/\r?\n/);
  let text = lines[0];
  for (const line of lines.slice(1)) {
    const t = line.trim();
    if (/^(?:[0-9A-Fa-f]{2})(?: [0-9A-Fa-f]{2})*$/.test(t)) {
      text = text.trimEnd() + Buffer.from(t.replace(/ /g, ''), 'hex').toString('latin1').replace(/\0/g, '');
    } else {
      text += ' ' + t;
    }
  }
  text = text.replace(/\s+/g, ' ').trim();
  const pn = /^(.*?),\s*PN\s+([^;]*);\s*SN\S*$/.exec(text);
  if (pn) return { description: pn[1].trim(), partNumber: pn[2].trim() !== 'unknown' ? pn[2].trim() : undefined };
  return { description: text };
}

export interface LevelOptions {
  /** Brother firmwares report a status code (0 full … 3) instead of a level when the capacity is unknown. */
  brotherCodes?: boolean;
  /** Ricoh-made agents report -100 for a supply at its near end (below the last 10 % step): shown as 0 %. */
  ricohNearEnd?: boolean;
}

const BROTHER_CODES = new Map<number, number>([[0, 100], [1, 5], [2, 0], [3, 1]]);
const RICOH_NEAR_END = -100;

/**
 * Percentage from prtMarkerSuppliesLevel / MaxCapacity (or prtInputCurrentLevel / MaxCapacity):
 * -3 "some remaining" and -2 "unknown" (and -1 "no restriction") give no percentage but a levelText (Ricoh's -100
 * "near end" is 0 % with `ricohNearEnd`, as LibreNMS shows it); a level with an
 * unknown capacity is taken as a percentage already (what printers that cannot count units do), capped at 100.
 */
export function supplyLevel(level: number | undefined, capacity: number | undefined, o: LevelOptions = {}): Pick<SupplyInfo, 'levelPercent' | 'levelText'> {
  if (level === undefined || level === -2) return { levelText: 'unknown' };
  if (level === -3) return { levelText: 'someRemaining' };
  if (level === RICOH_NEAR_END && o.ricohNearEnd) return { levelPercent: 0 };
  if (level < 0) return { levelText: 'unknown' };
  if (capacity === undefined || capacity <= 0) {
    if (o.brotherCodes && BROTHER_CODES.has(level)) return { levelPercent: BROTHER_CODES.get(level) };
    return { levelPercent: Math.min(100, level) };
  }
  return { levelPercent: Math.min(100, Math.round((level / capacity) * 100)) };
}

/** Comparable level: a percentage, or 50 for "some remaining" (the middle of what the printer can say). */
export function nominalPercent(s: Pick<SupplyInfo, 'levelPercent' | 'levelText'>): number | undefined {
  if (s.levelPercent !== undefined) return s.levelPercent;
  return s.levelText === 'someRemaining' ? 50 : undefined;
}

/** Supplies a threshold applies to: consumables, not paper trays (an empty bypass tray is normal). */
export function isConsumable(s: Pick<SupplyInfo, 'type'>): boolean {
  return s.type !== 'paper';
}

/** Receptacles (waste containers) report free space: low means nearly full. */
export function isReceptacle(s: Pick<SupplyInfo, 'type'>): boolean {
  return s.type === 'wasteToner' || s.type === 'wasteInk';
}
