// FortiSwitch (enterprise 12356.106): its ENTITY-SENSOR-MIB rows of type truthvalue are the PSU and fan presence
// flags; their entPhySensorOperStatus says whether each works, named by entPhysicalName.
import type { SensorInfo } from '../../types';
import { addSensors, columns, entityNames, num, stateOf, type SensorDraft, type SensorModule } from './common';

const ENTRY = '1.3.6.1.2.1.99.1.1.1';
const OPER: Record<number, [string, SensorInfo['status']]> = { 1: ['ok', 'ok'], 2: ['unavailable', 'warning'], 3: ['nonoperational', 'critical'] };

/** entPhySensorOperStatus of the sensors of one entPhySensorType, as state sensors named by entPhysicalName. */
export function operStateSensors(rows: Map<string, Map<number, unknown>>, names: Map<string, { name?: string; descr?: string }>, type = 12): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    if (num(r.get(1)) !== type) continue;
    out.push({ class: 'state', index: `oper.${i}`, description: names.get(i)?.name || names.get(i)?.descr || `Sensor ${i}`, ...stateOf(num(r.get(5)), OPER) });
  }
  return out;
}

export const fortiswitchModule: SensorModule = {
  name: 'sensors.fortiswitch', stage: 'vendor', os: ['fortiswitch'],
  async run(c, out) {
    const rows = await columns(c, ENTRY, [1, 5]);
    const flags = [...rows].filter(([, r]) => num(r.get(1)) === 12).map(([i]) => i);
    if (!flags.length) return;
    addSensors(out, 'fortiswitch', operStateSensors(rows, await entityNames(c, flags)));
  },
};
