// Observium's LDAP settings ↔ a Parc directory profile, so the live login test runs on what config.php says,
// and a profile tested in Parc can be written into config.php. Whatever one side cannot express is said in notes.
import { dnEquals, domainOf, firstRdnValue } from '../ldap/dn';
import { loginAttribute } from '../ldap/filter';
import { DEFAULT_TIMEOUT_MS, type DirectoryProfile, type LevelGrant } from '../ldap/types';
import { AUTH_SETTINGS } from './keys';
import { bool, get, int, list, str, stringsOf, toPhpString, truthy, type PhpValue } from './php-value';
import type { WantedSettings } from './rewrite';
import { own } from '../lookup';

export interface FromObservium {
  profile: DirectoryProfile;
  /** auth_ldap_bindpw from the file, to bind with in a live test (never printed). */
  bindPassword?: string;
  notes: string[];
}

const trimDn = (s: string) => s.replace(/^[,\s]+|[,\s]+$/g, '');

export function profileFromObservium(config: PhpValue, name = 'observium'): FromObservium {
  const notes: string[] = [];
  const v = (key: string): PhpValue | undefined => get(config, key) ?? own(AUTH_SETTINGS, key)?.default;
  const s = (key: string) => toPhpString(v(key) ?? { t: 'null' }) ?? '';
  const on = (key: string) => truthy(v(key) ?? { t: 'null' }) ?? false;
  const portV = v('auth_ldap_port');
  const port = portV?.t === 'int' ? portV.v : Number(toPhpString(portV ?? { t: 'null' })) || 389;
  const starttlsV = v('auth_ldap_starttls');
  const starttls = starttlsV?.t === 'bool' ? (starttlsV.v ? 'optional' : 'no') : s('auth_ldap_starttls');
  const servers = stringsOf(v('auth_ldap_server')).flatMap((x) => x.split(/\s+/)).filter(Boolean);
  if (!servers.length) notes.push('no auth_ldap_server: nothing to connect to');
  const urls = servers.map((srv) => {
    if (/^ldaps?:\/\//i.test(srv)) return new URL(srv).port ? srv : `${srv.replace(/\/+$/, '')}:${port}`;
    // Observium prepends ldaps:// only when the port is exactly the integer 636.
    return portV?.t === 'int' && port === 636 ? `ldaps://${srv}:636` : `ldap://${srv}:${port}`;
  });
  const startTls = (starttls === 'optional' || starttls === 'require' || starttls === '1') && urls.some((u) => u.startsWith('ldap://'));
  if (starttls === 'optional') notes.push("auth_ldap_starttls is 'optional': Observium would fall back to clear text, Parc requires StartTLS to succeed");
  if (startTls && urls.some((u) => u.startsWith('ldaps://'))) notes.push('StartTLS applies to ldap:// servers only');
  const binddn = s('auth_ldap_binddn');
  const bindPassword = binddn ? s('auth_ldap_bindpw') : undefined;
  if (!binddn && !on('auth_ldap_bindanonymous')) notes.push('no auth_ldap_binddn: Observium would search bound as prefix+user+suffix; Parc searches anonymously');
  const uidAttr = toPhpString(get(get(config, 'auth_ldap_attr'), 'uid') ?? str('uid')) ?? 'uid';
  const objectClass = s('auth_ldap_objectclass') || 'posixAccount';
  const userFilter = objectClass === '*' ? `(${uidAttr}={user})` : `(&(objectClass=${objectClass})(${uidAttr}={user}))`;
  const groups = stringsOf(get(config, 'auth_ldap_group'));
  if (groups.length > 1) notes.push(`auth_ldap_group lists ${groups.length} groups; the profile tests the first (${groups[0]})`);
  const reverse = on('auth_ldap_groupreverse');
  const memberAttr = s('auth_ldap_groupmemberattr') || 'memberUid';
  const memberType = s('auth_ldap_groupmembertype') || 'nodn';
  let membership: DirectoryProfile['membership'];
  if (reverse) membership = 'memberOf';
  else if (memberType === 'fulldn') {
    membership = 'member';
    if (memberAttr.toLowerCase() !== 'member') notes.push(`auth_ldap_groupmemberattr '${memberAttr}': the profile reads 'member'`);
  } else {
    membership = 'memberUid';
    if (memberAttr.toLowerCase() !== 'memberuid') notes.push(`auth_ldap_groupmemberattr '${memberAttr}' with 'nodn': the profile reads 'memberUid'`);
  }
  const recursive = on('auth_ldap_recursive') && !reverse;
  const depthV = v('auth_ldap_recursive_maxdepth');
  const maxdepth = depthV?.t === 'int' ? depthV.v : 2;
  const groupBase = trimDn(s('auth_ldap_groupbase')) || undefined;
  const levels: LevelGrant[] = [];
  const lv = get(config, 'auth_ldap_groups');
  if (lv?.t === 'array') {
    for (const e of lv.entries) {
      const l = get(e.value, 'level');
      const n = l?.t === 'int' ? l.v : Number(toPhpString(l ?? { t: 'null' }));
      if (Number.isFinite(n)) levels.push({ group: String(e.key), level: n });
    }
  }
  const profile: DirectoryProfile = {
    name, urls, startTls, bindDn: binddn || undefined, credential: binddn ? 'observium-bindpw' : undefined,
    userBase: trimDn(s('auth_ldap_suffix')), userFilter, group: groups[0], groupBase, membership, nested: recursive,
    nestedDepth: Math.max(1, maxdepth + 1), timeoutMs: DEFAULT_TIMEOUT_MS, levels, line: 0,
  };
  return { profile, bindPassword, notes };
}

/**
 * The Observium settings for a profile. The bind password is not in the profile (it lives in SecretStorage): it is
 * written only when given, otherwise auth_ldap_bindpw is left as the file has it. Observium cannot follow nested groups through memberOf, so a nested
 * memberOf profile is written as member + fulldn + recursive, which Observium can follow.
 */
export function observiumFromProfile(p: DirectoryProfile, o: { bindPassword?: string } = {}): { wanted: WantedSettings; notes: string[] } {
  const notes: string[] = [];
  const w: WantedSettings = new Map();
  const parsed = p.urls.map((u) => new URL(u));
  const ports = [...new Set(parsed.map((u) => Number(u.port) || (u.protocol === 'ldaps:' ? 636 : 389)))];
  if (ports.length > 1) notes.push(`the URLs use different ports (${ports.join(', ')}); Observium has one auth_ldap_port, ${ports[0]} is written`);
  const port = ports[0];
  const ldaps = parsed.some((u) => u.protocol === 'ldaps:');
  const servers = parsed.map((u) => (u.protocol === 'ldaps:' && port !== 636 ? `ldaps://${u.hostname}` : u.hostname));
  w.set('auth_mechanism', str('ldap'));
  w.set('auth_ldap_server', servers.length === 1 ? str(servers[0]) : list(servers.map(str)));
  w.set('auth_ldap_port', int(port));
  w.set('auth_ldap_version', int(3));
  w.set('auth_ldap_starttls', str(p.startTls && !ldaps ? 'require' : 'no'));
  if (p.caFile) notes.push(`caFile ${p.caFile}: Observium uses the system's LDAP CA settings (TLS_CACERT in /etc/ldap/ldap.conf); install that CA there`);
  if (p.bindDn) {
    w.set('auth_ldap_binddn', str(p.bindDn));
    if (o.bindPassword !== undefined) w.set('auth_ldap_bindpw', str(o.bindPassword));
    w.set('auth_ldap_bindanonymous', bool(false));
  } else {
    w.set('auth_ldap_binddn', str(''));
    w.set('auth_ldap_bindanonymous', bool(true));
  }
  const m = /^\(&\(objectClass=([^()=]+)\)\(([A-Za-z][\w-]*)=\{user\}\)\)$/i.exec(p.userFilter.replace(/\s+/g, ''));
  const attr = m?.[2] ?? loginAttribute(p.userFilter) ?? 'uid';
  const objectClass = m?.[1] ?? (/^\(\s*[A-Za-z][\w-]*\s*=\s*\{user\}\s*\)$/.test(p.userFilter) ? '*' : undefined);
  if (!objectClass) notes.push(`userFilter ${p.userFilter} cannot be expressed in Observium (only objectClass + one attribute); written as objectClass * and ${attr}`);
  const ad = /samaccountname/i.test(attr);
  w.set('auth_ldap_prefix', str(`${ad ? 'CN' : attr}=`));
  w.set('auth_ldap_suffix', str(`,${p.userBase}`));
  w.set('auth_ldap_objectclass', str(objectClass ?? '*'));
  const groupBase = p.groupBase ?? (p.group?.includes('=') ? domainOf(p.group) : domainOf(p.userBase)) ?? p.userBase;
  const groupDn = p.group ? (p.group.includes('=') ? p.group : `CN=${p.group},${groupBase}`) : undefined;
  w.set('auth_ldap_group', groupDn ? list([str(groupDn)]) : null);
  w.set('auth_ldap_groupbase', str(groupBase));
  const attrs: { key: string; value: PhpValue }[] = [{ key: 'uid', value: str(attr) }];
  let membership = p.membership;
  if (membership === 'memberOf' && p.nested) {
    notes.push('Observium does not follow nested groups through memberOf (auth_ldap_groupreverse); written as member + fulldn + recursive, which it does follow');
    membership = 'member';
  }
  if (membership === 'memberOf') {
    w.set('auth_ldap_groupreverse', bool(true));
    w.set('auth_ldap_groupmembertype', str('fulldn'));
    w.set('auth_ldap_groupmemberattr', str('member'));
    attrs.push({ key: 'memberOf', value: str('memberOf') });
  } else {
    w.set('auth_ldap_groupreverse', bool(false));
    w.set('auth_ldap_groupmembertype', str(membership === 'member' ? 'fulldn' : 'nodn'));
    w.set('auth_ldap_groupmemberattr', str(membership === 'member' ? 'member' : 'memberUid'));
  }
  const nested = p.nested && membership === 'member';
  w.set('auth_ldap_recursive', bool(nested));
  if (nested) {
    w.set('auth_ldap_recursive_maxdepth', int(Math.max(0, p.nestedDepth - 1)));
    attrs.push({ key: 'memberOf', value: str('memberOf') }, { key: 'group', value: str(ad ? 'group' : 'groupOfNames') }, { key: 'dn', value: str('dn') });
  } else w.set('auth_ldap_recursive_maxdepth', null);
  const seen = new Set<string>();
  w.set('auth_ldap_attr', { t: 'array', entries: attrs.filter((a) => !seen.has(a.key) && seen.add(a.key)) });
  if (p.levels.length) {
    w.set('auth_ldap_groups', {
      t: 'array',
      entries: p.levels.map((l) => {
        // Observium turns a bare name into CN=name,<groupbase>; write a DN only when that would not give the same group.
        const key = l.group.includes('=') && dnEquals(l.group, `CN=${firstRdnValue(l.group)},${groupBase}`) ? firstRdnValue(l.group) : l.group;
        return { key, value: { t: 'array', entries: [{ key: 'level', value: int(l.level) }] } };
      }),
    });
  } else w.set('auth_ldap_groups', null);
  return { wanted: w, notes };
}
