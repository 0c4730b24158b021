// Juniper JUNIPER-MIB: jnxBoxDescr, jnxBoxSerialNo; the release from the banner, else the virtual-chassis
// member's version, else the installed JUNOS package (hrSWInstalledName, first rows).
import { vbText } from '../../../snmp/values';
import type { PollModule } from '../registry';
import { grab, readScalars, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

export const JUNIPER_MODULES: PollModule[] = [{
  name: 'inventory-junos',
  stage: 'vendor',
  os: ['junos'],
  async run(c, out) {
    const v = await readScalars(c, {
      box: '1.3.6.1.4.1.2636.3.1.2.0', serial: '1.3.6.1.4.1.2636.3.1.3.0', vcVersion: '1.3.6.1.4.1.2636.3.40.1.4.1.1.1.5.0',
    });
    const banner = parseSysDescr('junos', out.sysDescr);
    let version = banner.version ?? v.vcVersion;
    if (!version) {
      const sw = await c.walk('1.3.6.1.2.1.25.6.3.1.2', 10, 10);
      version = sw.map((vb) => grab(vbText(vb), /^JUNOS .*\[([^\]]+)\]/)).find(Boolean);
    }
    setIdentity(out, { hardware: v.box ?? banner.hardware, serial: v.serial, version });
  },
}];
