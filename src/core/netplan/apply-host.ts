// A netplan change on a `linux:` host of the inventory, for the CLI and `parc serve` alike: where to reconnect,
// the SSH connections (the first checked against known_hosts, the later ones only to the key verified by the first),
// the apply with automatic rollback (apply.ts) and its one-line verdict.
import type { Logger, SecretSource } from '../host';
import type { SshConnection } from '../ssh/connection';
import { connectHost } from '../ssh/host-connect';
import type { KnownHosts, TrustCallback } from '../ssh/known-hosts';
import type { LinuxHost } from '../ssh/linux-hosts';
import { inferNewAddress, safeNetplanApply, type NetplanApplyReport } from './apply';
import { parseIp } from './ip';

/** A request that cannot be carried out as given; `field` names the part at fault (API name, e.g. newAddress). */
export class NetplanRequestError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Where Parc reconnects after the change: the address given, else the file's when the SSH address changes. */
export function reconnectAddress(host: LinuxHost, text: string, given?: string, name: (field: string) => string = (f) => f): string | undefined {
  let a = given;
  if (!a) {
    try {
      a = inferNewAddress(host.host, text);
    } catch (err) {
      throw new NetplanRequestError('newAddress', (err as Error).message.replace('--new-address', name('newAddress')));
    }
  }
  if (a && !parseIp(a) && !/^[A-Za-z0-9.-]+$/.test(a)) throw new NetplanRequestError('newAddress', `${name('newAddress')} "${a}" is not an address`);
  return a;
}

export interface NetplanHostApplyOptions {
  host: LinuxHost;
  /** Path of the file on the host (in host.netplanDir) and its new content. */
  target: string;
  text: string;
  timeoutS: number;
  newAddress?: string;
  acceptWarnings?: boolean;
  secrets: SecretSource;
  knownHosts: KnownHosts;
  trust?: TrustCallback;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** A connection already open on the host's current address (closed by the apply); otherwise one is opened. */
  conn?: SshConnection;
}

export async function applyNetplanToHost(o: NetplanHostApplyOptions): Promise<NetplanApplyReport> {
  const base = { secrets: o.secrets, knownHosts: o.knownHosts, logger: o.logger, env: o.env };
  const conn = o.conn ?? (await connectHost(o.host, { ...base, trust: o.trust }));
  // The same host on another address: accepted only when it shows the key verified just now.
  const sameHost = async (info: { fingerprint: string }) => info.fingerprint === conn.hostKeyFingerprint;
  try {
    return await safeNetplanApply({
      conn, host: o.host, target: o.target, text: o.text, timeoutS: o.timeoutS, newAddress: o.newAddress, acceptWarnings: o.acceptWarnings, logger: o.logger, signal: o.signal,
      connect: (address) => connectHost(o.host, { ...base, trust: sameHost, address: { host: address } }),
    });
  } finally {
    conn.close();
  }
}

/** The one-line outcome; `accept` says how to accept warnings where the request came from (--yes, acceptWarnings). */
export function netplanVerdict(report: NetplanApplyReport, accept: string): string {
  switch (report.outcome) {
    case 'confirmed':
      return 'CONFIRMED: the new network configuration is in place';
    case 'reverted':
      return 'REVERTED: the host could not be reached on the new configuration; the previous one is back';
    case 'refused':
      return report.warnings.length && !report.problems.length ? `NOT APPLIED: re-run with ${accept} to accept the warnings` : 'NOT APPLIED: fix the problems above';
    default:
      return 'UNKNOWN: the host did not come back as expected; check it on its console';
  }
}
