// Which poll module runs on which device. A module is one file per MIB or vendor; adding a vendor means
// adding its file and one line here. Stages run in order; the modules of one stage run in parallel:
//   identity — refines OS/model before anything depends on it (extend, uptime, ENTITY-MIB…);
//   general  — standard MIBs every agent may have (IF-MIB, HOST-RESOURCES, UCD, Printer-MIB, UPS-MIB…);
//   vendor   — vendor MIBs, only on devices whose OS says they apply, filling what the general ones left;
//   final    — derivations from what was read (memory/storage split, human OS name…), no SNMP traffic needed.
// A module that throws is recorded in moduleErrors under its name; the device stays up.
import type { SnmpClient } from '../../snmp/client';
import { HOST_OSES } from '../os';
import type { DevicePoll } from '../types';
import { DEVICE_HEALTH_MODULES } from './device-health';
import { pollExtend } from './extend';
import { HEALTH_MODULES } from './health';
import { INVENTORY_MODULES } from './inventory';
import { pollInterfaces } from './interfaces';
import { agentHas, pollIdentityProbe, pollUptime } from './system';
import { pollUcd } from './ucd';
import { SENSOR_MODULES } from './sensors';
import { LSI_MEGARAID } from './sensors/lsi-megaraid';
import { RPI_GPIO_LINES } from './sensors/rpi-gpio-monitor';

export type PollStage = 'identity' | 'general' | 'vendor' | 'final';
export const STAGES: readonly PollStage[] = ['identity', 'general', 'vendor', 'final'];

export interface PollModule {
  /** Key in moduleErrors; unique. */
  readonly name: string;
  readonly stage: PollStage;
  /** OS codes (os-detect) the module applies to; absent means every device. */
  readonly os?: readonly string[];
  /** A finer condition on what is already known (enterprise number, a field left empty…). */
  applies?(out: DevicePoll): boolean;
  run(client: SnmpClient, out: DevicePoll): Promise<void>;
}

/**
 * Modules whose MIB a general-purpose host (net-snmp on Linux/BSD, Windows) seldom carries, like LibreNMS's per-OS
 * module lists: on those hosts they run only when the identity probes found their subtree at discovery.
 */
const ON_HOSTS_ONLY_WITH = new Map<string, string>([
  ['sensors.ups-mib', '1.3.6.1.2.1.33.1'], ['sensors.printer', '1.3.6.1.2.1.43'], ['sensors.synology', '1.3.6.1.4.1.6574.1'],
  ['sensors.rpi-gpio-monitor', RPI_GPIO_LINES], ['sensors.lsi-megaraid', LSI_MEGARAID],
]);

export function appliesTo(m: PollModule, out: DevicePoll): boolean {
  const os = out.os ?? 'generic';
  if (m.os && !m.os.includes(os)) return false;
  const needs = ON_HOSTS_ONLY_WITH.get(m.name);
  if (needs && HOST_OSES.has(os) && !agentHas(out, needs)) return false;
  return m.applies ? m.applies(out) : true;
}

const CORE: PollModule[] = [
  {
    name: 'extend', stage: 'identity',
    async run(c, out) {
      const up = await pollExtend(c, out);
      if (up !== undefined) {
        out.uptimeSeconds = up;
        out.uptimeSource = 'extend';
      }
    },
  },
  // Uptime candidates, kernel command line and the OS probe subtrees, in one request.
  { name: 'identity', stage: 'identity', async run(c, out) { await pollIdentityProbe(c, out); } },
  {
    // Picks the uptime from what the identity request read; runs after extend, whose uptime wins.
    name: 'uptime', stage: 'general',
    async run(_c, out) {
      const fromExtend = out.uptimeSource === 'extend' ? out.uptimeSeconds : undefined;
      pollUptime(out);
      if (fromExtend !== undefined) {
        out.uptimeSeconds = fromExtend;
        out.uptimeSource = 'extend';
      }
    },
  },
  { name: 'interfaces', stage: 'general', async run(c, out) { out.interfaces = await pollInterfaces(c); } },
  {
    name: 'ucd', stage: 'general',
    async run(c, out) {
      const ucd = await pollUcd(c);
      if (ucd) out.ucd = ucd;
    },
  },
];

/** Every module, in registration order. Vendor and MIB modules are appended below as they are written. */
export const MODULES: readonly PollModule[] = [
  ...CORE,
  ...INVENTORY_MODULES,
  ...HEALTH_MODULES,
  ...SENSOR_MODULES,
  ...DEVICE_HEALTH_MODULES,
];

const BY_STAGE = new Map(STAGES.map((s) => [s, MODULES.filter((m) => m.stage === s)]));

/** The modules of one stage that apply to this device. */
export function modulesFor(stage: PollStage, out: DevicePoll, modules: readonly PollModule[] = MODULES): PollModule[] {
  const candidates = modules === MODULES ? BY_STAGE.get(stage)! : modules.filter((m) => m.stage === stage);
  return candidates.filter((m) => appliesTo(m, out));
}
