// LOGON TIME in the host's own date format. Day/month order is decided once for the whole listing:
// as configured (inventory dateOrder, --date-order), else from a value that can only be read one way,
// else from the clock: AM/PM is the US short date (M/d/yyyy h:mm tt), a 24-hour clock goes with d/M/y.

import { monthNumber } from './languages';

export interface RawLogon {
  /** The day/month order is known (year-first yyyy/M/d, or a month named as in dd-MMM-yy): a = month, b = day. */
  ordered: boolean;
  a: number;
  b: number;
  year: number;
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | undefined;
}

// AM/PM words of the locales' short time patterns (CLDR day periods): en, es, ja, zh, ko, tr, hu, sv, de (old).
const MERIDIEM = new Map<string, 'am' | 'pm'>([
  ['am', 'am'], ['pm', 'pm'], ['a.m.', 'am'], ['p.m.', 'pm'], ['午前', 'am'], ['午後', 'pm'], ['上午', 'am'], ['下午', 'pm'],
  ['오전', 'am'], ['오후', 'pm'], ['öö', 'am'], ['ös', 'pm'], ['de.', 'am'], ['du.', 'pm'], ['fm', 'am'], ['em', 'pm'], ['vorm.', 'am'], ['nachm.', 'pm'],
]);

const NUMERIC = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?,? (\d{1,2}):(\d{2})(?::\d{2})?$/;
const NAMED = /^(\d{1,2})[-. ]([^\d\s-]{2,12})[-. ](\d{2}|\d{4}),? (\d{1,2}):(\d{2})(?::\d{2})?$/u;

/**
 * Reads "7/25/2018 7:46 AM", "25.07.2018 10:51", "2023/11/7 9:37", "18-Nov-22 09:35", "18-févr.-22 09:35",
 * "2018/07/25 午後 3:04", "2024-03-04 오후 3:04", "2024. 03. 04. 9:05"; undefined if not a date and time.
 */
export function scanLogon(text: string): RawLogon | undefined {
  // A logon cell is short; anything longer is not one (and is not worth scanning).
  if (text.length > 80) return undefined;
  let t = text.trim().replace(/\s+/g, ' ');
  t = t.replace(/(^| )([ap])\. ?m\.(?= |$)/gi, '$1$2.m.').replace(/(^| )(上午|下午|午前|午後|오전|오후)(?=\d)/g, '$1$2 ');
  let meridiem: 'am' | 'pm' | undefined;
  const rest: string[] = [];
  for (const part of t.split(' ')) {
    const m = MERIDIEM.get(part.toLowerCase());
    if (m && !meridiem && rest.length) meridiem = m;
    else rest.push(part);
  }
  // Hungarian and Czech short dates put a blank after each dot ("2024. 03. 04.", "4. 3. 2024").
  t = rest.join(' ').replace(/(\d)\. (?=\d+\.)/g, '$1.').replace(/^(\d{1,2}\.\d{1,2}\.) (?=\d{4} )/, '$1');
  let hour: number;
  let minute: number;
  let out: Omit<RawLogon, 'hour' | 'minute' | 'meridiem'>;
  const n = NUMERIC.exec(t);
  if (n) {
    const [x, y, z] = [n[1], n[3], n[4]];
    hour = Number(n[5]);
    minute = Number(n[6]);
    if (x.length === 4) {
      if (z.length > 2) return undefined;
      out = { ordered: true, a: Number(y), b: Number(z), year: Number(x) };
    } else {
      if (x.length > 2 || (z.length !== 4 && z.length !== 2)) return undefined;
      out = { ordered: false, a: Number(x), b: Number(y), year: z.length === 2 ? 2000 + Number(z) : Number(z) };
    }
  } else {
    const m = NAMED.exec(t);
    const month = m ? monthNumber(m[2]) : undefined;
    if (!m || !month) return undefined;
    hour = Number(m[4]);
    minute = Number(m[5]);
    out = { ordered: true, a: month, b: Number(m[1]), year: m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]) };
  }
  if (minute > 59 || hour > 23 || (meridiem && (hour < 1 || hour > 12))) return undefined;
  return { ...out, hour, minute, meridiem };
}

/** Day/month order that fits every value, or an explanation why none does. */
export function decideOrder(values: RawLogon[], configured?: DateOrder): DateOrder | { conflict: string } {
  const ambiguous = values.filter((v) => !v.ordered);
  const dmyOnly = ambiguous.some((v) => v.a > 12);
  const mdyOnly = ambiguous.some((v) => v.b > 12);
  if (dmyOnly && mdyOnly) return { conflict: 'dates read both day-first and month-first' };
  if (configured && ((configured === 'mdy' && dmyOnly) || (configured === 'dmy' && mdyOnly))) return { conflict: `a date cannot be read in the configured ${configured} order` };
  if (configured) return configured;
  if (dmyOnly) return 'dmy';
  if (mdyOnly) return 'mdy';
  return ambiguous.some((v) => v.meridiem) ? 'mdy' : 'dmy';
}

export type DateOrder = 'mdy' | 'dmy';

/** `YYYY-MM-DDTHH:MM`, or undefined when the values make no calendar date. */
export function formatLogon(v: RawLogon, order: 'mdy' | 'dmy'): string | undefined {
  const [month, day] = v.ordered ? [v.a, v.b] : order === 'mdy' ? [v.a, v.b] : [v.b, v.a];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(v.year, month, 0)).getUTCDate()) return undefined;
  let hour = v.hour;
  if (v.meridiem === 'am' && hour === 12) hour = 0;
  if (v.meridiem === 'pm' && hour < 12) hour += 12;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(v.year, 4)}-${p(month)}-${p(day)}T${p(hour)}:${p(v.minute)}`;
}
