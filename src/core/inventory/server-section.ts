// `server:` in parc.yaml — how `parc serve` lets people in:
//   server:
//     listen: 0.0.0.0:8443            # optional; --listen wins
//     auth:
//       directory: corp               # a profile of `directories:`; its bind, search and group checks apply
//       roles:                        # directory groups (cn or full DN) → role; the highest match wins
//         admin: [Admins]
//         operator: [IT-France]
//         viewer: [Managers]
//       tokenTtl: 8h                  # how long a login lasts (minutes when a bare number)
// Local accounts (`parc serve user add`) need no section. Nothing here is secret.
import { isScalar, type Node } from 'yaml';
import { ROLES, type Role } from '../remote/api-types';
import type { NodeReader } from './reader';

export interface ServerAuthConfig {
  directory?: string;
  /** Groups per role, as written (cn or DN). */
  roles: Map<Role, string[]>;
  tokenTtlMs: number;
}

export interface ServerConfig {
  listen?: string;
  auth: ServerAuthConfig;
  /** Line of `server:` in parc.yaml. */
  line: number;
}

export const DEFAULT_TOKEN_TTL_MS = 8 * 3_600_000;
const UNITS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 });

function duration(r: NodeReader, node: Node, where: string): number | undefined {
  const raw = isScalar(node) ? String(node.value).trim() : '';
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(raw);
  const unit = m ? (m[2] ? UNITS[m[2].toLowerCase()] : 60_000) : undefined;
  const ms = m && unit ? Number(m[1]) * unit : NaN;
  if (!(ms >= 5_000 && ms <= 30 * 86_400_000)) {
    r.report(node, `${where} must be a duration from 5s to 30d, like 8h or 90m (got "${raw}")`);
    return undefined;
  }
  return ms;
}

export function readServer(r: NodeReader, node: Node, directories: (name: string) => boolean): ServerConfig | undefined {
  const m = r.map(node, 'server');
  if (!m) return undefined;
  const e = r.entries(m, 'server', ['listen', 'auth']);
  const cfg: ServerConfig = { auth: { roles: new Map(), tokenTtlMs: DEFAULT_TOKEN_TTL_MS }, line: r.lineOf(node) };
  const listen = e.get('listen')?.value;
  if (listen) {
    const s = r.string(listen, 'server.listen');
    if (s !== undefined && !/^(\[[0-9a-f:.]+\]|[^\s:[\]]+)(:\d{1,5})?$/i.test(s)) r.report(listen, `server.listen must be HOST or HOST:PORT, like 127.0.0.1:8443 (got "${s}")`);
    else cfg.listen = s;
  }
  const auth = e.get('auth')?.value;
  if (!auth || (isScalar(auth) && auth.value === null)) return cfg;
  const am = r.map(auth, 'server.auth');
  if (!am) return cfg;
  const a = r.entries(am, 'server.auth', ['directory', 'roles', 'tokenTtl']);
  const dir = a.get('directory')?.value;
  if (dir) {
    const name = r.string(dir, 'server.auth.directory');
    if (name !== undefined && !directories(name)) r.report(dir, `server.auth.directory: no profile named "${name}" under directories:`);
    else cfg.auth.directory = name;
  }
  const ttl = a.get('tokenTtl')?.value;
  if (ttl) cfg.auth.tokenTtlMs = duration(r, ttl, 'server.auth.tokenTtl') ?? DEFAULT_TOKEN_TTL_MS;
  const roles = a.get('roles')?.value;
  if (roles) {
    const rm = r.map(roles, 'server.auth.roles');
    if (rm) {
      for (const [role, pair] of r.entries(rm, 'server.auth.roles', ROLES)) {
        if (!(ROLES as readonly string[]).includes(role) || !pair.value) continue;
        const groups = r.stringList(pair.value, `server.auth.roles.${role}`);
        if (groups.length) cfg.auth.roles.set(role as Role, groups);
      }
    }
  }
  if (cfg.auth.directory && !cfg.auth.roles.size) r.report(a.get('directory')!.key as Node, 'server.auth: a directory without roles lets nobody in; add roles: { viewer: [GROUP], operator: [...], admin: [...] }');
  if (!cfg.auth.directory && cfg.auth.roles.size) r.report(a.get('roles')!.key as Node, 'server.auth.roles applies to directory logins: name the profile with server.auth.directory', 'warning');
  return cfg;
}
