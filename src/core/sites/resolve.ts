// Region → site for a device, with the reason kept so the user can see why a device is where it is.
// Order: explicit site in the inventory, sysLocation naming a site or alias, IP in a site's subnet,
// coordinates in sysLocation near a site's, otherwise Unassigned.
import { cidrContains, parseIPv4 } from '../net/cidr';
import type { Inventory, Site } from '../inventory/types';
import { distanceKm, parseCoordinates } from './coordinates';
import { siteNamed } from './named';

export const UNASSIGNED = 'Unassigned';

export interface SiteAssignment {
  region: string;
  site: string;
  reason: string;
  siteReason: 'inventory' | 'location' | 'subnet' | 'coordinates' | 'none';
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Whole-word (or whole-phrase) match, accent- and case-insensitive. */
function mentions(location: string, name: string): boolean {
  const hay = fold(location);
  const needle = fold(name).trim();
  if (!needle) return false;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    const before = i === 0 ? '' : hay[i - 1];
    const after = hay[i + needle.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    i = hay.indexOf(needle, i + 1);
  }
  return false;
}

function assign(site: Site, siteReason: SiteAssignment['siteReason'], reason: string): SiteAssignment {
  return { region: site.region, site: site.name, siteReason, reason };
}

export interface DeviceFacts {
  site?: string;
  host: string;
  /** The address the device answered from, when the host is a name. */
  address?: string;
  sysLocation?: string;
}

export function resolveSite(inv: Pick<Inventory, 'sites' | 'siteMaxDistanceKm'>, d: DeviceFacts): SiteAssignment {
  const { sites } = inv;
  if (d.site) {
    const s = siteNamed(sites, d.site!);
    if (s) return assign(s, 'inventory', `site set in parc.yaml`);
  }
  if (d.sysLocation) {
    let best: { site: Site; name: string } | undefined;
    for (const s of sites) {
      for (const name of [s.name, ...s.aliases]) {
        if (mentions(d.sysLocation, name) && (!best || name.length > best.name.length)) best = { site: s, name };
      }
    }
    if (best) return assign(best.site, 'location', `sysLocation "${d.sysLocation}" names "${best.name}"`);
  }
  const ip = parseIPv4(d.address ?? d.host);
  if (ip !== undefined) {
    let best: { site: Site; prefix: number; text: string } | undefined;
    for (const s of sites) {
      for (const c of s.subnets) {
        if (cidrContains(c, ip) && (!best || c.prefix > best.prefix)) best = { site: s, prefix: c.prefix, text: c.text };
      }
    }
    if (best) return assign(best.site, 'subnet', `address ${d.address ?? d.host} is in ${best.text}`);
  }
  const coords = parseCoordinates(d.sysLocation);
  if (coords) {
    let best: { site: Site; km: number } | undefined;
    for (const s of sites) {
      if (!s.coordinates) continue;
      const km = distanceKm(coords, s.coordinates);
      if (km <= inv.siteMaxDistanceKm && (!best || km < best.km)) best = { site: s, km };
    }
    if (best) return assign(best.site, 'coordinates', `sysLocation coordinates [${coords.join(', ')}] are ${best.km.toFixed(1)} km from the site`);
  }
  return { region: UNASSIGNED, site: UNASSIGNED, siteReason: 'none', reason: 'no site name, subnet or nearby coordinates matched' };
}
