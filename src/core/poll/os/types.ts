// One OS recognition rule. Every condition given must hold; the first rule that matches wins, so each family file
// lists its rules from specific to generic. OS codes are LibreNMS's os names, so that the two can be compared.
export interface OsRule {
  os: string;
  vendor?: string;
  /** sysObjectID, without the leading dot. */
  oid?: RegExp;
  descr?: RegExp;
  /** sysDescr must not match. */
  notDescr?: RegExp;
  /**
   * A subtree the agent must have (GETNEXT lands inside it), for appliances that look like plain Linux/BSD by
   * sysObjectID and sysDescr. Only asked when the static conditions hold, in the one identity request.
   */
  probe?: string;
  /** A further condition on the sysObjectID (e.g. its name in a vendor's product table). */
  test?: (sysObjectID: string) => boolean;
}

/** Prefix test on a sysObjectID: `under('1.3.6.1.4.1.9.1')` matches 1.3.6.1.4.1.9.1 and anything below. */
export function under(...prefixes: string[]): RegExp {
  const alt = prefixes.map((p) => p.replace(/\./g, '\\.')).join('|');
  return new RegExp(`^(?:${alt})(?:\\.|$)`);
}
