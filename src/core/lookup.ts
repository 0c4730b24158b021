// Lookups in constant tables by a key that came from a user's file, a device or the network. Plain
// `key in table` and `table[key]` also find what every object inherits (`constructor`, `__proto__`,
// `toString`...), which then passes validation as if it were a table entry (issue 13): only own keys count.

/** The table's own entry for `key`, or undefined (also for inherited names such as `constructor`). */
export function own<V>(table: Readonly<Record<string, V>>, key: string | number | undefined | null): V | undefined {
  if (key === undefined || key === null) return undefined;
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Whether `key` is one of the table's own keys. */
export function hasOwnKey(table: object, key: string | number | undefined | null): boolean {
  return key !== undefined && key !== null && Object.hasOwn(table, key);
}
