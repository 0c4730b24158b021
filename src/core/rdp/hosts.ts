// The `windows:` and `janitor:` sections of parc.yaml, typed. Secrets are never here: `credential`
// names a secret resolved through SecretSource.

export type TransportKind = 'local' | 'ssh' | 'winrm';
export type WinrmAuth = 'ntlm' | 'basic';

export interface JanitorPolicy {
  /** Log off sessions disconnected for more than this many minutes. */
  disconnectedOverMinutes: number;
  /** Log off active sessions idle for more than this many minutes (after a warning); 0 = never. */
  idleOverMinutes: number;
  /** User names (case-insensitive, `*` wildcards, DOMAIN\ prefix optional) never touched. */
  exclude: string[];
  /** Groups whose members are never touched: "Group" (local to the host) or "DOMAIN\\Group" (domain). */
  excludeGroups: string[];
  /** Minutes between the `msg` warning and the logoff of an idle active session. */
  warnMinutes: number;
  warnMessage: string;
}

export interface WindowsHost {
  /** Unique name (defaults to host). */
  name: string;
  host: string;
  transport: TransportKind;
  port: number;
  /** winrm: HTTPS (else HTTP with NTLM message encryption). */
  tls: boolean;
  auth: WinrmAuth;
  user?: string;
  credential?: string;
  /** ssh: private key file (else agent via SSH_AUTH_SOCK, else the credential as password). */
  keyFile?: string;
  /** ssh: known_hosts file to verify the host key against (default ~/.ssh/known_hosts). */
  knownHosts?: string;
  codepage?: number;
  /** Day/month order of the host's short date, when its logon times can be read both ways. */
  dateOrder?: 'dmy' | 'mdy';
  group?: string;
  site?: string;
  /** Effective janitor policy: the global one with this host's overrides. */
  janitor: JanitorPolicy;
  /** 1-based line in parc.yaml, for messages. */
  line: number;
}

export interface WindowsSection {
  hosts: WindowsHost[];
  janitor: JanitorPolicy;
}

export const DEFAULT_JANITOR: JanitorPolicy = {
  disconnectedOverMinutes: 60,
  idleOverMinutes: 0,
  exclude: [],
  excludeGroups: [],
  warnMinutes: 5,
  warnMessage: 'Your idle session will be logged off in {minutes} minutes. Please save your work.',
};

export function defaultPort(transport: TransportKind, tls: boolean): number {
  return transport === 'ssh' ? 22 : transport === 'winrm' ? (tls ? 5986 : 5985) : 0;
}
