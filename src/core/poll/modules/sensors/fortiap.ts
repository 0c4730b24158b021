// FortiAP (FORTINET-FORTIAP-MIB, enterprise 12356.120): the AP's temperature, station count and PoE operating mode,
// scalars of its WTP status group.
import { addSensors, readScalars, type ScalarSpec, type SensorModule } from './common';

const FAP = '1.3.6.1.4.1.12356.120.3';
export const FORTIAP_SCALARS: ScalarSpec[] = [
  { oid: `${FAP}.44.0`, class: 'temperature', description: 'Temperature', key: 'temperature' },
  { oid: `${FAP}.43.0`, class: 'count', description: 'Station Count', key: 'stations' },
  // The PoE mode is a number the MIB leaves to the hardware (which power budget the AP negotiated): shown as is.
  { oid: `${FAP}.4.0`, class: 'state', description: 'Operating PoE Mode', states: {}, key: 'poe-mode' },
];

export const fortiapModule: SensorModule = {
  name: 'sensors.fortiap', stage: 'vendor', os: ['fortiap'],
  async run(c, out) {
    const drafts = await readScalars(c, FORTIAP_SCALARS);
    for (const d of drafts) if (d.class === 'state') d.status = 'ok';
    addSensors(out, 'fortiap', drafts);
  },
};
