// Discovery: which SNMP profile (if any) a host answers to, and scanning a subnet for agents.
import type { SecretSource } from '../host';
import type { Inventory, SnmpProfile } from '../inventory/types';
import { cidrHostCount, cidrHosts, parseCidr } from '../net/cidr';
import { mapLimit } from '../limiter';
import { openClient, SnmpError } from '../snmp/client';
import { OID } from '../snmp/oids';
import { vbText } from '../snmp/values';
import { detectOs } from '../poll/os-detect';

export interface ProbeResult {
  host: string;
  port: number;
  answered: boolean;
  profile?: string;
  sysName?: string;
  sysDescr?: string;
  sysObjectID?: string;
  sysLocation?: string;
  os?: string;
  /** Why each profile failed, in the order tried. */
  attempts: { profile: string; error: string }[];
}

/** Profiles to try, in order: discovery.profiles if set, else the default profile then the others. */
export function probeProfiles(inv: Inventory): SnmpProfile[] {
  const names = inv.discovery.profiles.length
    ? inv.discovery.profiles
    : [...(inv.snmp.default ? [inv.snmp.default] : []), ...[...inv.snmp.profiles.keys()].filter((n) => n !== inv.snmp.default)];
  return names.map((n) => inv.snmp.profiles.get(n)).filter((p): p is SnmpProfile => p !== undefined);
}

export async function probe(host: string, port: number, profiles: SnmpProfile[], secrets: SecretSource): Promise<ProbeResult> {
  const result: ProbeResult = { host, port, answered: false, attempts: [] };
  for (const profile of profiles) {
    let client;
    try {
      client = await openClient({ host, port, profile }, secrets);
      const [descr, oid, name, location] = await client.get([OID.sysDescr, OID.sysObjectID, OID.sysName, OID.sysLocation]);
      result.answered = true;
      result.profile = profile.name;
      result.sysDescr = vbText(descr);
      result.sysObjectID = oid ? String(oid.value) : undefined;
      result.sysName = vbText(name);
      result.sysLocation = vbText(location);
      result.os = detectOs(result.sysObjectID, result.sysDescr).os;
      return result;
    } catch (err) {
      result.attempts.push({ profile: profile.name, error: err instanceof SnmpError ? err.message : String(err) });
    } finally {
      client?.close();
    }
  }
  return result;
}

export interface ScanOptions {
  port?: number;
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, found: ProbeResult | undefined) => void;
  /** Largest block scanned without an explicit override (a /16 is 65,534 probes). */
  maxHosts?: number;
}

export async function scanSubnet(cidrText: string, profiles: SnmpProfile[], secrets: SecretSource, o: ScanOptions = {}): Promise<ProbeResult[]> {
  const cidr = parseCidr(cidrText);
  const total = cidrHostCount(cidr);
  const maxHosts = o.maxHosts ?? 4096;
  if (total > maxHosts) throw new Error(`${cidr.text} has ${total} addresses, more than the ${maxHosts} a scan takes at once; scan smaller blocks`);
  if (!profiles.length) throw new Error('no SNMP profile to probe with: add one under snmp.profiles in parc.yaml');
  const hosts = [...cidrHosts(cidr)];
  let done = 0;
  const results = await mapLimit(hosts, o.concurrency ?? 32, async (host) => {
    const r = await probe(host, o.port ?? 161, profiles, secrets);
    o.onProgress?.(++done, total, r.answered ? r : undefined);
    return r;
  }, o.signal);
  return results.filter((r) => r?.answered);
}
