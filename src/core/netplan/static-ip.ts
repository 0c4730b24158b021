// "Set static IP": edits a netplan file through yaml's Document API, then writes back only the edited
// interface's block: every byte outside it (other interfaces, comments, spacing, line endings) stays as it was.
// The gateway becomes a `routes: - to: default` entry (gateway4/6 are deprecated and are removed for the family
// being set).
import { Document, isMap, isScalar, isSeq, YAMLMap, YAMLSeq, type Node, type Pair } from 'yaml';
import { inSubnet, parseIp, parseIpPrefix } from './ip';
import { DEVICE_TYPES } from './schema';
import { parseYamlDocument } from '../yaml-bounded';

export interface StaticIpRequest {
  interface: string;
  /** address/prefix, e.g. 198.18.0.10/24 */
  address: string;
  gateway?: string;
  dns?: string[];
  search?: string[];
}

export interface StaticIpResult {
  text: string;
  /** What was changed, in words, for the diff summary. */
  changes: string[];
}

export class StaticIpError extends Error {}

const DOMAIN = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9-_]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9_]([A-Za-z0-9-_]{0,61}[A-Za-z0-9])?)*\.?$/;
const IFNAME = /^[A-Za-z0-9_.:@-]{1,15}$/;

function checkRequest(r: StaticIpRequest): { family: 4 | 6 } {
  const problems: string[] = [];
  if (!IFNAME.test(r.interface)) problems.push(`interface "${r.interface}" is not a valid interface name (1-15 letters, digits, . _ - : @)`);
  const a = parseIpPrefix(r.address);
  if ('error' in a) problems.push(`--address: ${a.error}`);
  else {
    if (r.gateway !== undefined) {
      const g = parseIp(r.gateway);
      if (!g) problems.push(`--gateway: "${r.gateway}" is not an IP address`);
      else if (g.family !== a.family) problems.push(`--gateway ${r.gateway} is IPv${g.family} but --address ${r.address} is IPv${a.family}`);
      else if (!inSubnet(a, g)) problems.push(`--gateway ${r.gateway} is not inside ${r.address}'s subnet`);
      else if (g.value === a.value) problems.push(`--gateway ${r.gateway} is the interface's own address`);
    }
  }
  for (const d of r.dns ?? []) if (!parseIp(d)) problems.push(`--dns: "${d}" is not an IP address`);
  for (const s of r.search ?? []) if (!DOMAIN.test(s)) problems.push(`--search: "${s}" is not a domain name`);
  if (problems.length) throw new StaticIpError(problems.join('\n'));
  return { family: (a as { family: 4 | 6 }).family };
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

function mapAt(doc: Document, parent: YAMLMap, key: string): YAMLMap {
  const p = pairOf(parent, key);
  if (p && isMap(p.value)) return p.value;
  if (p && p.value && !(isScalar(p.value) && p.value.value === null)) throw new StaticIpError(`"${key}" is not a mapping in this file; fix it first`);
  const m = doc.createNode({}) as YAMLMap;
  if (p) p.value = m;
  else parent.add(doc.createPair(key, m));
  return m;
}

function familyOf(text: string): 4 | 6 | undefined {
  const t = text.split('/')[0];
  return t === 'default' ? undefined : parseIp(t)?.family;
}

/** Applies the request to `text` (or to a new file when undefined) and returns the new text. */
export function setStaticIp(text: string | undefined, req: StaticIpRequest): StaticIpResult {
  const { family } = checkRequest(req);
  const empty = text === undefined || text.trim() === '';
  const doc: Document = parseYamlDocument(empty ? 'network:\n  version: 2\n' : text);
  if (doc.errors.length) throw new StaticIpError(`the file is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new StaticIpError('the file is not a netplan mapping (expected "network:")');
  const changes: string[] = [];
  const networkBefore = pairOf(doc.contents, 'network')?.value;
  const network = mapAt(doc, doc.contents, 'network');
  const hadVersion = !!pairOf(network, 'version');
  if (!hadVersion) network.items.unshift(doc.createPair('version', 2) as Pair<Node, Node | null>);

  let dev: YAMLMap | undefined;
  let where: Where | undefined;
  for (const type of Object.keys(DEVICE_TYPES)) {
    const section = pairOf(network, type)?.value;
    if (section && isMap(section)) {
      const p = pairOf(section, req.interface);
      if (p) {
        where = { kind: 'existing', pair: p, value: p.value ?? undefined };
        dev = mapAt(doc, section, req.interface);
      }
    }
  }
  if (!dev) {
    const eth = pairOf(network, 'ethernets')?.value;
    where = eth && isMap(eth) ? { kind: 'new-in-section', section: eth } : { kind: 'new-section', network: isMap(networkBefore) ? networkBefore : undefined };
    dev = mapAt(doc, mapAt(doc, network, 'ethernets'), req.interface);
    changes.push(`added ethernets.${req.interface}`);
  }

  const dhcpKey = family === 4 ? 'dhcp4' : 'dhcp6';
  const dhcp = pairOf(dev, dhcpKey);
  if (dhcp && !(isScalar(dhcp.value) && /^(false|no|off|n)$/i.test(String(dhcp.value.value)))) {
    dhcp.value = doc.createNode(false) as Node;
    changes.push(`${dhcpKey}: false`);
  }

  // Addresses: the new one replaces the others of its family; the other family's stay.
  const addrPair = pairOf(dev, 'addresses');
  let addrs: YAMLSeq;
  if (addrPair && isSeq(addrPair.value)) addrs = addrPair.value;
  else {
    addrs = doc.createNode([]) as YAMLSeq;
    if (addrPair) addrPair.value = addrs;
    else dev.add(doc.createPair('addresses', addrs));
  }
  const removed: string[] = [];
  addrs.items = (addrs.items as Node[]).filter((n) => {
    const t = isScalar(n) ? String(n.value) : isMap(n) && isScalar(n.items[0]?.key) ? String(n.items[0].key.value) : '';
    if (familyOf(t) === family) {
      removed.push(t);
      return false;
    }
    return true;
  });
  addrs.items.push(doc.createNode(req.address));
  changes.push(`addresses: ${removed.length ? `${removed.join(', ')} → ` : ''}${req.address}`);

  const gwKey = family === 4 ? 'gateway4' : 'gateway6';
  if (pairOf(dev, gwKey)) {
    dev.delete(gwKey);
    changes.push(`removed deprecated ${gwKey}`);
  }
  if (req.gateway) {
    const routesPair = pairOf(dev, 'routes');
    let routes: YAMLSeq;
    if (routesPair && isSeq(routesPair.value)) routes = routesPair.value;
    else {
      routes = doc.createNode([]) as YAMLSeq;
      if (routesPair) routesPair.value = routes;
      else dev.add(doc.createPair('routes', routes));
    }
    routes.items = (routes.items as Node[]).filter((r) => {
      if (!isMap(r)) return true;
      const to = r.get('to');
      const via = r.get('via');
      const isDefault = to === 'default' || to === (family === 4 ? '0.0.0.0/0' : '::/0');
      return !(isDefault && (via === undefined || familyOf(String(via)) === family));
    });
    routes.items.push(doc.createNode({ to: 'default', via: req.gateway }));
    changes.push(`default route via ${req.gateway}`);
  }

  if (req.dns?.length || req.search?.length) {
    const ns = mapAt(doc, dev, 'nameservers');
    if (req.dns?.length) {
      ns.set('addresses', doc.createNode(req.dns, { flow: true }));
      changes.push(`DNS servers: ${req.dns.join(', ')}`);
    }
    if (req.search?.length) {
      ns.set('search', doc.createNode(req.search, { flow: true }));
      changes.push(`search domains: ${req.search.join(', ')}`);
    }
  }
  const whole = () => doc.toString({ lineWidth: 0 });
  const out = empty || !where ? undefined : splice(text!, dev, req.interface, where, hadVersion ? undefined : network);
  return { text: out ?? whole(), changes };
}

type Where =
  | { kind: 'existing'; pair: Pair<Node, Node | null>; value?: Node }
  | { kind: 'new-in-section'; section: YAMLMap }
  | { kind: 'new-section'; network?: YAMLMap };

/** `node` as block YAML, each line indented by `indent` spaces, with the file's line ending. */
function render(node: Node, indent: number, eol: string): string {
  const d = new Document();
  if (isMap(node)) node.flow = false; // a `{...}` interface becomes a block once it has routes and addresses
  d.contents = node;
  const lines = d.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.map((l) => (l ? ' '.repeat(indent) + l : l)).join(eol) + eol;
}

/**
 * The original text with only the interface's block replaced (or the new block inserted); undefined when the
 * layout is not one this can do byte-exactly (flow-style sections, an indented root), and the caller re-writes.
 */
function splice(text: string, dev: YAMLMap, id: string, where: Where, addVersionTo?: YAMLMap): string | undefined {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineStart = (at: number) => text.lastIndexOf('\n', at - 1) + 1;
  const afterLine = (at: number) => {
    const nl = text.indexOf('\n', Math.max(at - 1, 0));
    return nl < 0 ? text.length : nl + 1;
  };
  const colOf = (at: number) => (text.slice(lineStart(at), at).trim() === '' ? at - lineStart(at) : undefined);
  const edits: { at: number; del: number; ins: string }[] = [];
  const ending = (at: number) => (at === text.length && !text.endsWith('\n') ? eol : '');
  if (where.kind === 'existing') {
    const v = where.value;
    const key = where.pair.key as Node;
    if (v && isMap(v) && !v.flow && v.range && v.items.length) {
      const start = lineStart(v.range[0]);
      const indent = colOf(v.range[0]);
      if (indent === undefined) return undefined;
      const end = afterLine(v.range[1]);
      edits.push({ at: start, del: end - start, ins: ending(end) + render(dev, indent, eol) });
    } else if (key.range) {
      const keyCol = colOf(key.range[0]);
      if (keyCol === undefined) return undefined;
      const colon = text.indexOf(':', key.range[1]);
      const end = v?.range ? v.range[1] : colon + 1;
      if (colon < 0) return undefined;
      edits.push({ at: colon + 1, del: end - (colon + 1), ins: eol + render(dev, keyCol + 2, eol).replace(new RegExp(`${eol}$`), '') });
    } else return undefined;
  } else if (where.kind === 'new-in-section') {
    const s = where.section;
    const firstKey = s.items.map((p) => p.key as Node).find((k) => k.range);
    if (s.flow || !s.range || !firstKey) return undefined;
    const indent = colOf(firstKey.range![0]);
    if (indent === undefined) return undefined;
    const at = afterLine(s.range[1]);
    edits.push({ at, del: 0, ins: ending(at) + ' '.repeat(indent) + `${id}:${eol}` + render(dev, indent + 2, eol) });
  } else {
    const n = where.network;
    const firstKey = n?.items.map((p) => p.key as Node).find((k) => k.range);
    if (!n || n.flow || !n.range || !firstKey) return undefined;
    const indent = colOf(firstKey.range![0]);
    if (indent === undefined) return undefined;
    const at = afterLine(n.range[1]);
    edits.push({ at, del: 0, ins: ending(at) + ' '.repeat(indent) + `ethernets:${eol}` + ' '.repeat(indent + 2) + `${id}:${eol}` + render(dev, indent + 4, eol) });
  }
  if (addVersionTo) {
    const first = addVersionTo.items.find((p) => (p.key as Node).range);
    const r = (first?.key as Node | undefined)?.range;
    const indent = r ? colOf(r[0]) : undefined;
    if (!r || indent === undefined || addVersionTo.flow) return undefined;
    edits.push({ at: lineStart(r[0]), del: 0, ins: ' '.repeat(indent) + `version: 2${eol}` });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.ins + out.slice(e.at + e.del);
  return out;
}
