// Which rules (and so which transports) an alert goes to: by severity, event type, region/site, device or tag.
import type { Severity } from '../state/types';
import { SEVERITY_RANK, type AlertRule } from './types';

/** What rules and windows look at: the alert and where its device is. */
export interface AlertTarget {
  type: string;
  severity: Severity;
  /** deviceKey (host:port), absent for estate-wide alerts. */
  device?: string;
  deviceName?: string;
  region?: string;
  site?: string;
  tags: string[];
}

const eq = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A device named in a rule or window: by name, host, or host:port. */
export function namesDevice(name: string, t: Pick<AlertTarget, 'device' | 'deviceName'>): boolean {
  if (!t.device) return false;
  const host = t.device.replace(/:\d+$/, '');
  return eq(name, t.device) || eq(name, host) || (t.deviceName !== undefined && eq(name, t.deviceName));
}

function anyOf(list: string[] | undefined, test: (s: string) => boolean): boolean {
  return list === undefined || list.length === 0 || list.some(test);
}

export function ruleMatches(rule: AlertRule, t: AlertTarget): boolean {
  if (rule.minSeverity && SEVERITY_RANK[t.severity] < SEVERITY_RANK[rule.minSeverity]) return false;
  if (!anyOf(rule.events, (e) => e === t.type)) return false;
  // Delivery problems are about Parc itself: only rules that ask for them get them.
  if (t.type === 'delivery-failed' && !rule.events?.includes('delivery-failed')) return false;
  if (!anyOf(rule.regions, (r) => t.region !== undefined && eq(r, t.region))) return false;
  if (!anyOf(rule.sites, (s) => t.site !== undefined && eq(s, t.site))) return false;
  if (!anyOf(rule.devices, (d) => namesDevice(d, t))) return false;
  if (!anyOf(rule.tags, (g) => t.tags.some((x) => eq(x, g)))) return false;
  return true;
}

export function matchingRules(rules: AlertRule[], t: AlertTarget): AlertRule[] {
  return rules.filter((r) => ruleMatches(r, t));
}
