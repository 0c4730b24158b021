// snmpd `extend` data as Observium and LibreNMS install it on Linux hosts.
import type { SnmpClient } from '../../snmp/client';
import { extendOutputOid, OID } from '../../snmp/oids';
import { vbText } from '../../snmp/values';
import type { DevicePoll } from '../types';
import { getTolerant } from './get-tolerant';

const OBSERVIUM = [
  ['distro', 1],
  ['hardware', 2],
  ['vendor', 3],
  ['serial', 4],
] as const;

const NAMED = ['distro', 'hardware', 'vendor', 'manufacturer', 'serial', 'uptime'] as const;
/**
 * LibreNMS's distro script fills slot 3 of the same base as `manufacturer`. LibreNMS then shows "manufacturer model"
 * as the hardware; Parc keeps vendor and model apart (the inventory report has both columns).
 */
const LIBRENMS_MANUFACTURER = 3;

/** Values an extend prints when the information is not there (e.g. no DMI in a VM). */
function meaningful(v: string | undefined): string | undefined {
  const t = v?.trim();
  if (!t || /^(none|n\/a|unknown|not specified|to be filled by o\.e\.m\.|default string|0)$/i.test(t)) return undefined;
  if (/No such file|Permission denied|command not found/i.test(t)) return undefined;
  return t;
}

/** Fills distro/hardware/vendor/serial; returns the host uptime from /proc/uptime when an `uptime` extend exists. */
export async function pollExtend(client: SnmpClient, out: DevicePoll): Promise<number | undefined> {
  const obsOids = OBSERVIUM.map(([name, n]) => extendOutputOid(name, `${OID.observiumExtendBase}.${n}`));
  // LibreNMS's distro script variant fills only the first output line (nsExtendOutLine.<name>.1).
  const obsLineOids = OBSERVIUM.map(([name, n]) => `${extendOutputOid(name, `${OID.observiumExtendBase}.${n}`).replace(/\.3\.1\.1\.(\d+(?:\.\d+)*)$/, '.4.1.2.$1')}.1`);
  const namedOids = NAMED.map((name) => extendOutputOid(name));
  const mfr = extendOutputOid('manufacturer', `${OID.observiumExtendBase}.${LIBRENMS_MANUFACTURER}`);
  const mfrOids = [mfr, `${mfr.replace(/\.3\.1\.1\.(\d+(?:\.\d+)*)$/, '.4.1.2.$1')}.1`];
  const vbs = await getTolerant(client, [...obsOids, ...namedOids, ...obsLineOids, ...mfrOids]);
  const lineAt = obsOids.length + namedOids.length;
  const obs = Object.fromEntries(OBSERVIUM.map(([name], i) => [name, meaningful(vbText(vbs[i])) ?? meaningful(vbText(vbs[lineAt + i]))]));
  const named = Object.fromEntries(NAMED.map((name, i) => [name, meaningful(vbText(vbs[obsOids.length + i]))]));
  out.distro = obs.distro ?? named.distro ?? out.distro;
  const librenmsMfr = meaningful(vbText(vbs[lineAt + obsLineOids.length])) ?? meaningful(vbText(vbs[lineAt + obsLineOids.length + 1]));
  out.hardware = obs.hardware ?? named.hardware ?? out.hardware;
  const vendor = obs.vendor ?? librenmsMfr ?? named.vendor ?? named.manufacturer;
  if (vendor) out.vendor = vendor;
  out.serial = obs.serial ?? named.serial ?? out.serial;
  const up = /^(\d+(?:\.\d+)?)/.exec(named.uptime ?? '');
  return up ? Math.floor(Number(up[1])) : undefined;
}
