// Distinguished names compared the way directories do: case-insensitive, spaces around separators ignored.

export function normalizeDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) => rdn.split(/(?<!\\)=/).map((s) => s.trim()).join('='))
    .join(',')
    .toLowerCase();
}

export function dnEquals(a: string, b: string): boolean {
  return normalizeDn(a) === normalizeDn(b);
}

/** The DC=... tail of a DN (the naming context in AD and most OpenLDAP trees), or undefined. */
export function domainOf(dn: string): string | undefined {
  const parts = dn.split(/(?<!\\),/).map((s) => s.trim());
  const i = parts.findIndex((p) => /^dc\s*=/i.test(p));
  return i >= 0 ? parts.slice(i).join(',') : undefined;
}

/** The value of the first RDN: CN=IT-France,OU=Groups,... → IT-France. */
export function firstRdnValue(dn: string): string {
  const first = dn.split(/(?<!\\),/)[0] ?? dn;
  const eq = first.indexOf('=');
  return (eq >= 0 ? first.slice(eq + 1) : first).trim().replace(/\\(.)/g, '$1');
}
