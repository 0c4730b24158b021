// The corrected LDAP settings of a checked config.php: what PHP ends up with, typo'd keys moved to the key they
// meant, values given the type Observium expects. Fed to rewriteLdapSection, this is the "fix it" edit.
import type { ConfigCheck } from './check';
import { suggest } from '../inventory/reader';
import { AUTH_SETTINGS, isLdapKey, LDAP_ATTR_KEYS } from './keys';
import { bool, int, list, str, type PhpKey, type PhpValue } from './php-value';
import type { WantedSettings } from './rewrite';
import { own } from '../lookup';

export function correctedSettings(check: ConfigCheck): { wanted: WantedSettings; notes: string[] } {
  const wanted: WantedSettings = new Map();
  const notes: string[] = [];
  const config = check.parsed.config;
  for (const e of config.entries) {
    const key = String(e.key);
    if (!isLdapKey(key) && !check.typos.has(key)) continue;
    const target = check.typos.get(key) ?? key;
    if (check.typos.has(key)) {
      if (config.entries.some((x) => x.key === target)) {
        notes.push(`${key} removed: ${target} is also set, and that is the one Observium reads`);
        continue;
      }
      notes.push(`${key} renamed to ${target}`);
    }
    if (!isLdapKey(target)) continue;
    wanted.set(target, fixType(target, e.value, notes));
  }
  return { wanted, notes };
}

function fixType(key: string, v: PhpValue, notes: string[]): PhpValue {
  const setting = own(AUTH_SETTINGS, key);
  if (!setting || v.t === 'dynamic') return v;
  const note = (to: PhpValue, why: string) => {
    notes.push(`${key}: ${why}`);
    return to;
  };
  if (key === 'auth_ldap_starttls') {
    const s = v.t === 'string' ? v.v.toLowerCase() : v.t === 'bool' ? (v.v ? 'yes' : 'no') : v.t === 'int' ? String(v.v) : '';
    if (v.t === 'string' && ['no', 'optional', 'require'].includes(v.v)) return v;
    if (['yes', 'true', 'on', '1', 'require', 'required'].includes(s)) return note(str('require'), `${describeShort(v)} → 'require'`);
    if (['no', 'false', 'off', '0', ''].includes(s)) return note(str('no'), `${describeShort(v)} → 'no'`);
    if (s === 'optional') return note(str('optional'), `${describeShort(v)} → 'optional'`);
    return v;
  }
  switch (setting.type) {
    case 'int':
      if (v.t === 'string' && /^\d+$/.test(v.v)) return note(int(Number(v.v)), `'${v.v}' → ${v.v}`);
      return v;
    case 'bool':
      if (v.t === 'string') {
        if (/^(false|no|off|none|disabled?|0|)$/i.test(v.v)) return note(bool(false), `'${v.v}' → FALSE`);
        if (/^(true|yes|on|enabled?|1)$/i.test(v.v)) return note(bool(true), `'${v.v}' → TRUE`);
      }
      if (v.t === 'int' && (v.v === 0 || v.v === 1)) return v;
      return v;
    case 'list':
      if (v.t === 'string' && v.v) return note(list([v]), `'${v.v}' → array('${v.v}')`);
      return v;
    case 'string':
      if (setting.values && v.t === 'string' && !setting.values.includes(v.v)) {
        const ci = setting.values.find((x) => String(x).toLowerCase() === v.v.toLowerCase());
        if (ci !== undefined) return note(str(String(ci)), `'${v.v}' → '${ci}'`);
      }
      return v;
    case 'levels':
      if (v.t === 'array') {
        return {
          t: 'array',
          entries: v.entries.map((g) => ({
            key: g.key,
            value: g.value.t === 'array' ? { t: 'array', entries: renameKeys(g.value.entries, ['level'], `auth_ldap_groups['${g.key}']`, notes).map((l) => ({ key: l.key, value: l.key === 'level' && l.value.t === 'string' && /^\d+$/.test(l.value.v) ? note(int(Number(l.value.v)), `level of ${g.key} '${l.value.v}' → ${l.value.v}`) : l.value })) } : g.value,
          })),
        };
      }
      return v;
    case 'attrs':
      return v.t === 'array' ? { t: 'array', entries: renameKeys(v.entries, LDAP_ATTR_KEYS, 'auth_ldap_attr', notes) } : v;
    default:
      return v;
  }
}

/** Sub-keys that are typos of a known one are renamed, unless the known one is set too (then the typo goes). */
function renameKeys(entries: { key: PhpKey; value: PhpValue }[], known: readonly string[], where: string, notes: string[]): { key: PhpKey; value: PhpValue }[] {
  const out: { key: PhpKey; value: PhpValue }[] = [];
  for (const e of entries) {
    const k = String(e.key);
    if (known.includes(k)) {
      out.push(e);
      continue;
    }
    const hint = suggest(k, known);
    if (!hint) out.push(e);
    else if (entries.some((x) => x.key === hint)) notes.push(`${where}['${k}'] removed: ['${hint}'] is also set`);
    else {
      notes.push(`${where}['${k}'] renamed to ['${hint}']`);
      out.push({ key: hint, value: e.value });
    }
  }
  return out;
}

function describeShort(v: PhpValue): string {
  return v.t === 'string' ? `'${v.v}'` : v.t === 'bool' ? (v.v ? 'TRUE' : 'FALSE') : v.t === 'int' ? String(v.v) : v.t;
}
