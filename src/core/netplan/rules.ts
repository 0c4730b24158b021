// What netplan checks once every file is read: VRF route tables, default-route conflicts (a warning), the
// per-backend rules for tunnels and SR-IOV, then what its networkd, NetworkManager and Open vSwitch writers
// refuse to render. netplan prints these without a position; Parc points at the definition they are about.
import type { Node } from 'yaml';
import type { FileCheck } from './file-check';
import { isIp4, isIp6 } from './inet';
import type { AccessPoint, Backend, NetDef, Overrides } from './model';
import { isWireguardKey, type NetplanParser } from './parser';

export interface RuleFinding {
  file: FileCheck;
  node?: Node;
  message: string;
  severity: 'error' | 'warning';
}

class RuleError extends Error {
  constructor(readonly def: NetDef | undefined, message: string, readonly node?: Node) {
    super(message);
  }
}

const fail = (def: NetDef | undefined, message: string, node?: Node): never => {
  throw new RuleError(def, message, node);
};

export interface RuleOptions {
  /** Whether the target has ovs-vsctl; netplan refuses Open vSwitch definitions without it. Unknown: not checked. */
  ovsVsctl?: boolean;
}

/** The post-parse checks, in netplan's order; the first error ends them, as in netplan. */
export function checkRules(p: NetplanParser, options: RuleOptions = {}): RuleFinding[] {
  const out: RuleFinding[] = [];
  const warn = (def: NetDef, message: string, node?: Node) => out.push({ file: def.file, node: node ?? def.keyNode, message, severity: 'warning' });
  try {
    vrfRoutes(p);
    defaultRoutes(p, warn);
    let regdom: string | undefined;
    for (const d of p.ordered) {
      if (d.regulatoryDomain) {
        if (regdom === undefined) regdom = d.regulatoryDomain;
        else if (regdom !== d.regulatoryDomain) warn(d, `${d.id}: Conflicting regulatory-domain (${regdom} vs ${d.regulatoryDomain})`);
      }
      d.backend ??= p.globalBackend ?? 'networkd';
      if (d.type === 'tunnels') tunnelBackend(d, d.backend);
      sriovRules(p, d);
      if (p.rules.nmSettingsNeedNm && d.hasNmSettings && d.backend !== 'NetworkManager') fail(d, `${d.id}: networkmanager backend settings found but renderer is not NetworkManager.`);
      if (d.backend === 'openvswitch' && d.type !== 'port' && options.ovsVsctl === false) fail(d, `${d.id}: The 'ovs-vsctl' tool is required to setup OpenVSwitch interfaces.`, d.valueNode);
    }
    for (const d of p.ordered) {
      networkd(p, d);
      openvswitch(p, d);
      networkManager(d, warn);
    }
    sriovFinish(p);
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    const def = e.def ?? p.ordered[0];
    if (def) out.push({ file: def.file, node: e.node ?? def.keyNode, message: e.message, severity: 'error' });
  }
  return out;
}

function vrfRoutes(p: NetplanParser): void {
  for (const d of p.ordered) {
    if (d.type !== 'vrfs' || !d.routes.length) continue;
    for (const r of d.routes) {
      if (r.table !== undefined && r.table !== d.vrfTable) fail(d, `${d.id}: VRF routes table mismatch (${d.vrfTable} != ${r.table})`, r.node);
      r.table = d.vrfTable;
    }
    for (const r of d.ipRules) {
      if (r.table !== undefined && r.table !== d.vrfTable) fail(d, `${d.id}: VRF routing-policy table mismatch (${d.vrfTable} != ${r.table})`, r.node);
      r.table = d.vrfTable;
    }
  }
}

function defaultRoutes(p: NetplanParser, warn: (d: NetDef, m: string, n?: Node) => void): void {
  const seen: { family: number; table?: number; metric?: number; id: string }[] = [];
  const check = (d: NetDef, family: number, table?: number, metric?: number, node?: Node) => {
    const prev = seen.find((e) => e.family === family && e.table === table && e.metric === metric);
    if (!prev) return void seen.push({ family, table, metric, id: d.id });
    warn(d, 'Problem encountered while validating default route consistency. Please set up multiple routing tables and use `routing-policy` instead. ' +
      `Error: Conflicting default route declarations for IPv${family} (table: ${table ?? 'main'}, metric: ${metric ?? 'default'}), first declared in ${prev.id} but also in ${d.id}`, node);
    return true;
  };
  for (const d of p.ordered) {
    if (d.gateway4 && check(d, 4)) return;
    if (d.gateway6 && check(d, 6)) return;
    for (const r of d.routes) {
      if (!r.to || !(r.to === 'default' || r.to.endsWith('/0'))) continue;
      const family = r.family ?? (r.to === 'default' ? undefined : isIp6(r.to.slice(0, -2)) ? 6 : 4);
      if (family && check(d, family, r.table, r.metric, r.node)) return;
    }
  }
}

