// SonicWall (enterprise 8741): firewall connection-cache use and its size (SONICWALL-FIREWALL-IP-STATISTICS-MIB),
// and the SSL VPN clients of the SMA appliances (SNWL-SSLVPN-MIB, sysObjectID under 8741.6).
import { addSensors, readScalars, type ScalarSpec, type SensorModule } from './common';

const SW = '1.3.6.1.4.1.8741';
export const SONICWALL_SCALARS: ScalarSpec[] = [
  { oid: `${SW}.1.3.1.2.0`, class: 'count', description: 'Current Connections', key: 'conn' },
  { oid: `${SW}.1.3.1.1.0`, class: 'count', description: 'Max Connections', key: 'connMax' },
];
export const SMA_SCALARS: ScalarSpec[] = [{ oid: `${SW}.6.2.1.9.0`, class: 'count', description: 'SSL VPN clients', key: 'sslvpn' }];

export const sonicwallModule: SensorModule = {
  name: 'sensors.sonicwall', stage: 'vendor', os: ['sonicwall'],
  async run(c, out) {
    const sma = /^\.?1\.3\.6\.1\.4\.1\.8741\.6(\.|$)/.test(out.sysObjectID ?? '');
    addSensors(out, 'sonicwall', await readScalars(c, sma ? SMA_SCALARS : SONICWALL_SCALARS));
  },
};
