// Observium's user level for a set of groups: the highest level among auth_ldap_groups the user is in.
// A group given by name is read as CN=<name>,<groupbase>, which is what Observium itself does.
import { dnEquals } from './dn';
import type { LevelGrant } from './types';

const NAMES: Record<number, string> = {
  0: 'no access', 1: 'normal user', 5: 'global read', 7: 'global read with secure data', 8: 'global secure read/write', 10: 'administrator',
};

export function levelName(level: number): string {
  return NAMES[level] ?? `level ${level}`;
}

export function groupDnFor(group: string, groupBase: string): string {
  return group.includes('=') ? group : `CN=${group},${groupBase.replace(/^[,\s]+/, '')}`;
}

export function observiumLevel(levels: LevelGrant[], groups: string[], groupBase: string): { level: number; through: string[] } {
  let level = 0;
  let through: string[] = [];
  for (const l of levels) {
    const dn = groupDnFor(l.group, groupBase);
    if (!groups.some((g) => dnEquals(g, dn))) continue;
    if (l.level > level) {
      level = l.level;
      through = [dn];
    } else if (l.level === level) through.push(dn);
  }
  return { level, through };
}
