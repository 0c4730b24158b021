// Fortinet: FortiGate model from ENTITY-MIB row 1, else its sysObjectID (FORTINET-FORTIGATE-MIB fgModel), fgSysVersion; FortiSwitch's
// fsSysVersion carries model and release together; FortiAP's fapVersion and fapSerialNum. Serials from ENTITY-MIB.
import { entityRow, entityRows, pickChassis } from './entity';
import { fortigateModel } from './fortigate-models';
import { grab, scalarModule, setIdentity } from './scalars';

export const FORTINET_MODULES = [
  scalarModule({
    name: 'inventory-fortigate', os: ['fortigate'],
    oids: { version: '1.3.6.1.4.1.12356.101.4.1.1.0', serial: '1.3.6.1.4.1.12356.100.1.1.1.0' },
    fill(v, out) {
      // The chassis row names the model in Fortinet's build form (FGT_100E, FGR_60F_3G4G, FWF_60D, FGT_VM64), which
      // LibreNMS spells out; the sysObjectID's fgModel name where the row is missing.
      const row1 = entityRow(out, 1)?.model;
      const model = row1?.replace(/^FGR_/, 'FortiGate Rugged ').replace(/^FGT_VM64/, 'FortiGate VM').replace(/^FGT_/, 'FortiGate ').replace(/^FWF_/, 'FortiWiFi ');
      setIdentity(out, { hardware: model ?? fortigateModel(out.sysObjectID), version: v.version, serial: entityRow(out, 1)?.serial ?? pickChassis(entityRows(out))?.serial ?? v.serial });
    },
  }),
  scalarModule({
    name: 'inventory-fortiswitch', os: ['fortiswitch'],
    oids: { sysVersion: '1.3.6.1.4.1.12356.106.4.1.1.0' },
    fill(v, out) {
      setIdentity(out, {
        hardware: grab(v.sysVersion, /^(\S+) v\d/),
        version: grab(v.sysVersion, /\bv(\d[\d.]*),/),
        serial: pickChassis(entityRows(out))?.serial,
      });
    },
  }),
  scalarModule({
    name: 'inventory-fortiap', os: ['fortiap'],
    oids: { version: '1.3.6.1.4.1.12356.120.1.1.0', serial: '1.3.6.1.4.1.12356.120.1.2.0' },
    fill(v, out) {
      // "FP231G-v7.4-build0771": the model is in the firmware name.
      const model = grab(v.version, /^FP(\w+?)-v/);
      setIdentity(out, { hardware: model && `FortiAP ${model}`, version: v.version, serial: v.serial });
    },
  }),
];
