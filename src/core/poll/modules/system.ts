import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { isMissing, ticksToSeconds, vbNumber, vbText, type Varbind } from '../../snmp/values';
import { detectOs, probeOidsFor, refineFromKernelCmdline, type OsGuess } from '../os-detect';
import { HOST_OSES } from '../os';
import { rediscovered } from '../discovery';
import type { DevicePoll } from '../types';
import { getNextTolerant, getTolerant } from './get-tolerant';
import { LSI_MEGARAID } from './sensors/lsi-megaraid';
import { RPI_GPIO_LINES } from './sensors/rpi-gpio-monitor';

/** The system group; it fails (device down) only when the agent does not answer at all. */
export async function pollSystem(client: SnmpClient, out: DevicePoll): Promise<void> {
  const oids = [OID.sysDescr, OID.sysObjectID, OID.sysUpTime, OID.sysContact, OID.sysName, OID.sysLocation];
  const t0 = performance.now();
  const vbs = await getTolerant(client, oids);
  out.rttMs = Math.round((performance.now() - t0) * 100) / 100;
  const [descr, objectId, upTime, contact, name, location] = vbs;
  out.sysDescr = vbText(descr);
  out.sysObjectID = isMissing(objectId) ? undefined : String(objectId!.value);
  out.sysContact = vbText(contact);
  out.sysName = vbText(name);
  out.sysLocation = vbText(location);
  out.sysUpTimeSeconds = ticksToSeconds(vbNumber(upTime));
  const guess = detectOs(out.sysObjectID, out.sysDescr);
  out.os = guess.os;
  out.vendor = guess.vendor;
}

/** What the identity request found, kept for the uptime step of the general stage. */
const UPTIME_CANDIDATES = new WeakMap<DevicePoll, { hr?: number; engine?: number }>();

const scalarParent = (oid: string) => oid.replace(/\.0$/, '');

/**
 * The identity request: the uptime candidates and the kernel command line (GETs, which travel with the extend
 * module's), and — at discovery only, remembered until the next — whether the agent has the subtrees that tell
 * appliances apart from plain Linux/BSD (see os/ probe rules, one GETNEXT). Refines the OS.
 */
export async function pollIdentityProbe(client: SnmpClient, out: DevicePoll): Promise<void> {
  const scalars = [OID.hrSystemUptime, OID.snmpEngineTime, OID.hrSystemInitialLoadParameters];
  const osProbes = probeOidsFor(out.sysObjectID, out.sysDescr);
  const caps = HOST_OSES.has(out.os ?? 'generic') ? HOST_CAPABILITY_PROBES.filter((c) => !osProbes.includes(c)) : [];
  const probes = [...osProbes, ...caps];
  // SNMPv1 fails a whole GET on one missing OID: there the parents are asked with GETNEXT, in one request.
  const v1 = client.target.profile.version === '1';
  const [vbs, present] = await Promise.all([
    (v1 ? getNextTolerant(client, scalars.map(scalarParent)) : getTolerant(client, scalars)).catch((): (Varbind | undefined)[] => []),
    // Not remembered when it fails: asked again at the next poll.
    probes.length ? rediscovered(out, 'os-probes', () => probePresent(client, probes)).catch(() => new Set<string>()) : new Set<string>(),
  ]);
  // optional: the system group already answered
  const exact = (i: number) => (vbs[i] && !isMissing(vbs[i]) && vbs[i]!.oid === scalars[i] ? vbs[i] : undefined);
  UPTIME_CANDIDATES.set(out, { hr: ticksToSeconds(vbNumber(exact(0))), engine: vbNumber(exact(1)) });
  if (caps.length) PRESENT.set(out, present);
  let guess: OsGuess & { hardware?: string } = { os: out.os ?? 'generic', vendor: out.vendor };
  if (present.size) guess = detectOs(out.sysObjectID, out.sysDescr, present);
  guess = refineFromKernelCmdline(guess, vbText(exact(2)));
  if (guess.os !== out.os) {
    out.os = guess.os;
    out.vendor = guess.vendor;
  }
  out.hardware ??= guess.hardware;
}

/**
 * Standard MIBs a general-purpose host's agent rarely carries (a net-snmp box serving UPS-MIB for its UPS does):
 * whether it has them is asked with the OS probes, at discovery, and the registry skips their modules where absent.
 */
export const HOST_CAPABILITY_PROBES = ['1.3.6.1.2.1.33.1', '1.3.6.1.2.1.43', '1.3.6.1.4.1.6574.1', RPI_GPIO_LINES, LSI_MEGARAID];
const PRESENT = new WeakMap<DevicePoll, ReadonlySet<string>>();

/** Whether the agent has this probed subtree; true when it was not asked (nothing known, nothing skipped). */
export function agentHas(out: DevicePoll, subtree: string): boolean {
  return PRESENT.get(out)?.has(subtree) ?? true;
}

/** The probe subtrees the agent has: one GETNEXT of them all (a GETNEXT that lands inside a subtree means it is there). */
async function probePresent(client: SnmpClient, probes: string[]): Promise<Set<string>> {
  const vbs = await getNextTolerant(client, probes);
  return new Set(probes.filter((p, i) => !!vbs[i] && !isMissing(vbs[i]) && vbs[i]!.oid.startsWith(p + '.')));
}

/**
 * Host uptime from the best source: /proc/uptime via an snmpd extend (set by the extend module), else the largest of
 * hrSystemUptime, snmpEngineTime and sysUpTime (sysUpTime and hrSystemUptime wrap after 497 days; the largest value
 * compensates, as LibreNMS does). No SNMP traffic: the identity request read them.
 */
export function pollUptime(out: DevicePoll): void {
  const c = UPTIME_CANDIDATES.get(out) ?? {};
  const candidates: [number | undefined, DevicePoll['uptimeSource']][] = [
    [c.hr, 'hrSystemUptime'],
    [c.engine, 'snmpEngineTime'],
    [out.sysUpTimeSeconds, 'sysUpTime'],
  ];
  for (const [value, source] of candidates) {
    if (value !== undefined && (out.uptimeSeconds === undefined || value > out.uptimeSeconds)) {
      out.uptimeSeconds = value;
      out.uptimeSource = source;
    }
  }
}
