// Cisco: version from sysDescr, model and serial from ENTITY-MIB's chassis (row 1, or the first stack member
// 1000/1001 when row 1 is a virtual "Switch System"), else the CISCO-PRODUCTS-MIB name of the sysObjectID.
// Small Business switches keep theirs in CISCOSB-Physicaldescription-MIB (rlPhdUnitGenParamTable, unit 1).
import type { DevicePoll } from '../../types';
import type { PollModule } from '../registry';
import { ciscoProductName } from './cisco-products';
import { ENT_CLASS, entityRow, entityRows, firstEntitySerial, pickChassis, type EntityRow } from './entity';
import { scalarModule, setIdentity } from './scalars';
import { ciscoVersion } from './sysdescr';

const CISCO_OSES = ['ios', 'iosxe', 'nxos', 'asa', 'ciscowlc', 'ciscowap'] as const;

/**
 * The entity that names the device, as Cisco agents lay them out and in LibreNMS's order: row 1 when it is the
 * top-level chassis; a virtual chassis ("Switch System", "MIDPLANE", "Virtual Stack") gives way to the first stack
 * member 1000; a named stack ("c38xx Stack", "C29xx Stacking") to member 1001; a member without a model to the name
 * of what contains it.
 */
export function ciscoChassis(out: DevicePoll): { row?: EntityRow; hardware?: string } {
  const one = entityRow(out, 1);
  let row: EntityRow | undefined;
  let hardware: string | undefined;
  if (one && one.containedIn === 0) {
    row = one;
    hardware = one.model ?? one.name;
  }
  const m1000 = entityRow(out, 1000);
  const m1001 = entityRow(out, 1001);
  const parentName = (m?: EntityRow) => (m?.containedIn ? entityRow(out, m.containedIn)?.name : undefined);
  if ((!hardware || /Switch System|MIDPLANE|Virtual Stack/.test(hardware)) && m1000?.model) {
    row = m1000;
    hardware = m1000.model;
  } else if (!hardware && m1000?.containedIn) {
    hardware = parentName(m1000);
  } else if ((!hardware || /stack/i.test(hardware)) && m1001?.model) {
    row = m1001;
    hardware = m1001.model;
  } else if (!hardware && m1001?.containedIn) {
    hardware = parentName(m1001);
  }
  row ??= entityRows(out).find((r) => r.class === ENT_CLASS.chassis);
  return { row, hardware };
}

const cisco: PollModule = {
  name: 'inventory-cisco',
  stage: 'vendor',
  os: CISCO_OSES,
  async run(_c, out) {
    const { row, hardware } = ciscoChassis(out);
    const one = entityRow(out, 1);
    // ASA and IOS report the running release on the top-level chassis; it wins over the banner.
    const version = (one?.containedIn === 0 ? one.softwareRev : undefined) ?? ciscoVersion(out.sysDescr ?? '');
    // The serial is the chassis row's, else the first stack member's, whichever row named the model.
    const serial = [1, 1000, 1001].map((i) => entityRow(out, i)?.serial).find(Boolean);
    setIdentity(out, {
      hardware: hardware ?? ciscoProductName(out.sysObjectID),
      serial: serial ?? row?.serial ?? entityRows(out).find((r) => r.class === ENT_CLASS.chassis && r.serial)?.serial,
      // NX-OS's chassis row carries the BIOS or module release, not the system's; IOS XE's, like IOS's, the system's.
      version: out.os === 'nxos' ? ciscoVersion(out.sysDescr ?? '') ?? version : version,
    });
  },
};

const ftd: PollModule = {
  name: 'inventory-ftd',
  stage: 'vendor',
  os: ['ftd'],
  async run(c, out) {
    // Firepower lists its chassis after containers and fans: the first serial in the table is the chassis's.
    setIdentity(out, { serial: pickChassis(entityRows(out))?.serial ?? await firstEntitySerial(c) });
  },
};

const PHD = '1.3.6.1.4.1.9.6.1.101.53.14.1';
const ciscosb = scalarModule({
  name: 'inventory-ciscosb',
  os: ['ciscosb'],
  oids: {
    software: `${PHD}.2.1`, firmware: `${PHD}.3.1`, hwVersion: `${PHD}.4.1`, serial: `${PHD}.5.1`, model: `${PHD}.11.1`,
    boot: '1.3.6.1.4.1.9.6.1.101.2.10.0',
  },
  fill(v, out) {
    const ent = pickChassis(entityRows(out));
    const version = v.software
      ? [`Software ${v.software}`, v.boot && `Bootldr ${v.boot}`, v.firmware && `Firmware ${v.firmware}`].filter(Boolean).join(', ')
      : undefined;
    setIdentity(out, {
      hardware: v.model ? [v.model, v.hwVersion].filter(Boolean).join(' ') : ent?.model,
      serial: v.serial,
      version,
    });
  },
});

export const CISCO_MODULES: PollModule[] = [cisco, ftd, ciscosb];
