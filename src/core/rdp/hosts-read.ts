// Reads `windows:` and `janitor:` from parc.yaml text with line/column diagnostics (the general
// inventory parser keeps these sections raw; this feature owns their meaning).
import { isScalar, LineCounter, type Node, type YAMLMap } from 'yaml';
import { InputErrors, LocatedError } from '../errors';
import { NodeReader } from '../inventory/reader';
import type { Diagnostic } from '../inventory/types';
import { isSupportedCodepage } from './codepage';
import { DEFAULT_JANITOR, defaultPort, type JanitorPolicy, type TransportKind, type WindowsHost, type WindowsSection, type WinrmAuth } from './hosts';
import { parseYamlDocument } from '../yaml-bounded';

const HOST_KEYS = ['host', 'name', 'transport', 'port', 'tls', 'auth', 'user', 'credential', 'keyFile', 'knownHosts', 'codepage', 'dateOrder', 'group', 'site', 'exclude', 'janitor'] as const;
const JANITOR_KEYS = ['disconnectedOverMinutes', 'idleOverMinutes', 'exclude', 'excludeGroups', 'warnMinutes', 'warnMessage'] as const;
const TRANSPORTS: Record<string, TransportKind> = { local: 'local', ssh: 'ssh', winrm: 'winrm' };
const AUTHS: Record<string, WinrmAuth> = { ntlm: 'ntlm', basic: 'basic' };
const DATE_ORDERS: Record<string, 'dmy' | 'mdy'> = { dmy: 'dmy', mdy: 'mdy', 'd/m/y': 'dmy', 'm/d/y': 'mdy' };
const DAY_MINUTES = 60 * 24 * 366;

export interface WindowsReadResult {
  section?: WindowsSection;
  diagnostics: Diagnostic[];
}

const present = (n: Node | null | undefined): n is Node => !!n && !(isScalar(n) && n.value === null);

function readPolicy(r: NodeReader, node: Node, where: string, base: JanitorPolicy): JanitorPolicy {
  const p = { ...base, exclude: [...base.exclude], excludeGroups: [...base.excludeGroups] };
  const map = r.map(node, where);
  if (!map) return p;
  const e = r.entries(map, where, JANITOR_KEYS);
  const num = (k: 'disconnectedOverMinutes' | 'idleOverMinutes' | 'warnMinutes', min: number) => {
    const n = e.get(k)?.value;
    if (present(n)) p[k] = r.number(n, `${where}.${k}`, min, DAY_MINUTES) ?? p[k];
  };
  num('disconnectedOverMinutes', 1);
  num('idleOverMinutes', 0);
  num('warnMinutes', 0);
  const ex = e.get('exclude')?.value;
  if (present(ex)) p.exclude = [...new Set([...p.exclude, ...r.stringList(ex, `${where}.exclude`)])];
  const groups = e.get('excludeGroups')?.value;
  if (present(groups)) p.excludeGroups = [...new Set([...p.excludeGroups, ...r.stringList(groups, `${where}.excludeGroups`)])];
  const msg = e.get('warnMessage')?.value;
  if (present(msg)) p.warnMessage = r.string(msg, `${where}.warnMessage`) ?? p.warnMessage;
  return p;
}

