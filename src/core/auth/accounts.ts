// Local accounts for estates without a directory: <state>/server/accounts.json (0600), one scrypt hash per
// user (random salt, N=2^15). `parc serve user add` writes it; the server re-reads it when it changes.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import { ROLES, type Role } from '../remote/api-types';
import { ensureServerDir, serverDir } from './files';

const SCRYPT = { N: 32768, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 };

function scrypt(password: string, salt: Buffer, o: ScryptOptions & { keylen: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, o.keylen, o, (err, key) => (err ? reject(err) : resolve(key))));
}

export interface LocalAccount {
  name: string;
  role: Role;
  /** scrypt$N$r$p$salt(b64)$hash(b64) */
  hash: string;
  createdAt: string;
}

interface AccountsFile {
  version: 1;
  users: LocalAccount[];
}

export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = hash.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const want = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), keylen: want.length, maxmem: SCRYPT.maxmem });
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A hash to compare against when the user does not exist, so both cases take the same time. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}

export class LocalAccounts {
  readonly file: string;
  private cache?: { mtimeMs: number; users: Map<string, LocalAccount> };

  constructor(private readonly stateDir: string) {
    this.file = path.join(serverDir(stateDir), 'accounts.json');
  }

  async load(): Promise<Map<string, LocalAccount>> {
    const st = await fs.stat(this.file).catch(() => undefined);
    if (!st) return new Map();
    if (this.cache?.mtimeMs === st.mtimeMs) return this.cache.users;
    let f: AccountsFile;
    try {
      f = JSON.parse(await fs.readFile(this.file, 'utf8')) as AccountsFile;
    } catch (err) {
      throw new Error(`${this.file} is not valid JSON (${(err as Error).message})`);
    }
    const users = new Map<string, LocalAccount>();
    for (const u of Array.isArray(f.users) ? f.users : []) {
      if (typeof u?.name === 'string' && ROLES.includes(u.role) && typeof u.hash === 'string') users.set(u.name.toLowerCase(), u);
    }
    this.cache = { mtimeMs: st.mtimeMs, users };
    return users;
  }

  private async save(users: Map<string, LocalAccount>): Promise<void> {
    await ensureServerDir(this.stateDir);
    const f: AccountsFile = { version: 1, users: [...users.values()].sort((a, b) => a.name.localeCompare(b.name)) };
    await atomicWriteFile(this.file, JSON.stringify(f, null, 1) + '\n', 0o600);
    this.cache = undefined;
  }

  /** Adds a user or replaces their password and role. */
  async set(name: string, role: Role, password: string, now = Date.now()): Promise<'added' | 'updated'> {
    if (!USER_NAME.test(name)) throw new Error(`"${name}" is not a valid user name (letters, digits, . _ @ -; up to 64)`);
    if (password.length < 8) throw new Error('the password must have at least 8 characters');
    const users = new Map(await this.load());
    const had = users.has(name.toLowerCase());
    users.set(name.toLowerCase(), { name, role, hash: await hashPassword(password), createdAt: new Date(now).toISOString() });
    await this.save(users);
    return had ? 'updated' : 'added';
  }

  async remove(name: string): Promise<boolean> {
    const users = new Map(await this.load());
    if (!users.delete(name.toLowerCase())) return false;
    await this.save(users);
    return true;
  }

  /** The account when the password matches; undefined otherwise (the same work either way). */
  async verify(name: string, password: string): Promise<LocalAccount | undefined> {
    const u = (await this.load()).get(name.toLowerCase());
    const ok = await verifyPassword(password, u?.hash ?? (await dummyHash()));
    return u && ok ? u : undefined;
  }
}
