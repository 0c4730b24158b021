import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { isMissing, ticksToSeconds, vbNumber, vbText, type Varbind } from '../../snmp/values';
import { detectOs, probeOidsFor, refineFromKernelCmdline, type OsGuess } from '../os-detect';
import type { DevicePoll } from '../types';
import { getNextTolerant, getTolerant } from './get-tolerant';

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
 * The identity request: one GETNEXT that reads the uptime candidates and the kernel command line, and asks whether
 * the agent has the subtrees that tell appliances apart from plain Linux/BSD (see os/ probe rules). Refines the OS.
 */
export async function pollIdentityProbe(client: SnmpClient, out: DevicePoll): Promise<void> {
  const scalars = [OID.hrSystemUptime, OID.snmpEngineTime, OID.hrSystemInitialLoadParameters];
  const probes = probeOidsFor(out.sysObjectID, out.sysDescr);
  let vbs: (Varbind | undefined)[] = [];
  try {
    vbs = await getNextTolerant(client, [...scalars.map(scalarParent), ...probes]);
  } catch {
    // optional: the system group already answered
  }
  const exact = (i: number) => (vbs[i] && !isMissing(vbs[i]) && vbs[i]!.oid === scalars[i] ? vbs[i] : undefined);
  UPTIME_CANDIDATES.set(out, { hr: ticksToSeconds(vbNumber(exact(0))), engine: vbNumber(exact(1)) });
  const present = new Set(probes.filter((p, i) => {
    const vb = vbs[scalars.length + i];
    return !!vb && !isMissing(vb) && vb.oid.startsWith(p + '.');
  }));
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
