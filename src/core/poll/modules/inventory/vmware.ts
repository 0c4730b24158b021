// VMware ESXi: the release from VMWARE-SYSTEM-MIB, the server model and serial from ENTITY-MIB row 1 (the chassis the
// agent builds from the host's SMBIOS), which is where LibreNMS takes them. One GET. (LibreNMS also shows vmwProdBuild
// as "features"; Parc has no such field.)
import type { SnmpClient } from '../../../snmp/client';
import { vbText } from '../../../snmp/values';
import type { DevicePoll } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';

/** VMWARE-SYSTEM-MIB (vmwSystem = enterprises.6876.1) and ENTITY-MIB entPhysicalEntry columns, row 1. */
export const ESXI_OIDS = {
  version: '1.3.6.1.4.1.6876.1.2.0', // vmwProdVersion: "7.0.3" (Major.Minor.Update)
  model: '1.3.6.1.2.1.47.1.1.1.1.2.1', // entPhysicalDescr.1
  serial: '1.3.6.1.2.1.47.1.1.1.1.11.1', // entPhysicalSerialNum.1
} as const;

export interface EsxiIdentity {
  hardware?: string;
  serial?: string;
  version?: string;
}

/**
 * The values as LibreNMS shows them: taken whole (only trimmed), no placeholder filtering, so a white-box server's
 * "To Be Filled By O.E.M." reads the same in both; only what PHP calls empty ("", "0") counts as absent.
 * entPhysicalModelName is not used: LibreNMS does not read it.
 */
export function esxiIdentity(v: { version?: string; model?: string; serial?: string }): EsxiIdentity {
  const t = (s: string | undefined) => {
    const x = s?.replace(/\0/g, '').trim();
    return x && x !== '0' ? x : undefined;
  };
  return { hardware: t(v.model), serial: t(v.serial), version: t(v.version) };
}

export const VMWARE_MODULES: readonly PollModule[] = [
  {
    name: 'inventory-vmware-esxi',
    stage: 'vendor',
    os: ['vmware-esxi'],
    async run(c: SnmpClient, out: DevicePoll) {
      const keys = ['version', 'model', 'serial'] as const;
      const vbs = await getTolerant(c, keys.map((k) => ESXI_OIDS[k]));
      const id = esxiIdentity(Object.fromEntries(keys.map((k, i) => [k, vbText(vbs[i])])));
      if (id.hardware) out.hardware = id.hardware;
      if (id.serial) out.serial = id.serial;
      if (id.version) out.version = id.version;
    },
  },
];
