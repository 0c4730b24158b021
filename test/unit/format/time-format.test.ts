// The one date/time helper of the views and webviews: display language through Intl, local zone named where a
// moment stands alone, relative times, chart axis labels; and its source text runs as it is in a webview.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootTime, makeTimeFormatter, TIME_FORMAT_JS } from '../../../src/core/time-format';

const T = Date.UTC(2026, 11, 1, 21, 48, 55, 314);

describe('time format', () => {
  it('a moment on its own: local time with the zone, in the display language', () => {
    assert.equal(makeTimeFormatter('en', 'UTC').dateTime(T), 'Dec 1, 2026, 9:48:55 PM UTC');
    assert.equal(makeTimeFormatter('en', 'UTC').dateTime('2026-12-01T21:48:55.314Z'), 'Dec 1, 2026, 9:48:55 PM UTC');
    assert.equal(makeTimeFormatter('fr', 'Europe/Paris').dateTime(T), '1 déc. 2026, 22:48:55 UTC+1');
    assert.equal(makeTimeFormatter('de', 'Europe/Berlin').dateTime(T), '1. Dez. 2026, 22:48:55 MEZ');
    assert.equal(makeTimeFormatter('en', 'UTC').zoneName(T), 'UTC');
  });

  it('short form in tables: the year only when it is not this one', () => {
    const en = makeTimeFormatter('en', 'UTC');
    const thisYear = Date.UTC(new Date().getUTCFullYear(), 2, 4, 9, 15);
    assert.equal(en.short(thisYear), 'Mar 4, 9:15 AM');
    assert.equal(en.short(Date.UTC(2019, 2, 4, 9, 15)), 'Mar 4, 2019, 9:15 AM');
    assert.equal(makeTimeFormatter('fr', 'UTC').short(Date.UTC(2019, 2, 4, 9, 15)), '4 mars 2019, 09:15');
  });

  it('relative times: seconds are "now", then minutes, hours, days; a month back, the date', () => {
    const en = makeTimeFormatter('en', 'UTC');
    const fr = makeTimeFormatter('fr', 'UTC');
    assert.equal(en.relative(T - 20_000, T), 'now');
    assert.equal(en.relative(T - 3 * 60_000, T), '3 minutes ago');
    assert.equal(fr.relative(T - 3 * 60_000, T), 'il y a 3 minutes');
    assert.equal(en.relative(T - 5 * 3_600_000, T), '5 hours ago');
    assert.equal(en.relative(T - 86_400_000, T), 'yesterday');
    assert.equal(en.relative(T + 2 * 3_600_000, T), 'in 2 hours');
    assert.equal(en.relative(T - 40 * 86_400_000, T), 'Oct 22, 2026');
  });

  it('axis labels by span; bad input and an unknown language do not throw', () => {
    const en = makeTimeFormatter('en', 'UTC');
    assert.equal(en.axis(T / 1000, 6 * 3600), '9:48 PM');
    assert.equal(en.axis(T / 1000, 7 * 86400), 'Dec 1');
    assert.equal(en.axis(T / 1000, 400 * 86400), 'Dec 2026');
    assert.equal(en.dateTime('not a date'), '-');
    assert.equal(makeTimeFormatter('xx-invalid-@@', 'Nowhere/Zone').locale, 'en');
  });

  it('boot time from uptime; the webview copy gives the same text as the extension\'s', () => {
    assert.equal(bootTime(3600, '2026-12-01T21:48:55Z'), Date.UTC(2026, 11, 1, 20, 48, 55));
    const copy = (0, eval)(TIME_FORMAT_JS) as typeof makeTimeFormatter;
    for (const [l, z] of [['en', 'UTC'], ['fr', 'Europe/Paris']]) {
      const a = makeTimeFormatter(l, z);
      const b = copy(l, z);
      assert.equal(b.dateTime(T), a.dateTime(T));
      assert.equal(b.relative(T - 7 * 60_000, T), a.relative(T - 7 * 60_000, T));
    }
  });
});
