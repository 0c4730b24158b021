// Checks that need more than one key at a time: references between devices (across all files, as netplan
// merges them), renderer-specific limits, wifi access points, and the operator warnings (deprecated gateways,
// gateway outside the subnets, duplicate addresses).
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { inSubnet, parseIp, parseIpPrefix, sameAddress, type IpPrefix } from './ip';
import { scalarText, type DeviceDef, type FileCheck } from './file-check';

const CHANNELS_5GHZ = new Set([7, 8, 9, 11, 12, 16, 32, 34, 36, 38, 40, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 68, 96, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118, 120, 122, 124, 126, 128, 132, 134, 136, 138, 140, 142, 144, 149, 151, 153, 155, 157, 159, 161, 165, 169, 173]);

function get(map: Node | undefined, key: string): Node | undefined {
  if (!map || !isMap(map)) return undefined;
  const pair = map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<Node, Node | null> | undefined;
  return pair?.value ?? undefined;
}

function getKey(map: YAMLMap | undefined, key: string): Node | undefined {
  return map?.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.key as Node | undefined;
}

function text(c: FileCheck, node: Node | undefined): string | undefined {
  return node && isScalar(node) ? scalarText(c, node) : undefined;
}

interface AddressUse {
  def: DeviceDef;
  node: Node;
  prefix: IpPrefix;
}

export function checkDevices(checks: FileCheck[]): void {
  const defs = checks.flatMap((c) => c.devices);
  const ids = new Set(defs.map((d) => d.id));
  for (const c of checks) for (const port of ovsPorts(c)) ids.add(port);
  const globalRenderer = checks.map((c) => c.globalRenderer).filter(Boolean).pop();
  const byId = new Map<string, DeviceDef[]>();
  for (const d of defs) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
  const addresses: AddressUse[] = [];

  for (const d of defs) {
    const c = d.file;
    const m = d.map;
    const renderer = text(c, get(m, 'renderer')) ?? d.typeRenderer ?? c.globalRenderer ?? globalRenderer ?? 'networkd';
    const nm = renderer === 'NetworkManager';

    if (get(m, 'set-name') && !byId.get(d.id)!.some((x) => get(x.map, 'match'))) c.report(get(m, 'set-name'), `${d.id}: 'set-name:' requires 'match:' properties`);
    const matchName = get(get(m, 'match'), 'name');
    const mn = text(c, matchName);
    if (mn !== undefined && /\s/.test(mn)) c.report(matchName, `Invalid name '${mn}'`);
    if (get(m, 'ipv6-address-generation') && get(m, 'ipv6-address-token')) c.report(getKey(m, 'ipv6-address-token'), `${d.id}: ipv6-address-generation and ipv6-address-token are mutually exclusive`);

    if (d.type === 'wifis') checkWifi(c, d);
    if (d.type === 'vlans') {
      const idNode = get(m, 'id');
      if (!byId.get(d.id)!.some((x) => get(x.map, 'id'))) c.report(d.map ?? d.keyNode, `${d.id}: missing 'id' property`);
      else if (idNode && isScalar(idNode) && Number(scalarText(c, idNode)) > 4094) c.report(idNode, `${d.id}: invalid id '${scalarText(c, idNode)}' (allowed values are 0-4094)`);
      if (!byId.get(d.id)!.some((x) => get(x.map, 'link'))) c.report(d.map ?? d.keyNode, `${d.id}: missing 'link' property`);
    }
    for (const key of ['link', 'peer']) {
      const ref = get(m, key);
      const name = text(c, ref);
      if (name !== undefined && !ids.has(name) && d.type !== 'ethernets') c.report(ref, `${d.id}: interface '${name}' is not defined`);
    }
    const members = get(m, 'interfaces');
    if (members && isSeq(members)) {
      for (const item of members.items as Node[]) {
        const name = text(c, item);
        if (name !== undefined && !ids.has(name)) c.report(item, `${d.id}: interface '${name}' is not defined`);
      }
    }
    if (d.type === 'nm-devices') {
      const pass = get(get(m, 'networkmanager'), 'passthrough');
      if (!get(pass, 'connection.type')) c.report(d.keyNode, `${d.id}: network type 'nm-devices:' needs to provide a 'connection.type' via passthrough`);
    }

    const addrNode = get(m, 'addresses');
    const own: IpPrefix[] = [];
    if (addrNode && isSeq(addrNode)) {
      for (const item of addrNode.items as Node[]) {
        const keyNode = isMap(item) && item.items.length === 1 ? (item.items[0].key as Node) : item;
        const hasOptions = isMap(item) && isMap(item.items[0]?.value);
        if (nm && hasOptions) c.report(keyNode, 'NetworkManager does not support address options');
        const t = isScalar(keyNode) ? String(keyNode.value) : undefined;
        const p = t !== undefined ? parseIpPrefix(t) : undefined;
        if (p && !('error' in p)) {
          own.push(p);
          addresses.push({ def: d, node: keyNode, prefix: p });
        }
      }
    }
    for (const g of ['gateway4', 'gateway6'] as const) {
      const gw = get(m, g);
      const v = text(c, gw);
      if (v === undefined) continue;
      c.report(getKey(m, g), `\`${g}\` has been deprecated, use default routes instead: replace it with "routes: [{to: default, via: ${v}}]"`, 'warning');
      checkGateway(c, d, gw!, v, own, false);
    }
    const routes = get(m, 'routes');
    if (routes && isSeq(routes)) {
      for (const r of routes.items as Node[]) {
        if (!isMap(r)) continue;
        const type = text(c, get(r, 'type')) ?? 'unicast';
        if (nm && type !== 'unicast') c.report(get(r, 'type'), 'NetworkManager only supports unicast routes');
        if (!get(r, 'to')) c.report(r, `${d.id}: route is missing 'to'`);
        const to = text(c, get(r, 'to'));
        const via = get(r, 'via');
        const onLink = /^(true|yes|on|y)$/i.test(text(c, get(r, 'on-link')) ?? '');
        if ((to === 'default' || to === '0.0.0.0/0' || to === '::/0') && via && !onLink) checkGateway(c, d, via, text(c, via) ?? '', own, true);
      }
    }
  }
  checkDuplicates(addresses);
}

