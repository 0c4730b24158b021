// MikroTik MIKROTIK-MIB: mtxrLicVersion (RouterOS release), mtxrSerialNumber, mtxrFirmwareVersion (SwOS).
import { scalarModule, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

const MTXR = '1.3.6.1.4.1.14988.1.1';

export const MIKROTIK_MODULES = [
  scalarModule({
    name: 'inventory-mikrotik',
    os: ['routeros', 'swos'],
    oids: { licVersion: `${MTXR}.4.4.0`, serial: `${MTXR}.7.3.0`, firmware: `${MTXR}.7.4.0` },
    fill(v, out) {
      const banner = parseSysDescr(out.os, out.sysDescr);
      setIdentity(out, {
        hardware: banner.hardware,
        serial: v.serial,
        version: out.os === 'swos' ? v.firmware ?? banner.version : v.licVersion,
      });
    },
  }),
];
