// Huawei VRP: model and release from the banner; serial from HUAWEI-SYS-MAN-MIB (hwSysSerialNumber?) or the
// first ENTITY-MIB row with one.
import { entityRows } from './entity';
import { scalarModule, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

export const HUAWEI_MODULES = [
  scalarModule({
    name: 'inventory-vrp', os: ['vrp'],
    oids: { serial: '1.3.6.1.4.1.2011.5.25.188.1.1.0' },
    fill(v, out) {
      const banner = parseSysDescr('vrp', out.sysDescr);
      const ent = entityRows(out);
      setIdentity(out, { hardware: banner.hardware ?? ent.find((r) => r.name)?.name, version: banner.version, serial: v.serial ?? ent.find((r) => r.serial)?.serial });
    },
  }),
];
