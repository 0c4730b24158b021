// Checks the authentication settings of an Observium config.php: unknown keys (with the key probably meant),
// assignments overridden by later ones, values of the wrong type, and required settings that are missing.
import { suggest } from '../inventory/reader';
import { AUTH_SETTINGS, isAuthKey, isLdapKey, LDAP_ATTR_KEYS, type Setting } from './keys';
import { parseConfigPhp, type ConfigStatement, type ParsedConfig } from './php-config';
import { describe, get, stringsOf, toPhpString, truthy, type PhpKey, type PhpValue } from './php-value';
import { hasOwnKey, own } from '../lookup';

export type CheckCode = 'syntax' | 'include' | 'unknown-key' | 'duplicate' | 'type' | 'value' | 'missing' | 'consistency' | 'conditional' | 'dynamic' | 'unused';

export interface ConfigDiagnostic {
  severity: 'error' | 'warning' | 'info';
  code: CheckCode;
  message: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  key?: string;
}

export interface ConfigCheck {
  parsed: ParsedConfig;
  diagnostics: ConfigDiagnostic[];
  /** Overridden statements (index → index of the statement that overrides it). */
  overriddenBy: Map<number, number>;
  /** Unknown top-level keys and the known key they most likely mean. */
  typos: Map<string, string>;
}

export function checkConfigText(text: string): ConfigCheck {
  return checkParsed(parseConfigPhp(text));
}

const leafKey = (p: PhpKey[]) => JSON.stringify(p);

/** The leaf paths an assignment writes (an array value writes each of its leaves; an empty array is one leaf). */
function leaves(path: PhpKey[], v: PhpValue | undefined): PhpKey[][] {
  if (v?.t === 'array' && v.entries.length) return v.entries.flatMap((e) => leaves([...path, e.key], e.value));
  return [path];
}

