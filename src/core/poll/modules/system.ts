import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { isMissing, ticksToSeconds, vbNumber, vbText, type Varbind } from '../../snmp/values';
import { detectOs, refineFromKernelCmdline } from '../os-detect';
import type { DevicePoll } from '../types';
import { getTolerant } from './get-tolerant';

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

/**
 * Host uptime and appliance hints. Uptime from the best source: /proc/uptime via an snmpd extend (set by the extend module),
 * else the largest of hrSystemUptime, snmpEngineTime and sysUpTime (sysUpTime and hrSystemUptime
 * wrap after 497 days; the largest value compensates, as LibreNMS does).
 */
export async function pollUptime(client: SnmpClient, out: DevicePoll): Promise<void> {
  let hr: Varbind | undefined;
  let engine: Varbind | undefined;
  let cmdline: Varbind | undefined;
  try {
    [hr, engine, cmdline] = await getTolerant(client, [OID.hrSystemUptime, OID.snmpEngineTime, OID.hrSystemInitialLoadParameters]);
  } catch {
    // optional
  }
  const refined = refineFromKernelCmdline({ os: out.os ?? 'generic', vendor: out.vendor }, vbText(cmdline));
  if (refined.os !== out.os) {
    out.os = refined.os;
    out.vendor = refined.vendor;
    out.hardware ??= refined.hardware;
  }
  const candidates: [number | undefined, DevicePoll['uptimeSource']][] = [
    [ticksToSeconds(vbNumber(hr)), 'hrSystemUptime'],
    [vbNumber(engine), 'snmpEngineTime'],
    [out.sysUpTimeSeconds, 'sysUpTime'],
  ];
  for (const [value, source] of candidates) {
    if (value !== undefined && (out.uptimeSeconds === undefined || value > out.uptimeSeconds)) {
      out.uptimeSeconds = value;
      out.uptimeSource = source;
    }
  }
}
