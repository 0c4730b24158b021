// SNMPv3 users: net-snmp wants `createUser` in its persistent file (/var/lib/snmp/snmpd.conf), written while the
// daemon is stopped; at start it turns the line into a localized usmUser entry and removes the passwords.
import { parseConf, renderConf } from './lines';

export type V3Auth = 'MD5' | 'SHA' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';
export type V3Priv = 'DES' | 'AES' | 'AES-192' | 'AES-256';

export interface V3UserSpec {
  name: string;
  auth: V3Auth;
  authPassword: string;
  priv?: V3Priv;
  privPassword?: string;
}

function q(v: string): string {
  return `"${v.replace(/(["\\])/g, '\\$1')}"`;
}

export function createUserLine(u: V3UserSpec): string {
  for (const [what, pw] of [['auth', u.authPassword], ['privacy', u.privPassword]] as const) {
    if (pw !== undefined && (pw.length < 8 || /[\n\r]/.test(pw))) throw new Error(`the SNMPv3 ${what} password must be at least 8 characters on one line (net-snmp refuses shorter ones)`);
  }
  return ['createUser', u.name, u.auth, q(u.authPassword), ...(u.priv ? [u.priv, q(u.privPassword ?? u.authPassword)] : [])].join(' ');
}

/** Adds the createUser line; refuses when the user is already defined there (net-snmp would keep the old keys). */
export function addCreateUser(persistText: string, u: V3UserSpec): string {
  const lines = parseConf(persistText);
  const hex = Buffer.from(u.name).toString('hex');
  if (lines.some((l) => (l.directive === 'createuser' && l.args[0] === u.name) || (l.directive === 'usmuser' && (l.raw.toLowerCase().includes(`0x${hex}`) || l.raw.includes(`"${u.name}"`))))) {
    throw new Error(`SNMPv3 user "${u.name}" already exists in the persistent file; choose another name or remove it first`);
  }
  lines.push({ raw: createUserLine(u), directive: 'createuser', args: [] });
  return renderConf(lines);
}
