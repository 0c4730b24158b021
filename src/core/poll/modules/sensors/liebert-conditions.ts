// Liebert/Vertiv cards (LIEBERT-GP-CONDITIONS-MIB, 476.1.42.3.2): lgpConditionsPresent, the number of active
// conditions (alarms and warnings) in lgpConditionsTable — one GET; any active condition makes the sensor a warning.
import { addSensors, readScalars, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

const PRESENT: ScalarSpec = { oid: '1.3.6.1.4.1.476.1.42.3.2.2.0', class: 'count', description: 'Active Conditions', key: 'present' };

export function conditionsStatus(d: SensorDraft): SensorDraft {
  return { ...d, status: (d.value ?? 0) > 0 ? 'warning' : 'ok' };
}

export const liebertConditionsModule: SensorModule = {
  name: 'sensors.liebert-conditions', stage: 'vendor', os: ['liebert'],
  async run(c, out) {
    addSensors(out, 'liebert-conditions', (await readScalars(c, [PRESENT])).map(conditionsStatus));
  },
};
