// QNAP QTS / QuTS hero (NAS-MIB, enterprise 24681): model and serial from the first row of the QTS 4.4+ enclosure
// table, firmware from the first entPhysicalFirmwareRev, as LibreNMS reads them (one GETNEXT of the three columns).
// Older firmware has only the legacy systemInfo tree: its modelName fills the model there.
import { isMissing, vbText, type Varbind } from '../../../snmp/values';
import { getNextTolerant, getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { meaningful } from './entity';
import { setIdentity } from './scalars';

const ENCLOSURE_MODEL = '1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.3';
const ENCLOSURE_SERIAL = '1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.4';
const ENT_FIRMWARE_REV = '1.3.6.1.2.1.47.1.1.1.1.9';
/** Legacy NAS-MIB systemInfo modelName.0. */
const LEGACY_MODEL = '1.3.6.1.4.1.24681.1.2.12.0';

/** The value of a GETNEXT that stayed inside the column asked. */
function inColumn(vb: Varbind | undefined, column: string): string | undefined {
  return vb && !isMissing(vb) && vb.oid.startsWith(column + '.') ? meaningful(vbText(vb)) : undefined;
}

/** QNAP writes the firmware sometimes quoted (LibreNMS strips a leading \"). */
export const qnapFirmware = (s: string | undefined) => meaningful(s?.replace(/^[\\"]+|[\\"]+$/g, ''));

export const QNAP_MODULES: PollModule[] = [
  {
    name: 'inventory-qnap', stage: 'vendor', os: ['qnap'],
    async run(c, out) {
      const cols = [ENCLOSURE_MODEL, ENCLOSURE_SERIAL, ENT_FIRMWARE_REV];
      const vbs = await getNextTolerant(c, cols);
      const [model, serial, firmware] = cols.map((col, i) => inColumn(vbs[i], col));
      const legacy = model ? undefined : meaningful(vbText((await getTolerant(c, [LEGACY_MODEL]))[0]));
      setIdentity(out, { hardware: model ?? legacy, serial, version: qnapFirmware(firmware) });
    },
  },
];
