// parc.yaml → Inventory, with every problem located by line and column.
import { isScalar, LineCounter, type Node } from 'yaml';
import { isIPv6 } from 'node:net';
import { parseCidr, type Cidr } from '../net/cidr';
import { readAlerting, readLanguage } from './alerting';
import { readEngine } from './engine-section';
import { readServer } from './server-section';
import { NodeReader } from './reader';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_THRESHOLDS,
  deviceKey,
  type AuthProtocol,
  type Device,
  type Diagnostic,
  type Inventory,
  type PrivProtocol,
  type SecurityLevel,
  type Site,
  type SnmpProfile,
  type SnmpVersion,
} from './types';
import { parseYamlDocument } from '../yaml-bounded';
import { siteNamed } from '../sites/named';

const TOP_KEYS = ['sites', 'snmp', 'devices', 'thresholds', 'schedule', 'discovery', 'state', 'siteMatch', 'windows', 'janitor', 'linux', 'directories', 'language', 'alerting', 'engine', 'server'] as const;
const OWNED_ELSEWHERE = ['windows', 'janitor', 'linux', 'directories'];

const VERSIONS: Record<string, SnmpVersion> = { '1': '1', v1: '1', '2': '2c', '2c': '2c', v2c: '2c', '3': '3', v3: '3' };
const LEVELS: Record<string, SecurityLevel> = { noauthnopriv: 'noAuthNoPriv', authnopriv: 'authNoPriv', authpriv: 'authPriv' };
const AUTHS: Record<string, AuthProtocol> = {
  md5: 'md5', sha: 'sha', sha1: 'sha', 'sha-1': 'sha', sha224: 'sha224', 'sha-224': 'sha224',
  sha256: 'sha256', 'sha-256': 'sha256', sha384: 'sha384', 'sha-384': 'sha384', sha512: 'sha512', 'sha-512': 'sha512',
};
const PRIVS: Record<string, PrivProtocol> = {
  des: 'des', aes: 'aes', aes128: 'aes', 'aes-128': 'aes', aes256: 'aes256', 'aes-256': 'aes256', aes256c: 'aes256c', 'aes-256-cisco': 'aes256c',
};

export interface ParseResult {
  inventory?: Inventory;
  diagnostics: Diagnostic[];
}

