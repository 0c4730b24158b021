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
  /** hrDevice index, or the vendor table's index. */
  index: number;
  loadPercent: number;
  /** What the device calls it (hrDeviceDescr, vendor table), never a bare index. */
  description?: string;
  /** Module that read it: hr | ucd | cisco | … */
  source?: string;
}

/** Memory (RAM, swap, vendor pools) — not storage: these never count as filesystems. */
export interface MempoolInfo {
  /** Stable key within the device, e.g. `hr.1`, `cisco.2`. */
  index: string;
  description: string;
  /** ram | virtual | swap | buffers | cached | shared | other */
  type: string;
  totalBytes?: number;
  usedBytes?: number;
  freeBytes?: number;
  usedPercent?: number;
  source?: string;
}

export type SensorClass = 'temperature' | 'fanspeed' | 'voltage' | 'current' | 'power' | 'humidity' | 'frequency'
  | 'dbm' | 'percent' | 'runtime' | 'load' | 'charge' | 'state' | 'airflow' | 'pressure' | 'signal' | 'count'
  | 'power_factor' | 'power_consumed' | 'delay' | 'loss';

export interface SensorInfo {
  class: SensorClass;
  /** Stable key within the device: `${source}.${index}`. */
  index: string;
  description: string;
  /** Scaled value in `unit` (°C, rpm, V, A, W, %, Hz, dBm, minutes…); for class `state`, the raw state number. */
  value?: number;
  unit?: string;
  limitHigh?: number;
  limitLow?: number;
  limitHighWarn?: number;
  limitLowWarn?: number;
  /** ok | warning | critical | unknown — from the device's own status column or the limits. */
  status?: 'ok' | 'warning' | 'critical' | 'unknown';
  /** For state sensors: the device's word for the state (e.g. `normal`, `failed`). */
  stateText?: string;
  source?: string;
}

export interface SupplyInfo {
  index: string;
  description: string;
  /** toner | ink | drum | fuser | wasteToner | wasteInk | developer | transferUnit | cleaner | staples | paper (an input tray) | other */
  type: string;
  colour?: string;
  /** 0–100; undefined when the printer reports "unknown" or "some remaining". */
  levelPercent?: number;
  /** Raw prtMarkerSuppliesLevel / MaxCapacity (-1 other, -2 unknown, -3 some remaining). */
  level?: number;
  capacity?: number;
  /** `someRemaining` / `unknown` when no percentage can be given. */
  levelText?: string;
  /** Part number when the printer appends it to the description (Xerox `…, PN 006R01509;SN…`). */
  partNumber?: string;
}

export interface UpsInfo {
  /** online | onBattery | bypass | boost | trim | off | unknown */
  status: string;
  batteryChargePercent?: number;
  runtimeMinutes?: number;
  loadPercent?: number;
  inputVoltage?: number;
  outputVoltage?: number;
  batteryTemperatureC?: number;
  replaceBattery?: boolean;
  /** normal | low | depleted | fault | absent | unknown */
  batteryStatus?: string;
  /** Modules that answered, e.g. `ups-mib+apc`. */
  source?: string;
}

export interface UcdInfo {
  load1?: number;
  load5?: number;
  load15?: number;
  memTotalBytes?: number;
  memAvailBytes?: number;
  memBufferBytes?: number;
  memCachedBytes?: number;
  /** memSysAvail (MemAvailable), net-snmp 5.8+. */
  memSysAvailBytes?: number;
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
  /** Not polled at all: the cycle's deadline had passed before this device's turn (errorKind `budget`). */
  skipped?: boolean;
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
  /** Human OS name with version, e.g. `Cisco IOS 15.2(7)E9`, `MikroTik RouterOS 7.11`. */
  osName?: string;
  /** OS or firmware version, e.g. `15.2(7)E9`. */
  version?: string;
  distro?: string;
  /** Model, e.g. `WS-C2960X-48FPD-L`. */
  hardware?: string;
  serial?: string;
  interfaces: InterfaceInfo[];
  storage: StorageInfo[];
  processors: ProcessorInfo[];
  mempools?: MempoolInfo[];
  sensors?: SensorInfo[];
  supplies?: SupplyInfo[];
  /** Printer page counter (prtMarkerLifeCount). */
  pageCount?: number;
  ups?: UpsInfo;
  ucd?: UcdInfo;
  /** Alerts firing for this device in the engine's Alertmanager (Prometheus engine only). */
  engineAlerts?: EngineAlert[];
  /** Modules that failed on an otherwise reachable device (e.g. a walk timed out). */
  moduleErrors?: Record<string, string>;
}

/** What one poll module contributes. Modules tolerate agents that lack their MIB. */
export type PollModuleName = string;

/** An alert of an external engine (Alertmanager) about one device. */
export interface EngineAlert {
  /** alertname plus the labels that tell instances apart (interface, storage…). */
  id: string;
  name: string;
  severity: 'critical' | 'warning' | 'info';
  summary: string;
  since: string;
}
