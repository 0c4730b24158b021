// OPNsense prints "OPNsense 24.1.2 (amd64)" through an snmpd `version` extend; the banner only has the kernel.
import { extendOutputOid } from '../../../snmp/oids';

/** nsExtendOutputFull (column 2) of a named extend: OPNsense's plugin fills that one. */
function extendFullOid(name: string): string {
  const chars = [...Buffer.from(name, 'utf8')];
  return `1.3.6.1.4.1.8072.1.3.2.3.1.2.${chars.length}.${chars.join('.')}`;
}
import { scalarModule, setIdentity } from './scalars';

export const BSD_MODULES = [
  scalarModule({
    name: 'inventory-opnsense', os: ['opnsense'],
    oids: { version: extendOutputOid('version'), versionFull: extendFullOid('version') },
    fill(v, out) {
      const m = /^OPNsense (\S+) \(([^)]+)\)/.exec(v.version ?? v.versionFull ?? '');
      if (m) setIdentity(out, { version: m[1], hardware: m[2] });
    },
  }),
];
