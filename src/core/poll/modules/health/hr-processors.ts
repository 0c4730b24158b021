// HOST-RESOURCES-MIB processors: hrProcessorLoad, named from hrDeviceDescr (e.g. "Intel Xeon E5-2620"), not by
// their hrDeviceIndex. The names are one GET of the indexes hrProcessorLoad returned, never a walk of hrDeviceTable.
import type { SnmpClient } from '../../../snmp/client';
import { OID } from '../../../snmp/oids';
import { vbText } from '../../../snmp/values';
import { rediscovered } from '../../discovery';
import type { DevicePoll, ProcessorInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import { num } from './util';

export const hrDeviceDescr = '1.3.6.1.2.1.25.3.2.1.3';

/** Placeholder texts agents put in hrDeviceDescr for a processor. */
const MEANINGLESS = /^(unknown processor type|an electronic chip that makes the computer work\.?|processor|cpu)$/i;

/** A processor's name from hrDeviceDescr, without the vendor prefixes and trademark marks that add nothing. */
export function processorName(descr: string | undefined): string {
  let d = (descr ?? '').replace(/\0/g, '').trim();
  d = d.replace(/^(GenuineIntel|AuthenticAMD|CentaurHauls|HygonGenuine):\s*/i, '')
    .replace(/\((TM|R|C)\)/gi, '')
    .replace(/\bCPU\s+(?=\S)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return d && !MEANINGLESS.test(d) ? d : 'Processor';
}

/** With `out`, the names are remembered until the device's rediscovery (for the same list of processors). */
export async function pollHrProcessors(client: SnmpClient, out?: DevicePoll): Promise<ProcessorInfo[]> {
  const loads = await client.walk(OID.hrProcessorLoad, 30);
  const list = loads
    .map((vb) => ({ index: Number(vb.oid.slice(OID.hrProcessorLoad.length + 1)), loadPercent: num(vb.value) }))
    .filter((p): p is { index: number; loadPercent: number } => p.loadPercent !== undefined && Number.isFinite(p.index))
    .sort((a, b) => a.index - b.index);
  if (!list.length) return [];
  const readNames = async () => {
    const names = new Map<number, string | undefined>();
    // 32 names per request keeps the reply well inside one datagram.
    for (let i = 0; i < list.length; i += 32) {
      const chunk = list.slice(i, i + 32);
      const vbs = await getTolerant(client, chunk.map((p) => `${hrDeviceDescr}.${p.index}`));
      chunk.forEach((p, k) => names.set(p.index, vbText(vbs[k])));
    }
    return names;
  };
  const names = out ? await rediscovered(out, `hr-processor-names:${list.map((p) => p.index).join(',')}`, readNames) : await readNames();
  return list.map((p) => ({ index: p.index, loadPercent: p.loadPercent, description: processorName(names.get(p.index)), source: 'hr' }));
}
