// Synology SYNOLOGY-SYSTEM-MIB: modelName, serialNumber, version ("DSM 7.2-64570").
import { grab, scalarModule, setIdentity } from './scalars';

export const SYNOLOGY_MODULES = [
  scalarModule({
    name: 'inventory-dsm', os: ['dsm'],
    oids: { model: '1.3.6.1.4.1.6574.1.5.1.0', serial: '1.3.6.1.4.1.6574.1.5.2.0', version: '1.3.6.1.4.1.6574.1.5.3.0' },
    fill: (v, out) => setIdentity(out, { hardware: v.model, serial: v.serial, version: grab(v.version, /^(?:DSM )?(.+)$/) }),
  }),
];