export function checkParsed(parsed: ParsedConfig): ConfigCheck {
  const diags: ConfigDiagnostic[] = [];
  const at = (s: ConfigStatement, severity: ConfigDiagnostic['severity'], code: CheckCode, message: string, key?: string) => {
    const end = parsed.lineOf(s.end);
    diags.push({ severity, code, message, line: s.line, col: s.col, endLine: end.line, endCol: end.col, key });
  };
  for (const e of parsed.errors) diags.push({ severity: 'error', code: 'syntax', message: `PHP syntax: ${e.message}`, line: e.line, col: e.col, endLine: e.line, endCol: e.col });
  if (!parsed.text.trim()) diags.push({ severity: 'warning', code: 'syntax', message: 'the file is empty: Observium runs with its defaults (MySQL logins, no LDAP)', line: 1, col: 1, endLine: 1, endCol: 1 });
  for (const inc of parsed.includes) {
    diags.push({ severity: 'info', code: 'include', message: `${inc.source} — settings in the included file are not read here; check that file too`, line: inc.line, col: inc.col, endLine: inc.line, endCol: inc.col + inc.source.length });
  }

  const statements = parsed.statements;
  const auth = statements.map((s, i) => ({ s, i })).filter(({ s }) => typeof s.path[0] === 'string' && isAuthKey(s.path[0] as string));
  const known = Object.keys(AUTH_SETTINGS);
  const typos = new Map<string, string>();

  // Overrides: which leaves each statement still owns once later statements ran.
  const owner = new Map<string, number>();
  const overriddenBy = new Map<number, number>();
  const overriddenAt = new Map<number, Set<number>>();
  for (const { s, i } of auth) {
    if (s.conditional) continue;
    const prefix = leafKey(s.resolvedPath).slice(0, -1);
    for (const [k, who] of [...owner]) {
      if (who !== i && (k === leafKey(s.resolvedPath) || k.startsWith(prefix + ','))) {
        owner.delete(k);
        if (!overriddenAt.has(who)) overriddenAt.set(who, new Set());
        overriddenAt.get(who)!.add(i);
      }
    }
    if (s.kind === 'set') for (const l of leaves(s.resolvedPath, s.value)) owner.set(leafKey(l), i);
  }
  for (const [who, by] of overriddenAt) {
    const owned = [...owner.values()].includes(who);
    const later = [...by].map((i) => statements[i]);
    const s = statements[who];
    const name = pathText(s.path);
    const lines = later.map((x) => x.line).join(', ');
    if (!owned) overriddenBy.set(who, Math.max(...by));
    const same = later.length === 1 && later[0].kind === 'set' && s.value && later[0].value && describe(later[0].value) === describe(s.value);
    at(s, 'warning', 'duplicate', owned
      ? `${name}: part of this value is replaced at line ${lines} (PHP keeps the last assignment)`
      : `${name} is assigned again at line ${lines}${same ? ' with the same value' : ''}; this line has no effect (PHP keeps the last assignment)`, s.path[0] as string);
  }

  for (const { s } of auth) {
    const key = s.path[0] as string;
    if (s.conditional) at(s, 'info', 'conditional', `${pathText(s.path)} is set inside a condition or function; Parc cannot tell whether it runs and leaves it out of the evaluation`, key);
    if (!hasOwnKey(AUTH_SETTINGS, key)) {
      const hint = suggest(key, known);
      if (hint) typos.set(key, hint);
      at(s, 'warning', 'unknown-key', `unknown setting ${key}${hint ? ` → ${hint}?` : ''} (Observium ignores it)`, key);
      continue;
    }
    if (s.kind !== 'set' || !s.value) continue;
    if (s.value.t === 'dynamic') {
      at(s, 'info', 'dynamic', `${pathText(s.path)} is computed when PHP runs (${s.value.source}); its value is not checked`, key);
      continue;
    }
    for (const problem of typeProblems(key, s.path.slice(1), s.value)) at(s, problem.severity, problem.code, problem.message, key);
  }

  requiredAndConsistency(parsed, auth.map((x) => x.s), (s, sev, code, msg, key) => {
    if (s) at(s, sev, code, msg, key);
    else diags.push({ severity: sev, code, message: msg, line: 1, col: 1, endLine: 1, endCol: 1, key });
  });
  diags.sort((a, b) => a.line - b.line || a.col - b.col);
  return { parsed, diagnostics: diags, overriddenBy, typos };
}

function pathText(path: (PhpKey | null)[]): string {
  return `$config${path.map((k) => (k === null ? '[]' : typeof k === 'number' ? `[${k}]` : `['${k}']`)).join('')}`;
}

interface Problem {
  severity: 'error' | 'warning';
  code: CheckCode;
  message: string;
}

