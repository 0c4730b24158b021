// What one poll of one device produces. Field names are the CLI's --json contract.

export interface InterfaceInfo {
  ifIndex: number;
  name: string;
  descr?: string;
  alias?: string;
  type?: number;
  adminStatus: string; // up | down | testing
  operStatus: string; // up | down | testing | unknown | dormant | notPresent | lowerLayerDown
  speedBps?: number;
  mtu?: number;
  mac?: string;
  inOctets?: number;
  outOctets?: number;
  inErrors?: number;
  outErrors?: number;
  counterBits: 32 | 64;
  /** Rates since the previous poll; absent on the first poll, after a reboot, or when a counter reset. */
  inBps?: number;
  outBps?: number;
}

export interface StorageInfo {
  index: number;
  description: string;
  type: string; // ram | virtualMemory | fixedDisk | removableDisk | floppyDisk | compactDisc | ramDisk | flashMemory | networkDisk | other
  sizeBytes: number;
  usedBytes: number;
  usedPercent?: number;
}

export interface ProcessorInfo {
  index: number;
  loadPercent: number;
}

export interface UcdInfo {
  load1?: number;
  load5?: number;
  load15?: number;
  memTotalBytes?: number;
  memAvailBytes?: number;
  memBufferBytes?: number;
  memCachedBytes?: number;
  swapTotalBytes?: number;
  swapAvailBytes?: number;
  cpuIdlePercent?: number;
}

export type UptimeSource = 'extend' | 'hrSystemUptime' | 'snmpEngineTime' | 'sysUpTime';

export interface DevicePoll {
  host: string;
  port: number;
  name?: string;
  status: 'up' | 'down';
  error?: string;
  errorKind?: string;
  polledAt: string; // ISO 8601
  durationMs: number;
  /** Round trip of the first SNMP request (the system group GET), in ms. */
  rttMs?: number;
  sysName?: string;
  sysDescr?: string;
  sysObjectID?: string;
  sysLocation?: string;
  sysContact?: string;
  uptimeSeconds?: number;
  uptimeSource?: UptimeSource;
  /** sysUpTime as seen; kept to detect 32-bit wraps. */
  sysUpTimeSeconds?: number;
  os?: string;
  vendor?: string;
  distro?: string;
  hardware?: string;
  serial?: string;
  interfaces: InterfaceInfo[];
  storage: StorageInfo[];
  processors: ProcessorInfo[];
  ucd?: UcdInfo;
  /** Modules that failed on an otherwise reachable device (e.g. a walk timed out). */
  moduleErrors?: Record<string, string>;
}

/** What one poll module contributes. Modules tolerate agents that lack their MIB. */
export type PollModuleName = 'system' | 'extend' | 'interfaces' | 'storage' | 'processors' | 'ucd';
