// One SNMP conversation with one agent: a promise-based wrapper over a net-snmp session.
// The session (and its UDP socket) lives only while a device is being polled; the poller's
// concurrency limit therefore bounds the number of open sockets.
import * as snmp from 'net-snmp';
import type { SnmpProfile } from '../inventory/types';
import type { SecretSource } from '../host';
import type { Varbind } from './values';
import { own } from '../lookup';
import { Coalescer } from './coalesce';

export type SnmpErrorKind = 'timeout' | 'auth' | 'unknown-user' | 'unsupported-level' | 'decrypt' | 'credential-missing' | 'protocol' | 'network' | 'resolve' | 'budget';

/** A typed SNMP failure; its message says why in words an operator understands. */
export class SnmpError extends Error {
  constructor(readonly kind: SnmpErrorKind, message: string) {
    super(message);
    this.name = 'SnmpError';
  }
}

export interface SnmpTarget {
  host: string;
  port: number;
  profile: SnmpProfile;
}

export function classifyError(err: unknown, target: SnmpTarget): SnmpError {
  if (err instanceof SnmpError) return err;
  const e = err as Error & { code?: string | number };
  const msg = e?.message ?? String(err);
  const where = `${target.host}:${target.port}`;
  if (err instanceof snmp.RequestTimedOutError || /timed out/i.test(msg)) {
    return new SnmpError('timeout', `no SNMP answer from ${where} after ${target.profile.retries + 1} attempt(s) of ${target.profile.timeoutMs} ms (host down, wrong port, filtered, or wrong community/version)`);
  }
  if (/Unknown User Name/i.test(msg)) return new SnmpError('unknown-user', `${where}: SNMPv3 user "${target.profile.user}" is unknown to the agent`);
  if (/Wrong Digest|authentication digest/i.test(msg)) return new SnmpError('auth', `${where}: SNMPv3 authentication failed for user "${target.profile.user}" (wrong auth password or protocol)`);
  if (/Decryption Error|decrypt/i.test(msg)) return new SnmpError('decrypt', `${where}: SNMPv3 decryption failed for user "${target.profile.user}" (wrong privacy password or protocol)`);
  if (/Unsupported Security Level/i.test(msg)) return new SnmpError('unsupported-level', `${where}: the agent does not accept security level ${target.profile.level} for user "${target.profile.user}"`);
  if (/ENOTFOUND|EAI_AGAIN/.test(String(e?.code) + msg)) return new SnmpError('resolve', `${where}: host name does not resolve`);
  if (/EHOSTUNREACH|ENETUNREACH|ECONNREFUSED|EADDRNOTAVAIL/.test(String(e?.code) + msg)) return new SnmpError('network', `${where}: ${msg}`);
  return new SnmpError('protocol', `${where}: ${msg}`);
}

export interface SnmpClient {
  readonly target: SnmpTarget;
  get(oids: string[]): Promise<Varbind[]>;
  /** One GETNEXT for several OIDs: the varbind that follows each (end-of-MIB ones come back as errors). */
  getNext(oids: string[]): Promise<Varbind[]>;
  /** All varbinds below `oid` (GETBULK on v2c/v3), never past the subtree; at most `limit` when given. */
  walk(oid: string, maxRepetitions?: number, limit?: number): Promise<Varbind[]>;
  /** A conceptual table as rows keyed by index, then by column number. */
  table(oid: string, maxRepetitions?: number): Promise<Map<string, Map<number, unknown>>>;
  close(): void;
}

async function need(secrets: SecretSource, name: string | undefined, what: string): Promise<string> {
  const v = name ? await secrets.get(name) : undefined;
  if (v === undefined) {
    const env = name ? `PARC_CRED_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}` : '';
    throw new SnmpError('credential-missing', `no ${what} stored for credential "${name ?? '?'}"${env ? ` (set ${env} or store it with "Set SNMP credential")` : ''}`);
  }
  return v;
}

