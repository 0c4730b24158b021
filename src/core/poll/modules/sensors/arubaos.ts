// ArubaOS mobility controllers (WLSX-USER-MIB, 14823.2.2.1.4): the number of users connected through the
// controller's VPN (wlsxNumOfUsersVPN, in wlsxUserStatsGroup), a count. The other per-method user counts of that
// group are not sensors of the controller's health and stay out.
import { addSensors, readScalars, type ScalarSpec, type SensorModule } from './common';

const USER_STATS = '1.3.6.1.4.1.14823.2.2.1.4.1.4';

export const ARUBAOS_SCALARS: ScalarSpec[] = [
  { oid: `${USER_STATS}.2.0`, class: 'count', description: 'Active VPN sessions', key: 'vpn.users' },
];

export const arubaosModule: SensorModule = {
  name: 'sensors.arubaos', stage: 'vendor', os: ['arubaos'],
  async run(c, out) {
    // Unsigned32: a negative reading is an agent's error, not a count.
    addSensors(out, 'arubaos', (await readScalars(c, ARUBAOS_SCALARS)).filter((d) => (d.value ?? -1) >= 0));
  },
};
