// From an inventory entry to a live connection: the key file or stored password, the sudo password, and the
// known_hosts file to check the host key against.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Logger, SecretSource } from '../host';
import { credentialEnvName } from '../inventory/credentials';
import type { SshConnection, SshTarget } from './connection';
import type { KnownHosts, TrustCallback } from './known-hosts';
import { findLinuxHost, readLinuxHosts, type LinuxHost } from './linux-hosts';
import type { Site } from '../inventory/types';
import { SshPool } from './pool';

export interface HostConnectOptions {
  secrets: SecretSource;
  knownHosts: KnownHosts;
  trust?: TrustCallback;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  /** Overrides the host/port (e.g. reconnecting on a new address after a netplan change). */
  address?: { host: string; port?: number };
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

async function secret(secrets: SecretSource, name: string, what: string): Promise<string> {
  const v = await secrets.get(name);
  if (v === undefined) throw new Error(`no ${what} stored for credential "${name}" (set ${credentialEnvName(name)} or store it in the credentials file)`);
  return v;
}

export async function targetFor(h: LinuxHost, o: HostConnectOptions): Promise<SshTarget> {
  const t: SshTarget = { host: o.address?.host ?? h.host, port: o.address?.port ?? h.port, user: h.user };
  if (h.key) {
    const file = expandHome(h.key);
    try {
      t.privateKey = await fs.readFile(file);
    } catch (err) {
      throw new Error(`${h.name}: cannot read the SSH key ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  if (h.credential) t.password = await secret(o.secrets, h.credential, 'SSH password');
  if (h.agent) {
    t.agent = (o.env ?? process.env).SSH_AUTH_SOCK;
    if (!t.agent) throw new Error(`${h.name}: agent: true but SSH_AUTH_SOCK is not set`);
  }
  if (h.sudo && h.user !== 'root') {
    if (h.sudoCredential) t.sudoPassword = await secret(o.secrets, h.sudoCredential, 'sudo password');
    else t.sudoPassword = t.password;
  }
  return t;
}

export async function connectHost(h: LinuxHost, o: HostConnectOptions, pool?: SshPool): Promise<SshConnection> {
  const target = await targetFor(h, o);
  const p = pool ?? new SshPool({ knownHosts: o.knownHosts, trust: o.trust, logger: o.logger });
  return p.get(target);
}

/** Trust on first use for a non-interactive caller: only the fingerprint the operator typed is accepted. */
export function trustFingerprint(accepted: string | undefined, onRefused?: (info: { host: string; port: number; fingerprint: string }) => void): TrustCallback {
  return async (info) => {
    if (accepted && accepted.trim() === info.fingerprint) return true;
    onRefused?.(info);
    return false;
  };
}

/** The `linux:` entry called `name` in the inventory file, or an error listing the problems / known names. */
export async function linuxHostFromInventory(file: string, name: string, sites: Site[]): Promise<LinuxHost> {
  const text = await fs.readFile(file, 'utf8');
  const { hosts, diagnostics } = readLinuxHosts(text, sites);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(errors.map((d) => `${file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  const h = findLinuxHost(hosts, name);
  if (!h) throw new Error(`no host "${name}" in the linux: section of ${file}${hosts.length ? ` (known: ${hosts.map((x) => x.name).join(', ')})` : ''}`);
  return h;
}
