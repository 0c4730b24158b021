// Logins of `parc serve`: the directory named by server.auth (bind + groups → role) or a local account, then a
// token. Failed logins are slowed per user and per address; every login, good or bad, is audited.
import { ServerAudit } from '../core/auth/audit';
import { LocalAccounts } from '../core/auth/accounts';
import { directoryLogin } from '../core/auth/directory-login';
import { LoginRateLimiter, type RateLimitOptions } from '../core/auth/rate-limit';
import { TokenStore, type TokenRecord } from '../core/auth/tokens';
import type { Logger, SecretSource } from '../core/host';
import { DEFAULT_TOKEN_TTL_MS } from '../core/inventory/server-section';
import type { Inventory } from '../core/inventory/types';
import { loadDirectoryProfiles } from '../core/ldap/load';
import type { LoginResponse, UserInfo } from '../core/remote/api-types';

export class LoginError extends Error {
  constructor(readonly status: 401 | 429, message: string, readonly step?: string, readonly retryAfter?: number) {
    super(message);
  }
}

export interface Session extends UserInfo {
  token: TokenRecord;
}

export class Authenticator {
  readonly accounts: LocalAccounts;
  readonly tokens: TokenStore;
  readonly audit: ServerAudit;
  private readonly limiter: LoginRateLimiter;

  constructor(private readonly o: { stateDir: string; inventory: () => Inventory; secrets: SecretSource; logger: Logger; now: () => number; rateLimit?: RateLimitOptions }) {
    this.accounts = new LocalAccounts(o.stateDir);
    this.tokens = new TokenStore(o.stateDir);
    this.audit = new ServerAudit(o.stateDir);
    this.limiter = new LoginRateLimiter(o.rateLimit);
  }

  private get ttl(): number {
    return this.o.inventory().server?.auth.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  }

  async login(user: string, password: string, address: string): Promise<LoginResponse> {
    const now = this.o.now();
    const wait = this.limiter.waitMs(user, address, now);
    if (wait > 0) {
      await this.audit.append({ at: new Date(now).toISOString(), user, address, action: 'login', outcome: 'refused', detail: 'rate-limited' });
      throw new LoginError(429, `too many failed logins for this user or address; try again in ${Math.ceil(wait / 1000)} s`, undefined, Math.ceil(wait / 1000));
    }
    let info: UserInfo | undefined;
    let failure: { step: string; message: string } | undefined;
    let through: string | undefined;
    // A local account of that name wins (an emergency admin while the directory is down).
    const local = (await this.accounts.load()).get(user.toLowerCase());
    const auth = this.o.inventory().server?.auth;
    if (local || !auth?.directory) {
      const acc = await this.accounts.verify(user, password);
      if (acc) info = { name: acc.name, role: acc.role, source: 'local' };
      else failure = { step: 'password', message: 'wrong user name or password' }; // the same whether the user exists or not
    } else {
      const { profiles } = await loadDirectoryProfiles(this.o.inventory().file);
      const profile = profiles.get(auth.directory);
      if (!profile) failure = { step: 'config', message: `directory profile "${auth.directory}" is not in parc.yaml any more` };
      else {
        const r = await directoryLogin(profile, auth.roles, user, password, this.o.secrets);
        if (r.ok) {
          info = { name: user, role: r.role, source: 'directory' };
          through = r.through;
        } else failure = { step: r.step, message: r.message };
      }
    }
    const at = new Date(now).toISOString();
    if (!info) {
      this.limiter.failed(user, address, now);
      await this.audit.append({ at, user, address, action: 'login', outcome: 'refused', detail: `${failure!.step}: ${failure!.message}` });
      this.o.logger.info(`login refused for ${user} from ${address} at step ${failure!.step}`);
      throw new LoginError(401, `login refused: ${failure!.message}`, failure!.step);
    }
    this.limiter.succeeded(user);
    const { token, record } = await this.tokens.issue(info, this.ttl, now, address);
    await this.audit.append({ at, user: info.name, role: info.role, address, action: 'login', outcome: 'ok', detail: `${info.source}${through ? ` through ${through}` : ''}` });
    this.o.logger.info(`${info.name} logged in from ${address} as ${info.role} (${info.source})`);
    return { token, expiresAt: new Date(record.expiresAt).toISOString(), user: info };
  }

  /** The session of a bearer token, or why not. */
  async session(token: string | undefined): Promise<Session | { refused: string }> {
    if (!token) return { refused: 'no token: log in with POST /api/login and send Authorization: Bearer <token>' };
    const r = await this.tokens.check(token, this.o.now());
    if ('refused' in r) return { refused: r.refused === 'expired' ? 'the token has expired: log in again' : 'the token is not valid (revoked, or never issued): log in again' };
    return { name: r.record.user, role: r.record.role, source: r.record.source, token: r.record };
  }

  async logout(token: string, s: Session, address: string): Promise<void> {
    await this.tokens.revokeToken(token, this.o.now());
    await this.audit.append({ at: new Date(this.o.now()).toISOString(), user: s.name, role: s.role, address, action: 'logout', outcome: 'ok' });
  }
}
