// Palo Alto PAN-COMMON-MIB: panSysSwVersion, panSysSerialNumber, panChassisType; ENTITY-MIB as a fallback.
import { entityRows, pickChassis } from './entity';
import { scalarModule, setIdentity } from './scalars';

export const PALOALTO_MODULES = [
  scalarModule({
    name: 'inventory-panos', os: ['panos'],
    oids: { version: '1.3.6.1.4.1.25461.2.1.2.1.1.0', serial: '1.3.6.1.4.1.25461.2.1.2.1.3.0', chassis: '1.3.6.1.4.1.25461.2.1.2.2.1.0' },
    fill(v, out) {
      const ent = pickChassis(entityRows(out));
      setIdentity(out, { hardware: v.chassis ?? ent?.model, serial: v.serial ?? ent?.serial, version: v.version ?? ent?.softwareRev });
    },
  }),
];
