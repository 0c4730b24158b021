// A directory login for `parc serve`: the same steps as `parc ldap test` (connect, service bind, find the user,
// bind as the user, read groups with nesting), then the role from server.auth.roles. The first failing step is
// named; the password never appears in a message.
import type { SecretSource } from '../host';
import { dnEquals, firstRdnValue } from '../ldap/dn';
import { runLoginTest } from '../ldap/login-test';
import type { DirectoryProfile } from '../ldap/types';
import { ROLES, type Role } from '../remote/api-types';

export type DirectoryLogin = { ok: true; role: Role; through: string } | { ok: false; step: string; message: string };

/** A full DN is compared as a DN; a name ("IT-France") or a lone RDN ("cn=IT-France") with the group's cn. */
function groupMatches(wanted: string, groupDn: string): boolean {
  if (wanted.includes(',')) return dnEquals(wanted, groupDn);
  const name = wanted.includes('=') ? wanted.slice(wanted.indexOf('=') + 1).trim() : wanted;
  return firstRdnValue(groupDn).toLowerCase() === name.toLowerCase();
}

/** The highest role one of the groups maps to. */
export function roleFor(groups: string[], roles: Map<Role, string[]>): { role: Role; through: string } | undefined {
  for (const role of [...ROLES].reverse()) {
    for (const wanted of roles.get(role) ?? []) {
      const g = groups.find((dn) => groupMatches(wanted, dn));
      if (g) return { role, through: g };
    }
  }
  return undefined;
}

export async function directoryLogin(profile: DirectoryProfile, roles: Map<Role, string[]>, user: string, password: string, secrets: SecretSource): Promise<DirectoryLogin> {
  if (password === '') return { ok: false, step: 'userBind', message: 'the password is empty' };
  // The profile's own `group:`, when it has one, is required too (the bind/group checks of `parc ldap test`);
  // nested groups are followed as the profile says (nested: true). Observium levels do not apply here.
  const r = await runLoginTest({ ...profile, levels: [] }, { user, password, secrets });
  if (r.failure) return { ok: false, step: r.failure.step, message: r.failure.message };
  const hit = roleFor(r.groups, roles);
  if (!hit) {
    const names = r.groups.map(firstRdnValue);
    return { ok: false, step: 'role', message: `${user} is in none of the groups of server.auth.roles (member of: ${names.length ? names.join(', ') : 'no group'})` };
  }
  return { ok: true, role: hit.role, through: hit.through };
}
