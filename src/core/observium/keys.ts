// The authentication settings Observium reads from config.php (includes/defaults.inc.php, the LDAP auth module and
// the settings definitions), with the type each must have and the default Observium falls back to.
import { bool, int, str, type PhpValue } from './php-value';

export type SettingType = 'string' | 'int' | 'bool' | 'strings' | 'list' | 'levels' | 'attrs' | 'map' | 'any';

export interface Setting {
  type: SettingType;
  /** Accepted values, when only a few are meaningful. */
  values?: readonly (string | number)[];
  default?: PhpValue;
  doc: string;
}

export const LDAP_ATTR_KEYS = ['uid', 'uidNumber', 'cn', 'dn', 'memberOf', 'group', 'mail', 'email', 'description'] as const;

export const AUTH_SETTINGS: Record<string, Setting> = {
  auth_mechanism: { type: 'string', values: ['mysql', 'ldap', 'ad', 'radius', 'http-auth'], default: str('mysql'), doc: 'authentication module' },
  auth: { type: 'map', doc: 'general authentication options (remote_user)' },
  auth_ldap_server: { type: 'strings', default: str('ldap.yourserver.com'), doc: 'LDAP server name(s), tried in order' },
  auth_ldap_ad_domain: { type: 'string', doc: 'AD domain, used to find DCs when no server is set' },
  auth_ldap_port: { type: 'int', default: int(389), doc: 'LDAP server port (636: ldaps:// is prepended)' },
  auth_ldap_version: { type: 'int', values: [2, 3], default: int(3), doc: 'LDAP protocol version' },
  auth_ldap_starttls: { type: 'string', values: ['no', 'optional', 'require'], default: str('no'), doc: "STARTTLS: 'no', 'optional' or 'require'" },
  auth_ldap_referrals: { type: 'bool', default: bool(false), doc: 'follow referrals' },
  auth_ldap_prefix: { type: 'string', default: str('uid='), doc: 'prefix of a user DN (session bind, fulldn)' },
  auth_ldap_suffix: { type: 'string', default: str(',ou=People,dc=example,dc=com'), doc: 'suffix of a user DN; also the user search base' },
  auth_ldap_group: { type: 'list', doc: 'group DN(s) whose members may log in' },
  auth_ldap_groupbase: { type: 'string', default: str('ou=groups,dc=example,dc=com'), doc: 'base for group searches' },
  auth_ldap_groups: { type: 'levels', doc: "user level per group: ['name']['level'] = N" },
  auth_ldap_binddn: { type: 'string', default: str(''), doc: 'DN Observium binds as to search (empty: anonymous or session bind)' },
  auth_ldap_bindpw: { type: 'string', default: str(''), doc: 'password of auth_ldap_binddn' },
  auth_ldap_bindanonymous: { type: 'bool', default: bool(false), doc: 'bind anonymously to search' },
  auth_ldap_kerberized: { type: 'bool', default: bool(false), doc: 'trust the web server to have authenticated the user' },
  auth_ldap_attr: { type: 'attrs', doc: 'attribute names: uid, uidNumber, cn, dn, memberOf, group' },
  auth_ldap_objectclass: { type: 'string', default: str('posixAccount'), doc: 'objectClass of user entries' },
  auth_ldap_groupmembertype: { type: 'string', values: ['nodn', 'fulldn'], default: str('nodn'), doc: "'nodn' (groups hold user names) or 'fulldn' (groups hold user DNs)" },
  auth_ldap_groupmemberattr: { type: 'string', default: str('memberUid'), doc: 'group attribute holding members (memberUid, member, uniqueMember)' },
  auth_ldap_groupreverse: { type: 'bool', default: bool(false), doc: 'read memberOf on the user instead of the group members' },
  auth_ldap_recursive: { type: 'bool', default: bool(false), doc: 'follow nested groups' },
  auth_ldap_recursive_maxdepth: { type: 'int', default: int(2), doc: 'how deep nested groups are followed' },
  auth_ad_server: { type: 'strings', doc: 'AD module: servers' },
  auth_ad_tls: { type: 'bool', doc: 'AD module: LDAPS' },
  auth_ad_starttls: { type: 'string', values: ['no', 'optional', 'require'], doc: 'AD module: STARTTLS' },
  auth_ad_validatecert: { type: 'bool', doc: 'AD module: validate the DC certificate' },
  auth_ad_port: { type: 'int', doc: 'AD module: port' },
  auth_ad_domain: { type: 'string', doc: 'AD module: domain' },
  auth_ad_basedn: { type: 'string', doc: 'AD module: base DN' },
  auth_ad_binddn: { type: 'string', doc: 'AD module: bind user' },
  auth_ad_bindpw: { type: 'string', doc: 'AD module: bind password' },
  auth_radius_server: { type: 'strings', doc: 'RADIUS servers' },
  auth_radius_id: { type: 'string', doc: 'RADIUS NAS identifier' },
  auth_radius_port: { type: 'int', doc: 'RADIUS port' },
  auth_radius_secret: { type: 'string', doc: 'RADIUS secret' },
  auth_radius_method: { type: 'string', values: ['PAP', 'CHAP', 'MSCHAPv1', 'MSCHAPv2'], doc: 'RADIUS method' },
  auth_radius_timeout: { type: 'int', doc: 'RADIUS timeout' },
  auth_radius_retries: { type: 'int', doc: 'RADIUS retries' },
};

/** Keys that belong to the LDAP section Parc rewrites (auth_mechanism is set with it). */
export function isLdapKey(key: string): boolean {
  return key === 'auth_mechanism' || key.startsWith('auth_ldap_');
}

/** Settings Parc looks at: everything authentication-related. */
export function isAuthKey(key: string): boolean {
  return key === 'auth' || key.startsWith('auth_');
}
