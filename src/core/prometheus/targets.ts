// Prometheus file-service-discovery target groups from parc.yaml: one file per site, so a site's own
// Prometheus can take only its devices. Labels carry Parc's identity of each device.
import { deviceKey, deviceLabel, type Inventory } from '../inventory/types';
import { resolveSite } from '../sites/resolve';
import { moduleFor, type ExporterFormat } from './exporter-config';

export interface TargetGroup {
  targets: string[];
  labels: Record<string, string>;
}

export interface SiteTargets {
  region: string;
  site: string;
  /** File name under targets/, e.g. `ile-de-france--suresnes-hq.json`. */
  file: string;
  groups: TargetGroup[];
}

export function slug(s: string): string {
  const folded = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  return folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/** `sysLocation` last seen per device key, so sites match what Parc shows (optional). */
export type LocationOf = (key: string) => string | undefined;

export function targetFiles(inv: Inventory, format: ExporterFormat, locationOf: LocationOf = () => undefined): SiteTargets[] {
  const bySite = new Map<string, SiteTargets>();
  for (const d of inv.devices) {
    const key = deviceKey(d);
    const profile = d.profile ?? inv.snmp.default;
    if (!profile) continue;
    const a = resolveSite(inv, { site: d.site, host: d.host, sysLocation: locationOf(key) });
    const id = `${a.region}\u0000${a.site}`;
    let st = bySite.get(id);
    if (!st) {
      st = { region: a.region, site: a.site, file: `${slug(a.region)}--${slug(a.site)}.json`, groups: [] };
      bySite.set(id, st);
    }
    const m = moduleFor(format, profile);
    const labels: Record<string, string> = { region: a.region, site: a.site, device: deviceLabel(d), parc_key: key, profile, __param_module: m.module };
    if (m.auth) labels.__param_auth = m.auth;
    // IPv6 literals need brackets in host:port.
    const host = d.host.includes(':') ? `[${d.host}]` : d.host;
    st.groups.push({ targets: [`${host}:${d.port}`], labels });
  }
  return [...bySite.values()].sort((a, b) => a.file.localeCompare(b.file));
}
