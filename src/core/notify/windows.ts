// Maintenance windows (from parc.yaml, once or weekly) and mutes (set from the editor or `parc alerts mute`):
// while one covers an alert's device, site, region or tag, nothing is delivered for it.
import { namesDevice, type AlertTarget } from './rules';
import type { MaintenanceWindow } from './types';

export interface Mute {
  /** device (host:port key, name or host), site, region or tag. */
  scope: 'device' | 'site' | 'region' | 'tag';
  value: string;
  until: number;
  by?: string;
  reason?: string;
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function covers(scope: Pick<MaintenanceWindow, 'devices' | 'sites' | 'regions' | 'tags'>, t: AlertTarget): boolean {
  const all = !scope.devices.length && !scope.sites.length && !scope.regions.length && !scope.tags.length;
  return all
    || scope.devices.some((d) => namesDevice(d, t))
    || scope.sites.some((s) => t.site !== undefined && eq(s, t.site))
    || scope.regions.some((r) => t.region !== undefined && eq(r, t.region))
    || scope.tags.some((g) => t.tags.some((x) => eq(x, g)));
}

/** Day of the week (0 = Sunday) and minutes after midnight of `ms`, in `timeZone` (default: the host's). */
export function localParts(ms: number, timeZone?: string): { day: number; minutes: number } {
  const f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** End (epoch ms, to the minute) of the occurrence of `w` that contains `now`, or undefined when outside. */
export function windowEnd(w: MaintenanceWindow, now: number): number | undefined {
  if (w.once) return now >= w.once.start && now < w.once.end ? w.once.end : undefined;
  const r = w.recurring;
  if (!r) return undefined;
  const { day, minutes } = localParts(now, r.timeZone);
  const startOfMinute = now - (now % 60_000);
  const crosses = r.to <= r.from;
  if (!crosses) {
    if (r.days.includes(day) && minutes >= r.from && minutes < r.to) return startOfMinute + (r.to - minutes) * 60_000;
    return undefined;
  }
  // Crossing midnight: the evening part belongs to the listed day, the morning part to the day after.
  if (r.days.includes(day) && minutes >= r.from) return startOfMinute + (24 * 60 - minutes + r.to) * 60_000;
  if (r.days.includes((day + 6) % 7) && minutes < r.to) return startOfMinute + (r.to - minutes) * 60_000;
  return undefined;
}

export interface Silence {
  until: number;
  why: string;
}

/** Whether delivery for `t` is silenced at `now`, and until when (the latest end of what covers it). */
export function silenced(windows: MaintenanceWindow[], mutes: Mute[], t: AlertTarget, now: number): Silence | undefined {
  let best: Silence | undefined;
  for (const w of windows) {
    if (!covers(w, t)) continue;
    const end = windowEnd(w, now);
    if (end !== undefined && (!best || end > best.until)) best = { until: end, why: `maintenance window "${w.name}"` };
  }
  for (const m of mutes) {
    if (m.until <= now) continue;
    const scope = { devices: m.scope === 'device' ? [m.value] : [], sites: m.scope === 'site' ? [m.value] : [], regions: m.scope === 'region' ? [m.value] : [], tags: m.scope === 'tag' ? [m.value] : [] };
    if (covers(scope, t) && (!best || m.until > best.until)) best = { until: m.until, why: `muted ${m.scope} ${m.value}` };
  }
  return best;
}