function readHost(r: NodeReader, node: Node, where: string, global: JanitorPolicy): WindowsHost | undefined {
  const map: YAMLMap | undefined = r.map(node, where);
  if (!map) return undefined;
  const e = r.entries(map, where, HOST_KEYS);
  const get = (k: string) => {
    const v = e.get(k)?.value;
    return present(v) ? v : undefined;
  };
  const hostNode = e.get('host')?.value;
  const host = hostNode ? r.string(hostNode, `${where}.host`) : (r.report(map, `${where}: "host" is required`), undefined);
  const transportNode = get('transport');
  const transport: TransportKind | undefined = transportNode ? r.oneOf(transportNode, `${where}.transport`, TRANSPORTS) : (r.report(map, `${where}: "transport" is required (local, ssh or winrm)`), undefined);
  const tls = get('tls') ? r.boolean(get('tls'), `${where}.tls`) ?? false : false;
  const auth = get('auth') ? r.oneOf(get('auth'), `${where}.auth`, AUTHS) ?? 'ntlm' : 'ntlm';
  const str = (k: string) => (get(k) ? r.string(get(k), `${where}.${k}`) : undefined);
  let codepage: number | undefined;
  if (get('codepage')) {
    codepage = r.number(get('codepage'), `${where}.codepage`, 1, 65535);
    if (codepage !== undefined && !isSupportedCodepage(codepage)) {
      r.report(get('codepage'), `${where}.codepage ${codepage} is not a code page Parc can decode`);
      codepage = undefined;
    }
  }
  const dateOrder = get('dateOrder') ? r.oneOf(get('dateOrder'), `${where}.dateOrder`, DATE_ORDERS) : undefined;
  let janitor = global;
  if (get('janitor')) janitor = readPolicy(r, get('janitor')!, `${where}.janitor`, global);
  if (get('exclude')) janitor = { ...janitor, exclude: [...new Set([...janitor.exclude, ...r.stringList(get('exclude'), `${where}.exclude`)])] };
  if (transport === 'winrm' && auth === 'basic' && !tls) r.report(get('auth'), `${where}: Basic authentication needs tls: true (it would send the password in clear)`);
  if (transport === 'local' && get('credential')) r.report(get('credential'), `${where}: the local transport runs as the current Windows user; "credential" is not used`, 'warning');
  const port = get('port') ? r.number(get('port'), `${where}.port`, 1, 65535) : transport ? defaultPort(transport, tls) : undefined;
  if (!host || !transport || port === undefined) return undefined;
  return {
    name: str('name') ?? host, host, transport, port, tls, auth, user: str('user'), credential: str('credential'), keyFile: str('keyFile'), knownHosts: str('knownHosts'),
    codepage, dateOrder, group: str('group'), site: str('site'), janitor, line: r.lineOf(node),
  };
}

export function readWindowsSection(text: string): WindowsReadResult {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, uniqueKeys: false });
  const r = new NodeReader(lines);
  if (doc.errors.length) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      r.diagnostics.push({ severity: 'error', message: e.message.split('\n')[0], line: pos.line, col: pos.col, endLine: pos.line, endCol: pos.col });
    }
    return { diagnostics: r.diagnostics };
  }
  const root = doc.contents as Node | null;
  const section: WindowsSection = { hosts: [], janitor: DEFAULT_JANITOR };
  if (!root || !('items' in root)) return { section, diagnostics: r.diagnostics };
  const top = root as YAMLMap;
  const pair = (k: string) => top.items.find((p) => isScalar(p.key) && p.key.value === k)?.value as Node | null | undefined;
  const jan = pair('janitor');
  if (present(jan)) section.janitor = readPolicy(r, jan, 'janitor', DEFAULT_JANITOR);
  const win = pair('windows');
  if (present(win)) {
    const names = new Map<string, number>();
    for (const [i, n] of (r.seq(win, 'windows') ?? []).entries()) {
      const h = readHost(r, n, `windows[${i}]`, section.janitor);
      if (!h) continue;
      const key = h.name.toLowerCase();
      if (names.has(key)) r.report(n, `windows[${i}]: name "${h.name}" is already used by windows[${names.get(key)}]`);
      else names.set(key, i);
      section.hosts.push(h);
    }
  }
  return { section: r.diagnostics.some((d) => d.severity === 'error') ? undefined : section, diagnostics: r.diagnostics };
}

/** Like readWindowsSection, but throws InputErrors (file:line:col each) when there is any error. */
export function loadWindowsSection(text: string, file: string): { section: WindowsSection; warnings: LocatedError[] } {
  const { section, diagnostics } = readWindowsSection(text);
  const located = (d: Diagnostic) => new LocatedError(d.message, file, d.line, d.col);
  if (!section) throw new InputErrors(diagnostics.filter((d) => d.severity === 'error').map(located));
  return { section, warnings: diagnostics.filter((d) => d.severity === 'warning').map(located) };
}
