// An snmpd.conf change on a `linux:` host of the inventory, for the CLI and `parc serve` alike: which credentials
// prove the change worked (and which worked before), the SSH connection checked against known_hosts, the preview
// (edit and diff, nothing written) and the verified apply with rollback (apply.ts).
import type { Logger, SecretSource } from '../host';
import { unifiedDiff } from '../observium/diff';
import { profileFor } from '../inventory/parse';
import type { Inventory, SnmpProfile } from '../inventory/types';
import type { SshConnection } from '../ssh/connection';
import { connectHost } from '../ssh/host-connect';
import type { KnownHosts, TrustCallback } from '../ssh/known-hosts';
import { hostPath, type LinuxHost } from '../ssh/linux-hosts';
import { RemoteFiles } from '../ssh/remote-file';
import { applySnmpdChange, type PollWith, type SnmpdApplyReport } from './apply';
import { decodeConf } from './bytes';
import { editSnmpdConf, type SnmpdEdit } from './edit';
import type { V3Auth, V3Priv, V3UserSpec } from './persist';
import { siteNamed } from '../sites/named';

/** A request that cannot be carried out as given; `field` names the part at fault (API name, e.g. previousProfile). */
export class SnmpdRequestError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

export interface SnmpdHostChange {
  /** The edit, with the community (if any) already resolved to its value. */
  edit: SnmpdEdit;
  /** SNMPv3: with `edit.v3User`, create the user from these stored passwords. */
  v3Auth?: string;
  v3AuthCredential?: string;
  v3Priv?: string;
  v3PrivCredential?: string;
  /** The SNMP profile that works today (default: that of the inventory device on the host's address). */
  previousProfile?: string;
}

export interface SnmpdPlan {
  edit: SnmpdEdit;
  v3?: V3UserSpec;
  verify: PollWith;
  previous?: PollWith;
}

/** How a field is called where the request came from (the CLI says --previous-profile). */
export type FieldName = (field: string) => string;
const asIs: FieldName = (f) => f;

const V3_AUTH: ReadonlyMap<string, V3Auth> = new Map((['MD5', 'SHA', 'SHA-224', 'SHA-256', 'SHA-384', 'SHA-512'] as const).map((a) => [a, a]));
const V3_PRIV: ReadonlyMap<string, V3Priv> = new Map((['DES', 'AES', 'AES-192', 'AES-256'] as const).map((a) => [a, a]));

/** Secrets with a few values added under private names (the new community, known only for this change). */
function withValues(base: SecretSource, values: ReadonlyMap<string, string>): SecretSource {
  return { get: async (n) => (values.has(n) ? values.get(n) : base.get(n)) };
}

/** A community stored under `credential`, or an error naming the credential (never the value). */
export async function communityFromCredential(secrets: SecretSource, credential: string, field = 'communityCredential'): Promise<string> {
  const v = await secrets.get(credential);
  if (v === undefined) throw new SnmpdRequestError(field, `no secret stored for credential "${credential}"`);
  return v;
}

/** The coordinates of a site of parc.yaml (by name or alias), undefined when it has none. */
export function siteCoordinates(inv: Inventory, name: string, field = 'site'): [number, number] | undefined {
  const s = siteNamed(inv.sites, name);
  if (!s) throw new SnmpdRequestError(field, `no site "${name}" in ${inv.file}`);
  return s.coordinates;
}

/** Which credentials to poll with after the change (the new ones) and after a rollback (the previous ones). */
export async function planSnmpdChange(inv: Inventory, host: LinuxHost, change: SnmpdHostChange, secrets: SecretSource, name: FieldName = asIs): Promise<SnmpdPlan> {
  const { edit } = change;
  let v3: V3UserSpec | undefined;
  let verify: PollWith;
  const dev = inv.devices.find((d) => d.host === host.host || d.name === host.name);
  if (edit.v3User && change.v3AuthCredential) {
    const authCred = change.v3AuthCredential;
    const privCred = change.v3PrivCredential;
    const authPassword = await secrets.get(authCred);
    const privPassword = privCred ? await secrets.get(privCred) : undefined;
    if (authPassword === undefined) throw new SnmpdRequestError('v3AuthCredential', `no secret stored for credential "${authCred}"`);
    if (privCred && privPassword === undefined) throw new SnmpdRequestError('v3PrivCredential', `no secret stored for credential "${privCred}"`);
    const auth = V3_AUTH.get((change.v3Auth ?? 'SHA-256').toUpperCase());
    if (!auth) throw new SnmpdRequestError('v3Auth', `${name('v3Auth')} must be one of ${[...V3_AUTH.keys()].join(', ')}`);
    const priv = privCred ? V3_PRIV.get((change.v3Priv ?? 'AES').toUpperCase()) : undefined;
    if (privCred && !priv) throw new SnmpdRequestError('v3Priv', `${name('v3Priv')} must be one of ${[...V3_PRIV.keys()].join(', ')}`);
    v3 = { name: edit.v3User.name, auth, authPassword, priv, privPassword };
    const authKey = auth.replace('-', '').toLowerCase() as SnmpProfile['auth'];
    const privKey = priv === 'AES-256' ? 'aes256' : priv === 'DES' ? 'des' : 'aes';
    verify = { profile: { name: 'new', version: '3', user: edit.v3User.name, level: priv ? 'authPriv' : 'authNoPriv', auth: authKey, priv: priv ? privKey : undefined, authCredential: authCred, privCredential: privCred, timeoutMs: 1000, retries: 1 }, secrets };
  } else if (edit.community) {
    // A name no stored credential can have: the value lives only in this change.
    verify = { profile: { name: 'new', version: '2c', credential: '\0new-community', timeoutMs: 1000, retries: 1 }, secrets: withValues(secrets, new Map([['\0new-community', edit.community.name]])) };
  } else {
    const prof = (change.previousProfile && inv.snmp.profiles.get(change.previousProfile)) || (dev && profileFor(inv, dev));
    if (!prof) throw new SnmpdRequestError('previousProfile', `no new credentials in this change and no SNMP profile to poll with: add the host to devices: or pass ${name('previousProfile')}`);
    verify = { profile: prof, secrets };
  }
  const prevName = change.previousProfile;
  const prevProfile = prevName ? inv.snmp.profiles.get(prevName) : dev ? profileFor(inv, dev) : undefined;
  if (prevName && !prevProfile) throw new SnmpdRequestError('previousProfile', `no SNMP profile named "${prevName}"`);
  return { edit, v3, verify, previous: prevProfile ? { profile: prevProfile, secrets } : undefined };
}