export function parseInventory(text: string, file: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: false });
  const r = new NodeReader(lines);
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    const end = e.linePos?.[1] ?? pos;
    r.diagnostics.push({ severity: 'error', message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), line: pos.line, col: pos.col, endLine: end.line, endCol: end.col });
  }
  if (doc.errors.length) return { diagnostics: r.diagnostics };

  const inv: Inventory = {
    file,
    sites: [],
    snmp: { profiles: new Map() },
    devices: [],
    thresholds: { ...DEFAULT_THRESHOLDS },
    schedule: { ...DEFAULT_SCHEDULE },
    discovery: { subnets: [], profiles: [], autoAdd: false },
    siteMaxDistanceKm: 25,
    extra: {},
  };
  const root = doc.contents as Node | null;
  const present = (n: Node | null | undefined): n is Node => !!n && !(isScalar(n) && n.value === null);
  if (root === null || (isScalar(root) && root.value === null)) {
    // An empty file is allowed (a new workspace) but never silent: say what it means.
    r.diagnostics.push({ severity: 'warning', message: `${file} is empty: no devices to poll (add a "devices:" list)`, line: 1, col: 1, endLine: 1, endCol: 1 });
    return { inventory: inv, diagnostics: r.diagnostics };
  }
  const top = r.map(root, 'parc.yaml');
  if (!top) return { diagnostics: r.diagnostics };
  const e = r.entries(top, 'parc.yaml', TOP_KEYS);

  const sitesNode = e.get('sites')?.value;
  if (present(sitesNode)) for (const [i, n] of (r.seq(sitesNode, 'sites') ?? []).entries()) {
    const s = readSite(r, n, `sites[${i}]`);
    if (s) inv.sites.push(s);
  }
  checkSiteNames(r, inv.sites, sitesNode);

  const snmpNode = e.get('snmp')?.value;
  if (present(snmpNode)) readSnmp(r, snmpNode, inv);

  const devNode = e.get('devices')?.value;
  if (present(devNode)) {
    const seen = new Map<string, number>();
    const names = new Map<string, number>();
    for (const [i, n] of (r.seq(devNode, 'devices') ?? []).entries()) {
      const d = readDevice(r, n, `devices[${i}]`, inv);
      if (!d) continue;
      const key = deviceKey(d);
      if (seen.has(key)) r.report(n, `devices[${i}]: ${d.host} port ${d.port} is already listed at line ${seen.get(key)}`);
      else seen.set(key, d.line);
      // --device NAME and `parc history NAME` pick one device: two devices with one name would be ambiguous.
      const name = d.name?.toLowerCase();
      if (name !== undefined && names.has(name)) r.report(n, `devices[${i}]: the name "${d.name}" is already used by the device at line ${names.get(name)}`);
      else if (name !== undefined) names.set(name, d.line);
      inv.devices.push(d);
    }
  }
  if (!inv.devices.length) {
    // A typo'd top-level key (devics:) would otherwise poll nothing and exit 0, silently under cron.
    const unknown = [...e.keys()].filter((k) => !(TOP_KEYS as readonly string[]).includes(k));
    if (unknown.length) r.report(e.get(unknown[0])!.key, `parc.yaml lists no devices, and has unknown top-level key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}: is one of them a misspelt "devices"?`);
  }

  const th = e.get('thresholds')?.value;
  if (th) {
    const m = r.map(th, 'thresholds');
    if (m) {
      const keys = Object.keys(DEFAULT_THRESHOLDS) as (keyof typeof DEFAULT_THRESHOLDS)[];
      const te = r.entries(m, 'thresholds', keys);
      for (const k of keys) {
        const v = te.get(k)?.value;
        if (v) inv.thresholds[k] = r.number(v, `thresholds.${k}`, 1, 100) ?? inv.thresholds[k];
      }
    }
  }

  const sch = e.get('schedule')?.value;
  if (sch) {
    const m = r.map(sch, 'schedule');
    if (m) {
      const keys = Object.keys(DEFAULT_SCHEDULE) as (keyof typeof DEFAULT_SCHEDULE)[];
      const se = r.entries(m, 'schedule', [...keys, 'pollSeconds']);
      for (const k of keys) {
        const v = se.get(k)?.value;
        if (v) inv.schedule[k] = r.number(v, `schedule.${k}`, 1, 100000) ?? inv.schedule[k];
      }
      // Shorter than a minute, for small estates and soak tests; wins over pollMinutes.
      const ps = se.get('pollSeconds')?.value;
      const secs = ps ? r.number(ps, 'schedule.pollSeconds', 10, 86400) : undefined;
      if (secs !== undefined) inv.schedule.pollMinutes = secs / 60;
    }
  }

  const disc = e.get('discovery')?.value;
  if (disc) {
    const m = r.map(disc, 'discovery');
    if (m) {
      const de = r.entries(m, 'discovery', ['subnets', 'profiles', 'autoAdd']);
      inv.discovery.subnets = readCidrs(r, de.get('subnets')?.value, 'discovery.subnets');
      const p = de.get('profiles')?.value;
      if (p) inv.discovery.profiles = r.stringList(p, 'discovery.profiles');
      const a = de.get('autoAdd')?.value;
      if (a) inv.discovery.autoAdd = r.boolean(a, 'discovery.autoAdd') ?? false;
      for (const name of inv.discovery.profiles) {
        if (!inv.snmp.profiles.has(name)) r.report(p, `discovery.profiles: no SNMP profile named "${name}"`);
      }
    }
  }

  const st = e.get('state')?.value;
  if (st) inv.stateDir = r.string(st, 'state');
  const sm = e.get('siteMatch')?.value;
  if (sm) {
    const m = r.map(sm, 'siteMatch');
    const v = m ? r.entries(m, 'siteMatch', ['maxDistanceKm']).get('maxDistanceKm')?.value : undefined;
    if (v) inv.siteMaxDistanceKm = r.number(v, 'siteMatch.maxDistanceKm', 0, 20000, false) ?? inv.siteMaxDistanceKm;
  }
  const engineNode = e.get('engine')?.value;
  if (present(engineNode)) inv.engine = readEngine(r, engineNode);
  inv.language = readLanguage(r, e.get('language')?.value);
  const alerting = e.get('alerting')?.value;
  if (present(alerting)) inv.alerting = readAlerting(r, alerting, inv);
  for (const k of OWNED_ELSEWHERE) {
    const v = e.get(k)?.value;
    if (v) inv.extra[k] = v.toJSON();
  }
  const server = e.get('server')?.value;
  if (present(server)) {
    const dirs = inv.extra.directories;
    inv.server = readServer(r, server, (name) => !!dirs && typeof dirs === 'object' && Object.hasOwn(dirs, name));
  }

  const hasErrors = r.diagnostics.some((d) => d.severity === 'error');
  return { inventory: hasErrors ? undefined : inv, diagnostics: r.diagnostics };
}

function readCidrs(r: NodeReader, node: Node | null | undefined, where: string): Cidr[] {
  if (!node) return [];
  const out: Cidr[] = [];
  const items = isScalar(node) ? [node] : r.seq(node, where) ?? [];
  for (const [i, n] of items.entries()) {
    const s = r.string(n, `${where}[${i}]`);
    if (s === undefined) continue;
    try {
      out.push(parseCidr(s));
    } catch (err) {
      r.report(n, `${where}[${i}]: ${(err as Error).message}`);
    }
  }
  return out;
}

