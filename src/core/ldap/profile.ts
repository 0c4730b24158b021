// Reads the `directories:` section of parc.yaml into typed profiles, every problem located by line and column.
import * as path from 'node:path';
import { isMap, isScalar, LineCounter, type Node } from 'yaml';
import { NodeReader } from '../inventory/reader';
import type { Diagnostic } from '../inventory/types';
import { DEFAULT_NESTED_DEPTH, DEFAULT_TIMEOUT_MS, type DirectoryProfile, type LevelGrant, type Membership } from './types';
import { filterProblem } from './filter';
import { parseYamlDocument } from '../yaml-bounded';

const KEYS = ['url', 'urls', 'startTls', 'caFile', 'bindDn', 'credential', 'userBase', 'userFilter', 'group', 'groupBase', 'membership', 'nested', 'nestedDepth', 'timeoutMs', 'levels'] as const;
const MEMBERSHIP: Record<string, Membership> = { memberof: 'memberOf', member: 'member', memberuid: 'memberUid' };

export interface DirectoriesResult {
  profiles: Map<string, DirectoryProfile>;
  diagnostics: Diagnostic[];
}

/** Parses parc.yaml text and reads its `directories` section (other sections are the inventory parser's business). */
export function readDirectories(text: string, file: string): DirectoriesResult {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const r = new NodeReader(lines);
  const profiles = new Map<string, DirectoryProfile>();
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    r.diagnostics.push({ severity: 'error', message: e.message.split('\n')[0], line: pos.line, col: pos.col, endLine: pos.line, endCol: pos.col });
  }
  if (doc.errors.length || !isMap(doc.contents)) return { profiles, diagnostics: r.diagnostics };
  const section = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'directories')?.value as Node | null | undefined;
  if (section === undefined || section === null) return { profiles, diagnostics: r.diagnostics };
  const map = r.map(section, 'directories');
  if (!map) return { profiles, diagnostics: r.diagnostics };
  for (const pair of map.items) {
    const name = isScalar(pair.key) ? String(pair.key.value).trim() : '';
    if (!name) {
      r.report(pair.key as Node, 'directories: profile names must be plain text');
      continue;
    }
    if (profiles.has(name)) r.report(pair.key as Node, `directories: profile "${name}" is given twice`);
    const p = readProfile(r, name, pair.value as Node | null, path.dirname(file));
    if (p) profiles.set(name, p);
  }
  r.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
  return { profiles, diagnostics: r.diagnostics };
}

