// Login tokens of `parc serve`: 32 random bytes given to the client once; only their SHA-256 is kept, in
// <state>/server/tokens.json (0600), so the state directory never holds a usable token. Tokens expire and
// can be revoked (logout, `parc serve token revoke`); the file survives restarts, so clients stay logged in.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import type { Role, UserInfo } from '../remote/api-types';
import { ensureServerDir, serverDir } from './files';

export interface TokenRecord {
  /** SHA-256 of the token, hex. Its first 12 characters are the token's id in listings. */
  hash: string;
  user: string;
  role: Role;
  source: UserInfo['source'];
  issuedAt: number;
  expiresAt: number;
  address?: string;
}

interface TokensFile {
  version: 1;
  tokens: TokenRecord[];
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const tokenId = (t: Pick<TokenRecord, 'hash'>): string => t.hash.slice(0, 12);

export class TokenStore {
  readonly file: string;
  private cache?: { mtimeMs: number; tokens: Map<string, TokenRecord> };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly stateDir: string) {
    this.file = path.join(serverDir(stateDir), 'tokens.json');
  }

  /** Re-read when the file changed (a revocation by the CLI takes effect at once). */
  private async load(): Promise<Map<string, TokenRecord>> {
    const st = await fs.stat(this.file).catch(() => undefined);
    if (!st) return new Map();
    if (this.cache?.mtimeMs === st.mtimeMs) return this.cache.tokens;
    let f: TokensFile;
    try {
      f = JSON.parse(await fs.readFile(this.file, 'utf8')) as TokensFile;
    } catch {
      f = { version: 1, tokens: [] }; // a damaged file logs everybody out, which is safe
    }
    const tokens = new Map<string, TokenRecord>();
    for (const t of Array.isArray(f.tokens) ? f.tokens : []) if (typeof t?.hash === 'string') tokens.set(t.hash, t);
    this.cache = { mtimeMs: st.mtimeMs, tokens };
    return tokens;
  }

  private update<T>(fn: (tokens: Map<string, TokenRecord>) => T, now: number): Promise<T> {
    const run = this.queue.then(async () => {
      const tokens = new Map(await this.load());
      const out = fn(tokens);
      for (const [h, t] of tokens) if (t.expiresAt <= now) tokens.delete(h);
      await ensureServerDir(this.stateDir);
      await atomicWriteFile(this.file, JSON.stringify({ version: 1, tokens: [...tokens.values()] } satisfies TokensFile), 0o600);
      this.cache = undefined;
      return out;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async issue(user: UserInfo, ttlMs: number, now: number, address?: string): Promise<{ token: string; record: TokenRecord }> {
    const token = randomBytes(32).toString('base64url');
    const record: TokenRecord = { hash: tokenHash(token), user: user.name, role: user.role, source: user.source, issuedAt: now, expiresAt: now + ttlMs, ...(address ? { address } : {}) };
    await this.update((t) => t.set(record.hash, record), now);
    return { token, record };
  }

  /** The live record of a token, or why it is refused. */
  async check(token: string, now: number): Promise<{ record: TokenRecord } | { refused: 'unknown' | 'expired' }> {
    const rec = (await this.load()).get(tokenHash(token));
    if (!rec) return { refused: 'unknown' };
    if (rec.expiresAt <= now) return { refused: 'expired' };
    return { record: rec };
  }

  async revokeToken(token: string, now: number): Promise<boolean> {
    return this.update((t) => t.delete(tokenHash(token)), now);
  }

  /** Revokes by id prefix (from `parc serve token list`), user name, or all. Returns how many. */
  async revoke(sel: { id?: string; user?: string; all?: boolean }, now: number): Promise<number> {
    return this.update((t) => {
      let n = 0;
      for (const [h, r] of t) {
        const hit = sel.all || (sel.id !== undefined && sel.id.length >= 6 && h.startsWith(sel.id.toLowerCase())) || (sel.user !== undefined && r.user.toLowerCase() === sel.user.toLowerCase());
        if (hit) {
          t.delete(h);
          n++;
        }
      }
      return n;
    }, now);
  }

  async list(now: number): Promise<TokenRecord[]> {
    return [...(await this.load()).values()].filter((t) => t.expiresAt > now).sort((a, b) => a.issuedAt - b.issuedAt);
  }
}
