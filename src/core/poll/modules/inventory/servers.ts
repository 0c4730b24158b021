// Server management controllers: Dell iDRAC/CMC (IDRAC-MIB-SMIv2), Lenovo XClarity and IBM IMM (their MIBs share
// one layout), Supermicro BMC.
import { scalarModule, setIdentity } from './scalars';

const IMM_LAYOUT = (root: string) => ({
  model: `${root}.1.5.2.1.5.0`, serial: `${root}.1.5.2.1.3.0`, firmware: `${root}.1.5.1.1.3.1`,
});

export const SERVER_MODULES = [
  scalarModule({
    name: 'inventory-drac', os: ['drac'],
    oids: {
      product: '1.3.6.1.4.1.674.10892.2.1.1.2.0', serial: '1.3.6.1.4.1.674.10892.2.1.1.11.0', firmware: '1.3.6.1.4.1.674.10892.2.1.2.1.0',
      systemModel: '1.3.6.1.4.1.674.10892.5.1.3.12.0', serviceTag: '1.3.6.1.4.1.674.10892.5.1.3.2.0',
      racFirmware: '1.3.6.1.4.1.674.10892.5.1.1.8.0',
    },
    fill(v, out) {
      // iDRAC 7 and later: the server's model, service tag and the controller's firmware (IDRAC-MIB-SMIv2); older
      // DRACs and the M1000e CMC only answer DELL-RAC-MIB (product short name, its service tag and firmware).
      setIdentity(out, { hardware: v.systemModel ?? v.product, serial: v.serviceTag ?? v.serial, version: v.racFirmware ?? v.firmware });
    },
  }),
  scalarModule({
    name: 'inventory-xclarity', os: ['xclarity'], oids: IMM_LAYOUT('1.3.6.1.4.1.19046.11.1'),
    fill: (v, out) => setIdentity(out, { hardware: v.model, serial: v.serial, version: v.firmware }),
  }),
  scalarModule({
    name: 'inventory-ibm-imm', os: ['ibm-imm'], oids: IMM_LAYOUT('1.3.6.1.4.1.2.3.51.3'),
    fill: (v, out) => setIdentity(out, { hardware: v.model, serial: v.serial, version: v.firmware }),
  }),
  scalarModule({
    name: 'inventory-supermicro', os: ['supermicro-bmc'],
    // ATEN-IPMI-MIB boardinfo: bmcMajorVesion, bmcMinorVesion, bmcBuildVesion (sic), shown "major.minor.build" as
    // LibreNMS does, the build left empty where the BMC has none ("3.88.").
    oids: {
      model: '1.3.6.1.4.1.21317.1.16.3.4.0', serial: '1.3.6.1.4.1.21317.1.16.3.6.0',
      major: '1.3.6.1.4.1.21317.1.5.1.0', minor: '1.3.6.1.4.1.21317.1.5.2.0', build: '1.3.6.1.4.1.21317.1.5.7.0',
    },
    fill: (v, out) => setIdentity(out, {
      hardware: v.model, serial: v.serial,
      version: v.major !== undefined ? `${v.major}.${v.minor ?? ''}.${v.build ?? ''}` : undefined,
    }),
  }),
];
