// snmp_exporter's snmp.yml for an inventory, in the format of the exporter's version:
//   0.21/0.22 (Debian 12): one module per SNMP profile, with the profile's auth inside the module;
//   0.23 and later: `auths:` (one per profile) separate from `modules:` (one `parc` module).
// It holds the SNMP secrets, so the caller writes it 0600 outside any git work tree.
import type { SecretSource } from '../host';
import type { Inventory, SnmpProfile } from '../inventory/types';
import { EXPORTER_MODULES, type ExporterModule } from './exporter-metrics';

export type ExporterFormat = '0.21' | '0.23';

/** `--snmp-exporter-version` → config format: versions before 0.23 keep auth inside modules. */
export function exporterFormat(version: string): ExporterFormat {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!m) throw new Error(`--snmp-exporter-version: "${version}" is not a version such as 0.21 or 0.26.0`);
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major === 0 && minor < 19) throw new Error(`--snmp-exporter-version: ${version} is older than 0.19, which Parc does not support`);
  return major === 0 && minor < 23 ? '0.21' : '0.23';
}

/** Name safe as a module/auth key and URL parameter. */
export function exporterName(profile: string): string {
  return profile.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function moduleFor(format: ExporterFormat, profile: string): { module: string; auth?: string } {
  return format === '0.21' ? { module: `parc_${exporterName(profile)}` } : { module: 'parc', auth: exporterName(profile) };
}

const AUTH_PROTOCOLS: Record<string, string> = { md5: 'MD5', sha: 'SHA', sha224: 'SHA224', sha256: 'SHA256', sha384: 'SHA384', sha512: 'SHA512' };
const PRIV_PROTOCOLS: Record<string, string> = { des: 'DES', aes: 'AES', aes256: 'AES256', aes256c: 'AES256C' };

async function secret(secrets: SecretSource, name: string | undefined, what: string, profile: string): Promise<string> {
  const v = name ? await secrets.get(name) : undefined;
  if (v === undefined) throw new Error(`SNMP profile "${profile}": no ${what} stored for credential "${name ?? '?'}"`);
  return v;
}

async function authOf(p: SnmpProfile, secrets: SecretSource, withVersion: boolean): Promise<Record<string, unknown>> {
  const a: Record<string, unknown> = {};
  if (withVersion) a.version = p.version === '1' ? 1 : p.version === '2c' ? 2 : 3;
  if (p.version !== '3') {
    a.community = await secret(secrets, p.credential, 'community', p.name);
    return a;
  }
  const level = p.level ?? 'noAuthNoPriv';
  a.username = p.user;
  a.security_level = level;
  if (level !== 'noAuthNoPriv') {
    a.auth_protocol = AUTH_PROTOCOLS[p.auth ?? 'sha'] ?? 'SHA';
    a.password = await secret(secrets, p.authCredential, 'auth password', p.name);
  }
  if (level === 'authPriv') {
    a.priv_protocol = PRIV_PROTOCOLS[p.priv ?? 'aes'] ?? 'AES';
    a.priv_password = await secret(secrets, p.privCredential, 'privacy password', p.name);
  }
  if (p.context) a.context_name = p.context;
  return a;
}

function moduleBody(mods: readonly ExporterModule[], p: SnmpProfile | undefined): Record<string, unknown> {
  const body: Record<string, unknown> = {
    walk: mods.flatMap((m) => m.walk),
    get: mods.flatMap((m) => m.get),
    metrics: mods.flatMap((m) => m.metrics.map((x) => ({ ...x }))),
    max_repetitions: 25,
  };
  if (p) {
    body.retries = p.retries;
    body.timeout = `${Math.max(1, Math.round(p.timeoutMs / 1000))}s`;
  }
  return body;
}

/** The config object (stringify it with yaml). Only profiles some device uses are included. */
export async function exporterConfig(inv: Inventory, secrets: SecretSource, format: ExporterFormat, mods: readonly ExporterModule[] = EXPORTER_MODULES): Promise<Record<string, unknown>> {
  const used = new Map<string, SnmpProfile>();
  for (const d of inv.devices) {
    const name = d.profile ?? inv.snmp.default;
    const p = name ? inv.snmp.profiles.get(name) : undefined;
    if (p) used.set(p.name, p);
  }
  const profiles = [...used.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (format === '0.21') {
    const out: Record<string, unknown> = {};
    for (const p of profiles) {
      out[moduleFor(format, p.name).module] = { version: p.version === '1' ? 1 : p.version === '2c' ? 2 : 3, auth: await authOf(p, secrets, false), ...moduleBody(mods, p) };
    }
    return out;
  }
  const auths: Record<string, unknown> = {};
  for (const p of profiles) auths[exporterName(p.name)] = await authOf(p, secrets, true);
  // One timeout/retries for the shared module: the most patient profile's.
  const patient = profiles.reduce<SnmpProfile | undefined>((a, p) => (!a || p.timeoutMs * (p.retries + 1) > a.timeoutMs * (a.retries + 1) ? p : a), undefined);
  return { auths, modules: { parc: moduleBody(mods, patient) } };
}
