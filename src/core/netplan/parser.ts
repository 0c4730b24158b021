// Reads netplan YAML the way netplan's own parser does: one handler per key, the same type checks, the same
// messages at the same node, and the same multi-pass treatment of forward references (a bond may name an
// interface defined further down the file; a later file may not be referred to by an earlier one). As in netplan,
// the first error of a file ends the reading. Written from netplan's documented behaviour and its src/parse.c.
import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { suggest } from '../inventory/reader';
import type { FileCheck } from './file-check';
import { isHostname, isIp4, isIp6, strtoull, UINT_MAX } from './inet';
import { newNetDef, PHYSICAL_TYPES, type AccessPoint, type Auth, type Backend, type DefType, type NetDef, type Overrides, type Route, type WireguardPeer } from './model';
import { formatVersion, keyTooNew, rulesFor, valueTooNew, type NetplanVersion, type VersionRules } from './versions';

/** netplan's first error: where it is (a node of a file) and what it says. */
export class NetplanParseError extends Error {
  constructor(readonly file: FileCheck, readonly node: Node | undefined, message: string) {
    super(message);
  }
}

type Handler =
  | { t: 'scalar'; f: (n: Scalar, v: string) => void }
  | { t: 'seq'; f: (n: YAMLSeq) => void }
  | { t: 'map'; f: (n: YAMLMap) => void }
  | { t: 'any'; f: (n: Node) => void };
/** A key table: key → [handler, table name used for the version history]. */
type Table = Map<string, { h: Handler; group: string }>;

const TYPE_TABLES: readonly DefType[] = ['ethernets', 'wifis', 'modems', 'bridges', 'bonds', 'vlans', 'tunnels', 'vrfs', 'nm-devices', 'dummy-devices', 'virtual-ethernets'];
const TUNNEL_MODES = ['ipip', 'gre', 'sit', 'isatap', 'vti', 'ip6ip6', 'ipip6', 'ip6gre', 'vti6', 'vxlan', 'gretap', 'ip6gretap', 'wireguard'];
const ROUTE_TYPES = ['unicast', 'anycast', 'blackhole', 'broadcast', 'local', 'multicast', 'nat', 'prohibit', 'throw', 'unreachable', 'xresolve'];
const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb', 'balance-tcp', 'balance-slb'];
const WOWLAN = ['default', 'any', 'disconnect', 'magic_pkt', 'gtk_rekey_failure', 'eap_identity_req', 'four_way_handshake', 'rfkill_release', 'tcp'];
const OPTIONAL_ADDRESSES = ['ipv4-ll', 'ipv6-ra', 'dhcp4', 'dhcp6', 'static'];
const VXLAN_FLAGS: Record<string, string[]> = { notifications: ['l2-miss', 'l3-miss'], checksums: ['udp', 'zero-udp6-tx', 'zero-udp6-rx', 'remote-tx', 'remote-rx'], extensions: ['group-policy', 'generic-protocol'] };
const OVS_PROTOCOLS = ['OpenFlow10', 'OpenFlow11', 'OpenFlow12', 'OpenFlow13', 'OpenFlow14', 'OpenFlow15', 'OpenFlow16'];
const VALID_ID = /^[\x21-\x7e]+$/; // [[:alnum:][:punct:]] in the C locale

const lower = (s: string) => s.toLowerCase();
const yes = ['true', 'on', 'yes', 'y'];
const no = ['false', 'off', 'no', 'n'];

interface Missing {
  node: Node;
  netdefId: string;
}

/** The state netplan keeps while reading all files of one configuration. */
export class NetplanParser {
  readonly defs = new Map<string, NetDef>();
  readonly ordered: NetDef[] = [];
  readonly rules: VersionRules;
  globalBackend?: Backend;
  ovsSsl = { ca: false, cert: false, key: false };
  warnings: { file: FileCheck; node?: Node; message: string }[] = [];

  private file!: FileCheck;
  private doc!: Document;
  private cur!: NetDef;
  private typeBackend?: Backend;
  private auth?: Auth;
  private route?: Route;
  private missing = new Map<string, Missing>();
  private missingFound = 0;
  private ap?: AccessPoint;
  private peer?: WireguardPeer;
  private readonly tables: Record<string, Table> = {};

  constructor(readonly version: NetplanVersion) {
    this.rules = rulesFor(version);
    this.buildTables();
  }

  /** Reads one file into the state; throws the file's first error. */
  load(file: FileCheck): void {
    this.file = file;
    this.doc = file.doc;
    const root = file.doc.contents as Node | null;
    if (root === null || (isScalar(root) && root.value === '' && root.range && root.range[0] === root.range[1])) return; // an empty document
    this.missing = new Map();
    this.missingFound = 0;
    let error: unknown;
    for (;;) {
      const previouslyFound = this.missingFound;
      this.missingFound = 0;
      error = undefined;
      try {
        this.processMapping(root, this.tables.root);
      } catch (e) {
        if (!(e instanceof NetplanParseError)) throw e;
        error = e;
      }
      const stillMissing = this.missing.size;
      if (stillMissing > 0 && this.missingFound === previouslyFound) break;
      if (!(stillMissing > 0 || this.missingFound > 0)) break;
    }
    if (error) throw error;
    const first = [...this.missing.entries()].sort((a, b) => (a[1].node.range?.[0] ?? 0) - (b[1].node.range?.[0] ?? 0))[0];
    if (first) this.fail(first[1].node, `${first[1].netdefId}: interface '${first[0]}' is not defined`);
  }

  fail(node: Node | undefined, message: string): never {
    throw new NetplanParseError(this.file, node, message);
  }

  private warn(node: Node | undefined, message: string): void {
    this.warnings.push({ file: this.file, node, message });
  }

  // ---- generic helpers -------------------------------------------------------------------------------------

  private deref(n: Node | null | undefined, near: Node): Node {
    if (n === null || n === undefined) {
      const empty = new Scalar('');
      if (near.range) empty.range = [near.range[1], near.range[1], near.range[1]];
      return empty;
    }
    if (isAlias(n)) {
      const target = n.resolve(this.doc) as Node | undefined;
      if (!target) this.fail(n, 'Invalid YAML: aliases are not supported');
      return target;
    }
    return n;
  }

  private text(n: Node): string {
    return isScalar(n) ? String(n.value ?? '') : '';
  }

  private assertType(n: Node, t: Handler['t']): void {
    if (t === 'any') return;
    if (t === 'scalar' && !isScalar(n)) this.fail(n, 'expected scalar');
    if (t === 'seq' && !isSeq(n)) this.fail(n, 'expected sequence');
    if (t === 'map' && !isMap(n)) this.fail(n, 'expected mapping (check indentation)');
  }

  private pairs(n: YAMLMap): [Node, Node][] {
    return (n.items as Pair<Node, Node | null>[]).map((p) => {
      const key = this.deref(p.key, n);
      return [key, this.deref(p.value, key)] as [Node, Node];
    });
  }

  private items(n: YAMLSeq): Node[] {
    return (n.items as (Node | null)[]).map((i) => this.deref(i, n));
  }

