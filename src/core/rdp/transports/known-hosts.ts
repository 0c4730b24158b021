// Host key verification against an OpenSSH known_hosts file. An unknown host is accepted only when the
// trust callback says so (trust on first use, fingerprint shown to a person) and is then recorded; a key
// that differs from the recorded one is refused, as ssh does.
import { createHash, createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface HostKeyPrompt {
  host: string;
  port: number;
  keyType: string;
  /** SHA256:base64 without padding, as ssh prints it. */
  fingerprint: string;
}

export type TrustOnFirstUse = (prompt: HostKeyPrompt) => Promise<boolean>;

export type HostKeyVerdict = { ok: true; recorded: boolean } | { ok: false; reason: string };

export function hostKeyType(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const n = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + n).toString('latin1');
}

export function hostKeyFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'i');
  return re.test(name);
}

function hostsFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  let hit = false;
  for (const p of field.split(',')) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), name)) return false;
    } else if (globMatch(p, name)) hit = true;
  }
  return hit;
}

/** Checks `blob` for host:port; asks `trust` for an unknown host and records the key when accepted. */
export async function verifyHostKey(file: string, host: string, port: number, blob: Buffer, trust: TrustOnFirstUse | undefined): Promise<HostKeyVerdict> {
  const name = knownHostsName(host, port);
  const keyType = hostKeyType(blob);
  const keyB64 = blob.toString('base64');
  const text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
  let sameTypeOther = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    const marker = parts[0].startsWith('@') ? parts.shift() : undefined;
    const [hosts, type, key] = parts;
    if (!hosts || !type || !key || !hostsFieldMatches(hosts, name)) continue;
    if (marker === '@revoked' && key === keyB64) return { ok: false, reason: `the host key of ${name} is marked @revoked in ${file}` };
    if (marker) continue;
    if (type === keyType && key === keyB64) return { ok: true, recorded: false };
    if (type === keyType) sameTypeOther = true;
  }
  const fingerprint = hostKeyFingerprint(blob);
  if (sameTypeOther) {
    return { ok: false, reason: `HOST KEY CHANGED for ${name}: it now presents ${keyType} ${fingerprint}, which differs from the key recorded in ${file}. This may be an attack; if the change is expected, remove the old line from ${file}.` };
  }
  if (!trust || !(await trust({ host, port, keyType, fingerprint }))) {
    return { ok: false, reason: `the host key of ${name} (${keyType} ${fingerprint}) is not in ${file} and was not accepted` };
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const prefix = text && !text.endsWith('\n') ? '\n' : '';
  await fs.appendFile(file, `${prefix}${name} ${keyType} ${keyB64}\n`, { mode: 0o600 });
  return { ok: true, recorded: true };
}
