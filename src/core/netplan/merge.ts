// How netplan combines its files: /lib, /etc and /run/netplan/*.yaml, a file in /run shadowing one of the same
// name in /etc (and /etc shadowing /lib), all read in lexical order of file name; later files add to earlier ones
// (mappings merge, sequences append, scalars override).
import { parseYaml } from '../yaml-bounded';
import { DEVICE_TYPES } from './schema';

const DIR_RANK: Record<string, number> = { '/lib/netplan': 0, '/usr/lib/netplan': 0, '/etc/netplan': 1, '/run/netplan': 2 };

/** The files netplan reads, in the order it reads them. */
export function netplanFileOrder(paths: string[]): string[] {
  const byName = new Map<string, { path: string; rank: number }>();
  for (const p of paths) {
    if (!p.endsWith('.yaml')) continue;
    const slash = p.lastIndexOf('/');
    const dir = p.slice(0, slash);
    const name = p.slice(slash + 1);
    const rank = DIR_RANK[dir] ?? 1;
    const cur = byName.get(name);
    if (!cur || rank >= cur.rank) byName.set(name, { path: p, rank });
  }
  return [...byName.keys()].sort().map((n) => byName.get(n)!.path);
}

export function mergeValues(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = k in out ? mergeValues(out[k], v) : v;
    return out;
  }
  return b === undefined ? a : b;
}

/** Merges file texts given in netplan's read order. Throws when one is not YAML (run the validator first). */
export function mergeNetplan(texts: string[]): Record<string, unknown> {
  let merged: unknown = {};
  for (const t of texts) merged = mergeValues(merged, parseYaml(t) ?? {});
  return merged as Record<string, unknown>;
}

export interface InterfaceSummary {
  id: string;
  type: string;
  addresses: string[];
  dhcp4: boolean;
  dhcp6: boolean;
  gateways: string[];
  nameservers: string[];
}

const truthy = (v: unknown) => v === true || (typeof v === 'string' && /^(true|yes|on|y)$/i.test(v));

/** Interfaces and their configured addresses, from a merged configuration. */
export function summarizeInterfaces(merged: Record<string, unknown>): InterfaceSummary[] {
  const net = (merged.network ?? {}) as Record<string, unknown>;
  const out: InterfaceSummary[] = [];
  for (const type of Object.keys(DEVICE_TYPES)) {
    const section = net[type];
    if (!section || typeof section !== 'object') continue;
    for (const [id, raw] of Object.entries(section as Record<string, unknown>)) {
      if (id === 'renderer' || !raw || typeof raw !== 'object') continue;
      const d = raw as Record<string, unknown>;
      const addresses = Array.isArray(d.addresses) ? d.addresses.map((a) => (typeof a === 'object' && a ? Object.keys(a)[0] : String(a))) : [];
      const routes = Array.isArray(d.routes) ? (d.routes as Record<string, unknown>[]) : [];
      const gateways = [
        ...['gateway4', 'gateway6'].filter((k) => d[k]).map((k) => String(d[k])),
        ...routes.filter((r) => r && ['default', '0.0.0.0/0', '::/0'].includes(String(r.to)) && r.via).map((r) => String(r.via)),
      ];
      const ns = (d.nameservers ?? {}) as { addresses?: unknown };
      out.push({ id, type, addresses, dhcp4: truthy(d.dhcp4), dhcp6: truthy(d.dhcp6), gateways, nameservers: Array.isArray(ns.addresses) ? ns.addresses.map(String) : [] });
    }
  }
  return out;
}

/** What `netplan try` cannot revert, and who else writes the file: said before applying. */
export function applyWarnings(fileName: string, fileText: string, merged: Record<string, unknown>): string[] {
  const w: string[] = [];
  if (/cloud-init/i.test(fileName) || /generated from information provided by the\s+(#\s*)?datasource/i.test(fileText)) {
    w.push('this file is written by cloud-init: your change will be overwritten at the next boot unless cloud-init network configuration is disabled (/etc/cloud/cloud.cfg.d/99-disable-network-config.cfg: "network: {config: disabled}")');
  }
  const net = (merged.network ?? {}) as Record<string, unknown>;
  for (const kind of ['bonds', 'bridges'] as const) {
    const s = net[kind];
    if (s && typeof s === 'object' && Object.keys(s).length) {
      w.push(`the configuration has ${kind} (${Object.keys(s).join(', ')}): netplan try cannot revert changes to ${kind}, so a failed change may need the console`);
    }
  }
  return w;
}
