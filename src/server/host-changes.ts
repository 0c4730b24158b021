// snmpd.conf and netplan static-IP changes on `linux:` hosts through the API (admin): the JSON bodies checked field
// by field, secrets only by credential name from the server's store, host keys only from the server's known_hosts
// (no trust on first use through the API), and one change at a time per host.
import * as path from 'node:path';
import type { Logger, SecretSource } from '../core/host';
import type { Inventory } from '../core/inventory/types';
import { applyNetplanToHost, netplanVerdict, NetplanRequestError, reconnectAddress } from '../core/netplan/apply-host';
import { planStaticIpOnHost } from '../core/netplan/static-ip-host';
import type { StaticIpRequest } from '../core/netplan/static-ip';
import type { NetplanApplyResponse, NetplanPreviewResponse, SnmpdApplyResponse, SnmpdPreviewResponse } from '../core/remote/api-types';
import { applySnmpdToHost, communityFromCredential, planSnmpdChange, previewSnmpdChange, siteCoordinates, snmpdVerdict, SnmpdRequestError, type SnmpdHostChange } from '../core/snmpdconf/apply-host';
import { editSnmpdConf, SnmpdEditError, type SnmpdEdit } from '../core/snmpdconf/edit';
import type { SshConnection } from '../core/ssh/connection';
import { connectHost, linuxHostFromInventory } from '../core/ssh/host-connect';
import { KnownHosts, type HostKeyInfo, type TrustCallback } from '../core/ssh/known-hosts';
import type { LinuxHost } from '../core/ssh/linux-hosts';
import { RemoteChangedError } from '../core/ssh/remote-file';
import { ApiError } from './api-error';

export interface HostChangesDeps {
  inventory: () => Inventory;
  secrets: SecretSource;
  knownHostsFile: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

type Body = Record<string, unknown>;

const bad = (field: string, message: string) => new ApiError('bad-request', message, { field });

/** Fields that would carry a secret value: refused by name, the value never repeated. */
const SECRET_FIELDS = new Set(['community', 'password', 'authPassword', 'privPassword', 'v3AuthPassword', 'v3PrivPassword', 'sudoPassword', 'key', 'privateKey']);

function checkFields(b: Body, known: readonly string[], credentialHint: string): void {
  const ok = new Set(known);
  for (const k of Object.keys(b)) {
    if (SECRET_FIELDS.has(k)) throw bad(k, `${k}: secrets are not accepted in requests; store the value in the server's credentials and name it (${credentialHint})`);
    if (!ok.has(k)) throw bad(k.slice(0, 64), `unknown field "${k.slice(0, 64)}" (known: ${known.join(', ')})`);
  }
}

function optString(b: Body, k: string, max = 512): string | undefined {
  if (!Object.hasOwn(b, k) || b[k] === undefined || b[k] === null) return undefined;
  const v = b[k];
  if (typeof v !== 'string') throw bad(k, `${k} must be a string`);
  if (v.length > max) throw bad(k, `${k} is longer than ${max} characters`);
  return v;
}

function optStrings(b: Body, k: string): string[] | undefined {
  if (!Object.hasOwn(b, k) || b[k] === undefined || b[k] === null) return undefined;
  const v = b[k];
  const list = typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v;
  if (!Array.isArray(list) || list.length > 32 || !list.every((x) => typeof x === 'string' && x.length <= 256)) throw bad(k, `${k} must be a list of strings (at most 32)`);
  return list as string[];
}

function optNumber(b: Body, k: string, min: number, max: number, whole = false): number | undefined {
  if (!Object.hasOwn(b, k) || b[k] === undefined || b[k] === null) return undefined;
  const v = b[k];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (whole && !Number.isInteger(v))) throw bad(k, `${k} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max}`);
  return v;
}

const SNMPD_FIELDS = ['communityCredential', 'source', 'view', 'extend', 'distroCommand', 'location', 'coordinates', 'site', 'contact', 'agentAddress', 'v3User', 'v3Level', 'v3Auth', 'v3AuthCredential', 'v3Priv', 'v3PrivCredential', 'previousProfile', 'timeout'] as const;
const NETPLAN_FIELDS = ['interface', 'address', 'gateway', 'dns', 'search', 'file', 'newAddress', 'timeout', 'acceptWarnings'] as const;

