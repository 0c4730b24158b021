// ZyXEL security gateways and WLAN controllers (ZYXEL-ES-COMMON, enterprise 890): active session count.
import { addSensors, readScalars, type ScalarSpec, type SensorModule } from './common';

export const ZYXEL_SCALARS: ScalarSpec[] = [{ oid: '1.3.6.1.4.1.890.1.15.3.1.19.0', class: 'count', description: 'Active Sessions', key: 'sessions' }];

export const zyxelModule: SensorModule = {
  name: 'sensors.zyxel', stage: 'vendor', os: ['zyxelusg', 'zyxelwlc', 'zywall'],
  async run(c, out) {
    addSensors(out, 'zyxel', await readScalars(c, ZYXEL_SCALARS));
  },
};
