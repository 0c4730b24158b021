// Juniper JUNIPER-MIB: jnxBoxDescr, jnxBoxSerialNo; the release from the virtual-chassis member's version, else
// the installed JUNOS package (hrSWInstalledName, first rows), else the banner.
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
      sw1: '1.3.6.1.2.1.25.6.3.1.2.1', sw2: '1.3.6.1.2.1.25.6.3.1.2.2',
    });
    const banner = parseSysDescr('junos', out.sysDescr);
    // As LibreNMS reads it: the virtual-chassis member's release, else the installed package — Junos Evolved lists
    // "junos-evo-install-… 23.4R2" first, classic Junos "JUNOS Software Suite [21.2R3.8]" second — else the banner.
    const pkg = v.sw1 !== undefined ? grab(v.sw1, /^junos-evo.*?(\d+\.\d+.*)$/) : grab(v.sw2, /^JUNOS.*\[([^\]]+)\]/);
    setIdentity(out, { hardware: v.box ?? banner.hardware, serial: v.serial, version: v.vcVersion ?? pkg ?? banner.version });
  },
}];
