// Huawei VRP: model and release from the banner; serial from HUAWEI-SYS-MAN-MIB (hwSysSerialNumber?) or the
// first ENTITY-MIB row with one.
import type { PollModule } from '../registry';
import { entityRows, firstEntitySerial } from './entity';
import { readScalars, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

export const HUAWEI_MODULES: PollModule[] = [{
  name: 'inventory-vrp',
  stage: 'vendor',
  os: ['vrp'],
  async run(c, out) {
    // hwPatchVersion of the running patch, when one is installed, is shown after the release.
    const v = await readScalars(c, { serial: '1.3.6.1.4.1.2011.5.25.188.1.1.0', patch: '1.3.6.1.4.1.2011.5.25.19.1.8.5.1.1.4.0.0' });
    const banner = parseSysDescr('vrp', out.sysDescr);
    const ent = entityRows(out);
    setIdentity(out, {
      hardware: banner.hardware ?? ent.find((r) => r.name)?.name,
      version: banner.version && v.patch ? `${banner.version} [${v.patch}]` : banner.version,
      serial: v.serial ?? ent.find((r) => r.serial)?.serial ?? await firstEntitySerial(c),
    });
  },
}];
