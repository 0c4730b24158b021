// Host keys checked against an OpenSSH known_hosts file. An unknown host is only accepted through the trust
// callback (trust on first use, with the fingerprint shown to a person); a key that differs from the recorded
// one is refused, as ssh does, because that is what a man-in-the-middle looks like.
import { createHash, createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface HostKeyInfo {
  host: string;
  port: number;
  keyType: string;
  /** SHA256:base64 (no padding), as `ssh-keygen -l` and `ssh` print it. */
  fingerprint: string;
  /** The host is known, but only with keys of other types. */
  knownWithOtherTypes: string[];
}

/** Asked for an unknown host; resolve true only after a person (or an explicit option) accepted the fingerprint. */
export type TrustCallback = (info: HostKeyInfo) => Promise<boolean>;

export class HostKeyError extends Error {
  constructor(readonly kind: 'changed' | 'unknown' | 'revoked', message: string) {
    super(message);
    this.name = 'HostKeyError';
  }
}

interface Entry {
  marker?: string;
  hosts: string;
  keyType: string;
  key: string;
  line: number;
}

export function keyTypeOf(blob: Buffer): string {
  const len = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + len).toString('latin1');
}

export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** `host` for port 22, `[host]:port` otherwise: the name OpenSSH records. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The entries of a known_hosts text; lines that are not entries are skipped, as OpenSSH does. */
export function parseKnownHosts(text: string): Entry[] {
  const out: Entry[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parts = line.split(/\s+/);
    const marker = parts[0].startsWith('@') ? parts.shift() : undefined;
    if (parts.length < 3) return;
    out.push({ marker, hosts: parts[0], keyType: parts[1], key: parts[2], line: i + 1 });
  });
  return out;
}

/**
 * OpenSSH's `*` and `?` patterns, case-insensitive. Matched with one backtrack point (the last `*`), so the
 * cost is at most pattern × name: a regular expression of many `.*` backtracked exponentially on a crafted
 * known_hosts line (found by the fuzz tests).
 */
export function globMatch(pattern: string, name: string): boolean {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  let j = 0;
  let star = -1;
  let mark = 0;
  while (j < n.length) {
    if (i < p.length && (p[i] === '?' || (p[i] !== '*' && p[i] === n[j]))) {
      i++;
      j++;
    } else if (i < p.length && p[i] === '*') {
      star = i++;
      mark = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p[i] === '*') i++;
  return i === p.length;
}

function hostsMatch(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    const h = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return h === hash;
  }
  let matched = false;
  for (const p of field.split(',')) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), name)) return false;
    } else if (globMatch(p, name)) matched = true;
  }
  return matched;
}

export class KnownHosts {
  constructor(readonly file: string) {}

  private async entries(): Promise<Entry[]> {
    try {
      return parseKnownHosts(await fs.readFile(this.file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  /**
   * Accepts the key when known_hosts has it for this host; asks `trust` when the host is unknown (and records the
   * key when accepted); throws HostKeyError when the host is known with a different key or the key is revoked.
   */
  async verify(host: string, port: number, blob: Buffer, trust?: TrustCallback): Promise<void> {
    const name = knownHostsName(host, port);
    const keyType = keyTypeOf(blob);
    const b64 = blob.toString('base64');
    const fingerprint = fingerprintOf(blob);
    const all = await this.entries();
    if (all.some((e) => e.marker === '@revoked' && e.key === b64)) {
      throw new HostKeyError('revoked', `the host key of ${name} (${fingerprint}) is marked @revoked in ${this.file}`);
    }
    const mine = all.filter((e) => !e.marker && hostsMatch(e.hosts, name));
    if (mine.some((e) => e.keyType === keyType && e.key === b64)) return;
    const sameType = mine.filter((e) => e.keyType === keyType);
    if (sameType.length) {
      throw new HostKeyError('changed', `HOST KEY CHANGED for ${name}: it now presents ${keyType} ${fingerprint}, which differs from the key recorded in ${this.file} line ${sameType[0].line}. ` +
        'This can be an attack (someone intercepting the connection) or a reinstalled host. Connection refused; if the change is expected, remove that line and connect again to review the new key.');
    }
    const info: HostKeyInfo = { host, port, keyType, fingerprint, knownWithOtherTypes: [...new Set(mine.map((e) => e.keyType))] };
    if (!trust || !(await trust(info))) {
      throw new HostKeyError('unknown', `the host key of ${name} is not known (${keyType} ${fingerprint}) and was not accepted; verify the fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_${keyType.replace(/^ssh-|^ecdsa-sha2-.*/, (m) => (m === 'ssh-' ? '' : 'ecdsa'))}_key.pub) and accept it`);
    }
    await this.add(name, keyType, b64);
  }

  async add(name: string, keyType: string, b64: string): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true, mode: 0o700 });
    let prefix = '';
    try {
      const cur = await fs.readFile(this.file, 'utf8');
      if (cur.length && !cur.endsWith('\n')) prefix = '\n';
    } catch {
      /* new file */
    }
    await fs.appendFile(this.file, `${prefix}${name} ${keyType} ${b64}\n`, { mode: 0o600 });
  }
}