  private processMapping(node: Node, table: Table, seen?: string[]): void {
    this.assertType(node, 'map');
    for (const [key, value] of this.pairs(node as YAMLMap)) {
      this.assertType(key, 'scalar');
      const k = this.text(key);
      const entry = table.get(k);
      if (!entry) {
        const hint = suggest(k, [...table.keys()].filter((x) => !keyTooNew(table.get(x)!.group, x, this.version)));
        this.fail(key, `unknown key '${k}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
      }
      const since = keyTooNew(entry.group, k, this.version);
      if (since) this.fail(key, `unknown key '${k}' (added in netplan ${since}; the target runs ${formatVersion(this.version)})`);
      this.assertType(value, entry.h.t);
      seen?.push(k);
      (entry.h.f as (n: Node, v: string) => void)(value, this.text(value));
    }
  }

  private guint(n: Scalar, v: string, max = UINT_MAX): number {
    const r = strtoull(v);
    if (r.rest !== '' || r.value > max) this.fail(n, `invalid unsigned int value '${v}'`);
    return r.value;
  }

  private bool(n: Scalar, v: string): boolean {
    if (yes.includes(lower(v))) return true;
    if (no.includes(lower(v))) return false;
    this.fail(n, `invalid boolean value '${v}'`);
  }

  private mac(n: Scalar, v: string): string {
    if (!/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}((:[0-9A-Fa-f]{2}){14})?$/.test(v)) {
      this.fail(n, `Invalid MAC address '${v}', must be XX:XX:XX:XX:XX:XX or XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX`);
    }
    return v;
  }

  private validId(n: Node): string {
    this.assertType(n, 'scalar');
    const v = this.text(n);
    if (!VALID_ID.test(v)) this.fail(n, `Invalid name '${v}'`);
    return v;
  }

  /** A mapping of scalars to scalars (external-ids, passthrough); returns how many entries it has. */
  private scalarMap(n: YAMLMap, dupCheck: boolean, into?: Map<string, string>): number {
    const seen = into ?? new Map<string, string>();
    for (const [k, v] of this.pairs(n)) {
      this.assertType(k, 'scalar');
      this.assertType(v, 'scalar');
      const prev = seen.get(this.text(k));
      if (dupCheck && prev !== undefined && prev !== this.text(v)) this.fail(n, `duplicate map entry '${this.text(k)}'`);
      seen.set(this.text(k), this.text(v));
    }
    return seen.size;
  }

  private lookup(id: string): NetDef | undefined {
    return this.defs.get(id);
  }

  private addMissing(n: Node): void {
    this.missing.set(this.text(n), { node: n, netdefId: this.cur.id });
  }

  private enumValue(n: Scalar, key: string, v: string, values: string[], message: string): string {
    const since = valueTooNew(key, v, this.version);
    if (since) this.fail(n, `${message} (netplan ${since} added it; the target runs ${formatVersion(this.version)})`);
    if (!values.includes(v)) this.fail(n, message);
    return v;
  }

  // ---- handler tables ----------------------------------------------------------------------------------------

  private table(group: string, entries: [string, Handler][], base: Table[] = []): Table {
    const t: Table = new Map();
    for (const b of base) for (const [k, v] of b) t.set(k, v);
    for (const [k, h] of entries) t.set(k, { h, group });
    return t;
  }

  private buildTables(): void {
    const S = (f: (n: Scalar, v: string) => void): Handler => ({ t: 'scalar', f });
    const Q = (f: (n: YAMLSeq) => void): Handler => ({ t: 'seq', f });
    const M = (f: (n: YAMLMap) => void): Handler => ({ t: 'map', f });
    const A = (f: (n: Node) => void): Handler => ({ t: 'any', f });
    const str = S(() => undefined);
    const uint = S((n, v) => void this.guint(n, v));
    const bool = S((n, v) => void this.bool(n, v));
    const mac = S((n, v) => void this.mac(n, v));
    const T = this.tables;

    T.match = this.table('match', [
      ['driver', A((n) => this.matchDriver(n))],
      ['macaddress', mac],
      ['name', S((n) => void this.validId(n))],
    ]);
    const authValues = { km: ['none', 'psk', 'eap', '802.1x', 'sae', 'eap-sha256', 'eap-suite-b-192'], method: ['tls', 'peap', 'ttls', 'leap', 'pwd'] };
    T.auth = this.table('auth', [
      ['key-management', S((n, v) => void (this.auth!.keyManagement = this.enumValue(n, 'key-management', v, authValues.km, `unknown key management type '${v}'`)))],
      ['method', S((n, v) => void (this.auth!.method = this.enumValue(n, 'method', v, authValues.method, `unknown EAP method '${v}'`)))],
      ...['identity', 'anonymous-identity', 'ca-certificate', 'client-certificate', 'client-key', 'client-key-password', 'phase2-auth'].map((k): [string, Handler] => [k, str]),
      ['password', S((_, v) => void (this.auth!.password = v))],
    ]);
    T.nm = this.table('nm', [
      ['name', str], ['uuid', str], ['stable-id', str], ['device', str],
      ['passthrough', M((n) => {
        const m = new Map<string, string>();
        this.scalarMap(n, false, m);
        if (!this.ap && m.has('connection.type')) this.cur.nmPassthroughType = true;
      })],
    ]);
    T.ap = this.table('ap', [
      ['band', S((n, v) => {
        if (v === '5GHz' || v === '5G') this.ap!.band = '5';
        else if (v === '2.4GHz' || v === '2.4G') this.ap!.band = '2.4';
        else this.fail(n, `unknown wifi band '${v}'`);
      })],
      ['bssid', mac], ['hidden', bool],
      ['channel', S((n, v) => void (this.ap!.channel = this.guint(n, v)))],
      ['mode', S((n, v) => {
        if (v !== 'infrastructure' && v !== 'adhoc' && v !== 'ap') this.fail(n, `unknown wifi mode '${v}'`);
        this.ap!.mode = v;
      })],
      ['password', S((_, v) => {
        this.ap!.hasAuth = true;
        this.ap!.auth.keyManagement = 'psk';
        this.ap!.auth.password = v;
      })],
      ['auth', M((n) => {
        this.ap!.hasAuth = true;
        this.auth = this.ap!.auth;
        this.processMapping(n, T.auth);
        this.auth = undefined;
      })],
      ['networkmanager', M((n) => this.processMapping(n, T.nm))],
    ]);
    T.addressOptions = this.table('address-options', [
      ['lifetime', S((n, v) => {
        if (lower(v) !== '0' && lower(v) !== 'forever') this.fail(n, `invalid lifetime value '${v}'`);
      })],
      ['label', str],
    ]);
    T.routes = this.table('routes', [
      ['from', S((n, v) => this.routeIp(n, v))],
      ['on-link', bool],
      ['scope', S((n, v) => {
        this.route!.scope = v;
        if (!['global', 'link', 'host'].includes(lower(v))) this.fail(n, `invalid route scope '${v}'`);
      })],
      ['table', S((n, v) => void (this.route!.table = this.guint(n, v)))],
      ['to', S((n, v) => {
        if (v !== 'default') this.route!.to = this.routeIp(n, v);
        else if (this.route!.to !== undefined && this.route!.to !== v) this.fail(n, `a route sets 'to' twice ('${this.route!.to}', then 'default'): netplan aborts on it`);
        else this.route!.to = v;
      })],
      ['type', S((n, v) => {
        this.route!.type = v;
        if (!ROUTE_TYPES.includes(lower(v))) this.fail(n, `invalid route type '${v}'`);
      })],
      ['via', S((n, v) => void (this.route!.via = this.routeIp(n, v)))],
      ['metric', S((n, v) => void (this.route!.metric = this.guint(n, v)))],
      ['mtu', uint], ['congestion-window', uint], ['advertised-receive-window', uint], ['advertised-mss', uint],
    ]);
    T.ipRules = this.table('ip-rules', [
      ['from', S((n, v) => this.routeIp(n, v))],
      ['to', S((n, v) => this.routeIp(n, v))],
      ['mark', uint], ['priority', uint],
      ['table', S((n, v) => void (this.ruleTable = this.guint(n, v)))],
      ['type-of-service', S((n, v) => {
        if (this.guint(n, v) > 255) this.fail(n, `invalid ToS (must be between 0 and 255): ${v}`);
      })],
    ]);
    T.bridgeParams = this.table('bridge-params', [
      ['ageing-time', str], ['aging-time', str], ['forward-delay', str], ['hello-time', str], ['max-age', str],
      ['path-cost', M((n) => this.bridgePortValues(n, 'pathCost'))],
      ['port-priority', M((n) => this.bridgePortValues(n, 'portPriority'))],
      ['priority', uint], ['stp', bool],
    ]);
    T.bondParams = this.table('bond-params', [
      ['mode', S((n, v) => {
        if (!BOND_MODES.includes(v)) this.fail(n, `unknown bond mode '${v}'`);
        if (v === 'balance-tcp' || v === 'balance-slb') this.cur.backend = 'openvswitch';
        this.cur.bondMode = v;
      })],
      ['lacp-rate', S((n, v) => {
        if (this.rules.lacpRateChecked && v !== 'slow' && v !== 'fast') this.fail(n, `unknown lacp-rate value '${v}' (expected 'fast' or 'slow')`);
      })],
      ...['mii-monitor-interval', 'transmit-hash-policy', 'ad-select', 'arp-interval', 'arp-validate', 'arp-all-targets', 'up-delay', 'down-delay', 'fail-over-mac-policy', 'primary-reselect-policy', 'learn-packet-interval'].map((k): [string, Handler] => [k, str]),
      ['min-links', uint], ['gratuitous-arp', uint], ['gratuitious-arp', uint], ['packets-per-slave', uint], ['packets-per-member', uint], ['resend-igmp', uint],
      ['all-slaves-active', bool], ['all-members-active', bool],
      ['arp-ip-targets', Q((n) => {
        for (const e of this.items(n)) {
          this.assertType(e, 'scalar');
          if (!isIp4(this.text(e))) this.fail(n, `malformed address '${this.text(e)}', must be X.X.X.X or X:X:X:X:X:X:X:X`);
        }
      })],
      ['primary', S((n, v) => {
        if (!this.lookup(v)) return this.addMissing(n);
        if (this.cur.primaryMember === v) return;
        if (this.cur.primaryMember) this.fail(n, `${this.cur.id}: bond already has a primary member: ${this.cur.primaryMember}`);
        this.cur.primaryMember = v;
      })],
    ]);
    const overrides = (which: 'dhcp4Overrides' | 'dhcp6Overrides'): Handler => M((n) => this.processMapping(n, this.table('dhcp-overrides', [
      ['hostname', S((_, v) => void (this.cur[which].hostname = v))],
      ['route-metric', S((nn, v) => void (this.cur[which].metric = this.guint(nn, v)))],
      ...(['send-hostname', 'use-dns', 'use-hostname', 'use-mtu', 'use-ntp', 'use-routes'] as const).map((k): [string, Handler] => [k, S((nn, v) => {
        const field = ({ 'send-hostname': 'sendHostname', 'use-dns': 'useDns', 'use-hostname': 'useHostname', 'use-mtu': 'useMtu', 'use-ntp': 'useNtp', 'use-routes': 'useRoutes' } as const)[k];
        (this.cur[which] as Overrides)[field] = this.bool(nn, v);
      })]),
      ['use-domains', S((nn, v) => void (this.cur[which].useDomains = this.useDomains(nn, v)))],
    ])));
    T.nameservers = this.table('nameservers', [
      ['search', Q((n) => this.items(n).forEach((e) => this.assertType(e, 'scalar')))],
      ['addresses', Q((n) => {
        for (const e of this.items(n)) {
          this.assertType(e, 'scalar');
          if (!isIp4(this.text(e)) && !isIp6(this.text(e))) this.fail(n, `malformed address '${this.text(e)}', must be X.X.X.X or X:X:X:X:X:X:X:X`);
        }
      })],
    ]);
    T.ovsController = this.table('ovs-controller', [
      ['addresses', Q((n) => this.ovsControllerAddresses(n))],
      ['connection-mode', S((n, v) => {
        if (this.cur.type !== 'bridges') this.fail(n, "Key 'controller.connection-mode' is only valid for interface type 'openvswitch bridge'");
        if (v !== 'in-band' && v !== 'out-of-band') this.fail(n, "Value of 'connection-mode' needs to be 'in-band' or 'out-of-band'");
      })],
    ]);
    T.ovs = this.table('ovs', [
      ['external-ids', M((n) => void (this.cur.ovsExternalIds = this.scalarMap(n, true)))],
      ['other-config', M((n) => void (this.cur.ovsOtherConfig = this.scalarMap(n, true)))],
      ['lacp', S((n, v) => {
        if (this.cur.type !== 'bonds') this.fail(n, "Key 'lacp' is only valid for interface type 'openvswitch bond'");
        if (!['active', 'passive', 'off'].includes(v)) this.fail(n, "Value of 'lacp' needs to be 'active', 'passive' or 'off");
      })],
      ['fail-mode', S((n, v) => {
        if (this.cur.type !== 'bridges') this.fail(n, "Key 'fail-mode' is only valid for interface type 'openvswitch bridge'");
        if (v !== 'standalone' && v !== 'secure') this.fail(n, "Value of 'fail-mode' needs to be 'standalone' or 'secure'");
      })],
      ...['mcast-snooping', 'rstp'].map((k): [string, Handler] => [k, S((n, v) => {
        if (this.cur.type !== 'bridges') this.fail(n, "Key is only valid for interface type 'openvswitch bridge'");
        this.bool(n, v);
      })]),
      ['protocols', Q((n) => {
        if (this.cur.type !== 'bridges') this.fail(n, "Key 'protocols' is only valid for interface type 'openvswitch bridge'");
        this.ovsProtocols(n);
      })],
      ['controller', M((n) => this.processMapping(n, T.ovsController))],
    ]);
    const ovsBackend = M((n) => {
      const seen: string[] = [];
      this.processMapping(n, T.ovs, seen);
      const onlyData = seen.length > 0 && seen.every((k) => k === 'external-ids' || k === 'other-config');
      if (this.cur.type === 'bonds' || this.cur.type === 'bridges' || !onlyData) this.cur.backend = 'openvswitch';
    });
    const tristate = bool;
    T.common = this.table('common', [
      ['accept-ra', bool],
      ['activation-mode', S((n, v) => {
        if (v !== 'manual' && v !== 'off') this.fail(n, "Value of 'activation-mode' needs to be 'manual' or 'off'");
        this.cur.activationMode = v;
      })],
      ['addresses', Q((n) => this.addresses(n, true, this.cur.ip4, this.cur.ip6))],
      ['critical', bool], ['ignore-carrier', bool],
      ['dhcp4', S((n, v) => void (this.cur.dhcp4 = this.bool(n, v)))],
      ['dhcp6', S((n, v) => void (this.cur.dhcp6 = this.bool(n, v)))],
      ['dhcp-identifier', S((n, v) => {
        if (lower(v) !== 'duid' && lower(v) !== 'mac') this.fail(n, `invalid DHCP client identifier type '${v}'`);
      })],
      ['dhcp4-overrides', overrides('dhcp4Overrides')],
      ['dhcp6-overrides', overrides('dhcp6Overrides')],
      ['gateway4', S((n, v) => void (this.cur.gateway4 = this.gateway(n, v, 4, this.cur.gateway4)))],
      ['gateway6', S((n, v) => void (this.cur.gateway6 = this.gateway(n, v, 6, this.cur.gateway6)))],
      ['ipv6-address-generation', S((n, v) => {
        if (v !== 'eui64' && v !== 'stable-privacy') this.fail(n, `unknown ipv6-address-generation '${v}'`);
        this.cur.addrGenMode = v;
      })],
      ['ipv6-address-token', S((n, v) => {
        this.cur.addrGenToken = v;
        if (!isIp6(v)) this.fail(n, `invalid ipv6-address-token '${v}'`);
      })],
      ['ipv6-mtu', S((n, v) => void (this.cur.ipv6Mtu = this.guint(n, v)))],
      ['ipv6-privacy', bool],
      ['link-local', Q((n) => {
        for (const e of this.items(n)) {
          this.assertType(e, 'scalar');
          if (lower(this.text(e)) !== 'ipv4' && lower(this.text(e)) !== 'ipv6') this.fail(n, `invalid value for link-local: '${this.text(e)}'`);
        }
      })],
      ['macaddress', mac], ['mtu', uint],
      ['nameservers', M((n) => this.processMapping(n, T.nameservers))],
      ['optional', bool],
      ['optional-addresses', Q((n) => {
        for (const e of this.items(n)) {
          this.assertType(e, 'scalar');
          if (!OPTIONAL_ADDRESSES.includes(lower(this.text(e)))) this.fail(n, `invalid value for optional-addresses: '${this.text(e)}'`);
        }
      })],
      ['renderer', S((n, v) => {
        if (this.cur.type === 'vlans' && v === 'sriov') this.cur.sriovVlanFilter = true;
        else this.cur.backend = this.renderer(n, v);
      })],
      ['routes', Q((n) => this.routes(n))],
      ['routing-policy', Q((n) => this.ipRules(n))],
      ['neigh-suppress', tristate], ['hairpin', tristate], ['port-mac-learning', tristate],
      ['ra-overrides', M((n) => this.processMapping(n, this.table('ra-overrides', [
        ['use-dns', bool], ['table', uint], ['use-domains', S((nn, v) => void this.useDomains(nn, v))],
      ])))],
    ]);
    T.backend = this.table('common', [
      ['networkmanager', M((n) => {
        this.cur.hasNmSettings = true;
        this.processMapping(n, T.nm);
      })],
      ['openvswitch', ovsBackend],
    ]);
    T.physical = this.table('physical', [
      ['match', M((n) => {
        this.cur.hasMatch = true;
        this.processMapping(n, T.match);
      })],
      ['set-name', S((_, v) => void (this.cur.setName = v))],
      ['wakeonlan', bool],
      ['wakeonwlan', Q((n) => this.wowlan(n))],
      ['emit-lldp', bool],
      ...['receive-checksum-offload', 'transmit-checksum-offload', 'tcp-segmentation-offload', 'tcp6-segmentation-offload', 'generic-segmentation-offload', 'generic-receive-offload', 'large-receive-offload'].map((k): [string, Handler] => [k, tristate]),
    ]);
    const netdefAuth = M((n) => {
      this.cur.hasAuth = true;
      this.auth = this.cur.auth;
      this.processMapping(n, T.auth);
      this.auth = undefined;
    });
    T.ethernets = this.table('ethernet', [
      ['auth', netdefAuth],
      ['link', S((n, v) => {
        const ref = this.lookup(v);
        if (!ref) this.addMissing(n);
        else this.cur.sriovLink = ref;
      })],
      ['virtual-function-count', S((n, v) => void (this.cur.sriovVfCount = this.guint(n, v)))],
      ['embedded-switch-mode', S((n, v) => {
        if (v !== 'switchdev' && v !== 'legacy') this.fail(n, "Value of 'embedded-switch-mode' needs to be 'switchdev' or 'legacy'");
        this.cur.embeddedSwitchMode = v;
      })],
      ['delay-virtual-functions-rebind', S((n, v) => void (this.cur.delayVfRebind = this.bool(n, v)))],
      ['infiniband-mode', S((n, v) => {
        if (v !== 'datagram' && v !== 'connected') this.fail(n, "Value of 'infiniband-mode' needs to be 'datagram' or 'connected'");
      })],
    ], [T.common, T.backend, T.physical]);
    T['nm-devices'] = T.ethernets;
    T.wifis = this.table('wifi', [
      ['access-points', M((n) => this.accessPoints(n))],
      ['auth', netdefAuth],
      ['regulatory-domain', S((_, v) => void (this.cur.regulatoryDomain = v))],
    ], [T.common, T.backend, T.physical]);
    const members = (kind: 'bridge' | 'bond'): Handler => Q((n) => {
      for (const e of this.items(n)) {
        this.assertType(e, 'scalar');
        const c = this.lookup(this.text(e));
        if (!c) {
          this.addMissing(e);
          continue;
        }
        if (c.bridge && (kind === 'bond' || c.bridge !== this.cur.id)) this.fail(n, `${this.cur.id}: interface '${this.text(e)}' is already assigned to bridge ${c.bridge}`);
        if (c.bond && (kind === 'bridge' || c.bond !== this.cur.id)) this.fail(n, `${this.cur.id}: interface '${this.text(e)}' is already assigned to bond ${c.bond}`);
        c[kind] = this.cur.id;
        if (c.backend === 'openvswitch') this.cur.backend = 'openvswitch';
      }
    });
    T.bridges = this.table('bridge', [
      ['interfaces', members('bridge')],
      ['parameters', M((n) => this.processMapping(n, T.bridgeParams))],
    ], [T.common, T.backend]);
    T.bonds = this.table('bond', [
      ['interfaces', members('bond')],
      ['parameters', M((n) => this.processMapping(n, T.bondParams))],
    ], [T.common, T.backend]);
    T.vlans = this.table('vlan', [
      ['id', S((n, v) => void (this.cur.vlanId = this.guint(n, v)))],
      ['link', S((n, v) => {
        const ref = this.lookup(v);
        if (!ref) return this.addMissing(n);
        this.cur.vlanLink = ref;
        if (ref.backend === 'openvswitch') this.cur.backend = 'openvswitch';
      })],
    ], [T.common, T.backend]);
    const vrfCommon = new Map([...T.common].filter(([k]) => !['renderer', 'routes', 'routing-policy', 'ra-overrides', 'hairpin', 'port-mac-learning'].includes(k)).map(([k, v]) => [k, { h: v.h, group: 'vrf' }]));
    T.vrfs = this.table('vrf', [
      ['renderer', T.common.get('renderer')!.h],
      ['interfaces', Q((n) => {
        for (const e of this.items(n)) {
          this.assertType(e, 'scalar');
          const c = this.lookup(this.text(e));
          if (!c) {
            this.addMissing(e);
            continue;
          }
          if (c.vrfLink && c.vrfLink !== this.cur) this.fail(n, `${this.cur.id}: interface '${this.text(e)}' is already assigned to vrf ${c.vrfLink.id}`);
          c.vrfLink = this.cur;
        }
      })],
      ['table', S((n, v) => void (this.cur.vrfTable = this.guint(n, v)))],
      ['routes', T.common.get('routes')!.h],
      ['routing-policy', T.common.get('routing-policy')!.h],
      ['hairpin', tristate], ['port-mac-learning', tristate], ['ra-overrides', T.common.get('ra-overrides')!.h],
    ], [vrfCommon, T.backend]);
    T.modems = this.table('modem', [
      ['auto-config', bool],
      ...['apn', 'device-id', 'network-id', 'number', 'password', 'pin', 'sim-id', 'sim-operator-id', 'username'].map((k): [string, Handler] => [k, str]),
    ], [T.common, T.backend, T.physical]);
    const tunnelKey = A((n) => {
      if (isScalar(n)) {
        this.cur.inputKey = this.cur.outputKey = this.cur.privateKey = this.text(n);
      } else if (isMap(n)) {
        this.processMapping(n, this.table('tunnel-keys', [
          ['input', S((_, v) => void (this.cur.inputKey = v))],
          ['output', S((_, v) => void (this.cur.outputKey = v))],
          ['private', S((_, v) => void (this.cur.privateKey = v))],
          ['private-key-flags', Q((nn) => {
            this.cur.privateKeyFlags = true;
            this.items(nn).forEach((e) => this.assertType(e, 'scalar'));
          })],
        ]));
      } else this.fail(n, "invalid type for 'key[s]': must be a scalar or mapping");
    });
    T.tunnels = this.table('tunnel', [
      ['mode', S((n, v) => {
        if (!TUNNEL_MODES.includes(v)) this.fail(n, `${this.cur.id}: tunnel mode '${v}' is not supported`);
        this.cur.tunnelMode = v;
      })],
      ['local', S((n, v) => void (this.cur.local = this.tunnelAddress(n, v)))],
      ['remote', S((n, v) => void (this.cur.remote = this.tunnelAddress(n, v)))],
      ['ttl', S((n, v) => void (this.cur.ttl = this.guint(n, v)))],
      ['key', tunnelKey], ['keys', tunnelKey],
      ['mark', uint], ['port', uint],
      ['peers', Q((n) => this.wireguardPeers(n))],
      ['link', S((n, v) => {
        const ref = this.lookup(v);
        if (!ref) this.addMissing(n);
        else this.cur.vxlanLink = ref;
      })],
      ['ageing', uint], ['aging', uint], ['limit', uint], ['type-of-service', uint],
      ['id', S((n, v) => void (this.cur.vxlanVni = this.guint(n, v)))],
      ['flow-label', S((n, v) => {
        this.cur.vxlanFlowLabel = this.guint(n, v);
        this.cur.vxlanExtras = true;
      })],
      ['do-not-fragment', S((n, v) => {
        if (this.bool(n, v)) this.cur.vxlanExtras = true;
      })],
      ['short-circuit', tristate], ['arp-proxy', tristate], ['mac-learning', tristate],
      ...Object.keys(VXLAN_FLAGS).map((k): [string, Handler] => [k, Q((n) => {
        for (const e of this.items(n)) {
          this.assertType(e, 'scalar');
          if (!VXLAN_FLAGS[k].includes(lower(this.text(e)))) this.fail(n, `invalid value for ${k}: '${this.text(e)}'`);
          if (k !== 'notifications') this.cur.vxlanExtras = true;
        }
      })]),
      ['port-range', Q((n) => {
        const items = this.items(n);
        if (items.length !== 2) this.fail(n, `${this.cur.id}: Expected exactly two values for port-range`);
        for (const i of items) {
          this.assertType(i, 'scalar');
          this.guint(i as Scalar, this.text(i));
        }
      })],
    ], [T.common, T.backend]);
    T['dummy-devices'] = this.table('common', [], [T.common, T.backend]);
    T['virtual-ethernets'] = this.table('veth', [
      ['peer', S((n, v) => {
        const ref = this.lookup(v);
        if (!ref) this.addMissing(n);
        else this.cur.vethPeer = ref;
      })],
    ], [T.common, T.backend]);

    T.ovsGlobal = this.table('ovs-global', [
      ['external-ids', M((n) => void this.scalarMap(n, true))],
      ['other-config', M((n) => void this.scalarMap(n, true))],
      ['protocols', Q((n) => this.ovsProtocols(n))],
      ['ports', Q((n) => this.ovsPorts(n))],
      ['ssl', M((n) => this.processMapping(n, this.table('ovs-ssl', [
        ['ca-cert', S(() => void (this.ovsSsl.ca = true))],
        ['certificate', S(() => void (this.ovsSsl.cert = true))],
        ['private-key', S(() => void (this.ovsSsl.key = true))],
      ])))],
    ]);
    T.network = this.table('network', [
      ...TYPE_TABLES.map((t): [string, Handler] => [t, M((n) => this.networkType(n, t))]),
      ['renderer', S((n, v) => void (this.globalBackend = this.renderer(n, v)))],
      ['version', S((n, v) => {
        const m = /^\s*([+-]?\d+)/.exec(v);
        const ver = m ? Number(m[1]) : 0;
        if (ver < 2 || ver >= 3) this.fail(n, 'Only version 2 is supported');
      })],
      ['openvswitch', M((n) => this.processMapping(n, T.ovsGlobal))],
    ]);
    T.root = this.table('root', [['network', M((n) => this.processMapping(n, T.network))]]);
  }

  private ruleTable?: number;

  // ---- handlers with more logic --------------------------------------------------------------------------------

  private renderer(n: Scalar, v: string): Backend {
    if (v === 'networkd' || v === 'NetworkManager') return v;
    this.fail(n, `unknown renderer '${v}'`);
  }

  private gateway(n: Scalar, v: string, family: 4 | 6, before: string | undefined): string {
    if (!(family === 4 ? isIp4 : isIp6)(v)) this.fail(n, `invalid IPv${family} address '${v}'`);
    // netplan keeps the first value and asserts that a repeated one is the same (it aborts otherwise).
    if (before !== undefined && before !== v) this.fail(n, `gateway${family} is set twice on ${this.cur.id} ('${before}', then '${v}'): netplan aborts on it`);
    return v;
  }

  private useDomains(n: Scalar, v: string): string {
    if (this.rules.useDomainsChecked && !yes.includes(lower(v)) && !no.includes(lower(v)) && lower(v) !== 'route') {
      this.fail(n, `Invalid use-domains options '${v}', must be a boolean, or the special value 'route'.`);
    }
    return v;
  }

  private matchDriver(n: Node): void {
    if (isScalar(n)) {
      if (this.text(n).includes(' ')) this.fail(n, "A 'driver' glob cannot contain whitespace");
      this.cur.matchDriver = this.text(n);
    } else if (isSeq(n)) {
      const items = this.items(n);
      for (const e of items) {
        this.assertType(e, 'scalar');
        if (this.text(e).includes(' ')) this.fail(n, "A 'driver' glob cannot contain whitespace");
      }
      if (!items.length) this.fail(n, "invalid sequence for 'driver'");
      this.cur.matchDriver = items.map((e) => this.text(e)).join('\t');
    } else this.fail(n, "invalid type for 'driver': must be a scalar or a sequence of scalars");
  }

  private wowlan(n: YAMLSeq): void {
    for (const e of this.items(n)) {
      this.assertType(e, 'scalar');
      const i = WOWLAN.indexOf(lower(this.text(e)));
      if (i < 0) this.fail(n, `invalid value for wakeonwlan: '${this.text(e)}'`);
      this.cur.wowlan |= 1 << i;
    }
    if (this.cur.wowlan > 1 && this.cur.wowlan & 1) this.fail(n, "'default' is an exclusive flag for wakeonwlan");
  }

  /** Interface addresses (and wireguard allowed-ips, without the zero-prefix check). */
  private addresses(n: YAMLSeq, checkZero: boolean, ip4: string[], ip6: string[]): void {
    for (let entry of this.items(n)) {
      let options: Node | undefined;
      if (!isScalar(entry) && !isMap(entry)) this.fail(entry, 'expected either scalar or mapping (check indentation)');
      if (isMap(entry)) {
        const first = this.pairs(entry)[0];
        if (!first) this.fail(entry, 'expected scalar');
        [entry, options] = first;
      }
      this.assertType(entry, 'scalar');
      const text = this.text(entry);
      const slash = text.lastIndexOf('/');
      if (slash < 0) this.fail(n, `address '${text}' is missing /prefixlength`);
      const addr = text.slice(0, slash);
      const prefix = strtoull(text.slice(slash + 1)).value;
      if (options) {
        if (!isIp4(addr) && !isIp6(addr)) this.fail(n, `malformed address '${text}', must be X.X.X.X/NN or X:X:X:X:X:X:X:X/NN`);
        if (this.cur.addressOptions.includes(text)) return; // as netplan: a second pass stops here
        this.processMapping(options, this.tables.addressOptions);
        this.cur.addressOptions.push(text);
        continue;
      }
      if (isIp4(addr)) {
        if ((checkZero && prefix === 0) || prefix > 32) this.fail(n, `invalid prefix length in address '${text}'`);
        if (!ip4.includes(text)) ip4.push(text);
        continue;
      }
      if (isIp6(addr)) {
        if ((checkZero && prefix === 0) || prefix > 128) this.fail(n, `invalid prefix length in address '${text}'`);
        if (!ip6.includes(text)) ip6.push(text);
        continue;
      }
      this.fail(n, `malformed address '${text}', must be X.X.X.X/NN or X:X:X:X:X:X:X:X/NN`);
    }
  }

  private family: 4 | 6 | undefined;

  private routeIp(n: Scalar, v: string): string {
    const slash = v.lastIndexOf('/');
    const addr = slash >= 0 ? v.slice(0, slash) : v;
    const family = isIp4(addr) ? 4 : isIp6(addr) ? 6 : undefined;
    if (!family) this.fail(n, "invalid IP family '-1'");
    if (this.family !== undefined && this.family !== family) this.fail(n, `IP family mismatch in route to ${v}`);
    this.family = family;
    return v;
  }

  private routes(n: YAMLSeq): void {
    for (const entry of this.items(n)) {
      this.assertType(entry, 'map');
      const route: Route = { type: 'unicast', node: entry };
      this.route = route;
      this.family = undefined;
      try {
        this.processMapping(entry, this.tables.routes);
      } finally {
        this.route = undefined;
      }
      route.family = this.family;
      const type = lower(route.type);
      if (!route.scope) {
        if (type === 'local' || type === 'nat') route.scope = 'host';
        else if ((type === 'unicast' && !route.via) || ['broadcast', 'multicast', 'anycast'].includes(type)) route.scope = 'link';
        else route.scope = 'global';
      }
      const scope = lower(route.scope);
      if ((scope === 'link' || scope === 'host') && !route.to) this.fail(n, "link and host routes must specify a 'to' IP");
      if (type === 'unicast' && scope === 'global' && (!route.to || !route.via)) this.fail(n, "global unicast route must include both a 'to' and 'via' IP");
      if (type !== 'unicast' && !route.to) this.fail(n, "non-unicast routes must specify a 'to' IP");
      const same = (r: Route) => r.to === route.to && r.via === route.via && r.table === route.table && r.metric === route.metric && r.family === route.family && lower(r.type) === type && lower(r.scope ?? '') === scope;
      if (!this.cur.routes.some(same)) this.cur.routes.push(route);
    }
  }

  private ipRules(n: YAMLSeq): void {
    for (const entry of this.items(n)) {
      this.family = undefined;
      this.ruleTable = undefined;
      this.processMapping(entry, this.tables.ipRules);
      const m = entry as YAMLMap;
      const has = (k: string) => this.pairs(m).some(([key]) => this.text(key) === k);
      if (!has('from') && !has('to')) this.fail(n, "IP routing policy must include either a 'from' or 'to' IP");
      this.cur.ipRules.push({ table: this.ruleTable, node: entry });
    }
  }

  private bridgePortValues(n: YAMLMap, field: 'pathCost' | 'portPriority'): void {
    for (const [k, v] of this.pairs(n)) {
      this.assertType(k, 'scalar');
      this.assertType(v, 'scalar');
      const c = this.lookup(this.text(k));
      if (!c) {
        this.addMissing(k);
        continue;
      }
      if (c[field]) this.fail(n, `${this.cur.id}: interface '${this.text(k)}' already has a ${field === 'pathCost' ? 'path cost' : 'port priority'} of ${c[field]}`);
      const r = strtoull(this.text(v));
      if (field === 'pathCost' && (r.rest !== '' || r.value > UINT_MAX)) this.fail(n, `invalid unsigned int value '${this.text(v)}'`);
      if (field === 'portPriority' && (r.rest !== '' || r.value > 63)) this.fail(n, `invalid port priority value (must be between 0 and 63): ${this.text(v)}`);
      c[field] = r.value;
    }
  }

  private accessPoints(n: YAMLMap): void {
    for (const [k, v] of this.pairs(n)) {
      this.assertType(k, 'scalar');
      this.assertType(v, 'map');
      const ssid = this.text(k);
      const ap: AccessPoint = { ssid, keyNode: k, mode: 'infrastructure', channel: 0, hasAuth: false, auth: {} };
      if (this.cur.accessPoints?.has(ssid)) this.fail(k, `${this.cur.id}: Duplicate access point SSID '${ssid}'`);
      this.ap = ap;
      try {
        this.processMapping(v, this.tables.ap);
      } finally {
        this.ap = undefined;
      }
      (this.cur.accessPoints ??= new Map()).set(ssid, ap);
    }
  }

  private tunnelAddress(n: Scalar, v: string): string {
    if (v.includes('/')) this.fail(n, `address '${v}' should not include /prefixlength`);
    if (!isIp4(v) && !isIp6(v)) this.fail(n, `malformed address '${v}', must be X.X.X.X or X:X:X:X:X:X:X:X`);
    return v;
  }

  private wireguardPeers(n: YAMLSeq): void {
    const items = this.items(n);
    if (this.cur.peers && this.cur.peers.length === items.length) return; // read in an earlier pass
    this.cur.peers ??= [];
    for (const entry of items) {
      this.assertType(entry, 'map');
      const peer: WireguardPeer = { allowedIps: 0, keepalive: 0 };
      this.peer = peer;
      try {
        this.processMapping(entry, this.table('wireguard-peer', [
          ['keys', { t: 'map', f: (k: YAMLMap) => this.processMapping(k, this.table('wireguard-keys', [
            ['public', { t: 'scalar', f: (_: Scalar, v: string) => void (peer.publicKey = v) }],
            ['shared', { t: 'scalar', f: (_: Scalar, v: string) => void (peer.sharedKey = v) }],
          ])) }],
          ['keepalive', { t: 'scalar', f: (s: Scalar, v: string) => void (peer.keepalive = this.guint(s, v)) }],
          ['endpoint', { t: 'scalar', f: (s: Scalar, v: string) => this.endpoint(s, v) }],
          ['allowed-ips', { t: 'seq', f: (s: YAMLSeq) => {
            const ips: string[] = [];
            this.addresses(s, false, ips, ips);
            peer.allowedIps = ips.length;
          } }],
        ]));
      } finally {
        this.peer = undefined;
      }
      this.cur.peers.push(peer);
    }
  }

  private endpoint(n: Scalar, v: string): void {
    if (v.length < 3) this.fail(n, `invalid endpoint address or hostname '${v}'`);
    let address: string;
    let port: string | undefined;
    if (v.startsWith('[')) {
      const end = v.lastIndexOf(']');
      if (end < 0) this.fail(n, `invalid address in endpoint '${v}'`);
      address = v.slice(1, end);
      const colon = v.slice(end + 1).lastIndexOf(':');
      port = colon >= 0 ? v.slice(end + 1 + colon + 1) : undefined;
    } else {
      const colon = v.lastIndexOf(':');
      address = colon >= 0 ? v.slice(0, colon) : v;
      port = colon >= 0 ? v.slice(colon + 1) : undefined;
    }
    if (port === undefined) this.fail(n, `endpoint '${v}' is missing :port`);
    if (strtoull(port).value > 65535) this.fail(n, `invalid port in endpoint '${v}'`);
    if (!isIp4(address) && !isIp6(address) && !isHostname(address)) this.fail(n, `invalid endpoint address or hostname '${v}'`);
  }

  private ovsProtocols(n: YAMLSeq): void {
    for (const e of this.items(n)) {
      this.assertType(e, 'scalar');
      if (!OVS_PROTOCOLS.includes(this.text(e))) this.fail(n, `Unsupported OVS 'protocol' value: ${this.text(e)}`);
    }
  }

  private ovsControllerAddresses(n: YAMLSeq): void {
    if (this.cur.type !== 'bridges') this.fail(n, "Key 'controller.addresses' is only valid for interface type 'openvswitch bridge'");
    for (const e of this.items(n)) {
      this.assertType(e, 'scalar');
      const t = this.text(e);
      const colon = t.indexOf(':');
      if (colon < 0) this.fail(n, `Unsupported OVS controller target: ${t}`);
      const proto = t.slice(0, colon);
      const rest = t.slice(colon + 1);
      const ok = ((proto === 'unix' || proto === 'punix') && !rest.includes(':'))
        || ((proto === 'tcp' || proto === 'ssl') && ovsTarget(true, rest))
        || ((proto === 'ptcp' || proto === 'pssl') && ovsTarget(false, rest));
      if (!ok) this.fail(n, `Unsupported OVS controller target: ${t}`);
      this.cur.ovsControllerTargets.push(t);
    }
  }

  private ovsPorts(n: YAMLSeq): void {
    for (const pair of this.items(n)) {
      this.assertType(pair, 'seq');
      const items = this.items(pair as YAMLSeq);
      if (items.length !== 2) this.fail(pair, 'An openvswitch peer port sequence must have exactly two entries');
      const [port, peer] = items;
      this.assertType(port, 'scalar');
      this.assertType(peer, 'scalar');
      const get = (node: Node): NetDef => {
        const id = this.text(node);
        let d = this.defs.get(id);
        if (!d) {
          d = newNetDef(id, 'port', this.file, node, 'openvswitch');
          this.defs.set(id, d);
          this.ordered.push(d);
          if (this.missing.delete(id)) this.missingFound++;
        }
        d.file = this.file;
        return d;
      };
      const a = get(port);
      if (a.peer && a.peer !== this.text(peer)) this.fail(port, `openvswitch port '${a.id}' is already assigned to peer '${a.peer}'`);
      const b = get(peer);
      if (b.peer && b.peer !== this.text(port)) this.fail(peer, `openvswitch port '${b.id}' is already assigned to peer '${b.peer}'`);
      a.peer = b.id;
      b.peer = a.id;
    }
  }

  /** `ethernets:`, `bonds:`…: each entry is a definition, new or amending one read before. */
  private networkType(section: YAMLMap, type: DefType): void {
    for (const [key, value] of this.pairs(section)) {
      const id = this.validId(key);
      if (/[*[\]?]/.test(id)) this.fail(key, `Definition ID '${id}' must not use globbing`);
      if (id === 'renderer') {
        // netplan reads this value as a scalar whatever it is: a mapping or sequence comes out as ''.
        this.typeBackend = this.renderer(value as Scalar, this.text(value));
        continue;
      }
      this.assertType(value, 'map');
      if (this.missing.delete(id)) this.missingFound++;
      let def = this.defs.get(id);
      if (def) {
        if (def.type !== type) this.fail(key, `Updated definition '${id}' changes device type`);
      } else {
        def = newNetDef(id, type, this.file, key, this.typeBackend);
        this.defs.set(id, def);
        this.ordered.push(def);
      }
      def.file = this.file;
      def.keyNode = key;
      def.valueNode = value;
      if (!this.file.devices.some((x) => x.keyNode === key)) this.file.devices.push({ file: this.file, type, id, keyNode: key as Scalar, map: value as YAMLMap });
      this.cur = def;
      if (type === 'tunnels') {
        def.vxlanVni = 0;
        def.vxlanFlowLabel = undefined;
        def.vxlanExtras = false;
        def.vxlanLink = undefined;
      }
      this.processMapping(value, this.tables[type]);
      this.validateGrammar(def, value);
    }
    this.typeBackend = undefined;
  }

  // ---- validation.c: checks on one definition once its keys are read --------------------------------------------

  private validateGrammar(d: NetDef, node: Node): void {
    if (this.missing.size > 0) return; // some IDs are not known yet: checked on the next pass
    const id = d.id;
    if (d.setName && !d.hasMatch) this.fail(node, `${id}: 'set-name:' requires 'match:' properties`);
    if (d.type === 'wifis' && !d.accessPoints) this.fail(node, `${id}: No access points defined`);
    if (d.type === 'vlans') {
      if (!d.vlanLink) this.fail(node, `${id}: missing 'link' property`);
      if (d.vlanId === undefined) this.fail(node, `${id}: missing 'id' property`);
      if (d.vlanId > 4094) this.fail(node, `${id}: invalid id '${d.vlanId}' (allowed values are 0 to 4094)`);
    }
    if (d.type === 'tunnels' && d.tunnelMode === 'vxlan') {
      if (d.vxlanVni === 0) this.fail(node, `${id}: missing 'id' property (VXLAN VNI)`);
      if (d.vxlanVni > 16777215) this.fail(node, `${id}: VXLAN 'id' (VNI) must be in range [1..16777215]`);
      if (d.vxlanFlowLabel !== undefined && d.vxlanFlowLabel > 1048575) this.fail(node, `${id}: VXLAN 'flow-label' must be in range [0..1048575]`);
    }
    if (d.type === 'vrfs' && d.vrfTable === undefined) this.fail(node, `${id}: missing 'table' property`);
    if (d.type === 'tunnels') this.validateTunnel(d, node);
    if (d.type === 'virtual-ethernets' && !d.vethPeer) this.fail(node, `${id}: virtual-ethernet missing 'peer' property`);
    if (d.addrGenMode && d.addrGenToken) this.fail(node, `${id}: ipv6-address-generation and ipv6-address-token are mutually exclusive`);
    if (d.type === 'nm-devices' && !d.nmPassthroughType) this.fail(node, `${id}: network type 'nm-devices:' needs to provide a 'connection.type' via passthrough`);
    if (d.type === 'nm-devices') this.warn(d.keyNode, `netplan: ${id}: handling NetworkManager passthrough device, settings are not fully supported.`);
    const name = PHYSICAL_TYPES.has(d.type) || d.type === 'nm-devices' ? d.setName : id;
    if (name && name.length >= 16) this.warn(d.keyNode, `Interface name '${name}' is too long. It will be ignored by the backend.`);
  }

  private validateTunnel(d: NetDef, node: Node): void {
    const id = d.id;
    const r = this.rules;
    if (!d.tunnelMode) this.fail(node, r.wireguardLenient ? `${id}: missing or invalid 'mode' property for tunnel` : `${id}: missing 'mode' property for tunnel`);
    if (d.tunnelMode === 'wireguard') {
      if (!d.privateKey && !d.privateKeyFlags) {
        if (!r.wireguardLenient) this.fail(node, `${id}: missing 'key' property (private key) for wireguard`);
        this.warn(node, `${id}: missing 'key' property (private key) for wireguard`);
      }
      if (d.privateKey && !d.privateKey.startsWith('/') && !isWireguardKey(d.privateKey)) this.fail(node, `${id}: invalid wireguard private key`);
      if (!d.peers?.length) {
        if (!r.wireguardLenient) this.fail(node, `${id}: at least one peer is required.`);
        this.warn(node, `${id}: at least one peer is required.`);
      }
      for (const p of d.peers ?? []) {
        if (r.wireguardLenient) {
          if (!p.allowedIps) this.warn(node, `${id}: 'allowed-ips' is required for wireguard peers.`);
          if (p.keepalive > 65535) this.fail(node, `${id}: keepalive must be 0-65535 inclusive.`);
          if (!p.publicKey) this.fail(node, `${id}: a public key is required.`);
        } else if (!p.publicKey) this.fail(node, `${id}: keys.public is required.`);
        if (!isWireguardKey(p.publicKey)) this.fail(node, `${id}: invalid wireguard public key`);
        if (p.sharedKey && !p.sharedKey.startsWith('/') && !isWireguardKey(p.sharedKey)) this.fail(node, `${id}: invalid wireguard shared key`);
        if (!r.wireguardLenient) {
          if (!p.allowedIps) this.fail(node, `${id}: 'to' is required to define the allowed IPs.`);
          if (p.keepalive > 65535) this.fail(node, `${id}: keepalive must be 0-65535 inclusive.`);
        }
      }
      return;
    }
    for (const k of [d.inputKey, d.outputKey]) {
      if (k === undefined) continue;
      const v = strtoull(k);
      if ((v.rest !== '' || v.value > UINT_MAX) && !isIp4(k)) this.fail(node, `invalid tunnel key '${k}'`);
    }
    if (d.tunnelMode !== 'vxlan') {
      if (!d.local && !r.wireguardLenient) this.fail(node, `${id}: missing 'local' property for tunnel`);
      if (!d.remote) this.fail(node, `${id}: missing 'remote' property for tunnel`);
    }
    if (d.ttl > 255) this.fail(node, `${id}: 'ttl' property for tunnel must be in range [1...255]`);
    const six = ['ipip6', 'ip6ip6', 'ip6gre', 'ip6gretap', 'vti6'].includes(d.tunnelMode);
    if (d.tunnelMode === 'vxlan') {
      if (d.local && d.remote && isIp6(d.local) !== isIp6(d.remote)) this.fail(node, `${id}: 'local' and 'remote' must be of same IP family type`);
      return;
    }
    const ok = six ? isIp6 : isIp4;
    const fam = six ? 'IPv6' : 'IPv4';
    if ((d.local || !r.wireguardLenient) && !ok(d.local ?? '')) this.fail(node, `${id}: 'local' must be a valid ${fam} address for this tunnel type`);
    if (!ok(d.remote ?? '')) this.fail(node, `${id}: 'remote' must be a valid ${fam} address for this tunnel type`);
  }
}

/** A base64 wireguard key: 44 characters ending in a single '='. */
export function isWireguardKey(key: string | undefined): boolean {
  if (!key || key.length !== 44 || key[43] !== '=' || key[42] === '=') return false;
  return /^(?:[A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{3}=)+$/.test(key);
}

/** An Open vSwitch controller target after "tcp:"/"ssl:" (host first) or "ptcp:"/"pssl:" (port first). */
function ovsTarget(hostFirst: boolean, s: string): boolean {
  let host: string | undefined;
  let port: string;
  if (hostFirst) {
    if (s.startsWith('[')) {
      const t = s.slice(1);
      const i = t.indexOf(']:');
      [host, port] = i >= 0 ? [t.slice(0, i), t.slice(i + 2)] : [t.replace(/\]$/, ''), '6653'];
    } else {
      const i = s.indexOf(':');
      [host, port] = i >= 0 ? [s.slice(0, i), s.slice(i + 1)] : [s, '6653'];
    }
  } else if (s === '') {
    port = '6653';
  } else {
    const i = s.indexOf(':');
    port = i >= 0 ? s.slice(0, i) : s;
    host = i >= 0 ? s.slice(i + 1).replace(/[[\]]/g, '') : undefined;
  }
  if (host !== undefined && host.includes('%')) host = host.split('%')[0];
  const p = Number.parseInt(port, 10) || 0;
  if (!(p > 0 && p <= 65535)) return false;
  return host === undefined || isIp4(host) || isIp6(host);
}