function tunnelBackend(d: NetDef, backend: Backend): void {
  const mode = d.tunnelMode ?? '';
  const keys = () => {
    if (d.inputKey) fail(d, `${d.id}: 'input-key' is not required for this tunnel type`);
    if (d.outputKey) fail(d, `${d.id}: 'output-key' is not required for this tunnel type`);
  };
  if (backend === 'networkd') {
    if (['vti', 'vti6', 'wireguard', 'gre', 'ip6gre', 'gretap', 'ip6gretap'].includes(mode)) return;
    if (mode === 'isatap') fail(d, `${d.id}: ISATAP tunnel mode is not supported by networkd`);
    keys();
  } else if (backend === 'NetworkManager') {
    if (['gre', 'ip6gre', 'wireguard'].includes(mode)) return;
    if (mode === 'gretap' || mode === 'ip6gretap') fail(d, `${d.id}: ${mode.toUpperCase()} tunnel mode is not supported by NetworkManager`);
    keys();
  }
}

function sriovRules(p: NetplanParser, d: NetDef): void {
  if (d.type !== 'ethernets') return;
  const pf = d.sriovVfCount !== undefined || p.ordered.some((x) => x.sriovLink === d);
  if ((d.embeddedSwitchMode || d.delayVfRebind) && !pf) fail(d, `${d.id}: This is not a SR-IOV PF`);
}

function sriovFinish(p: NetplanParser): void {
  for (const d of p.ordered) {
    if (d.sriovVfCount === undefined) continue;
    const count = p.ordered.filter((x) => x.sriovLink === d).length;
    if (count > d.sriovVfCount) fail(d, `more VFs allocated than the explicit size declared: ${count} > ${d.sriovVfCount}`);
  }
}

const OVERRIDE_NAMES: [keyof Overrides, string][] = [
  ['useDns', 'use-dns'], ['useDomains', 'use-domains'], ['useNtp', 'use-ntp'], ['sendHostname', 'send-hostname'], ['useHostname', 'use-hostname'],
  ['useMtu', 'use-mtu'], ['hostname', 'hostname'], ['metric', 'route-metric'], ['useRoutes', 'use-routes'],
];

/** What the networkd writer checks in a .network file (also written for Open vSwitch definitions). */
function networkFile(p: NetplanParser, d: NetDef): void {
  if (d.type === 'vlans' && d.sriovVlanFilter) return;
  for (const r of d.routes) {
    // netplan's networkd writer asserts on this (get_global_network) and aborts: say why instead.
    if (r.to === 'default' && r.family === undefined) fail(d, `${d.id}: a 'to: default' route needs 'via' or 'from' to tell IPv4 from IPv6 (netplan's networkd writer aborts on it)`, r.node);
  }
  if (!d.addrGenToken && d.addrGenMode === 'stable-privacy' && !p.rules.networkdStablePrivacy) fail(d, `ERROR: ${d.id}: ipv6-address-generation mode is not supported by networkd`);
  if (d.dhcp4 && d.dhcp6) {
    for (const [field, name] of OVERRIDE_NAMES) {
      if (d.dhcp4Overrides[field] !== d.dhcp6Overrides[field]) fail(d, `ERROR: ${d.id}: networkd requires that ${name} has the same value in both dhcp4_overrides and dhcp6_overrides`);
    }
  }
}

const CHANNELS_5GHZ = new Set([7, 8, 9, 11, 12, 16, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 68, 96, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122, 124, 126, 128, 132, 134, 136, 138, 140, 142, 144, 149, 151, 153, 155, 157, 159, 161, 165, 169, 173]);

function channel(d: NetDef, ap: AccessPoint): void {
  if (ap.band === '2.4' && ap.channel && (ap.channel < 1 || ap.channel > 14)) fail(d, `ERROR: invalid 2.4GHz WiFi channel: ${ap.channel}`, ap.keyNode);
  if (ap.band === '5' && ap.channel && !CHANNELS_5GHZ.has(ap.channel)) fail(d, `ERROR: invalid 5GHz WiFi channel: ${ap.channel}`, ap.keyNode);
}

function psk(d: NetDef, id: string, password: string | undefined, keyManagement: string | undefined, node?: Node): void {
  if (password === undefined || keyManagement !== 'psk') return;
  if (password.length === 64) {
    if (!/^[0-9A-Fa-f]{64}$/.test(password)) fail(d, `ERROR: ${id}: PSK length of 64 is only supported for hex-digit representation`, node);
  } else if (password.length < 8 || password.length > 63) fail(d, `ERROR: ${id}: ASCII passphrase must be between 8 and 63 characters (inclusive)`, node);
}

