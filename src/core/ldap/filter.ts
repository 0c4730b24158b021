// LDAP filter helpers: RFC 4515 escaping of user input, and a syntax sanity check for filters from config files.

/** Escapes a value for use inside an LDAP filter, so a login name like `*` or `a)(uid=*` cannot widen the search. */
export function escapeFilterValue(value: string): string {
  let out = '';
  for (const ch of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(ch);
    out += ch < 0x20 || ch > 0x7e || c === '*' || c === '(' || c === ')' || c === '\\' ? `\\${ch.toString(16).padStart(2, '0')}` : c;
  }
  return out;
}

/** The filter for one login: `{user}` replaced by the escaped login name. */
export function userSearchFilter(template: string, user: string): string {
  return template.split('{user}').join(escapeFilterValue(user));
}

/** The attribute the login name is matched against, e.g. sAMAccountName in (&(objectClass=user)(sAMAccountName={user})). */
export function loginAttribute(template: string): string | undefined {
  return /\(\s*([A-Za-z][\w-]*)\s*=\s*\{user\}\s*\)/.exec(template)?.[1];
}

/** A reason the filter cannot be right (unbalanced parentheses, missing outer parentheses), or undefined. */
export function filterProblem(filter: string): string | undefined {
  const f = filter.trim();
  if (!f.startsWith('(') || !f.endsWith(')')) return `"${filter}" must be enclosed in parentheses, e.g. (uid={user})`;
  let depth = 0;
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (depth < 0) return `"${filter}" has a ")" without its "(" at character ${i + 1}`;
    if (depth === 0 && i < f.length - 1) return `"${filter}" has text after the closing ")" at character ${i + 1}; combine filters with (&...)`;
  }
  if (depth !== 0) return `"${filter}" has ${depth} unclosed "("`;
  return undefined;
}
