// LOGON TIME in the host's own date format. Day/month order is decided once for the whole listing:
// as configured (inventory dateOrder, --date-order), else from a value that can only be read one way,
// else from the clock: AM/PM is the US short date (M/d/yyyy h:mm tt), a 24-hour clock goes with d/M/y.

export interface RawLogon {
  /** Year-first (yyyy/mm/dd) or the two leading numbers of an a/b/yyyy date. */
  yearFirst: boolean;
  a: number;
  b: number;
  year: number;
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | undefined;
}

const MERIDIEM: Record<string, 'am' | 'pm'> = {
  am: 'am', pm: 'pm', 'a.m.': 'am', 'p.m.': 'pm', 'a. m.': 'am', 'p. m.': 'pm', '午前': 'am', '午後': 'pm', 'vorm.': 'am', 'nachm.': 'pm',
};

/** Reads "7/25/2018 7:46 AM", "25.07.2018 10:51", "2018-07-25 10:51:03", "2018/07/25 午後 3:04"; undefined if not a date. */
export function scanLogon(text: string): RawLogon | undefined {
  let t = text.trim().replace(/\s+/g, ' ');
  let meridiem: 'am' | 'pm' | undefined;
  for (const [word, v] of Object.entries(MERIDIEM)) {
    const re = new RegExp(`(^| )${word.replace(/\./g, '\\.')}( |$)`, 'i');
    if (re.test(t)) {
      meridiem = v;
      t = t.replace(re, ' ').trim();
      break;
    }
  }
  const m = /^(\d{1,4})([./-])(\d{1,2})\2(\d{1,4})\.?,? (\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
  if (!m) return undefined;
  const [x, y, z] = [m[1], m[3], m[4]];
  const hour = Number(m[5]);
  const minute = Number(m[6]);
  if (minute > 59 || hour > 23 || (meridiem && (hour < 1 || hour > 12))) return undefined;
  if (x.length === 4) {
    if (z.length > 2) return undefined;
    return { yearFirst: true, a: Number(y), b: Number(z), year: Number(x), hour, minute, meridiem };
  }
  if (x.length > 2 || (z.length !== 4 && z.length !== 2)) return undefined;
  return { yearFirst: false, a: Number(x), b: Number(y), year: z.length === 2 ? 2000 + Number(z) : Number(z), hour, minute, meridiem };
}

/** Day/month order that fits every value, or an explanation why none does. */
export function decideOrder(values: RawLogon[], configured?: DateOrder): DateOrder | { conflict: string } {
  const ambiguous = values.filter((v) => !v.yearFirst);
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
  const [month, day] = v.yearFirst ? [v.a, v.b] : order === 'mdy' ? [v.a, v.b] : [v.b, v.a];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(v.year, month, 0)).getUTCDate()) return undefined;
  let hour = v.hour;
  if (v.meridiem === 'am' && hour === 12) hour = 0;
  if (v.meridiem === 'pm' && hour < 12) hour += 12;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(v.year, 4)}-${p(month)}-${p(day)}T${p(hour)}:${p(v.minute)}`;
}
