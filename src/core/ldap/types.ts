// A directory profile: how Parc (and Observium) find a user and decide whether the user may log in.

/** Where group membership is read: memberOf on the user, `member` (full DNs) on the group, or `memberUid` (names) on a posixGroup. */
export type Membership = 'memberOf' | 'member' | 'memberUid';

/** An Observium user level granted to the members of one group (auth_ldap_groups). */
export interface LevelGrant {
  group: string; // DN, or a bare name resolved the way Observium does (CN=name,<groupBase>)
  level: number;
}

export interface DirectoryProfile {
  name: string;
  /** Tried in order; the next is used only when one cannot be reached (as Observium does). */
  urls: string[];
  startTls: boolean;
  /** Absolute path of a PEM file with the CA(s) that signed the server certificate. */
  caFile?: string;
  /** Absent: anonymous search. */
  bindDn?: string;
  /** Name of the secret holding the bind password (SecretStorage, or PARC_CRED_<NAME> for the CLI). */
  credential?: string;
  userBase: string;
  /** An LDAP filter with `{user}` where the login name goes, e.g. (sAMAccountName={user}). */
  userFilter: string;
  /** DN, or a name looked up under groupBase. Absent: any user who can bind is allowed. */
  group?: string;
  groupBase?: string;
  membership: Membership;
  nested: boolean;
  /** Bound on the group walk when the in-chain rule is not available. */
  nestedDepth: number;
  timeoutMs: number;
  levels: LevelGrant[];
  /** Line in parc.yaml (0 when built from elsewhere, e.g. from a config.php). */
  line: number;
}

export const DEFAULT_NESTED_DEPTH = 8;
export const DEFAULT_TIMEOUT_MS = 8000;
