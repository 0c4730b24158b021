// Operating system and vendor from sysObjectID and sysDescr, as LibreNMS recognises devices, with its os names.
// Recognition has two steps: the static rules, then — only for agents that look like plain Linux/BSD or share a
// sysObjectID between systems — the probe rules, whose subtrees are asked in the one identity request.
import { CISCO_RULES } from './cisco';
import { HOST_RULES } from './hosts';
import { HPE_RULES } from './hpe';
import { NETWORK_RULES } from './network';
import { POWER_RULES } from './power';
import { PRINTER_RULES } from './printers';
import { SERVER_RULES } from './servers';
import type { OsRule } from './types';
import { UBIQUITI_RULES } from './ubiquiti';

export { HOST_OSES } from './hosts';
export type { OsRule } from './types';

export interface OsGuess {
  os: string;
  vendor?: string;
}

/** First match wins: vendors before the general-purpose systems that appliances are built on. */
export const OS_RULES: readonly OsRule[] = [
  ...CISCO_RULES, ...HPE_RULES, ...UBIQUITI_RULES, ...NETWORK_RULES, ...POWER_RULES, ...PRINTER_RULES, ...SERVER_RULES, ...HOST_RULES,
];

const ENTERPRISE_VENDOR = new Map<number, string>([
  [9, 'Cisco'], [11, 'HP'], [43, '3Com'], [311, 'Microsoft'], [318, 'APC'], [367, 'Ricoh'], [534, 'Eaton'], [674, 'Dell'],
  [850, 'Tripp Lite'], [1248, 'Epson'], [1347, 'Kyocera'], [1602, 'Canon'], [2011, 'Huawei'], [2021, 'Net-SNMP'], [2435, 'Brother'],
  [2636, 'Juniper'], [3375, 'F5'], [4526, 'Netgear'], [6574, 'Synology'], [6876, 'VMware'], [8072, 'Net-SNMP'], [9303, 'Aruba'],
  [10002, 'Ubiquiti'], [11863, 'TP-Link'], [12356, 'Fortinet'], [14823, 'Aruba'], [14988, 'MikroTik'], [18334, 'Konica Minolta'],
  [24681, 'QNAP'], [25461, 'Palo Alto Networks'], [30065, 'Arista'], [41112, 'Ubiquiti'], [42, 'Oracle'], [43356, 'Mimosa'],
  [476, 'Vertiv'], [13742, 'Raritan'], [253, 'Xerox'], [641, 'Lexmark'], [236, 'Samsung'], [1916, 'Extreme Networks'],
  [171, 'D-Link'], [890, 'Zyxel'], [25053, 'Ruckus'], [8741, 'SonicWall'], [3097, 'WatchGuard'], [29671, 'Cisco Meraki'],
  [232, 'HPE'], [19046, 'Lenovo'], [21317, 'Supermicro'], [3808, 'CyberPower'], [2385, 'Sharp'], [25506, 'HPE'], [47196, 'Aruba'],
]);

// Asked by many modules' `applies` for the same device in a row: the last answer is kept.
let lastOid: string | undefined;
let lastEnterprise: number | undefined;
export function enterpriseNumber(sysObjectID: string | undefined): number | undefined {
  if (sysObjectID === lastOid) return lastEnterprise;
  const m = /^\.?1\.3\.6\.1\.4\.1\.(\d+)/.exec(sysObjectID ?? '');
  lastOid = sysObjectID;
  lastEnterprise = m ? Number(m[1]) : undefined;
  return lastEnterprise;
}

function staticMatch(r: OsRule, oid: string, descr: string): boolean {
  if (!r.oid && !r.descr) return false;
  if (r.oid && !r.oid.test(oid)) return false;
  if (r.descr && !r.descr.test(descr)) return false;
  if (r.test && !r.test(oid)) return false;
  return !(r.notDescr && r.notDescr.test(descr));
}

const clean = (oid: string | undefined) => (oid ?? '').replace(/^\./, '');

/**
 * The OS. `present` holds the probe subtrees the agent has (see probeOidsFor); without it, probe rules are skipped.
 */
export function detectOs(sysObjectID: string | undefined, sysDescr: string | undefined, present?: ReadonlySet<string>): OsGuess {
  const oid = clean(sysObjectID);
  const descr = sysDescr ?? '';
  for (const r of OS_RULES) {
    if (!staticMatch(r, oid, descr)) continue;
    if (r.probe && !present?.has(r.probe)) continue;
    return { os: r.os, vendor: r.vendor ?? vendorOf(oid, descr) };
  }
  return { os: 'generic', vendor: vendorOf(oid, descr) };
}

/** Subtrees worth asking about: those of probe rules that come before the rule that matches without probing. */
export function probeOidsFor(sysObjectID: string | undefined, sysDescr: string | undefined): string[] {
  const oid = clean(sysObjectID);
  const descr = sysDescr ?? '';
  const out: string[] = [];
  for (const r of OS_RULES) {
    if (!staticMatch(r, oid, descr)) continue;
    if (!r.probe) break;
    if (!out.includes(r.probe)) out.push(r.probe);
  }
  return out;
}

export function vendorOf(oid: string, descr: string): string | undefined {
  const ent = enterpriseNumber(oid);
  const v = ent !== undefined ? ENTERPRISE_VENDOR.get(ent) : undefined;
  if (v && v !== 'Net-SNMP') return v;
  const m = /\b(Kyocera|Ricoh|Lexmark|Xerox|Canon|Epson|Konica Minolta|Brother|HP|Dell|Lenovo|Supermicro)\b/i.exec(descr);
  return m ? m[1] : v;
}
