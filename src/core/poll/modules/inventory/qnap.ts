// QNAP QTS / QuTS hero: model and serial from the first row of NAS-MIB's QTS 4.4+ enclosure table, firmware from the
// first entPhysicalFirmwareRev, as LibreNMS reads them (one GETNEXT of the three columns). What those leave empty is
// filled, in one GET, from QTS-MIB / QuTS hero's QTS-MIB (enterprise 55062: systemModel, serialNumber,
// firmwareVersion) and the legacy NAS-MIB modelName, for firmware that has only one of the other trees.
import { isMissing, vbText, type Varbind } from '../../../snmp/values';
import { getNextTolerant, getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { meaningful } from './entity';
import { setIdentity } from './scalars';

const ENCLOSURE_MODEL = '1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.3';
const ENCLOSURE_SERIAL = '1.3.6.1.4.1.24681.1.4.1.1.1.1.1.2.1.4';
const ENT_FIRMWARE_REV = '1.3.6.1.2.1.47.1.1.1.1.9';
/** model, serial, firmware: QTS-MIB (55062.1), QuTS hero (55062.2), legacy NAS-MIB modelName (no serial/firmware). */
const FALLBACK = [
  ['1.3.6.1.4.1.55062.1.12.3.0', '1.3.6.1.4.1.55062.1.12.5.0', '1.3.6.1.4.1.55062.1.12.6.0'],
  ['1.3.6.1.4.1.55062.2.12.3.0', '1.3.6.1.4.1.55062.2.12.5.0', '1.3.6.1.4.1.55062.2.12.6.0'],
  ['1.3.6.1.4.1.24681.1.2.12.0'],
];

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
      let [model, serial, firmware] = cols.map((col, i) => inColumn(vbs[i], col));
      if (!model || !firmware) {
        const oids = FALLBACK.flat();
        const got = new Map((await getTolerant(c, oids)).map((vb, i) => [oids[i], meaningful(vbText(vb))]));
        for (const [m, s, f] of FALLBACK) {
          model ??= got.get(m);
          if (s) serial ??= got.get(s);
          if (f) firmware ??= got.get(f);
        }
      }
      setIdentity(out, { hardware: model, serial, version: qnapFirmware(firmware) });
    },
  },
];