function readSite(r: NodeReader, node: Node, where: string): Site | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const e = r.entries(m, where, ['region', 'name', 'aliases', 'subnets', 'coordinates']);
  const name = e.has('name') ? r.string(e.get('name')!.value, `${where}.name`) : (r.report(node, `${where}: "name" is required`), undefined);
  const region = e.has('region') ? r.string(e.get('region')!.value, `${where}.region`) : (r.report(node, `${where}: "region" is required`), undefined);
  const aliases = e.has('aliases') ? r.stringList(e.get('aliases')!.value, `${where}.aliases`) : [];
  const subnets = readCidrs(r, e.get('subnets')?.value, `${where}.subnets`);
  let coordinates: [number, number] | undefined;
  const c = e.get('coordinates')?.value;
  if (c) {
    const items = r.seq(c, `${where}.coordinates`);
    if (items && items.length === 2) {
      const lat = r.number(items[0], `${where}.coordinates latitude`, -90, 90, false);
      const lng = r.number(items[1], `${where}.coordinates longitude`, -180, 180, false);
      if (lat !== undefined && lng !== undefined) coordinates = [lat, lng];
    } else if (items) r.report(c, `${where}.coordinates must be [latitude, longitude]`);
  }
  if (name === undefined || region === undefined) return undefined;
  return { region, name, aliases, subnets, coordinates, line: r.lineOf(node) };
}

function checkSiteNames(r: NodeReader, sites: Site[], node: Node | null | undefined): void {
  const seen = new Set<string>();
  for (const s of sites) {
    for (const n of [s.name, ...s.aliases]) {
      const k = n.toLowerCase();
      if (seen.has(k)) r.report(node, `sites: the name or alias "${n}" (line ${s.line}) is used by more than one site`);
      seen.add(k);
    }
  }
}

function readSnmp(r: NodeReader, node: Node, inv: Inventory): void {
  const m = r.map(node, 'snmp');
  if (!m) return;
  const e = r.entries(m, 'snmp', ['default', 'profiles']);
  const profiles = e.get('profiles')?.value;
  if (profiles) {
    const pm = r.map(profiles, 'snmp.profiles');
    if (pm) {
      for (const pair of pm.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '';
        const p = readProfile(r, pair.value as Node, name, `snmp.profiles.${name}`);
        if (p) inv.snmp.profiles.set(name, p);
      }
    }
  }
  const def = e.get('default')?.value;
  if (def) {
    inv.snmp.default = r.string(def, 'snmp.default');
    if (inv.snmp.default && !inv.snmp.profiles.has(inv.snmp.default)) r.report(def, `snmp.default: no SNMP profile named "${inv.snmp.default}"`);
  }
}

function readProfile(r: NodeReader, node: Node, name: string, where: string): SnmpProfile | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const e = r.entries(m, where, ['version', 'credential', 'community', 'user', 'level', 'auth', 'priv', 'authCredential', 'privCredential', 'context', 'timeoutMs', 'retries']);
  if (e.has('community')) {
    r.report(e.get('community')!.key, `${where}: a community is a secret and does not belong in parc.yaml; name a credential instead (credential: NAME, then set PARC_CRED_NAME or use "Set SNMP credential")`);
  }
  const vNode = e.get('version')?.value;
  const version = vNode ? r.oneOf(vNode, `${where}.version`, VERSIONS) : (r.report(node, `${where}: "version" is required (1, 2c or 3)`), undefined);
  if (!version) return undefined;
  const p: SnmpProfile = { name, version, timeoutMs: 2000, retries: 1 };
  const t = e.get('timeoutMs')?.value;
  if (t) p.timeoutMs = r.number(t, `${where}.timeoutMs`, 50, 60000) ?? p.timeoutMs;
  const rt = e.get('retries')?.value;
  if (rt) p.retries = r.number(rt, `${where}.retries`, 0, 10) ?? p.retries;
  const str = (k: string) => (e.get(k)?.value ? r.string(e.get(k)!.value, `${where}.${k}`) : undefined);
  if (version !== '3') {
    p.credential = str('credential');
    if (!e.has('credential')) r.report(node, `${where}: SNMP ${version} needs "credential" (the name of the stored community)`);
    for (const k of ['user', 'level', 'auth', 'priv', 'authCredential', 'privCredential']) {
      if (e.has(k)) r.report(e.get(k)!.key, `${where}: "${k}" only applies to SNMP v3`, 'warning');
    }
    return p;
  }
  p.user = str('user');
  if (!e.has('user')) r.report(node, `${where}: SNMP v3 needs "user"`);
  p.context = str('context');
  const lv = e.get('level')?.value;
  const au = e.get('auth')?.value;
  const pr = e.get('priv')?.value;
  p.auth = au ? r.oneOf(au, `${where}.auth`, AUTHS) : undefined;
  p.priv = pr ? r.oneOf(pr, `${where}.priv`, PRIVS) : undefined;
  p.level = lv ? r.oneOf(lv, `${where}.level`, LEVELS) : p.priv ? 'authPriv' : p.auth ? 'authNoPriv' : 'noAuthNoPriv';
  p.authCredential = str('authCredential');
  p.privCredential = str('privCredential');
  // An invalid level, auth or priv was reported above; the profile is unusable, and "level undefined" would not help.
  if (!p.level || (au && !p.auth) || (pr && !p.priv)) return undefined;
  if (p.level !== 'noAuthNoPriv') {
    if (!p.auth) p.auth = 'sha';
    if (!p.authCredential) r.report(node, `${where}: level ${p.level} needs "authCredential"`);
  }
  if (p.level === 'authPriv') {
    if (!p.priv) p.priv = 'aes';
    if (!p.privCredential) r.report(node, `${where}: level authPriv needs "privCredential"`);
  }
  return p;
}

