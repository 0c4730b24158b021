// Huawei VRP: model and release from the banner; serial from HUAWEI-SYS-MAN-MIB (hwSysSerialNumber?) or the
// first ENTITY-MIB row with one.
import type { SnmpClient } from '../../../snmp/client';
import { vbText } from '../../../snmp/values';
import type { PollModule } from '../registry';
import { getNextTolerant } from '../get-tolerant';
import { entityRows, firstEntitySerial } from './entity';
import { readScalars, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

export const HUAWEI_MODULES: PollModule[] = [{
  name: 'inventory-vrp',
  stage: 'vendor',
  os: ['vrp'],
  async run(c, out) {
    const v = await readScalars(c, { serial: '1.3.6.1.4.1.2011.5.25.188.1.1.0' });
    const banner = parseSysDescr('vrp', out.sysDescr);
    const ent = entityRows(out);
    const patch = banner.version ? await patchLabel(c) : undefined;
    setIdentity(out, {
      hardware: banner.hardware ?? ent.find((r) => r.name)?.name,
      version: banner.version && patch ? `${banner.version} [${patch}]` : banner.version,
      serial: v.serial ?? ent.find((r) => r.serial)?.serial ?? await firstEntitySerial(c),
    });
  },
}];

const PATCH_VERSION = '1.3.6.1.4.1.2011.5.25.19.1.8.5.1.1.4';

/**
 * The running patch's name (hwPatchVersion), shown in brackets after the release, whatever its row index: one
 * GETNEXT. Without a patch the agent answers the next object (on VRP switches the first board's admin state, which
 * LibreNMS prints as "[unlocked]"): that is not part of the version, so nothing is added.
 */
async function patchLabel(c: SnmpClient): Promise<string | undefined> {
  const [vb] = await getNextTolerant(c, [PATCH_VERSION]);
  return vb && vb.oid.startsWith(`${PATCH_VERSION}.`) ? vbText(vb) || undefined : undefined;
}