/** The field an snmpd.conf edit error is about (the first problem of the message). */
function editField(m: string): string {
  const rules: [RegExp, string][] = [[/^the community/, 'communityCredential'], [/^--source/, 'source'], [/^view /, 'view'], [/^SNMPv3 user/, 'v3User'], [/^agentAddress/, 'agentAddress'], [/^(location|contact|distroCommand) /, '$1'], [/^coordinates/, 'coordinates']];
  for (const [re, f] of rules) {
    const m1 = re.exec(m);
    if (m1) return f === '$1' ? m1[1] : f;
  }
  return 'body';
}

/** The core's messages name CLI flags (--source); an API client needs the field. */
const apiWords = (m: string) => m.replace(/--(source|address|gateway|dns|search|new-address)\b/g, (_x, f: string) => (f === 'new-address' ? 'newAddress' : f));

export class HostChanges {
  /** Host name → what is being done there: a second change to the same host is refused, not interleaved. */
  private readonly busy = new Map<string, string>();

  constructor(private readonly d: HostChangesDeps) {}

  async host(name: string): Promise<LinuxHost> {
    const inv = this.d.inventory();
    try {
      return await linuxHostFromInventory(inv.file, name, inv.sites);
    } catch (err) {
      const m = (err as Error).message.replace(inv.file, path.basename(inv.file));
      if (/^no host "/.test(m)) throw new ApiError('not-found', m);
      throw new ApiError('bad-request', m);
    }
  }

  /** Runs `fn` while holding the host; 409 when another change to it is under way. */
  async exclusive<T>(host: LinuxHost, what: string, fn: () => Promise<T>): Promise<T> {
    const current = this.busy.get(host.name);
    if (current !== undefined) throw new ApiError('conflict', `${host.name} is being changed already (${current}); try again when it has finished`);
    this.busy.set(host.name, what);
    try {
      return await fn();
    } finally {
      this.busy.delete(host.name);
    }
  }

  /** Host-key trust for the API: only keys already in known_hosts; an unknown key is remembered to name it. */
  private refuseUnknown(): { trust: TrustCallback; seen: () => HostKeyInfo | undefined } {
    let info: HostKeyInfo | undefined;
    const trust: TrustCallback = async (i) => {
      info = i;
      return false;
    };
    return { trust, seen: () => info };
  }

  /** Failures as API errors: an unknown or changed host key is 409 (with the fingerprint), bad input 400, the host's own 502. */
  private sshError(host: LinuxHost, err: unknown, seen: HostKeyInfo | undefined): never {
    if (err instanceof ApiError) throw err;
    const e = err as Error & { kind?: string };
    if (seen) {
      throw new ApiError('conflict', `the host key of ${host.name} (${seen.host}:${seen.port}) is not in the server's known_hosts (${this.d.knownHostsFile}): ${seen.keyType} ${seen.fingerprint}. ` +
        'The API accepts no new host key: check the fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then add the key to that file on the server', { fingerprint: seen.fingerprint });
    }
    if (e?.kind === 'hostkey') throw new ApiError('conflict', e.message);
    if (e instanceof SnmpdRequestError || e instanceof NetplanRequestError) throw bad(e.field, apiWords(e.message));
    if (e instanceof SnmpdEditError) throw bad(editField(e.message), apiWords(e.message));
    if (e instanceof RemoteChangedError) throw new ApiError('conflict', `${host.name}: ${e.message}`);
    // SSH failures and what the host answered (a missing file, a failed command; sudo passwords already removed by
    // the connection): the admin needs them. A programming error (TypeError…) stays in the server log.
    if (e?.name === 'SshError' || e?.constructor === Error) throw new ApiError('host-error', e.message.startsWith(`${host.name}:`) ? e.message : `${host.name}: ${e.message}`);
    throw err;
  }

  private async withConnection<T>(host: LinuxHost, fn: (conn: SshConnection) => Promise<T>): Promise<T> {
    const { trust, seen } = this.refuseUnknown();
    let conn: SshConnection | undefined;
    try {
      conn = await connectHost(host, { secrets: this.d.secrets, knownHosts: new KnownHosts(this.d.knownHostsFile), trust, logger: this.d.logger, env: this.d.env });
      return await fn(conn);
    } catch (err) {
      return this.sshError(host, err, seen());
    } finally {
      conn?.close();
    }
  }

  // ---- snmpd ----

  /** The body as a core change; the community comes from the credential store. */
  async snmpdChange(host: LinuxHost, b: Body): Promise<{ change: SnmpdHostChange; timeoutS?: number }> {
    checkFields(b, SNMPD_FIELDS, 'communityCredential, v3AuthCredential, v3PrivCredential');
    const edit: SnmpdEdit = {};
    const cred = optString(b, 'communityCredential', 128);
    const source = optString(b, 'source', 128);
    const view = optString(b, 'view', 64);
    if (cred) {
      const name = await communityFromCredential(this.d.secrets, cred).catch((e: SnmpdRequestError) => {
        throw bad(e.field, e.message);
      });
      edit.community = { name, source, view };
    } else if (source !== undefined) throw bad('source', 'source goes with communityCredential');
    const ext = optString(b, 'extend', 16);
    if (ext !== undefined) {
      if (ext !== 'observium' && ext !== 'librenms') throw bad('extend', 'extend must be observium or librenms');
      edit.extend = ext;
      edit.distroCommand = optString(b, 'distroCommand');
    } else if (Object.hasOwn(b, 'distroCommand')) throw bad('distroCommand', 'distroCommand goes with extend');
    edit.location = optString(b, 'location');
    edit.contact = optString(b, 'contact');
    const aa = optStrings(b, 'agentAddress');
    if (aa?.length) edit.agentAddress = aa;
    const user = optString(b, 'v3User', 32);
    if (user !== undefined) {
      const level = (optString(b, 'v3Level', 16) ?? 'priv').toLowerCase();
      if (level !== 'priv' && level !== 'auth' && level !== 'noauth') throw bad('v3Level', 'v3Level must be priv, auth or noauth');
      edit.v3User = { name: user, level, view };
    }
    if (Object.hasOwn(b, 'coordinates') && b.coordinates !== null && b.coordinates !== undefined) {
      const c = b.coordinates;
      if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'number' || typeof c[1] !== 'number' || !(Math.abs(c[0]) <= 90 && Math.abs(c[1]) <= 180)) throw bad('coordinates', 'coordinates must be [latitude, longitude] (numbers)');
      edit.coordinates = [c[0], c[1]];
    }
    const asked = !!(edit.community || edit.extend || edit.location !== undefined || edit.contact !== undefined || edit.agentAddress || edit.v3User || edit.coordinates);
    if (!asked) throw bad('body', 'give at least one change: communityCredential (with source), extend, location, coordinates, contact, agentAddress or v3User');
    // As the CLI: the coordinates of the site named, else of the host's own site.
    const site = optString(b, 'site', 128) ?? host.site;
    if (site && !edit.coordinates) {
      try {
        edit.coordinates = siteCoordinates(this.d.inventory(), site);
      } catch (e) {
        throw bad('site', (e as Error).message.replace(this.d.inventory().file, path.basename(this.d.inventory().file)));
      }
    }
    try {
      editSnmpdConf('', edit); // the values checked before any connection
    } catch (e) {
      if (e instanceof SnmpdEditError) throw bad(editField(e.message), apiWords(e.message));
      throw e;
    }
    const change: SnmpdHostChange = {
      edit, v3Auth: optString(b, 'v3Auth', 16), v3AuthCredential: optString(b, 'v3AuthCredential', 128), v3Priv: optString(b, 'v3Priv', 16), v3PrivCredential: optString(b, 'v3PrivCredential', 128), previousProfile: optString(b, 'previousProfile', 128),
    };
    return { change, timeoutS: optNumber(b, 'timeout', 1, 600) };
  }

