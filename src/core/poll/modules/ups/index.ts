// Which devices get which UPS module. UPS-MIB only on devices that look like UPSes (or are unrecognised, behind a
// one-OID probe); the vendor MIBs (APC, Eaton, CyberPower, Vertiv ITA2) only where the enterprise number or OS says so. Vendor values fill what UPS-MIB left.
import { enterpriseNumber } from '../../os-detect';
import type { DevicePoll } from '../../types';
import type { PollModule } from '../registry';
import { pollApc } from './apc';
import { pollCps } from './cyberpower';
import { mergeUps } from './common';
import { pollXups } from './eaton';
import { pollUpsMib, UPS_MIB_OIDS } from './ups-mib';
import { pollIta2 } from './vertiv-ita2';
import { getTolerant } from '../get-tolerant';
import { isMissing } from '../../../snmp/values';

export const UPS_OS = new Set([
  'apc', 'eatonups', 'eatonupsm2', 'eaton-mgeups', 'mgeups', 'poweralert', 'tripplite', 'liebert', 'cyberpower',
  'netvision', 'netvision-rfc', 'vertiv-ita2', 'riello', 'socomec', 'gamatronicups', 'huaweiups', 'deltaups', 'ups-nut', 'upsmate', 'benning', 'sentry',
]);

/** APC, Eaton, MGE, Tripp Lite, Liebert/Vertiv, CyberPower, Socomec (Net Vision), Riello, Delta, Gamatronic (not Raritan, 13742: PDUs). */
const UPS_ENTERPRISES = new Set([318, 534, 705, 850, 476, 3808, 4555, 5491, 2254, 6050]);
const APC = 318;
const XUPS = new Set([534, 705]);
const CYBERPOWER = 3808;

export function looksLikeUps(out: Pick<DevicePoll, 'os' | 'sysObjectID' | 'sysDescr'>): boolean {
  if (UPS_OS.has(out.os ?? '')) return true;
  const ent = enterpriseNumber(out.sysObjectID);
  if (ent !== undefined && UPS_ENTERPRISES.has(ent)) return true;
  return /\bUPS\b|Smart-UPS|Back-UPS/i.test(out.sysDescr ?? '');
}

export const UPS_MODULES: PollModule[] = [
  {
    name: 'ups-mib', stage: 'general',
    applies: (out) => looksLikeUps(out) || (out.os ?? 'generic') === 'generic',
    async run(c, out) {
      if (!looksLikeUps(out) && isMissing((await getTolerant(c, [UPS_MIB_OIDS.outputSource]))[0])) return;
      out.ups = mergeUps(out.ups, await pollUpsMib(c));
    },
  },
  {
    name: 'apc-ups', stage: 'vendor',
    applies: (out) => enterpriseNumber(out.sysObjectID) === APC,
    async run(c, out) {
      out.ups = mergeUps(out.ups, await pollApc(c));
    },
  },
  {
    name: 'cyberpower-ups', stage: 'vendor',
    applies: (out) => enterpriseNumber(out.sysObjectID) === CYBERPOWER,
    async run(c, out) {
      out.ups = mergeUps(out.ups, await pollCps(c));
    },
  },
  {
    name: 'vertiv-ita2-ups', stage: 'vendor',
    applies: (out) => out.os === 'vertiv-ita2',
    async run(c, out) {
      out.ups = mergeUps(out.ups, await pollIta2(c));
    },
  },
  {
    name: 'eaton-ups', stage: 'vendor',
    applies: (out) => XUPS.has(enterpriseNumber(out.sysObjectID) ?? -1),
    async run(c, out) {
      out.ups = mergeUps(out.ups, await pollXups(c));
    },
  },
];
