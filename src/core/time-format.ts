// Dates and times for people, one helper for every view: tree items, hovers, notifications (through the
// extension), the device page, the dashboard and their charts (the webviews run the same function: its source is
// sent to them, see TIME_FORMAT_JS). It follows the display language given (VS Code's, through Intl), shows local
// time, and names the zone wherever a full date and time stands on its own.
//
// The factory is self-contained on purpose (no imports, no module constants): its source text must run in a
// webview as it is.

export interface TimeFormatter {
  readonly locale: string;
  readonly timeZone: string;
  /** "Dec 2, 2026, 9:48:55 PM UTC" / "2 déc. 2026, 21:48:55 UTC": a moment standing on its own. */
  dateTime(t: number | string): string;
  /** "Dec 2, 9:48 PM" / "2 déc., 21:48" (with the year when it is not this year): in a table whose heading names the zone. */
  short(t: number | string): string;
  /** "9:48:55 PM" / "21:48:55". */
  time(t: number | string): string;
  /** "Dec 2, 2026" / "2 déc. 2026". */
  date(t: number | string): string;
  /** "3 minutes ago", "il y a 3 minutes", "in 2 hours"; beyond 4 weeks the date. */
  relative(t: number | string, now?: number): string;
  /** The zone as the locale abbreviates it ("UTC", "CET", "UTC+1"). */
  zoneName(at?: number): string;
  /** A chart axis label: the time of day for spans under two days, else the day (and the year beyond a year). */
  axis(t: number, spanSeconds: number): string;
}

export function makeTimeFormatter(locale?: string, timeZone?: string): TimeFormatter {
  let loc = 'en';
  try {
    if (locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length) loc = locale;
  } catch {
    // an invalid tag: English
  }
  let zone: string;
  try {
    zone = new Intl.DateTimeFormat('en', timeZone ? { timeZone } : {}).resolvedOptions().timeZone;
  } catch {
    zone = new Intl.DateTimeFormat('en').resolvedOptions().timeZone;
  }
  // 24-hour locales write 09:15 (French, German…), 12-hour ones 9:15 AM.
  const h24 = /^h2[34]$/.test(new Intl.DateTimeFormat(loc, { hour: 'numeric' }).resolvedOptions().hourCycle ?? '');
  const hour = h24 ? '2-digit' : 'numeric';
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(loc, { timeZone: zone, ...o, ...(o.hour ? { hour } : {}) });
  const full = f({ year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', timeZoneName: 'short' });
  const short = f({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const shortYear = f({ year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
  const yearOf = f({ year: 'numeric' });
  const time = f({ hour: 'numeric', minute: '2-digit', second: '2-digit' });
  const hm = f({ hour: 'numeric', minute: '2-digit' });
  const day = f({ month: 'short', day: 'numeric' });
  const date = f({ year: 'numeric', month: 'short', day: 'numeric' });
  const month = f({ year: 'numeric', month: 'short' });
  const zoneOnly = f({ timeZoneName: 'short' });
  const rel = new Intl.RelativeTimeFormat(loc, { numeric: 'auto', style: 'long' });
  const ms = (t: number | string) => (typeof t === 'number' ? t : Date.parse(t));
  const ok = (t: number | string, fn: (d: Date) => string) => {
    const x = ms(t);
    return Number.isFinite(x) ? fn(new Date(x)) : '-';
  };
  return {
    locale: loc,
    timeZone: zone,
    dateTime: (t) => ok(t, (d) => full.format(d)),
    short: (t) => ok(t, (d) => (yearOf.format(d) === yearOf.format(new Date()) ? short : shortYear).format(d)),
    time: (t) => ok(t, (d) => time.format(d)),
    date: (t) => ok(t, (d) => date.format(d)),
    relative: (t, now = Date.now()) => ok(t, (d) => {
      const s = (d.getTime() - now) / 1000;
      const a = Math.abs(s);
      if (a < 45) return rel.format(0, 'second');
      if (a < 45 * 60) return rel.format(Math.round(s / 60), 'minute');
      if (a < 22 * 3600) return rel.format(Math.round(s / 3600), 'hour');
      if (a < 28 * 86400) return rel.format(Math.round(s / 86400), 'day');
      return date.format(d);
    }),
    zoneName: (at = Date.now()) => zoneOnly.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? zone,
    axis: (t, span) => {
      const d = new Date(t * 1000);
      if (span < 2 * 86400) return hm.format(d);
      if (span < 366 * 86400) return day.format(d);
      return month.format(d);
    },
  };
}

/** The factory's source, for a webview script: `const makeTimeFormatter = ${TIME_FORMAT_JS};`. */
export const TIME_FORMAT_JS = `(${makeTimeFormatter.toString()})`;

/** An uptime in seconds read at `readAt` → the boot moment, epoch ms. */
export function bootTime(uptimeSeconds: number, readAt: number | string): number {
  return (typeof readAt === 'number' ? readAt : Date.parse(readAt)) - uptimeSeconds * 1000;
}