/** Problems with one assigned value, given where it sits under the setting (`sub` is the rest of the path). */
export function typeProblems(key: string, sub: (PhpKey | null)[], v: PhpValue): Problem[] {
  const setting = own(AUTH_SETTINGS, key);
  if (!setting) return [];
  const name = pathText([key, ...sub]);
  const out: Problem[] = [];
  const err = (message: string, code: CheckCode = 'type') => out.push({ severity: 'error', code, message: `${name}: ${message}` });
  const warn = (message: string, code: CheckCode = 'type') => out.push({ severity: 'warning', code, message: `${name}: ${message}` });
  if (v.t === 'dynamic') return out;

  if (setting.type === 'attrs') {
    if (sub.length === 0) {
      if (v.t !== 'array') return err(`must be an array of attribute names, got ${describe(v)}`), out;
      for (const e of v.entries) out.push(...typeProblems(key, [e.key], e.value));
      return out;
    }
    const attr = String(sub[0]);
    if (!(LDAP_ATTR_KEYS as readonly string[]).includes(attr)) {
      const hint = suggest(attr, LDAP_ATTR_KEYS);
      warn(`unknown attribute key '${attr}'${hint ? ` → '${hint}'? (array keys are case-sensitive)` : ''}; Observium ignores it`, 'unknown-key');
    }
    if (v.t !== 'string' || !v.v) err(`must be an attribute name (text), got ${describe(v)}`);
    return out;
  }
  if (setting.type === 'levels') {
    if (sub.length === 0) {
      if (v.t !== 'array') return err(`must be an array: ['group']['level'] = N`), out;
      for (const e of v.entries) out.push(...typeProblems(key, [e.key], e.value));
      return out;
    }
    if (sub.length === 1) {
      if (v.t !== 'array') return err(`must be array('level' => N), got ${describe(v)}`), out;
      for (const e of v.entries) out.push(...typeProblems(key, [sub[0], e.key], e.value));
      return out;
    }
    if (sub[1] !== 'level') {
      const hint = suggest(String(sub[1]), ['level']);
      warn(`unknown key '${sub[1]}'${hint ? ` → 'level'?` : ''}; Observium only reads ['level']`, 'unknown-key');
      return out;
    }
    if (v.t !== 'int' || v.v < 0 || v.v > 10) {
      if (v.t === 'string' && /^\d+$/.test(v.v)) warn(`the level is the string '${v.v}'; write ${v.v} without quotes`);
      else err(`a user level is a whole number from 0 to 10, got ${describe(v)}`);
    }
    return out;
  }
  if (setting.type === 'list' || setting.type === 'strings') {
    if (sub.length === 0 && v.t === 'array') {
      v.entries.forEach((e) => {
        if (e.value.t !== 'string' || !e.value.v) err(`item [${e.key}] must be text, got ${describe(e.value)}`);
      });
      return out;
    }
    if (v.t === 'string') {
      if (setting.type === 'list' && sub.length === 0) warn(`Observium loops over this setting; a single text is not a list: write array('${v.v}')`);
      if (!v.v && sub.length === 0) warn('is empty');
      return out;
    }
    return err(`must be ${setting.type === 'list' ? 'an array of' : 'a text or an array of'} texts, got ${describe(v)}`), out;
  }
  if (sub.length) return out; // a sub-key of a scalar setting: reported as an override/shape problem elsewhere
  switch (setting.type) {
    case 'string': {
      if (v.t === 'array' || v.t === 'bool' || v.t === 'null') err(`must be text, got ${describe(v)}`);
      const s = toPhpString(v);
      if (s !== undefined && setting.values) {
        if (key === 'auth_ldap_starttls') starttlsProblem(v, err, warn);
        else if (!setting.values.includes(s)) {
          const ci = setting.values.find((x) => String(x).toLowerCase() === s.toLowerCase());
          const msg = `'${s}' is not one of ${setting.values.map((x) => `'${x}'`).join(', ')}${ci ? ` (values are case-sensitive: '${ci}')` : ''}`;
          if (key === 'auth_ldap_groupmembertype') err(`${msg}; Observium treats anything but 'fulldn' as 'nodn'`, 'value');
          else if (key === 'auth_mechanism') warn(msg, 'value');
          else err(msg, 'value');
        }
      }
      if (v.t === 'bool' && key === 'auth_ldap_starttls') starttlsProblem(v, err, warn);
      break;
    }
    case 'int': {
      if (v.t === 'int') {
        if (setting.values && !setting.values.includes(v.v)) err(`must be one of ${setting.values.join(', ')}, got ${v.v}`, 'value');
        if (key.endsWith('_port') && (v.v < 1 || v.v > 65535)) err(`a port is 1..65535, got ${v.v}`, 'value');
      } else if (v.t === 'string' && /^\d+$/.test(v.v)) {
        warn(key === 'auth_ldap_port'
          ? `the port is the string '${v.v}'; Observium compares it with === 636 to switch to ldaps://, so write ${v.v} without quotes`
          : `the string '${v.v}' should be the number ${v.v} (no quotes)`);
      } else err(`must be a whole number, got ${describe(v)}`);
      break;
    }
    case 'bool': {
      if (v.t === 'bool') break;
      if (v.t === 'int' && (v.v === 0 || v.v === 1)) break;
      if (v.t === 'string') {
        const t = truthy(v);
        if (/^(false|no|off|none|disabled?)$/i.test(v.v)) err(`the string '${v.v}' is TRUE in PHP (any non-empty text but '0' is); write FALSE without quotes`);
        else if (/^(true|yes|on|enabled?)$/i.test(v.v)) warn(`the string '${v.v}' only works because any non-empty text is TRUE; write TRUE without quotes`);
        else err(`must be TRUE or FALSE, got ${describe(v)} (which PHP reads as ${t ? 'TRUE' : 'FALSE'})`);
      } else err(`must be TRUE or FALSE, got ${describe(v)}`);
      break;
    }
  }
  return out;
}

