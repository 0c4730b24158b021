// Why a login-test step failed, in words an administrator can act on — never just "login failed".
import { ResultCodeError } from 'ldapts';
import { own } from '../lookup';

export type StepName = 'connect' | 'serviceBind' | 'findUser' | 'userBind' | 'groups' | 'decision' | 'observium';

export type FailureReason =
  | 'unreachable' | 'timeout' | 'dns' | 'connection-reset'
  | 'tls-untrusted' | 'tls-hostname' | 'tls-expired' | 'tls-failed' | 'starttls-refused'
  | 'missing-secret' | 'empty-password' | 'invalid-credentials' | 'account-unusable' | 'tls-required'
  | 'no-such-base' | 'access-denied' | 'user-not-found' | 'user-ambiguous'
  | 'group-not-found' | 'group-ambiguous' | 'not-in-group' | 'bad-config' | 'ldap-error';

export class LdapStepError extends Error {
  constructor(readonly step: StepName, readonly reason: FailureReason, message: string) {
    super(message);
    this.name = 'LdapStepError';
  }
}

const TLS_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_SIGNATURE_FAILURE', 'CERT_UNTRUSTED', 'CERT_REJECTED',
]);

/** Active Directory puts a sub-code in its bind error text ("... data 52e, v4563"); these say what was actually wrong. */
const AD_BIND_CODES: Record<string, [FailureReason, string]> = {
  '525': ['invalid-credentials', 'the user does not exist (AD data 525)'],
  '52e': ['invalid-credentials', 'wrong password (AD data 52e)'],
  '530': ['account-unusable', 'logon not permitted at this time (AD data 530)'],
  '531': ['account-unusable', 'logon not permitted from this workstation (AD data 531)'],
  '532': ['account-unusable', 'the password has expired (AD data 532)'],
  '533': ['account-unusable', 'the account is disabled (AD data 533)'],
  '568': ['account-unusable', 'the user is in too many groups for a token (AD data 568)'],
  '701': ['account-unusable', 'the account has expired (AD data 701)'],
  '773': ['account-unusable', 'the password must be changed at next logon (AD data 773)'],
  '775': ['account-unusable', 'the account is locked out (AD data 775)'],
};

export function adBindDetail(serverText: string): [FailureReason, string] | undefined {
  const code = /\bdata ([0-9a-f]{3,4})\b/i.exec(serverText)?.[1]?.toLowerCase();
  return own(AD_BIND_CODES, code);
}

/** A network or TLS failure while reaching `url`, turned into a reason and a sentence. */
export function classifyConnectError(err: unknown, url: string, caFile: string | undefined): { reason: FailureReason; message: string } {
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = e?.code ?? '';
  const where = url;
  if (code === 'ECONNREFUSED') return { reason: 'unreachable', message: `${where}: connection refused — nothing listens on that port (server down, or wrong port)` };
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { reason: 'unreachable', message: `${where}: host unreachable (${code})` };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { reason: 'dns', message: `${where}: the host name does not resolve (${code})` };
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return { reason: 'connection-reset', message: `${where}: the server closed the connection${url.startsWith('ldaps') ? ' during the TLS handshake (is that port really LDAPS? plain LDAP is usually 389, LDAPS 636)' : ''}` };
  }
  if (TLS_UNTRUSTED.has(code)) {
    return {
      reason: 'tls-untrusted',
      message: `${where}: the server's TLS certificate is not trusted (${code})${caFile ? ` — it was not issued by the CA in ${caFile}` : ' — give the issuing CA with caFile'}`,
    };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return { reason: 'tls-hostname', message: `${where}: the TLS certificate does not name this host (${e.reason ?? e.message}); use the host name the certificate was issued for` };
  if (code === 'CERT_HAS_EXPIRED') return { reason: 'tls-expired', message: `${where}: the server's TLS certificate has expired` };
  if (code === 'CERT_NOT_YET_VALID') return { reason: 'tls-expired', message: `${where}: the server's TLS certificate is not valid yet (check clocks)` };
  if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /SSL|TLS/i.test(e?.message ?? '')) return { reason: 'tls-failed', message: `${where}: TLS handshake failed: ${e.message}` };
  if (/timeout|timed out/i.test(e?.message ?? '') || code === 'ETIMEDOUT') return { reason: 'timeout', message: `${where}: no answer in time (${e.message}); a firewall may drop the traffic` };
  return { reason: 'ldap-error', message: `${where}: ${e?.message ?? String(err)}` };
}

export function isResultCodeError(err: unknown): err is ResultCodeError {
  return err instanceof ResultCodeError;
}

/** LDAP result codes shared by several steps. */
export function classifyLdapError(err: unknown, what: string): { reason: FailureReason; message: string } {
  if (!isResultCodeError(err)) return { reason: 'ldap-error', message: `${what}: ${(err as Error)?.message ?? String(err)}` };
  const text = err.message;
  switch (err.code) {
    case 8:
    case 13:
      return { reason: 'tls-required', message: `${what}: the server requires an encrypted connection for this (use ldaps:// or startTls: true) [${text}]` };
    case 32:
      return { reason: 'no-such-base', message: `${what}: the base DN does not exist on this server [${text}]` };
    case 34:
      return { reason: 'bad-config', message: `${what}: not a valid DN [${text}]` };
    case 50:
      return { reason: 'access-denied', message: `${what}: the server refused access (insufficient rights) [${text}]` };
    case 1:
      return { reason: 'access-denied', message: `${what}: the server refused the operation — AD does this to searches before a successful bind [${text}]` };
    default:
      return { reason: 'ldap-error', message: `${what}: LDAP error ${err.code}: ${text}` };
  }
}
