// Reading attributes of ldapts search entries, whose attribute names come back in the server's case.

/** An attribute's values as text, whatever the case of its name in the entry. */
export function values(entry: Record<string, unknown>, attr: string): string[] {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === attr.toLowerCase());
  if (!key) return [];
  const v = entry[key];
  const arr = Array.isArray(v) ? v : [v];
  return arr.filter((x) => x !== undefined && x !== null).map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : String(x)));
}