// Own keys only (issue 13: `auth: constructor` used to reach net-snmp as an unknown protocol).
const AUTH: Record<string, string> = { md5: 'md5', sha: 'sha', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
const PRIV: Record<string, string> = { des: 'des', aes: 'aes', aes256: 'aes256b', aes256c: 'aes256r' };

export async function openClient(target: SnmpTarget, secrets: SecretSource): Promise<SnmpClient> {
  const p = target.profile;
  const options: snmp.SessionOptions = {
    port: target.port,
    retries: p.retries,
    timeout: p.timeoutMs,
    backoff: 1,
    transport: target.host.includes(':') ? 'udp6' : 'udp4',
    idBitsSize: 32,
  };
  let session: snmp.Session;
  if (p.version === '3') {
    const level = own(snmp.SecurityLevel as unknown as Record<string, number>, p.level ?? 'noAuthNoPriv');
    const auth = own(AUTH, p.auth ?? 'sha');
    const priv = own(PRIV, p.priv ?? 'aes');
    if (level === undefined) throw new SnmpError('protocol', `${target.host}: SNMP profile "${p.name}" has an unknown security level "${String(p.level)}"`);
    if (p.level !== 'noAuthNoPriv' && auth === undefined) throw new SnmpError('protocol', `${target.host}: SNMP profile "${p.name}" has an unknown auth protocol "${String(p.auth)}"`);
    if (p.level === 'authPriv' && priv === undefined) throw new SnmpError('protocol', `${target.host}: SNMP profile "${p.name}" has an unknown privacy protocol "${String(p.priv)}"`);
    const user: snmp.User = { name: p.user ?? '', level };
    if (p.level !== 'noAuthNoPriv') {
      user.authProtocol = snmp.AuthProtocols[auth!];
      user.authKey = await need(secrets, p.authCredential, 'SNMPv3 auth password');
    }
    if (p.level === 'authPriv') {
      user.privProtocol = snmp.PrivProtocols[priv!];
      user.privKey = await need(secrets, p.privCredential, 'SNMPv3 privacy password');
    }
    session = snmp.createV3Session(target.host, user, { ...options, version: snmp.Version3, context: p.context });
    if (p.level === 'authPriv') {
      const probeUser: snmp.User = { name: user.name, level: snmp.SecurityLevel.authNoPriv, authProtocol: user.authProtocol, authKey: user.authKey };
      const where = `${target.host}:${target.port}`;
      const privProbe: PrivProbe = () => new Promise((resolve) => {
        const s = snmp.createV3Session(target.host, probeUser, { ...options, retries: 0, version: snmp.Version3, context: p.context });
        s.on('error', () => undefined);
        s.get(['1.3.6.1.2.1.1.3.0'], (err) => {
          try {
            s.close();
          } catch {
            // closed
          }
          if (err instanceof snmp.RequestTimedOutError) return resolve(undefined);
          const e = err ? classifyError(err, target) : undefined;
          if (e && (e.kind === 'auth' || e.kind === 'unknown-user')) return resolve(e);
          resolve(new SnmpError('decrypt', `${where}: SNMPv3 decryption failed for user "${p.user}" (wrong privacy password or protocol): the agent answers this user's authenticated requests but not the encrypted ones`));
        });
      });
      return new NetSnmpClient(target, session, privProbe);
    }
  } else {
    const community = await need(secrets, p.credential, 'community');
    session = snmp.createSession(target.host, community, { ...options, version: p.version === '1' ? snmp.Version1 : snmp.Version2c });
  }
  return new NetSnmpClient(target, session);
}

/** Most values one walk collects (a large switch has a few tens of thousands). */
export const MAX_WALK = 200_000;

/** Most bytes of values one client collects over all its walks: a bound on the memory of one device. */
export const MAX_DEVICE_BYTES = 32 * 1024 * 1024;

/** Bytes a value holds in memory, roughly (its encoded size; numbers count as 8). */
function valueBytes(v: unknown): number {
  if (Buffer.isBuffer(v)) return v.length;
  if (typeof v === 'string') return v.length * 2;
  return 8;
}

/** Numeric OID order: negative when a is before b. Reads the arcs in place (it runs for every varbind walked). */
export function compareOids(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    if (i >= a.length) return j >= b.length ? 0 : -1;
    if (j >= b.length) return 1;
    let x = 0;
    let y = 0;
    for (let c = a.charCodeAt(i); i < a.length && c !== 46; c = a.charCodeAt(++i)) x = x * 10 + c - 48;
    for (let c = b.charCodeAt(j); j < b.length && c !== 46; c = b.charCodeAt(++j)) y = y * 10 + c - 48;
    if (x !== y) return x - y;
    i++;
    j++;
  }
}

/** The varbinds of a walk of conceptual table `oid` as rows keyed by index, then by column number. */
export function tableRows(oid: string, vbs: readonly Varbind[]): Map<string, Map<number, unknown>> {
  const rows = new Map<string, Map<number, unknown>>();
  const entryPrefix = `${oid}.1.`;
  for (const vb of vbs) {
    if (!vb.oid.startsWith(entryPrefix)) continue;
    const rest = vb.oid.slice(entryPrefix.length);
    const dot = rest.indexOf('.');
    if (dot < 0) continue;
    const column = Number(rest.slice(0, dot));
    const index = rest.slice(dot + 1);
    let row = rows.get(index);
    if (!row) rows.set(index, (row = new Map()));
    row.set(column, vb.value);
  }
  return rows;
}

/** What an authNoPriv request of the same user gets, to explain an authPriv request that got no answer. */
type PrivProbe = () => Promise<SnmpError | undefined>;