  async snmpdPreview(host: LinuxHost, b: Body): Promise<SnmpdPreviewResponse> {
    const { change } = await this.snmpdChange(host, b);
    // Checked like an apply (credentials, profiles) so a preview that passes is one the apply accepts.
    await planSnmpdChange(this.d.inventory(), host, change, this.d.secrets).catch((e) => this.sshError(host, e, undefined));
    return this.withConnection(host, async (conn) => {
      const p = await previewSnmpdChange(conn, host, change.edit, change.v3AuthCredential ? change.edit.v3User?.name : undefined);
      return { host: host.name, file: p.path, changes: p.changes, diff: p.diff, ...(p.createsUser ? { createsUser: p.createsUser } : {}) };
    });
  }

  async snmpdApply(host: LinuxHost, b: Body): Promise<SnmpdApplyResponse> {
    const { change, timeoutS } = await this.snmpdChange(host, b);
    const plan = await planSnmpdChange(this.d.inventory(), host, change, this.d.secrets).catch((e) => this.sshError(host, e, undefined));
    const { trust, seen } = this.refuseUnknown();
    try {
      const r = await applySnmpdToHost({ host, plan, secrets: this.d.secrets, knownHosts: new KnownHosts(this.d.knownHostsFile), trust, logger: this.d.logger, env: this.d.env, pollTimeoutMs: (timeoutS ?? 20) * 1000 });
      return { host: host.name, ok: r.ok, changes: r.changes, steps: r.steps, verdict: snmpdVerdict(host, r), ...(r.backup ? { backup: r.backup } : {}), restored: r.restored, ...(r.previousWorks !== undefined ? { previousWorks: r.previousWorks } : {}), ...(r.error ? { error: r.error } : {}) };
    } catch (err) {
      return this.sshError(host, err, seen());
    }
  }