/** Hides community names and passwords in snmpd.conf lines shown to people (a diff, an API answer), commented-out
 * lines included: an old community in a comment is still somebody's secret. */
const AT = String.raw`^(\s*(?:#\s*)?`;
const MASKS: RegExp[] = [
  String.raw`(?:ro|rw)community6?\s+)(\S+)`,
  String.raw`com2sec6?\s+(?:-Cn\s+\S+\s+)?\S+\s+\S+\s+)(\S+)`,
  String.raw`(?:trap2?sink|informsink)\s+\S+\s+)(\S+)`,
  String.raw`trapcommunity\s+)(\S+)`,
  String.raw`authcommunity\s+\S+\s+)(\S+)`,
  // createUser: everything after the auth protocol (passphrases, priv protocol) goes.
  String.raw`createUser\s+\S+\s+\S+\s+)(\S+.*)$`,
].map((r) => new RegExp(AT + r, 'i'));

export function maskSnmpdSecrets(line: string): string {
  return MASKS.reduce((l, re) => l.replace(re, '$1***'), line);
}

export interface SnmpdPreview {
  path: string;
  changes: string[];
  /** Unified diff of the file, communities masked; '' when nothing changes. */
  diff: string;
  /** The SNMPv3 user that would be created in the persistent file (passwords not shown). */
  createsUser?: string;
}

/** What the change would do to the host's snmpd.conf; writes nothing. */
export async function previewSnmpdChange(conn: SshConnection, host: LinuxHost, edit: SnmpdEdit, v3User?: string): Promise<SnmpdPreview> {
  const confPath = hostPath(host, host.snmpd.conf);
  const conf = await new RemoteFiles(conn, host.sudo).read(confPath);
  if (!conf.exists) throw new Error(`${host.name}: ${confPath} does not exist (is snmpd installed?)`);
  const { text } = decodeConf(conf.bytes, confPath);
  const r = editSnmpdConf(text, edit);
  return { path: host.snmpd.conf, changes: r.changes, diff: unifiedDiff(text, r.text, `a${host.snmpd.conf}`, `b${host.snmpd.conf}`, 3, maskSnmpdSecrets), ...(v3User ? { createsUser: v3User } : {}) };
}

export interface SnmpdHostApplyOptions {
  host: LinuxHost;
  plan: SnmpdPlan;
  /** Secrets for the SSH key/password and sudo password of the host. */
  secrets: SecretSource;
  knownHosts: KnownHosts;
  trust?: TrustCallback;
  logger?: Logger;
  env?: NodeJS.ProcessEnv;
  pollTimeoutMs?: number;
}

/** Connects (host key checked), applies with backup, restart, poll and rollback, and closes the connection. */
export async function applySnmpdToHost(o: SnmpdHostApplyOptions): Promise<SnmpdApplyReport> {
  const conn = await connectHost(o.host, { secrets: o.secrets, knownHosts: o.knownHosts, trust: o.trust, logger: o.logger, env: o.env });
  try {
    return await applySnmpdChange({
      conn, host: o.host, edit: o.plan.edit, v3: o.plan.v3, logger: o.logger,
      verify: { address: o.host.host, port: o.host.snmpd.port, ...o.plan.verify },
      previous: o.plan.previous,
      pollTimeoutMs: o.pollTimeoutMs,
    });
  } finally {
    conn.close();
  }
}

/** The one-line outcome of an apply, as the CLI prints it and the server returns it. */
export function snmpdVerdict(host: LinuxHost, report: SnmpdApplyReport): string {
  if (report.ok) return `OK: ${host.name} answers SNMP with the new settings`;
  return `FAILED: ${report.error}${report.restored ? `; the previous snmpd.conf is back${report.previousWorks === true ? ' and answers polling' : report.previousWorks === false ? ' but does NOT answer polling' : ''}` : '; the rollback did not complete'}`;
}