function readProfile(r: NodeReader, name: string, node: Node | null, baseDir: string): DirectoryProfile | undefined {
  const where = `directories.${name}`;
  const m = r.map(node, where);
  if (!m) return undefined;
  const before = r.diagnostics.filter((d) => d.severity === 'error').length;
  const e = r.entries(m, where, KEYS);
  const get = (k: (typeof KEYS)[number]) => e.get(k)?.value ?? undefined;

  const urlNode = get('url') ?? get('urls');
  if (get('url') && get('urls')) r.report(get('urls'), `${where}: give either url or urls, not both`);
  const urls = urlNode ? r.stringList(urlNode, `${where}.url`) : [];
  if (!urlNode) r.report(m, `${where}: url is required (ldaps://host or ldap://host with startTls: true)`);
  const startTls = get('startTls') ? r.boolean(get('startTls'), `${where}.startTls`) ?? false : false;
  for (const u of urls) {
    const problem = urlProblem(u);
    if (problem) r.report(urlNode, `${where}.url: ${problem}`);
    else if (startTls && u.toLowerCase().startsWith('ldaps:')) r.report(get('startTls'), `${where}.startTls: ${u} is already TLS (ldaps://); StartTLS only applies to ldap:// URLs`);
    else if (!startTls && u.toLowerCase().startsWith('ldap:')) r.report(urlNode, `${where}.url: ${u} without startTls: true sends passwords in clear text`, 'warning');
  }
  const caRaw = get('caFile') ? r.string(get('caFile'), `${where}.caFile`) : undefined;
  const bindDn = get('bindDn') ? r.string(get('bindDn'), `${where}.bindDn`) : undefined;
  const credential = get('credential') ? r.string(get('credential'), `${where}.credential`) : undefined;
  if (bindDn && !credential) r.report(get('bindDn'), `${where}: bindDn needs a credential (the name of the secret holding its password)`);
  if (credential && !bindDn) r.report(get('credential'), `${where}: credential is given but bindDn is not`, 'warning');
  if (bindDn && !bindDn.includes('=')) r.report(get('bindDn'), `${where}.bindDn: "${bindDn}" is not a DN (expected e.g. CN=svc,OU=Service,DC=corp,DC=local)`);
  const userBase = get('userBase') ? r.string(get('userBase'), `${where}.userBase`) : undefined;
  if (!get('userBase')) r.report(m, `${where}: userBase is required (where users are searched, e.g. OU=Users,DC=corp,DC=local)`);
  let userFilter = '(uid={user})';
  if (get('userFilter')) {
    const f = r.string(get('userFilter'), `${where}.userFilter`);
    if (f !== undefined) {
      const problem = filterProblem(f);
      if (problem) r.report(get('userFilter'), `${where}.userFilter: ${problem}`);
      else if (!f.includes('{user}')) r.report(get('userFilter'), `${where}.userFilter: must contain {user} where the login name goes, e.g. (sAMAccountName={user})`);
      userFilter = f;
    }
  }
  const group = get('group') ? r.string(get('group'), `${where}.group`) : undefined;
  const groupBase = get('groupBase') ? r.string(get('groupBase'), `${where}.groupBase`) : undefined;
  if (group && !group.includes('=') && !groupBase && !userBase) r.report(get('group'), `${where}.group: a group name needs groupBase to be looked up`);
  const membership = get('membership') ? r.oneOf(get('membership'), `${where}.membership`, MEMBERSHIP) ?? 'memberOf' : 'memberOf';
  const nested = get('nested') ? r.boolean(get('nested'), `${where}.nested`) ?? false : false;
  if (nested && membership === 'memberUid') r.report(get('nested'), `${where}.nested: memberUid groups (posixGroup) hold user names and cannot contain other groups`, 'warning');
  const nestedDepth = get('nestedDepth') ? r.number(get('nestedDepth'), `${where}.nestedDepth`, 1, 50) ?? DEFAULT_NESTED_DEPTH : DEFAULT_NESTED_DEPTH;
  const timeoutMs = get('timeoutMs') ? r.number(get('timeoutMs'), `${where}.timeoutMs`, 100, 120000) ?? DEFAULT_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
  const levels = get('levels') ? readLevels(r, get('levels'), `${where}.levels`) : [];
  if (r.diagnostics.filter((d) => d.severity === 'error').length > before || !userBase || !urls.length) return undefined;
  return {
    name, urls, startTls, caFile: caRaw ? path.resolve(baseDir, caRaw) : undefined, bindDn, credential, userBase, userFilter,
    group, groupBase, membership, nested, nestedDepth, timeoutMs, levels, line: r.lineOf(node),
  };
}

/** `levels: { "CN=IT-Admins,...": 10, IT-France: 5 }` — Observium's auth_ldap_groups. */
function readLevels(r: NodeReader, node: Node | null | undefined, where: string): LevelGrant[] {
  const m = r.map(node, where);
  if (!m) return [];
  const out: LevelGrant[] = [];
  for (const pair of m.items) {
    const group = isScalar(pair.key) ? String(pair.key.value).trim() : '';
    if (!group) {
      r.report(pair.key as Node, `${where}: group names must be plain text`);
      continue;
    }
    const level = r.number(pair.value as Node, `${where}.${group}`, 0, 10);
    if (level !== undefined) out.push({ group, level });
  }
  return out;
}

export function urlProblem(u: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    return `"${u}" is not a URL (expected ldaps://host[:port] or ldap://host[:port])`;
  }
  if (parsed.protocol !== 'ldap:' && parsed.protocol !== 'ldaps:') return `"${u}" must start with ldap:// or ldaps://`;
  if (!parsed.hostname) return `"${u}" has no host name`;
  if (parsed.pathname && parsed.pathname !== '/' && parsed.pathname !== '') return `"${u}" must not have a path (put base DNs in userBase/groupBase)`;
  return undefined;
}
