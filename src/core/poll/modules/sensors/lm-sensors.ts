// LM-SENSORS-MIB (net-snmp's lm_sensors tables under UCD-SNMP, enterprise 2021): temperatures (m°C), fans (rpm)
// and voltages (mV) of Linux hosts. Only net-snmp agents are asked; the temperature column is read first.
import { isMissing } from '../../../snmp/values';
import { enterprise, tableModule, type SensorModule, type TableSpec } from './common';

const LM = '1.3.6.1.4.1.2021.13.16';

export const LM_TABLES: TableSpec[] = [
  { entry: `${LM}.2.1`, class: 'temperature', name: 2, value: 3, divisor: 1000 },
  { entry: `${LM}.3.1`, class: 'fanspeed', name: 2, value: 3 },
  { entry: `${LM}.4.1`, class: 'voltage', name: 2, value: 3, divisor: 1000 },
];

const tables = tableModule('lm-sensors', (out) => [8072, 2021].includes(enterprise(out) ?? -1), LM_TABLES);

/**
 * Most net-snmp hosts have no lm_sensors tables: one GETNEXT tells, instead of three empty walks per poll. In the
 * general stage, it travels in the GETBULK that pages the interface and storage tables.
 */
export const lmSensorsModule: SensorModule = {
  ...tables,
  stage: 'general',
  async run(c, out) {
    // SNMPv1 answers noSuchName past the end of the MIB: no tables either.
    const next = await c.getNext([LM]).then((v) => v[0], () => undefined);
    if (!next || isMissing(next) || !next.oid.startsWith(`${LM}.`)) return;
    await tables.run(c, out);
  },
};
