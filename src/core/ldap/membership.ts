// Which groups a user belongs to, read the way the profile says (memberOf / member / memberUid), nested groups
// followed through Active Directory's LDAP_MATCHING_RULE_IN_CHAIN or, elsewhere, a bounded walk up the tree.
import type { Client } from 'ldapts';
import { values } from './entry';
import { dnEquals, normalizeDn } from './dn';
import { classifyLdapError, isResultCodeError, LdapStepError } from './errors';
import { escapeFilterValue } from './filter';
import type { DirectoryProfile } from './types';

export const IN_CHAIN = '1.2.840.113556.1.4.1941';

export interface UserFound {
  dn: string;
  login: string; // the value memberUid groups hold
  entry: Record<string, unknown>;
}

export interface Memberships {
  /** Every group found, direct ones first. */
  groups: string[];
  direct: string[];
  method: string;
  /** For groups reached by the walk: the member through which each was reached (normalized DN → DN). */
  reachedThrough: Map<string, string>;
}

const GROUP_CLASSES = '(|(objectClass=group)(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)(objectClass=posixGroup))';

async function searchDns(client: Client, base: string, filter: string): Promise<string[]> {
  const r = await client.search(base, { scope: 'sub', filter, attributes: ['1.1'], sizeLimit: 2000 });
  return r.searchEntries.map((e) => e.dn);
}

function groupsStepError(err: unknown, what: string): LdapStepError {
  if (err instanceof LdapStepError) return err;
  const c = classifyLdapError(err, what);
  return new LdapStepError('groups', c.reason, c.message);
}

/** The target group's DN: checked to exist when a DN is given (a DN one OU off is the usual mistake), looked up when a name is. */
export async function resolveGroup(client: Client, group: string, groupBase: string): Promise<string> {
  if (group.includes('=')) {
    try {
      const r = await client.search(group, { scope: 'base', filter: '(objectClass=*)', attributes: ['1.1'] });
      if (r.searchEntries.length) return r.searchEntries[0].dn;
    } catch (err) {
      if (isResultCodeError(err) && err.code === 32) throw new LdapStepError('groups', 'group-not-found', `the group ${group} does not exist (check each OU in the DN)`);
      if (isResultCodeError(err) && (err.code === 50 || err.code === 1)) return group; // not readable by the service account; compare by DN anyway
      throw groupsStepError(err, `reading the group ${group}`);
    }
    throw new LdapStepError('groups', 'group-not-found', `the group ${group} is not visible to the service account`);
  }
  const filter = `(&${GROUP_CLASSES}(|(cn=${escapeFilterValue(group)})(sAMAccountName=${escapeFilterValue(group)})))`;
  let dns: string[];
  try {
    dns = await searchDns(client, groupBase, filter);
  } catch (err) {
    throw groupsStepError(err, `looking up the group "${group}" under ${groupBase}`);
  }
  if (!dns.length) throw new LdapStepError('groups', 'group-not-found', `no group named "${group}" under ${groupBase}`);
  if (dns.length > 1) throw new LdapStepError('groups', 'group-ambiguous', `${dns.length} groups are named "${group}" under ${groupBase}: ${dns.join('; ')}; give the group's DN`);
  return dns[0];
}

export async function readMemberships(client: Client, profile: DirectoryProfile, user: UserFound, groupBase: string, activeDirectory: boolean): Promise<Memberships> {
  const reachedThrough = new Map<string, string>();
  let direct: string[];
  let method: string;
  try {
    if (profile.membership === 'memberOf') {
      direct = values(user.entry, 'memberOf');
      method = 'memberOf on the user';
    } else if (profile.membership === 'member') {
      direct = await searchDns(client, groupBase, `(member=${escapeFilterValue(user.dn)})`);
      method = `member=<user DN> under ${groupBase}`;
    } else {
      direct = await searchDns(client, groupBase, `(memberUid=${escapeFilterValue(user.login)})`);
      method = `memberUid=${user.login} under ${groupBase}`;
    }
  } catch (err) {
    throw groupsStepError(err, `reading the groups of ${user.dn}`);
  }
  const groups = [...direct];
  if (!profile.nested || profile.membership === 'memberUid') return { groups, direct, method, reachedThrough };

  const seen = new Set(direct.map(normalizeDn));
  const add = (dn: string, through: string) => {
    const k = normalizeDn(dn);
    if (seen.has(k)) return false;
    seen.add(k);
    groups.push(dn);
    reachedThrough.set(k, through);
    return true;
  };
  if (activeDirectory) {
    // One query returns the whole transitive closure, computed by the domain controller.
    try {
      for (const dn of await searchDns(client, groupBase, `(member:${IN_CHAIN}:=${escapeFilterValue(user.dn)})`)) add(dn, '');
    } catch (err) {
      throw groupsStepError(err, 'nested groups through LDAP_MATCHING_RULE_IN_CHAIN');
    }
    return { groups, direct, method: `${method}; nested groups through LDAP_MATCHING_RULE_IN_CHAIN (${IN_CHAIN})`, reachedThrough };
  }
  // Elsewhere, walk up level by level; the bound keeps a cycle or a huge tree from running away.
  let frontier = [...direct];
  let depth = 0;
  while (frontier.length && depth < profile.nestedDepth) {
    depth++;
    const next: string[] = [];
    for (const g of frontier) {
      let parents: string[];
      try {
        if (profile.membership === 'memberOf') {
          const r = await client.search(g, { scope: 'base', filter: '(objectClass=*)', attributes: ['memberOf'] });
          parents = r.searchEntries[0] ? values(r.searchEntries[0] as Record<string, unknown>, 'memberOf') : [];
        } else {
          parents = await searchDns(client, groupBase, `(member=${escapeFilterValue(g)})`);
        }
      } catch (err) {
        if (isResultCodeError(err) && err.code === 32) continue; // a dangling reference: nothing above it
        throw groupsStepError(err, `walking up from ${g}`);
      }
      for (const p of parents) if (add(p, g)) next.push(p);
    }
    frontier = next;
  }
  const capped = frontier.length > 0 && depth >= profile.nestedDepth;
  return { groups, direct, method: `${method}; nested groups by walking up ${depth} level(s)${capped ? ` (stopped at nestedDepth ${profile.nestedDepth})` : ''}`, reachedThrough };
}

/** "directly" or "via CN=Helpdesk,... → CN=IT,..." for a group that was found. */
export function explainMembership(m: Memberships, target: string): string {
  if (m.direct.some((d) => dnEquals(d, target))) return 'directly';
  const chain: string[] = [];
  let k = normalizeDn(target);
  for (let i = 0; i < 60; i++) {
    const through = m.reachedThrough.get(k);
    if (through === undefined || through === '') break;
    chain.unshift(through);
    k = normalizeDn(through);
  }
  if (!chain.length) return 'through nested groups (resolved by the server)';
  return `through nested groups: ${chain.join(' → ')}`;
}
