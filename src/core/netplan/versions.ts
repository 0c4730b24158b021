// Which netplan release introduced what. Read from netplan's own history (the key tables of src/parse.c and the
// checks of src/validation.c, networkd.c and nm.c at tags 0.104 … 1.1): a key or value newer than the target's
// netplan is unknown to it, and a few checks became stricter or looser between releases.

/** A netplan release as [major, minor, patch]. */
export type NetplanVersion = readonly [number, number, number];

export const KNOWN_VERSIONS = ['0.103', '0.104', '0.105', '0.106', '1.0', '1.1'] as const;
/** What Parc assumes when nothing says which netplan the target runs: the newest release it knows. */
export const DEFAULT_VERSION: NetplanVersion = [1, 1, 0];

export class NetplanVersionError extends Error {}

/** "0.106", "0.106.1", "1.0-1ubuntu2", "netplan.io 0.105-0ubuntu2~22.04.3" → a version; undefined if none. */
export function parseNetplanVersion(text: string): NetplanVersion | undefined {
  const m = /(?:^|[^\d.])(\d+)\.(\d+)(?:\.(\d+))?/.exec(` ${text.trim()}`);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

export function requireNetplanVersion(text: string): NetplanVersion {
  const v = parseNetplanVersion(text);
  if (!v) throw new NetplanVersionError(`"${text}" is not a netplan version (e.g. 0.104, 0.106, 1.0)`);
  return v;
}

export function compareVersions(a: NetplanVersion, b: NetplanVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function atLeast(v: NetplanVersion, since: string): boolean {
  return compareVersions(v, requireNetplanVersion(since)) >= 0;
}

export function formatVersion(v: NetplanVersion): string {
  return v[2] ? `${v[0]}.${v[1]}.${v[2]}` : `${v[0]}.${v[1]}`;
}

/**
 * Keys by the table they belong to (as "table.key") and the release that added them; keys not listed are older
 * than every release Parc targets. Tables: network, common (every device type), physical, ethernet, wifi,
 * bridge-params, bond-params, tunnel, tunnel-keys, vrf, routes, ra-overrides.
 */
export const KEY_SINCE: ReadonlyMap<string, string> = new Map([
  ['common.ignore-carrier', '0.104'],
  ['physical.receive-checksum-offload', '0.104'], ['physical.transmit-checksum-offload', '0.104'],
  ['physical.tcp-segmentation-offload', '0.104'], ['physical.tcp6-segmentation-offload', '0.104'],
  ['physical.generic-segmentation-offload', '0.104'], ['physical.generic-receive-offload', '0.104'],
  ['physical.large-receive-offload', '0.104'],
  ['ethernet.embedded-switch-mode', '0.104'], ['ethernet.delay-virtual-functions-rebind', '0.104'],
  ['common.neigh-suppress', '0.105'], ['ethernet.infiniband-mode', '0.105'], ['wifi.regulatory-domain', '0.105'],
  ['bridge-params.aging-time', '0.105'], ['network.vrfs', '0.105'],
  ...['ageing', 'aging', 'arp-proxy', 'checksums', 'do-not-fragment', 'extensions', 'flow-label', 'id', 'limit', 'link',
    'mac-learning', 'notifications', 'port-range', 'short-circuit', 'type-of-service'].map((k): [string, string] => [`tunnel.${k}`, '0.105']),
  ['bond-params.all-members-active', '0.106'], ['bond-params.packets-per-member', '0.106'],
  ['network.dummy-devices', '1.0'], ['network.virtual-ethernets', '1.0'],
  ['common.hairpin', '1.0'], ['common.port-mac-learning', '1.0'], ['tunnel-keys.private-key-flags', '1.0'],
  ...['accept-ra', 'activation-mode', 'addresses', 'critical', 'dhcp-identifier', 'dhcp4', 'dhcp4-overrides', 'dhcp6',
    'dhcp6-overrides', 'gateway4', 'gateway6', 'ignore-carrier', 'ipv6-address-generation', 'ipv6-address-token', 'ipv6-mtu',
    'ipv6-privacy', 'link-local', 'macaddress', 'mtu', 'nameservers', 'neigh-suppress', 'optional', 'optional-addresses'].map((k): [string, string] => [`vrf.${k}`, '1.0']),
  ['vrf.hairpin', '1.0'], ['vrf.port-mac-learning', '1.0'], ['vrf.ra-overrides', '1.1'],
  ['common.ra-overrides', '1.1'], ['routes.advertised-mss', '1.1'],
]);

/** Values of enumerated keys by "key=value" and the release that accepts them. */
export const VALUE_SINCE: ReadonlyMap<string, string> = new Map([
  ['key-management=sae', '1.0'], ['key-management=eap-sha256', '1.0'], ['key-management=eap-suite-b-192', '1.0'],
  ['method=leap', '1.0'], ['method=pwd', '1.0'],
]);

/** Behaviour that changed between releases. */
export interface VersionRules {
  version: NetplanVersion;
  /** 1.0: `lacp-rate` must be slow or fast (before, anything passed). */
  lacpRateChecked: boolean;
  /** 1.1: `use-domains` must be a boolean or "route". */
  useDomainsChecked: boolean;
  /** 1.0: a wireguard tunnel without private key or peers, or a peer without allowed-ips, is only a warning. */
  wireguardLenient: boolean;
  /** 1.1: networkd renders ipv6-address-generation: stable-privacy. */
  networkdStablePrivacy: boolean;
  /** 1.0: `networkmanager:` settings on a definition not rendered by NetworkManager are an error. */
  nmSettingsNeedNm: boolean;
}

export function rulesFor(version: NetplanVersion = DEFAULT_VERSION): VersionRules {
  return {
    version,
    lacpRateChecked: atLeast(version, '1.0'),
    useDomainsChecked: atLeast(version, '1.1'),
    wireguardLenient: atLeast(version, '1.0'),
    networkdStablePrivacy: atLeast(version, '1.1'),
    nmSettingsNeedNm: atLeast(version, '1.0'),
  };
}

/** The release that added `key` to `table`, when it is newer than `version`. */
export function keyTooNew(table: string, key: string, version: NetplanVersion): string | undefined {
  const since = KEY_SINCE.get(`${table}.${key}`);
  return since && !atLeast(version, since) ? since : undefined;
}

export function valueTooNew(key: string, value: string, version: NetplanVersion): string | undefined {
  const since = VALUE_SINCE.get(`${key}=${value}`);
  return since && !atLeast(version, since) ? since : undefined;
}