class NetSnmpClient implements SnmpClient {
  private socketError?: Error;
  /** Bytes of values walked so far (bounded by MAX_DEVICE_BYTES). */
  private bytes = 0;
  private probed?: Promise<SnmpError | undefined>;
  private readonly requests: Coalescer;
  constructor(readonly target: SnmpTarget, private readonly session: snmp.Session, private readonly privProbe?: PrivProbe) {
    // A malformed reply is emitted as 'error'; unhandled, it would kill the process.
    session.on('error', (err: Error) => {
      this.socketError = err;
    });
    const answer = <T>(cb: (err: Error | null, r?: T) => void) => (err: Error | null, r?: T) => (err ? void this.failed(err).then(cb) : cb(null, r));
    const guard = (cb: (err: Error | null) => void, send: () => void) => {
      try {
        send();
      } catch (err) {
        cb(this.fail(err));
      }
    };
    this.requests = new Coalescer({
      v1: target.profile.version === '1',
      get: (oids, cb) => guard(cb, () => session.get(oids, answer(cb))),
      getNext: (oids, cb) => guard(cb, () => session.getNext(oids, answer(cb))),
      getBulk: (oids, nonRepeaters, maxRepetitions, cb) => guard(cb, () => session.getBulk(oids, nonRepeaters, maxRepetitions, answer(cb))),
    });
  }

  private fail(err: unknown): SnmpError {
    return classifyError(err ?? this.socketError, this.target);
  }

  /**
   * The error for a failed request. An agent does not answer a request it cannot decrypt (Net-SNMP sends
   * no report either), so a wrong privacy password looks like a timeout: when an authNoPriv request of the
   * same user does get an answer, the agent is there and knows the user, and the error is `decrypt`.
   * SNMPv1's noSuchName stays a status the walk can read (the end of the MIB).
   */
  private async failed(err: unknown): Promise<Error> {
    if (err instanceof snmp.RequestFailedError && err.status === snmp.ErrorStatus.NoSuchName && this.target.profile.version === '1') {
      return Object.assign(this.fail(err), { status: err.status });
    }
    const e = this.fail(err);
    if (e.kind !== 'timeout' || !this.privProbe) return e;
    this.probed ??= this.privProbe().catch(() => undefined);
    return (await this.probed) ?? e;
  }

  get(oids: string[]): Promise<Varbind[]> {
    return this.requests.get(oids);
  }

  getNext(oids: string[]): Promise<Varbind[]> {
    return this.requests.getNext(oids);
  }

  walk(oid: string, maxRepetitions = 25, limit = Infinity): Promise<Varbind[]> {
    const out: Varbind[] = [];
    const prefix = oid + '.';
    let last = oid;
    const where = `${this.target.host}:${this.target.port}`;
    return new Promise((resolve, reject) => {
      const next = () => this.requests.page(last, Math.max(1, Math.min(maxRepetitions, limit - out.length)), onPage);
      const onPage = (err: Error | null, vbs?: Varbind[]) => {
        if (err) return reject(err);
        const before = last;
        for (const vb of vbs ?? []) {
          if (vb.type === snmp.ObjectType.EndOfMibView) return resolve(out);
          if (snmp.isVarbindError(vb as snmp.Varbind)) continue;
          // An agent that answers a GETNEXT/GETBULK with an OID not after the one asked would keep a
          // walk going forever (found with test/support/hostile-agent.ts): stop and say so.
          if (compareOids(vb.oid, last) <= 0) {
            return reject(new SnmpError('protocol', `${where}: the agent returned ${vb.oid} after ${last} while walking ${oid} (OIDs not increasing); walk stopped`));
          }
          last = vb.oid;
          if (!vb.oid.startsWith(prefix)) return resolve(out);
          out.push(vb);
          if (out.length > MAX_WALK) return reject(new SnmpError('protocol', `${where}: more than ${MAX_WALK} values under ${oid}; walk stopped (an endless table?)`));
          this.bytes += valueBytes(vb.value);
          if (this.bytes > MAX_DEVICE_BYTES) return reject(new SnmpError('protocol', `${where}: more than ${MAX_DEVICE_BYTES / 1048576} MB of values from this device (walking ${oid}); walk stopped`));
          // Bounded walks of tables that can be huge (e.g. ENTITY-MIB on a chassis) end at their limit.
          if (out.length >= limit) return resolve(out);
        }
        // An empty page, or one of errors only, ends the walk as net-snmp's own walk does.
        if (last === before) return resolve(out);
        next();
      };
      next();
    });
  }

  async table(oid: string, maxRepetitions = 25): Promise<Map<string, Map<number, unknown>>> {
    return tableRows(oid, await this.walk(oid, maxRepetitions));
  }

  close(): void {
    try {
      this.session.close();
    } catch {
      // already closed
    }
  }
}