/** Open vSwitch patch ports (`network: openvswitch: ports: [[a, b]]`) are interfaces bonds and bridges may name. */
function ovsPorts(c: FileCheck): string[] {
  const root = c.doc.contents;
  const ports = get(get(get((root ?? undefined) as Node | undefined, 'network'), 'openvswitch'), 'ports');
  if (!ports || !isSeq(ports)) return [];
  return (ports.items as Node[]).flatMap((pair) => (isSeq(pair) ? (pair.items as Node[]) : [])).map((n) => text(c, n)).filter((x): x is string => x !== undefined);
}

/** A gateway outside every subnet of the interface is only reachable with on-link; usually it is a typo. */
function checkGateway(c: FileCheck, d: DeviceDef, node: Node, value: string, own: IpPrefix[], isRoute: boolean): void {
  const ip = parseIp(value);
  if (!ip) return;
  const same = own.filter((p) => p.family === ip.family);
  if (!same.length) return; // addresses from DHCP or elsewhere: nothing to compare with
  if (same.some((p) => inSubnet(p, ip))) return;
  const nets = same.map((p) => `${p.text}/${p.prefix}`).join(', ');
  c.report(node, `${d.id}: gateway ${value} is not inside any subnet configured on this interface (${nets})${isRoute ? '; add "on-link: true" if that is intended' : ''}`, 'warning');
}

function checkDuplicates(all: AddressUse[]): void {
  for (let i = 0; i < all.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = all[j];
      const b = all[i];
      if (!sameAddress(a.prefix, b.prefix)) continue;
      const where = a.def.file === b.def.file ? `line ${a.def.file.lineOf(a.node)}` : `${a.def.file.file.path}:${a.def.file.lineOf(a.node)}`;
      b.def.file.report(b.node, `duplicate address ${b.prefix.text}: also configured on ${a.def.id} (${where})`);
      break;
    }
  }
}

function checkWifi(c: FileCheck, d: DeviceDef): void {
  const aps = get(d.map, 'access-points');
  if (!aps || !isMap(aps) || aps.items.length === 0) {
    c.report(aps ?? d.keyNode, `${d.id}: No access points defined`);
    return;
  }
  const seen = new Set<string>();
  for (const pair of aps.items as Pair<Node, Node | null>[]) {
    const ssid = isScalar(pair.key) ? String(pair.key.value) : '';
    if (seen.has(ssid)) c.report(pair.key, `${d.id}: Duplicate access point SSID '${ssid}'`);
    seen.add(ssid);
    const ap = pair.value && isMap(pair.value) ? pair.value : undefined;
    const band = text(c, get(ap, 'band'));
    const chNode = get(ap, 'channel');
    const ch = Number(text(c, chNode));
    if (!chNode || !Number.isInteger(ch)) continue;
    if (band === '2.4GHz' && (ch < 1 || ch > 14)) c.report(chNode, `ERROR: invalid 2.4GHz WiFi channel: ${ch}`);
    if (band === '5GHz' && !CHANNELS_5GHZ.has(ch)) c.report(chNode, `ERROR: invalid 5GHz WiFi channel: ${ch}`);
  }
}
