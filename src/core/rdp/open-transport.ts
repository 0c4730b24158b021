// Builds the transport an inventory host asks for, resolving its credential through SecretSource.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SecretSource } from '../host';
import { credentialEnvName } from '../inventory/credentials';
import { RdpError } from './errors';
import type { WindowsHost } from './hosts';
import type { WindowsTransport } from './transport';
import type { TrustOnFirstUse } from './transports/known-hosts';
import { LocalTransport } from './transports/local';
import { SshTransport } from './transports/ssh';
import { WinrmTransport } from './transports/winrm';

export interface OpenOptions {
  secrets: SecretSource;
  /** Base directory for relative keyFile/knownHosts paths (the inventory's directory). */
  baseDir: string;
  /** ssh-agent socket (SSH_AUTH_SOCK), when there is one. */
  agent?: string;
  trust?: TrustOnFirstUse;
  home?: string;
}

async function secretOf(h: WindowsHost, o: OpenOptions, required: boolean): Promise<string | undefined> {
  if (!h.credential) {
    if (required) throw new RdpError(`${h.name}: a credential is required for the ${h.transport} transport (add "credential: NAME" to its entry)`);
    return undefined;
  }
  const v = await o.secrets.get(h.credential);
  if (v === undefined && required) throw new RdpError(`${h.name}: credential "${h.credential}" is not set (CLI: ${credentialEnvName(h.credential)})`);
  return v;
}

export async function openTransport(h: WindowsHost, o: OpenOptions): Promise<WindowsTransport> {
  const resolve = (p: string) => path.resolve(o.baseDir, p.replace(/^~(?=\/|$)/, o.home ?? os.homedir()));
  if (h.transport === 'local') return new LocalTransport({ server: h.host });
  if (!h.user) throw new RdpError(`${h.name}: "user" is required for the ${h.transport} transport`);
  if (h.transport === 'ssh') {
    const privateKey = h.keyFile ? await fs.readFile(resolve(h.keyFile)).catch((e: Error) => Promise.reject(new RdpError(`${h.name}: cannot read keyFile ${h.keyFile}: ${e.message}`))) : undefined;
    const secret = await secretOf(h, o, !privateKey && !o.agent);
    return new SshTransport({
      host: h.host, port: h.port, user: h.user, privateKey,
      passphrase: privateKey ? secret : undefined,
      password: privateKey ? undefined : secret,
      agent: o.agent,
      knownHostsFile: resolve(h.knownHosts ?? '~/.ssh/known_hosts'),
      trust: o.trust,
    });
  }
  const password = (await secretOf(h, o, true))!;
  return new WinrmTransport({ host: h.host, port: h.port, tls: h.tls, auth: h.auth, user: h.user, password, codepage: h.codepage });
}