function networkd(p: NetplanParser, d: NetDef): void {
  if (d.backend !== 'networkd') return;
  if (d.type === 'modems') fail(d, `ERROR: ${d.id}: networkd backend does not support GSM/CDMA modem configuration`);
  if (d.type === 'wifis' || d.hasAuth) {
    if (d.type === 'wifis' && d.hasMatch) fail(d, `ERROR: ${d.id}: networkd backend does not support wifi with match:, only by interface name`);
    if (d.type === 'wifis') {
      if (d.wowlan > 1 && (d.wowlan & 1 || d.wowlan >= 1 << 8)) fail(d, `ERROR: unsupported wowlan_triggers mask: 0x${d.wowlan.toString(16)}`);
      for (const ap of d.accessPoints?.values() ?? []) {
        channel(d, ap);
        if (ap.mode === 'ap') fail(d, `ERROR: ${d.id}: ${ap.ssid}: networkd does not support this wifi mode`, ap.keyNode);
        if (ap.hasAuth) psk(d, ap.ssid, ap.auth.password, ap.auth.keyManagement, ap.keyNode);
      }
    } else psk(d, d.id, d.auth.password, d.auth.keyManagement);
  }
  networkFile(p, d);
}

function openvswitch(p: NetplanParser, d: NetDef): void {
  if (d.backend === 'openvswitch') {
    switch (d.type) {
      case 'bonds': {
        if (!d.bridge) fail(d, `Bond ${d.id} needs to be a member of an OpenVSwitch bridge`);
        if (p.ordered.filter((x) => x.bond === d.id).length < 2) fail(d, `Bond ${d.id} needs to have at least 2 member interfaces`);
        if (d.bondMode && !['active-backup', 'balance-tcp', 'balance-slb'].includes(d.bondMode)) fail(d, `${d.id}: bond mode '${d.bondMode}' not supported by openvswitch`);
        break;
      }
      case 'bridges':
        for (const t of d.ovsControllerTargets) {
          if ((t.startsWith('ssl:') || t.startsWith('pssl:')) && !(p.ovsSsl.ca && p.ovsSsl.cert && p.ovsSsl.key)) {
            fail(d, `ERROR: openvswitch bridge controller target '${t}' needs SSL configuration, but global 'openvswitch.ssl' settings are not set`);
          }
        }
        break;
      case 'port':
        if (!d.bridge && !d.bond) fail(d, `${d.id}: OpenVSwitch patch port needs to be assigned to a bridge/bond`);
        break;
      case 'vlans':
        break;
      default:
        fail(d, `${d.id}: This device type is not supported with the OpenVSwitch backend`);
    }
    networkFile(p, d);
  } else if ((d.ovsExternalIds > 0 || d.ovsOtherConfig > 0) && !d.bridge && !d.bond) {
    fail(d, `${d.id}: Interface needs to be assigned to an OVS bridge/bond to carry external-ids/other-config`);
  }
}

function networkManager(d: NetDef, warn: (d: NetDef, m: string, n?: Node) => void): void {
  if (d.backend !== 'NetworkManager') return;
  if (d.matchDriver && !d.setName) fail(d, `ERROR: ${d.id}: NetworkManager definitions do not support matching by driver`);
  if (d.addressOptions.length) fail(d, `ERROR: ${d.id}: NetworkManager does not support address options`);
  if (d.type === 'vlans' && d.sriovVlanFilter) return;
  if (d.activationMode && d.activationMode !== 'manual') fail(d, `ERROR: ${d.id}: NetworkManager definitions do not support activation-mode ${d.activationMode}`);
  if (d.type === 'tunnels' && d.tunnelMode === 'vxlan' && d.vxlanExtras) warn(d, `${d.id}: checksums/extensions/flow-lable/do-not-fragment are not supported by NetworkManager`);
  if (d.type === 'tunnels' && d.tunnelMode === 'wireguard') {
    if (d.privateKey?.startsWith('/') && !isWireguardKey(d.privateKey)) fail(d, `${d.id}: private key needs to be base64 encoded when using the NM backend`);
    for (const peer of d.peers ?? []) {
      if (peer.sharedKey?.startsWith('/') && !isWireguardKey(peer.sharedKey)) fail(d, `${d.id}: shared key needs to be base64 encoded when using the NM backend`);
    }
  }
  if (d.ipv6Mtu) fail(d, `ERROR: ${d.id}: NetworkManager definitions do not support ipv6-mtu`);
  for (const ap of d.accessPoints?.values() ?? []) channel(d, ap);
  for (const r of d.routes) {
    if (r.family !== undefined && r.type.toLowerCase() !== 'unicast') fail(d, `ERROR: ${d.id}: NetworkManager only supports unicast routes`, r.node);
  }
}

/** Whether an address is IPv4 or IPv6 (for the operator warnings of semantics.ts). */
export const familyOf = (a: string): 4 | 6 | undefined => (isIp4(a) ? 4 : isIp6(a) ? 6 : undefined);
