// Opening a checked connection to the first reachable server of a profile: TCP, TLS (ldaps:// or StartTLS) with
// the certificate verified, then a read of the root DSE to learn what the server is (Active Directory or not).
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { Client } from 'ldapts';
import { classifyConnectError, LdapStepError } from './errors';
import { values } from './entry';
import type { DirectoryProfile } from './types';

export interface ServerInfo {
  url: string;
  /** "TLSv1.3, certificate CN=dc1.corp.local issued by CN=Corp CA", or "no TLS". */
  tls: string;
  activeDirectory: boolean;
  namingContexts: string[];
  vendor?: string;
}

export interface Connection {
  client: Client;
  info: ServerInfo;
  /** Earlier URLs that could not be reached, with why. */
  skipped: string[];
}

const AD_CAPABILITY = '1.2.840.113556.1.4.800';

export async function tlsOptionsFor(profile: DirectoryProfile, host: string): Promise<tls.ConnectionOptions> {
  const o: tls.ConnectionOptions = { host, rejectUnauthorized: true, minVersion: 'TLSv1.2' };
  if (!net.isIP(host)) o.servername = host;
  if (profile.caFile) {
    try {
      o.ca = [await fs.readFile(profile.caFile, 'utf8')];
    } catch (err) {
      throw new LdapStepError('connect', 'bad-config', `caFile ${profile.caFile} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return o;
}

/** A client for one URL, remembering the TLS socket so the certificate can be described. */
export function makeClient(url: string, profile: DirectoryProfile, tlsOptions: tls.ConnectionOptions): { client: Client; socket: () => tls.TLSSocket | undefined } {
  let captured: tls.TLSSocket | undefined;
  const createSecureConnection = ((...args: unknown[]) => {
    const s = (tls.connect as (...a: unknown[]) => tls.TLSSocket)(...args);
    captured = s;
    return s;
  }) as typeof tls.connect;
  // tlsOptions only for ldaps://: given to an ldap:// client, ldapts 8 breaks its own StartTLS upgrade (seen against slapd).
  const secure = url.toLowerCase().startsWith('ldaps:');
  const client = new Client({ url, timeout: profile.timeoutMs, connectTimeout: profile.timeoutMs, ...(secure ? { tlsOptions } : {}), strictDN: false, createSecureConnection });
  return { client, socket: () => captured };
}

export function describeTls(s: tls.TLSSocket | undefined): string {
  if (!s) return 'no TLS';
  const cert = s.getPeerCertificate?.();
  const subject = cert?.subject?.CN ? `CN=${cert.subject.CN}` : '?';
  const issuer = cert?.issuer?.CN ? `CN=${cert.issuer.CN}` : '?';
  return `${s.getProtocol?.() ?? 'TLS'}, certificate ${subject} issued by ${issuer}${cert?.valid_to ? `, valid until ${cert.valid_to}` : ''}`;
}

/** Opens (and, for StartTLS, upgrades) a connection to the first URL that answers; throws LdapStepError('connect') otherwise. */
export async function connect(profile: DirectoryProfile): Promise<Connection> {
  const skipped: string[] = [];
  let last: LdapStepError | undefined;
  for (const url of profile.urls) {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const tlsOptions = await tlsOptionsFor(profile, host);
    const { client, socket } = makeClient(url, profile, tlsOptions);
    try {
      if (profile.startTls) {
        try {
          await client.startTLS({ ...tlsOptions });
        } catch (err) {
          if (!(err as NodeJS.ErrnoException).code && !/socket|connect|timeout|timed out/i.test((err as Error).message)) {
            throw new LdapStepError('connect', 'starttls-refused', `${url}: the server refused StartTLS (${(err as Error).message}); it may not have a certificate configured`);
          }
          throw err;
        }
      }
      const root = await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['supportedCapabilities', 'namingContexts', 'defaultNamingContext', 'vendorName', 'vendorVersion'] }).catch((err: unknown) => {
        // A server may refuse anonymous root DSE reads; that says nothing about the connection itself.
        if ((err as NodeJS.ErrnoException).code || /socket|closed|timeout|timed out/i.test((err as Error).message)) throw err;
        return { searchEntries: [] as Record<string, unknown>[] };
      });
      const e = (root.searchEntries[0] ?? {}) as Record<string, unknown>;
      const list = (k: string) => values(e, k);
      const info: ServerInfo = {
        url,
        tls: url.toLowerCase().startsWith('ldaps:') || profile.startTls ? describeTls(socket()) : 'no TLS',
        activeDirectory: list('supportedCapabilities').includes(AD_CAPABILITY),
        namingContexts: [...list('defaultNamingContext'), ...list('namingContexts')],
        vendor: [...list('vendorName'), ...list('vendorVersion')].join(' ') || undefined,
      };
      return { client, info, skipped };
    } catch (err) {
      await client.unbind().catch(() => undefined);
      last = err instanceof LdapStepError ? err : (() => {
        const c = classifyConnectError(err, url, profile.caFile);
        return new LdapStepError('connect', c.reason, c.message);
      })();
      if (last.reason === 'bad-config') throw last;
      skipped.push(last.message);
    }
  }
  throw new LdapStepError('connect', last?.reason ?? 'unreachable', skipped.length > 1 ? `no server could be reached: ${skipped.join('; ')}` : skipped[0] ?? 'no server URL');
}
