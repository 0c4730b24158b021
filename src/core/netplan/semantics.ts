// Operator warnings on configurations netplan accepts: deprecated gateways, a gateway outside every subnet of
// the interface, the same address on two interfaces.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { inSubnet, parseIp, parseIpPrefix, sameAddress, type IpPrefix } from './ip';
import { scalarText, type DeviceDef, type FileCheck } from './file-check';

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

/** Warnings on what netplan accepts but an operator should hear about; run only on a configuration netplan accepts. */
export function checkDevices(checks: FileCheck[]): void {
  const defs = checks.flatMap((c) => c.devices);
  const addresses: AddressUse[] = [];
  for (const d of defs) {
    const c = d.file;
    const m = d.map;
    const addrNode = get(m, 'addresses');
    const own: IpPrefix[] = [];
    if (addrNode && isSeq(addrNode)) {
      for (const item of addrNode.items as Node[]) {
        const keyNode = isMap(item) && item.items.length === 1 ? (item.items[0].key as Node) : item;
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
        const to = text(c, get(r, 'to'));
        const via = get(r, 'via');
        const onLink = /^(true|yes|on|y)$/i.test(text(c, get(r, 'on-link')) ?? '');
        if ((to === 'default' || to === '0.0.0.0/0' || to === '::/0') && via && !onLink) checkGateway(c, d, via, text(c, via) ?? '', own, true);
      }
    }
  }
  checkDuplicates(addresses);
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
      b.def.file.report(b.node, `duplicate address ${b.prefix.text}: also configured on ${a.def.id} (${where})`, 'warning');
      break;
    }
  }
}