  // ---- netplan ----

  netplanRequest(host: LinuxHost, b: Body): { req: StaticIpRequest; file?: string; newAddress?: string; timeoutS: number; acceptWarnings: boolean } {
    checkFields(b, NETPLAN_FIELDS, 'the host\'s credential in parc.yaml');
    const iface = optString(b, 'interface', 15);
    const address = optString(b, 'address', 64);
    if (!iface) throw bad('interface', 'interface is required (e.g. eth0)');
    if (!address) throw bad('address', 'address is required (address/prefix, e.g. 198.18.0.10/24)');
    if (Object.hasOwn(b, 'acceptWarnings') && typeof b.acceptWarnings !== 'boolean' && b.acceptWarnings !== undefined) throw bad('acceptWarnings', 'acceptWarnings must be true or false');
    return {
      req: { interface: iface, address, gateway: optString(b, 'gateway', 64), dns: optStrings(b, 'dns'), search: optStrings(b, 'search') },
      file: optString(b, 'file', 255),
      newAddress: optString(b, 'newAddress', 253),
      timeoutS: optNumber(b, 'timeout', 5, 3600, true) ?? 120,
      acceptWarnings: b.acceptWarnings === true,
    };
  }

  async netplanPreview(host: LinuxHost, b: Body): Promise<NetplanPreviewResponse> {
    const r = this.netplanRequest(host, b);
    return this.withConnection(host, async (conn) => {
      const plan = await planStaticIpOnHost(conn, host, r.req, r.file);
      const newAddress = reconnectAddress(host, plan.text, r.newAddress) ?? null;
      return { host: host.name, file: plan.target, exists: plan.exists, changes: plan.changes, diff: plan.diff, problems: plan.problems, newAddress };
    });
  }

  async netplanApply(host: LinuxHost, b: Body): Promise<NetplanApplyResponse> {
    const r = this.netplanRequest(host, b);
    const { trust, seen } = this.refuseUnknown();
    const knownHosts = new KnownHosts(this.d.knownHostsFile);
    let conn: SshConnection | undefined;
    try {
      conn = await connectHost(host, { secrets: this.d.secrets, knownHosts, trust, logger: this.d.logger, env: this.d.env });
      const plan = await planStaticIpOnHost(conn, host, r.req, r.file);
      const newAddress = reconnectAddress(host, plan.text, r.newAddress);
      const c = conn;
      conn = undefined; // the apply closes it
      const rep = await applyNetplanToHost({ conn: c, host, target: plan.target, text: plan.text, timeoutS: r.timeoutS, newAddress, acceptWarnings: r.acceptWarnings, secrets: this.d.secrets, knownHosts, logger: this.d.logger, env: this.d.env });
      return { host: host.name, file: plan.target, outcome: rep.outcome, verdict: netplanVerdict(rep, 'acceptWarnings: true'), changes: plan.changes, problems: rep.problems, warnings: rep.warnings, notes: rep.notes, steps: rep.steps, ...(rep.backup ? { backup: rep.backup } : {}), newAddress: newAddress ?? null };
    } catch (err) {
      return this.sshError(host, err, seen());
    } finally {
      conn?.close();
    }
  }
}