function starttlsProblem(v: PhpValue, err: (m: string, c?: CheckCode) => void, warn: (m: string, c?: CheckCode) => void): void {
  if (v.t === 'bool') {
    if (v.v) warn("TRUE behaves like 'optional': if STARTTLS fails Observium carries on in clear text; write 'require'", 'value');
    return;
  }
  if (v.t === 'int' && v.v === 1) return warn("1 behaves like 'optional' (clear text if STARTTLS fails); write 'require'", 'value');
  const s = toPhpString(v) ?? '';
  if (['no', 'optional', 'require'].includes(s)) return;
  if (s === '1') return warn("'1' behaves like 'optional' (clear text if STARTTLS fails); write 'require'", 'value');
  err(`'${s}' is not 'no', 'optional' or 'require'; Observium compares strictly, so it silently does not use STARTTLS${/^(yes|true|on|required)$/i.test(s) || /^require$/i.test(s) ? " (write 'require')" : ''}`, 'value');
}

type Report = (s: ConfigStatement | undefined, sev: ConfigDiagnostic['severity'], code: CheckCode, msg: string, key?: string) => void;

function requiredAndConsistency(parsed: ParsedConfig, auth: ConfigStatement[], report: Report): void {
  const c = parsed.config;
  const last = (key: string) => [...auth].reverse().find((s) => s.path[0] === key && !s.conditional);
  const has = (key: string) => get(c, key) !== undefined;
  const value = (key: string) => get(c, key) ?? own(AUTH_SETTINGS, key)?.default;
  const mech = toPhpString(value('auth_mechanism') ?? { t: 'null' }) ?? '';
  const ldapStatements = auth.filter((s) => isLdapKey(s.path[0] as string) && s.path[0] !== 'auth_mechanism');
  if (mech !== 'ldap') {
    if (ldapStatements.length) report(last('auth_mechanism') ?? ldapStatements[0], 'warning', 'unused', `auth_mechanism is '${mech}'${has('auth_mechanism') ? '' : ' (the default)'}: the auth_ldap_* settings are not used; set $config['auth_mechanism'] = 'ldap'`, 'auth_mechanism');
    if (!ldapStatements.length) return;
  }
  const anchor = last('auth_mechanism') ?? ldapStatements[0];
  const missing = (key: string, sev: ConfigDiagnostic['severity'], why: string) => report(anchor, sev, 'missing', `${key} is not set: ${why}`, key);
  if (!has('auth_ldap_server') && !has('auth_ldap_ad_domain')) missing('auth_ldap_server', 'error', "Observium would try its example default 'ldap.yourserver.com'");
  if (!has('auth_ldap_suffix')) missing('auth_ldap_suffix', 'error', "users are searched under it, and the default ',ou=People,dc=example,dc=com' is an example");
  const binddn = toPhpString(value('auth_ldap_binddn') ?? { t: 'null' });
  const bindpw = value('auth_ldap_bindpw');
  if (binddn && (!bindpw || (bindpw.t !== 'dynamic' && !toPhpString(bindpw)))) report(last('auth_ldap_binddn'), 'error', 'missing', 'auth_ldap_binddn is set but auth_ldap_bindpw is empty: the service bind will fail', 'auth_ldap_bindpw');
  if (!binddn && !truthy(value('auth_ldap_bindanonymous') ?? { t: 'null' })) {
    report(anchor, 'warning', 'consistency', 'no auth_ldap_binddn and auth_ldap_bindanonymous is off: Observium binds as prefix + user + suffix to search, which only works when users sit directly under auth_ldap_suffix', 'auth_ldap_binddn');
  }
  if (!has('auth_ldap_group')) missing('auth_ldap_group', 'warning', 'anyone with a valid password in the directory can log in');
  if (!has('auth_ldap_groups')) missing('auth_ldap_groups', 'warning', 'no group grants a user level, so every user gets level 0 (no access)');
  const memberType = toPhpString(value('auth_ldap_groupmembertype') ?? { t: 'null' }) ?? 'nodn';
  const memberAttr = (toPhpString(value('auth_ldap_groupmemberattr') ?? { t: 'null' }) ?? '').toLowerCase();
  const reverse = truthy(value('auth_ldap_groupreverse') ?? { t: 'null' }) ?? false;
  if (!reverse) {
    if (memberType === 'fulldn' && memberAttr === 'memberuid') report(last('auth_ldap_groupmembertype'), 'warning', 'consistency', "auth_ldap_groupmembertype 'fulldn' with auth_ldap_groupmemberattr 'memberUid': memberUid holds user names, not DNs", 'auth_ldap_groupmembertype');
    if (memberType !== 'fulldn' && (memberAttr === 'member' || memberAttr === 'uniquemember')) report(last('auth_ldap_groupmemberattr') ?? last('auth_ldap_groupmembertype'), 'warning', 'consistency', `auth_ldap_groupmemberattr '${memberAttr}' holds user DNs, but auth_ldap_groupmembertype is '${memberType}' (compares the login name): set it to 'fulldn'`, 'auth_ldap_groupmembertype');
  }
  if (reverse && truthy(value('auth_ldap_recursive') ?? { t: 'null' })) report(last('auth_ldap_recursive'), 'warning', 'consistency', 'auth_ldap_recursive is ignored when auth_ldap_groupreverse is on: Observium does not follow nested groups through memberOf', 'auth_ldap_recursive');
  const starttls = value('auth_ldap_starttls');
  const port = value('auth_ldap_port');
  const servers = stringsOf(value('auth_ldap_server'));
  const tlsOn = (starttls && (starttls.t === 'bool' ? starttls.v : ['optional', 'require', '1'].includes(toPhpString(starttls) ?? ''))) || (port?.t === 'int' && port.v === 636) || servers.some((s) => s.toLowerCase().startsWith('ldaps://'));
  if (!tlsOn && servers.length) report(last('auth_ldap_starttls') ?? last('auth_ldap_server'), 'warning', 'consistency', 'neither STARTTLS nor LDAPS: passwords go over the network in clear text', 'auth_ldap_starttls');
}

/** The settings Observium would use, for display: value, where it was set, or the default. */
export function effectiveSettings(check: ConfigCheck): { key: string; value?: PhpValue; line?: number; isDefault: boolean }[] {
  const out: { key: string; value?: PhpValue; line?: number; isDefault: boolean }[] = [];
  for (const [key, setting] of Object.entries(AUTH_SETTINGS) as [string, Setting][]) {
    if (!isLdapKey(key)) continue;
    const v = get(check.parsed.config, key);
    const st = [...check.parsed.statements].reverse().find((s) => s.path[0] === key && !s.conditional);
    if (v) out.push({ key, value: v, line: st?.line, isDefault: false });
    else if (setting.default) out.push({ key, value: setting.default, isDefault: true });
  }
  return out;
}
