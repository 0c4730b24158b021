// The core Inventory shape from the server's secret-free GET /api/inventory answer: enough for the views
// (tree, dashboard, device page) of the extension and the browser page. No credentials, no profiles.
import { DEFAULT_SCHEDULE, DEFAULT_THRESHOLDS, type Device, type Inventory, type Site } from '../inventory/types';
import type { InventoryResponse } from './api-types';

export function inventoryFromApi(r: InventoryResponse): Inventory {
  const sites: Site[] = r.sites.map((s) => ({ region: s.region ?? '', name: s.name, aliases: [], subnets: [], coordinates: s.lat !== null && s.lon !== null ? [s.lat, s.lon] : undefined, line: 0 }));
  const devices: Device[] = r.devices.map((d) => ({ host: d.host, port: d.port, line: d.line, ...(d.name ? { name: d.name } : {}), ...(d.profile ? { profile: d.profile } : {}), ...(d.site ? { site: d.site } : {}), ...(d.tags.length ? { tags: d.tags } : {}) }));
  return {
    file: r.file, sites, snmp: { profiles: new Map() }, devices, thresholds: { ...DEFAULT_THRESHOLDS }, schedule: { ...DEFAULT_SCHEDULE, pollMinutes: r.pollMinutes },
    discovery: { subnets: [], profiles: [], autoAdd: false }, siteMaxDistanceKm: 0, extra: {},
  };
}
