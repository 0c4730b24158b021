import type { EngineConfig } from './engine-section';
import type { ServerConfig } from './server-section';
import type { Cidr } from '../net/cidr';
import type { AlertingConfig, Language } from '../notify/types';

export type SnmpVersion = '1' | '2c' | '3';
export type SecurityLevel = 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';
export type AuthProtocol = 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
export type PrivProtocol = 'des' | 'aes' | 'aes256' | 'aes256c';

export interface SnmpProfile {
  name: string;
  version: SnmpVersion;
  /** v1/v2c: credential holding the community. */
  credential?: string;
  /** v3 */
  user?: string;
  level?: SecurityLevel;
  auth?: AuthProtocol;
  priv?: PrivProtocol;
  authCredential?: string;
  privCredential?: string;
  context?: string;
  timeoutMs: number;
  retries: number;
}

export interface Site {
  region: string;
  name: string;
  aliases: string[];
  subnets: Cidr[];
  coordinates?: [number, number];
  line: number;
}

export interface Device {
  host: string;
  name?: string;
  port: number;
  profile?: string;
  site?: string;
  /** Free labels used by alert rules and maintenance windows (core, ups, ...). */
  tags?: string[];
  line: number;
}

export interface Thresholds {
  storagePercent: number;
  processorPercent: number;
  /** Memory pools (RAM, swap, vendor pools) used at or above this raise an alert. */
  memoryPercent: number;
  /** Printer supplies (toner, ink, drum…) under this level raise an alert. */
  supplyPercent: number;
  /** UPS battery charge under this level raises an alert (as does the UPS's own "battery low"). */
  upsBatteryPercent: number;
}

export interface Schedule {
  pollMinutes: number;
  newDeviceMinutes: number;
  discoveryHours: number;
  housekeepingHours: number;
  eventRetentionDays: number;
}

export interface DiscoverySettings {
  subnets: Cidr[];
  /** Profiles tried in order when probing; defaults to all profiles, the default one first. */
  profiles: string[];
  autoAdd: boolean;
}

export interface Inventory {
  file: string;
  sites: Site[];
  snmp: { default?: string; profiles: Map<string, SnmpProfile> };
  devices: Device[];
  thresholds: Thresholds;
  schedule: Schedule;
  discovery: DiscoverySettings;
  /** Where state (.parc) lives; relative to the inventory file. */
  stateDir?: string;
  /** Maximum distance between a device's coordinates and a site's for a coordinate match. */
  siteMaxDistanceKm: number;
  /** Who polls: absent = Parc's own poller; `prometheus` = read a Prometheus-compatible API. */
  engine?: EngineConfig;
  /** Language of alert messages (`language: fr|en`); English when absent. */
  language?: Language;
  /** Alert delivery: transports, rules, maintenance windows (src/core/notify). */
  alerting?: AlertingConfig;
  /** `parc serve`: listen address and logins (src/core/inventory/server-section.ts). */
  server?: ServerConfig;
  /** Sections owned by other features (windows, linux, directories, janitor), kept as plain data. */
  extra: Record<string, unknown>;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  line: number; // 1-based
  col: number; // 1-based
  endLine: number;
  endCol: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { storagePercent: 90, processorPercent: 90, memoryPercent: 90, supplyPercent: 10, upsBatteryPercent: 50 };
export const DEFAULT_SCHEDULE: Schedule = {
  pollMinutes: 5,
  newDeviceMinutes: 5,
  discoveryHours: 6,
  housekeepingHours: 24,
  eventRetentionDays: 30,
};

/** Stable key of a device across polls and restarts. */
export function deviceKey(d: { host: string; port: number }): string {
  return `${d.host.toLowerCase()}:${d.port}`;
}

export function deviceLabel(d: { host: string; name?: string }): string {
  return d.name ?? d.host;
}
