// Inventory modules: model, serial, OS/firmware version and the human OS name of every device. One file per MIB or
// vendor; the registry runs each only where its `os` list says it applies.
//   general — ENTITY-MIB (every device that is not a general-purpose host), bounded;
//   vendor  — the vendor MIBs, filling what they know;
//   final   — blanks filled from sysDescr patterns, then from the ENTITY-MIB chassis; then the OS name.
import { HOST_OSES } from '../../os';
import type { PollModule } from '../registry';
import { BSD_MODULES } from './bsd';
import { CISCO_MODULES } from './cisco';
import { entityRows, pickChassis, pollEntity } from './entity';
import { FORTINET_MODULES } from './fortinet';
import { HPE_MODULES } from './hpe';
import { HUAWEI_MODULES } from './huawei';
import { JUNIPER_MODULES } from './juniper';
import { MIKROTIK_MODULES } from './mikrotik';
import { osNameOf } from './os-name';
import { PALOALTO_MODULES } from './paloalto';
import { PRINTER_MODULES } from './printer';
import { QNAP_MODULES } from './qnap';
import { setIdentity } from './scalars';
import { SERVER_MODULES } from './servers';
import { SWITCH_MODULES } from './switches';
import { SYNOLOGY_MODULES } from './synology';
import { parseSysDescr } from './sysdescr';
import { UBIQUITI_MODULES } from './ubiquiti';
import { UPS_MODULES } from './ups';
import { VMWARE_MODULES } from './vmware';

const entity: PollModule = {
  name: 'entity',
  stage: 'general',
  // Hosts (net-snmp on Linux/BSD, Windows) have no physical-entity table worth a request.
  applies: (out) => !HOST_OSES.has(out.os ?? 'generic'),
  run: pollEntity,
};

/** Final stage, in this order (each only fills what is still empty). */
const fillFromSysDescr: PollModule = {
  name: 'inventory-sysdescr',
  stage: 'final',
  async run(_c, out) {
    const id = parseSysDescr(out.os, out.sysDescr, out.sysObjectID);
    setIdentity(out, { hardware: out.hardware ?? id.hardware, serial: out.serial ?? id.serial, version: out.version ?? id.version });
  },
};

const fillFromEntity: PollModule = {
  name: 'inventory-entity',
  stage: 'final',
  applies: (out) => !HOST_OSES.has(out.os ?? 'generic'),
  async run(_c, out) {
    const ch = pickChassis(entityRows(out));
    if (ch) setIdentity(out, { hardware: out.hardware ?? ch.model, serial: out.serial ?? ch.serial, version: out.version ?? ch.softwareRev ?? ch.firmwareRev });
  },
};

const osName: PollModule = {
  name: 'os-name',
  stage: 'final',
  async run(_c, out) {
    const n = osNameOf(out);
    if (n) out.osName = n;
  },
};

export const INVENTORY_MODULES: readonly PollModule[] = [
  entity,
  ...CISCO_MODULES, ...HPE_MODULES, ...MIKROTIK_MODULES, ...UBIQUITI_MODULES, ...FORTINET_MODULES, ...PALOALTO_MODULES,
  ...JUNIPER_MODULES, ...HUAWEI_MODULES, ...SERVER_MODULES, ...SYNOLOGY_MODULES, ...QNAP_MODULES, ...SWITCH_MODULES, ...PRINTER_MODULES,
  ...UPS_MODULES, ...BSD_MODULES, ...VMWARE_MODULES,
  fillFromSysDescr, fillFromEntity, osName,
];
