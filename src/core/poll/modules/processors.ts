// HOST-RESOURCES-MIB hrProcessorLoad (percent over the last minute, per processor).
import type { SnmpClient } from '../../snmp/client';
import { OID } from '../../snmp/oids';
import { toNumber } from '../../snmp/values';
import type { ProcessorInfo } from '../types';

export async function pollProcessors(client: SnmpClient): Promise<ProcessorInfo[]> {
  const vbs = await client.walk(OID.hrProcessorLoad, 30);
  return vbs
    .map((vb) => ({ index: Number(vb.oid.slice(OID.hrProcessorLoad.length + 1)), loadPercent: toNumber(vb.value) ?? 0 }))
    .sort((a, b) => a.index - b.index);
}
