// OPNsense prints "OPNsense 24.1.2 (amd64)" through an snmpd `version` extend; the banner only has the kernel.
import { extendOutputOid } from '../../../snmp/oids';
import { scalarModule, setIdentity } from './scalars';

export const BSD_MODULES = [
  scalarModule({
    name: 'inventory-opnsense', os: ['opnsense'],
    oids: { version: extendOutputOid('version') },
    fill(v, out) {
      const m = /^OPNsense (\S+) \(([^)]+)\)/.exec(v.version ?? '');
      if (m) setIdentity(out, { version: m[1], hardware: m[2] });
    },
  }),
];
