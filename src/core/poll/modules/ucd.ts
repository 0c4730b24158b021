// UCD-SNMP-MIB load averages, memory and CPU idle (net-snmp agents).
import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { vbNumber } from '../../snmp/values';
import type { UcdInfo } from '../types';
import { getTolerant } from './get-tolerant';

/** memSysAvail: what the kernel calls MemAvailable (net-snmp 5.8+). */
const memSysAvail = '1.3.6.1.4.1.2021.4.27.0';

export async function pollUcd(client: SnmpClient): Promise<UcdInfo | undefined> {
  const oids = [
    `${OID.laLoadInt}.1`, `${OID.laLoadInt}.2`, `${OID.laLoadInt}.3`,
    OID.memTotalReal, OID.memAvailReal, OID.memBuffer, OID.memCached, OID.memTotalSwap, OID.memAvailSwap, OID.ssCpuIdle, memSysAvail,
  ];
  const v = (await getTolerant(client, oids)).map(vbNumber);
  if (v.every((x) => x === undefined)) return undefined;
  const kb = (x: number | undefined) => (x === undefined ? undefined : x * 1024);
  const load = (x: number | undefined) => (x === undefined ? undefined : x / 100);
  return {
    load1: load(v[0]), load5: load(v[1]), load15: load(v[2]),
    memTotalBytes: kb(v[3]), memAvailBytes: kb(v[4]), memBufferBytes: kb(v[5]), memCachedBytes: kb(v[6]),
    swapTotalBytes: kb(v[7]), swapAvailBytes: kb(v[8]), cpuIdlePercent: v[9], memSysAvailBytes: kb(v[10]),
  };
}