function readDevice(r: NodeReader, node: Node, where: string, inv: Inventory): Device | undefined {
  if (isScalar(node) && typeof node.value === 'string') {
    return { host: node.value.trim(), port: 161, line: r.lineOf(node) };
  }
  const m = r.map(node, where);
  if (!m) return undefined;
  const e = r.entries(m, where, ['host', 'name', 'port', 'profile', 'site', 'tags']);
  const hostNode = e.get('host')?.value;
  if (!hostNode) {
    r.report(node, `${where}: "host" is required (a host name or an IP address)`);
    return undefined;
  }
  const host = r.string(hostNode, `${where}.host`);
  const hostProblem = host !== undefined ? checkHost(host) : undefined;
  if (hostProblem) r.report(hostNode, `${where}.host: ${hostProblem}`);
  const d: Device = { host: host ?? '', port: 161, line: r.lineOf(node) };
  if (e.has('name')) d.name = r.string(e.get('name')!.value, `${where}.name`);
  if (e.has('port')) d.port = r.number(e.get('port')!.value, `${where}.port`, 1, 65535) ?? 161;
  if (e.has('profile')) {
    const pNode = e.get('profile')!.value;
    d.profile = r.string(pNode, `${where}.profile`);
    if (d.profile && !inv.snmp.profiles.has(d.profile)) r.report(pNode, `${where}.profile: no SNMP profile named "${d.profile}"`);
  }
  if (e.has('tags')) d.tags = r.stringList(e.get('tags')!.value, `${where}.tags`);
  if (e.has('site')) {
    const sNode = e.get('site')!.value;
    d.site = r.string(sNode, `${where}.site`);
    const known = !!siteNamed(inv.sites, d.site!);
    if (d.site && !known) r.report(sNode, `${where}.site: no site named "${d.site}"`);
  }
  return host === undefined ? undefined : d;
}

/** The profile a device is polled with. */
export function profileFor(inv: Inventory, d: Device): SnmpProfile | undefined {
  const name = d.profile ?? inv.snmp.default ?? (inv.snmp.profiles.size === 1 ? [...inv.snmp.profiles.keys()][0] : undefined);
  return name ? inv.snmp.profiles.get(name) : undefined;
}

/**
 * Why `host` cannot be a device address, or undefined when it can: the characters of a host name or an
 * IP address; all-numeric dotted names must be a real IPv4 address (999.1.1.1 would go to DNS); a port
 * is given with `port:`, not appended.
 */
export function checkHost(host: string): string | undefined {
  if (!/^[A-Za-z0-9._:%-]+$/.test(host)) return `"${host}" is not a host name or IP address`;
  const withPort = /^([^:]+):(\d+)$/.exec(host);
  if (withPort) return `"${host}" has a port in it: write host: ${withPort[1]} and port: ${withPort[2]}`;
  if (/^[\d.]+$/.test(host)) {
    const parts = host.split('.');
    // inet_aton forms count (127.1 is 127.0.0.1): the last number fills the bytes the others leave.
    const lastMax = 256 ** (5 - parts.length) - 1;
    if (parts.length > 4 || parts.some((x, i) => x === '' || Number(x) > (i === parts.length - 1 ? lastMax : 255))) return `"${host}" is not a valid IPv4 address (four numbers from 0 to 255)`;
  }
  if (host.includes(':') && !isIPv6(host)) return `"${host}" is not a valid IPv6 address`;
  return undefined;
}
