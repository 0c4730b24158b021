// The `linux:` section of parc.yaml: hosts Parc configures over SSH, read with line/column diagnostics.
//
//   linux:
//     - host: observium.corp.local
//       name: observium
//       port: 22
//       user: admin
//       key: ~/.ssh/id_ed25519     # or credential: NAME (password; PARC_CRED_<NAME> for the CLI)
//       sudo: true                 # sudo password: sudoCredential, else the login credential
//       site: Paris                # sysLocation gets the site's [lat, lng]
//       snmpd: { conf: /etc/snmp/snmpd.conf, restart: "systemctl restart snmpd", port: 161 }
import { isMap, isScalar, LineCounter, type Node } from 'yaml';
import { NodeReader } from '../inventory/reader';
import type { Diagnostic, Site } from '../inventory/types';
import { parseYamlDocument } from '../yaml-bounded';
import { siteNamed } from '../sites/named';

export interface SnmpdSettings {
  conf: string;
  /** net-snmp's persistent file, where createUser lines go (read once at start, then rewritten by snmpd). */
  persist: string;
  restart: string;
  stop: string;
  start: string;
  /** UDP port Parc polls after a change. */
  port: number;
}

export interface LinuxHost {
  name: string;
  host: string;
  port: number;
  user: string;
  key?: string;
  credential?: string;
  sudo: boolean;
  sudoCredential?: string;
  agent: boolean;
  site?: string;
  /** Prefix of every file path on the host (default "/"); lets tests point at a temporary root. */
  root: string;
  snmpd: SnmpdSettings;
  netplanDir: string;
  /** Command that applies the netplan configuration (default "netplan apply"). */
  netplanApply: string;
  line: number;
}

export const DEFAULT_SNMPD: SnmpdSettings = {
  conf: '/etc/snmp/snmpd.conf',
  persist: '/var/lib/snmp/snmpd.conf',
  restart: 'systemctl restart snmpd',
  stop: 'systemctl stop snmpd',
  start: 'systemctl start snmpd',
  port: 161,
};

const KEYS = ['host', 'name', 'port', 'user', 'key', 'credential', 'sudo', 'sudoCredential', 'agent', 'site', 'root', 'snmpd', 'netplanDir', 'netplanApply'];
const SNMPD_KEYS = Object.keys(DEFAULT_SNMPD);

export interface LinuxHostsResult {
  hosts: LinuxHost[];
  diagnostics: Diagnostic[];
}

/** Reads `linux:` from the text of parc.yaml (the rest of the file is the inventory parser's business). */
export function readLinuxHosts(text: string, sites: Site[] = []): LinuxHostsResult {
  const lines = new LineCounter();
  const doc = parseYamlDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const r = new NodeReader(lines);
  const hosts: LinuxHost[] = [];
  if (doc.errors.length || !isMap(doc.contents)) return { hosts, diagnostics: r.diagnostics };
  const section = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'linux')?.value as Node | null | undefined;
  if (!section || (isScalar(section) && section.value === null)) return { hosts, diagnostics: r.diagnostics };
  const items = r.seq(section, 'linux') ?? [];
  const names = new Map<string, number>();
  items.forEach((n, i) => {
    const h = readHost(r, n, `linux[${i}]`, sites);
    if (!h) return;
    const k = h.name.toLowerCase();
    if (names.has(k)) r.report(n, `linux[${i}]: the name "${h.name}" is already used at line ${names.get(k)}`);
    else names.set(k, h.line);
    hosts.push(h);
  });
  return { hosts, diagnostics: r.diagnostics };
}

function readHost(r: NodeReader, node: Node, where: string, sites: Site[]): LinuxHost | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const e = r.entries(m, where, KEYS);
  const str = (k: string) => (e.has(k) ? r.string(e.get(k)!.value, `${where}.${k}`) : undefined);
  const hostNode = e.get('host')?.value;
  if (!hostNode) r.report(node, `${where}: "host" is required (a host name or an IP address)`);
  const host = hostNode ? r.string(hostNode, `${where}.host`) : undefined;
  if (host !== undefined && !/^[A-Za-z0-9._:-]+$/.test(host)) r.report(hostNode, `${where}.host: "${host}" is not a host name or IP address`);
  const user = str('user');
  if (!e.has('user')) r.report(node, `${where}: "user" is required (the SSH login)`);
  else if (user !== undefined && !/^[a-z_][a-z0-9_.-]*\$?$/i.test(user)) r.report(e.get('user')!.value, `${where}.user: "${user}" is not a login name`);
  const port = e.has('port') ? r.number(e.get('port')!.value, `${where}.port`, 1, 65535) : 22;
  const sudo = e.has('sudo') ? r.boolean(e.get('sudo')!.value, `${where}.sudo`) : false;
  const agent = e.has('agent') ? r.boolean(e.get('agent')!.value, `${where}.agent`) : false;
  const key = str('key');
  const credential = str('credential');
  const sudoCredential = str('sudoCredential');
  if (!key && !credential && !agent && user !== undefined) r.report(node, `${where}: say how to log in: "key: FILE", "credential: NAME" (a password) or "agent: true"`);
  if (e.has('password')) r.report(e.get('password')!.key, `${where}: a password does not belong in parc.yaml; use credential: NAME`);
  const site = str('site');
  if (site && !siteNamed(sites, site)) r.report(e.get('site')!.value, `${where}.site: no site named "${site}"`);
  const root = str('root') ?? '/';
  if (!root.startsWith('/')) r.report(e.get('root')!.value, `${where}.root must be an absolute path`);
  const netplanDir = str('netplanDir') ?? '/etc/netplan';
  const netplanApply = str('netplanApply') ?? 'netplan apply';
  const snmpd: SnmpdSettings = { ...DEFAULT_SNMPD };
  const sn = e.get('snmpd')?.value;
  if (sn) {
    const sm = r.map(sn, `${where}.snmpd`);
    if (sm) {
      const se = r.entries(sm, `${where}.snmpd`, SNMPD_KEYS);
      for (const k of ['conf', 'persist', 'restart', 'stop', 'start'] as const) if (se.has(k)) snmpd[k] = r.string(se.get(k)!.value, `${where}.snmpd.${k}`) ?? snmpd[k];
      if (se.has('port')) snmpd.port = r.number(se.get('port')!.value, `${where}.snmpd.port`, 1, 65535) ?? 161;
    }
  }
  if (host === undefined || user === undefined || port === undefined || sudo === undefined || agent === undefined) return undefined;
  return { name: str('name') ?? host, host, port, user, key, credential, sudo, sudoCredential, agent, site, root, snmpd, netplanDir, netplanApply, line: r.lineOf(node) };
}

/** A host path under the host's root prefix. */
export function hostPath(h: Pick<LinuxHost, 'root'>, p: string): string {
  return h.root === '/' ? p : `${h.root.replace(/\/+$/, '')}${p}`;
}

export function findLinuxHost(hosts: LinuxHost[], wanted: string): LinuxHost | undefined {
  const w = wanted.toLowerCase();
  return hosts.find((h) => h.name.toLowerCase() === w) ?? hosts.find((h) => h.host.toLowerCase() === w);
}
