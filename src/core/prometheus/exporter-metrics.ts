// What snmp_exporter reads for Parc, per Parc poll module: the same OIDs the local poller reads, with the MIB's
// own object names as metric names (as snmp_exporter's generator names them), so PromQL and Parc's reader agree.
export type MetricType = 'gauge' | 'counter' | 'DisplayString' | 'PhysAddress48';

export interface ExporterIndex {
  labelname: string;
  type: 'gauge' | 'DisplayString';
}

export interface ExporterLookup {
  labels: string[];
  labelname: string;
  oid: string;
  type: 'DisplayString' | 'gauge';
}

export interface ExporterMetric {
  name: string;
  oid: string;
  type: MetricType;
  help: string;
  indexes?: ExporterIndex[];
  lookups?: ExporterLookup[];
}

export interface ExporterModule {
  /** Parc poll module it mirrors. */
  name: string;
  walk: string[];
  get: string[];
  metrics: ExporterMetric[];
}

const ifIndex: ExporterIndex[] = [{ labelname: 'ifIndex', type: 'gauge' }];
const ifName: ExporterLookup[] = [
  { labels: ['ifIndex'], labelname: 'ifName', oid: '1.3.6.1.2.1.31.1.1.1.1', type: 'DisplayString' },
  { labels: ['ifIndex'], labelname: 'ifDescr', oid: '1.3.6.1.2.1.2.2.1.2', type: 'DisplayString' },
];
const ifCol = (name: string, oid: string, type: MetricType, help: string): ExporterMetric => ({ name, oid, type, help, indexes: ifIndex, lookups: ifName });
const hrStorage: ExporterIndex[] = [{ labelname: 'hrStorageIndex', type: 'gauge' }];
const hrStorageLookups: ExporterLookup[] = [
  { labels: ['hrStorageIndex'], labelname: 'hrStorageDescr', oid: '1.3.6.1.2.1.25.2.3.1.3', type: 'DisplayString' },
  { labels: ['hrStorageIndex'], labelname: 'hrStorageType', oid: '1.3.6.1.2.1.25.2.3.1.2', type: 'DisplayString' },
];
const scalar = (name: string, oid: string, type: MetricType, help: string): ExporterMetric => ({ name, oid, type, help });

/** Columns of one table with a single integer index (or several), each read by its own walk. */
function columns(table: string, index: ExporterIndex[], cols: [number, string, MetricType, string][]): { walk: string[]; metrics: ExporterMetric[] } {
  return {
    walk: cols.map(([c]) => `${table}.${c}`),
    metrics: cols.map(([c, name, type, help]) => ({ name, oid: `${table}.${c}`, type, help, indexes: index })),
  };
}
const entIndex: ExporterIndex[] = [{ labelname: 'entPhysicalIndex', type: 'gauge' }];
const entity = columns('1.3.6.1.2.1.47.1.1.1.1', entIndex, [
  [2, 'entPhysicalDescr', 'DisplayString', 'ENTITY-MIB entPhysicalDescr'],
  [3, 'entPhysicalVendorType', 'DisplayString', 'ENTITY-MIB entPhysicalVendorType (an OID)'],
  [4, 'entPhysicalContainedIn', 'gauge', 'ENTITY-MIB entPhysicalContainedIn'],
  [5, 'entPhysicalClass', 'gauge', 'ENTITY-MIB entPhysicalClass (3 chassis, 6 powerSupply, 7 fan, 8 sensor, 9 module, 10 port, 11 stack)'],
  [7, 'entPhysicalName', 'DisplayString', 'ENTITY-MIB entPhysicalName'],
  [8, 'entPhysicalHardwareRev', 'DisplayString', 'ENTITY-MIB entPhysicalHardwareRev'],
  [9, 'entPhysicalFirmwareRev', 'DisplayString', 'ENTITY-MIB entPhysicalFirmwareRev'],
  [10, 'entPhysicalSoftwareRev', 'DisplayString', 'ENTITY-MIB entPhysicalSoftwareRev'],
  [11, 'entPhysicalSerialNum', 'DisplayString', 'ENTITY-MIB entPhysicalSerialNum'],
  [12, 'entPhysicalMfgName', 'DisplayString', 'ENTITY-MIB entPhysicalMfgName'],
  [13, 'entPhysicalModelName', 'DisplayString', 'ENTITY-MIB entPhysicalModelName'],
]);
const entitySensor = columns('1.3.6.1.2.1.99.1.1.1', entIndex, [
  [1, 'entPhySensorType', 'gauge', 'ENTITY-SENSOR-MIB entPhySensorType (3 voltsAC, 4 voltsDC, 5 amperes, 6 watts, 7 hertz, 8 celsius, 9 percentRH, 10 rpm, 11 cmm, 12 truthvalue)'],
  [2, 'entPhySensorScale', 'gauge', 'ENTITY-SENSOR-MIB entPhySensorScale'],
  [3, 'entPhySensorPrecision', 'gauge', 'ENTITY-SENSOR-MIB entPhySensorPrecision'],
  [4, 'entPhySensorValue', 'gauge', 'ENTITY-SENSOR-MIB entPhySensorValue (scaled by scale and precision)'],
  [5, 'entPhySensorOperStatus', 'gauge', 'ENTITY-SENSOR-MIB entPhySensorOperStatus (1 ok, 2 unavailable, 3 nonoperational)'],
]);
const hrDevice = columns('1.3.6.1.2.1.25.3.2.1', [{ labelname: 'hrDeviceIndex', type: 'gauge' }], [
  [2, 'hrDeviceType', 'DisplayString', 'HOST-RESOURCES-MIB hrDeviceType (an OID)'],
  [3, 'hrDeviceDescr', 'DisplayString', 'HOST-RESOURCES-MIB hrDeviceDescr'],
  [5, 'hrDeviceStatus', 'gauge', 'HOST-RESOURCES-MIB hrDeviceStatus (1 unknown, 2 running, 3 warning, 4 testing, 5 down)'],
]);
const markerIndex: ExporterIndex[] = [{ labelname: 'hrDeviceIndex', type: 'gauge' }, { labelname: 'prtMarkerIndex', type: 'gauge' }];
const supplies = columns('1.3.6.1.2.1.43.11.1.1', [{ labelname: 'hrDeviceIndex', type: 'gauge' }, { labelname: 'prtMarkerSuppliesIndex', type: 'gauge' }], [
  [2, 'prtMarkerSuppliesMarkerIndex', 'gauge', 'Printer-MIB prtMarkerSuppliesMarkerIndex'],
  [3, 'prtMarkerSuppliesColorantIndex', 'gauge', 'Printer-MIB prtMarkerSuppliesColorantIndex'],
  [4, 'prtMarkerSuppliesClass', 'gauge', 'Printer-MIB prtMarkerSuppliesClass (3 consumed, 4 filled)'],
  [5, 'prtMarkerSuppliesType', 'gauge', 'Printer-MIB prtMarkerSuppliesType (3 toner, 4 wasteToner, 5 ink, 9 opc, 10 developer, 15 fuser…)'],
  [6, 'prtMarkerSuppliesDescription', 'DisplayString', 'Printer-MIB prtMarkerSuppliesDescription'],
  [7, 'prtMarkerSuppliesSupplyUnit', 'gauge', 'Printer-MIB prtMarkerSuppliesSupplyUnit'],
  [8, 'prtMarkerSuppliesMaxCapacity', 'gauge', 'Printer-MIB prtMarkerSuppliesMaxCapacity (-1 other, -2 unknown)'],
  [9, 'prtMarkerSuppliesLevel', 'gauge', 'Printer-MIB prtMarkerSuppliesLevel (-1 other, -2 unknown, -3 some remaining)'],
]);
const colorants = columns('1.3.6.1.2.1.43.12.1.1', [{ labelname: 'hrDeviceIndex', type: 'gauge' }, { labelname: 'prtMarkerColorantIndex', type: 'gauge' }], [
  [4, 'prtMarkerColorantValue', 'DisplayString', 'Printer-MIB prtMarkerColorantValue (black, cyan…)'],
]);
const lifeCount = columns('1.3.6.1.2.1.43.10.2.1', markerIndex, [
  [4, 'prtMarkerLifeCount', 'counter', 'Printer-MIB prtMarkerLifeCount (pages, usually)'],
]);

export const EXPORTER_MODULES: ExporterModule[] = [
  {
    name: 'system',
    walk: [],
    get: ['1.3.6.1.2.1.1.1.0', '1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.4.0', '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.6.0', '1.3.6.1.2.1.25.1.1.0'],
    metrics: [
      scalar('sysDescr', '1.3.6.1.2.1.1.1', 'DisplayString', 'SNMPv2-MIB sysDescr'),
      scalar('sysObjectID', '1.3.6.1.2.1.1.2', 'DisplayString', 'SNMPv2-MIB sysObjectID'),
      scalar('sysUpTime', '1.3.6.1.2.1.1.3', 'gauge', 'SNMPv2-MIB sysUpTime, hundredths of a second'),
      scalar('sysContact', '1.3.6.1.2.1.1.4', 'DisplayString', 'SNMPv2-MIB sysContact'),
      scalar('sysName', '1.3.6.1.2.1.1.5', 'DisplayString', 'SNMPv2-MIB sysName'),
      scalar('sysLocation', '1.3.6.1.2.1.1.6', 'DisplayString', 'SNMPv2-MIB sysLocation'),
      scalar('hrSystemUptime', '1.3.6.1.2.1.25.1.1', 'gauge', 'HOST-RESOURCES-MIB hrSystemUptime, hundredths of a second'),
    ],
  },
  {
    name: 'interfaces',
    walk: ['1.3.6.1.2.1.2.2.1', '1.3.6.1.2.1.31.1.1.1'],
    get: [],
    metrics: [
      ifCol('ifType', '1.3.6.1.2.1.2.2.1.3', 'gauge', 'IF-MIB ifType'),
      ifCol('ifMtu', '1.3.6.1.2.1.2.2.1.4', 'gauge', 'IF-MIB ifMtu'),
      ifCol('ifSpeed', '1.3.6.1.2.1.2.2.1.5', 'gauge', 'IF-MIB ifSpeed, bit/s'),
      ifCol('ifPhysAddress', '1.3.6.1.2.1.2.2.1.6', 'PhysAddress48', 'IF-MIB ifPhysAddress'),
      ifCol('ifAdminStatus', '1.3.6.1.2.1.2.2.1.7', 'gauge', 'IF-MIB ifAdminStatus (1 up, 2 down, 3 testing)'),
      ifCol('ifOperStatus', '1.3.6.1.2.1.2.2.1.8', 'gauge', 'IF-MIB ifOperStatus (1 up, 2 down, 3 testing, 4 unknown, 5 dormant, 6 notPresent, 7 lowerLayerDown)'),
      ifCol('ifInOctets', '1.3.6.1.2.1.2.2.1.10', 'counter', 'IF-MIB ifInOctets (32-bit)'),
      ifCol('ifInErrors', '1.3.6.1.2.1.2.2.1.14', 'counter', 'IF-MIB ifInErrors'),
      ifCol('ifOutOctets', '1.3.6.1.2.1.2.2.1.16', 'counter', 'IF-MIB ifOutOctets (32-bit)'),
      ifCol('ifOutErrors', '1.3.6.1.2.1.2.2.1.20', 'counter', 'IF-MIB ifOutErrors'),
      ifCol('ifHCInOctets', '1.3.6.1.2.1.31.1.1.1.6', 'counter', 'IF-MIB ifHCInOctets (64-bit)'),
      ifCol('ifHCOutOctets', '1.3.6.1.2.1.31.1.1.1.10', 'counter', 'IF-MIB ifHCOutOctets (64-bit)'),
      ifCol('ifHighSpeed', '1.3.6.1.2.1.31.1.1.1.15', 'gauge', 'IF-MIB ifHighSpeed, Mbit/s'),
      ifCol('ifAlias', '1.3.6.1.2.1.31.1.1.1.18', 'DisplayString', 'IF-MIB ifAlias'),
    ],
  },
  {
    name: 'storage',
    walk: ['1.3.6.1.2.1.25.2.3.1'],
    get: [],
    metrics: [
      { name: 'hrStorageAllocationUnits', oid: '1.3.6.1.2.1.25.2.3.1.4', type: 'gauge', help: 'HOST-RESOURCES-MIB hrStorageAllocationUnits, bytes', indexes: hrStorage, lookups: hrStorageLookups },
      { name: 'hrStorageSize', oid: '1.3.6.1.2.1.25.2.3.1.5', type: 'gauge', help: 'HOST-RESOURCES-MIB hrStorageSize, allocation units', indexes: hrStorage, lookups: hrStorageLookups },
      { name: 'hrStorageUsed', oid: '1.3.6.1.2.1.25.2.3.1.6', type: 'gauge', help: 'HOST-RESOURCES-MIB hrStorageUsed, allocation units', indexes: hrStorage, lookups: hrStorageLookups },
    ],
  },
  {
    name: 'processors',
    walk: ['1.3.6.1.2.1.25.3.3.1.2', '1.3.6.1.2.1.25.3.2.1.3'],
    get: [],
    metrics: [
      {
        name: 'hrProcessorLoad', oid: '1.3.6.1.2.1.25.3.3.1.2', type: 'gauge', help: 'HOST-RESOURCES-MIB hrProcessorLoad, percent over the last minute',
        indexes: [{ labelname: 'hrDeviceIndex', type: 'gauge' }],
        lookups: [{ labels: ['hrDeviceIndex'], labelname: 'hrDeviceDescr', oid: '1.3.6.1.2.1.25.3.2.1.3', type: 'DisplayString' }],
      },
    ],
  },
  {
    name: 'ucd',
    walk: ['1.3.6.1.4.1.2021.10.1.5'],
    get: ['1.3.6.1.4.1.2021.4.3.0', '1.3.6.1.4.1.2021.4.4.0', '1.3.6.1.4.1.2021.4.5.0', '1.3.6.1.4.1.2021.4.6.0', '1.3.6.1.4.1.2021.4.14.0', '1.3.6.1.4.1.2021.4.15.0', '1.3.6.1.4.1.2021.11.11.0'],
    metrics: [
      { name: 'laLoadInt', oid: '1.3.6.1.4.1.2021.10.1.5', type: 'gauge', help: 'UCD-SNMP-MIB laLoadInt, load average × 100 (1, 5, 15 minutes)', indexes: [{ labelname: 'laIndex', type: 'gauge' }] },
      scalar('memTotalSwap', '1.3.6.1.4.1.2021.4.3', 'gauge', 'UCD-SNMP-MIB memTotalSwap, kB'),
      scalar('memAvailSwap', '1.3.6.1.4.1.2021.4.4', 'gauge', 'UCD-SNMP-MIB memAvailSwap, kB'),
      scalar('memTotalReal', '1.3.6.1.4.1.2021.4.5', 'gauge', 'UCD-SNMP-MIB memTotalReal, kB'),
      scalar('memAvailReal', '1.3.6.1.4.1.2021.4.6', 'gauge', 'UCD-SNMP-MIB memAvailReal, kB'),
      scalar('memBuffer', '1.3.6.1.4.1.2021.4.14', 'gauge', 'UCD-SNMP-MIB memBuffer, kB'),
      scalar('memCached', '1.3.6.1.4.1.2021.4.15', 'gauge', 'UCD-SNMP-MIB memCached, kB'),
      scalar('ssCpuIdle', '1.3.6.1.4.1.2021.11.11', 'gauge', 'UCD-SNMP-MIB ssCpuIdle, percent'),
    ],
  },
  {
    name: 'extend',
    walk: ['1.3.6.1.4.1.8072.1.3.2.3.1.1'],
    get: [],
    metrics: [
      { name: 'nsExtendOutput1Line', oid: '1.3.6.1.4.1.8072.1.3.2.3.1.1', type: 'DisplayString', help: 'NET-SNMP-EXTEND-MIB nsExtendOutput1Line (distro, hardware, serial… as Observium/LibreNMS install them)', indexes: [{ labelname: 'nsExtendToken', type: 'DisplayString' }] },
    ],
  },
  // Standard MIBs behind model/serial/version, sensors and printer supplies: Parc's modules read them back.
  { name: 'entity', walk: entity.walk, get: [], metrics: entity.metrics },
  { name: 'entity-sensor', walk: entitySensor.walk, get: [], metrics: entitySensor.metrics },
  { name: 'hr-device', walk: hrDevice.walk, get: [], metrics: hrDevice.metrics },
  {
    name: 'printer',
    walk: [...supplies.walk, ...colorants.walk, ...lifeCount.walk],
    get: [],
    metrics: [...supplies.metrics, ...colorants.metrics, ...lifeCount.metrics],
  },
  {
    // RFC 1628: the standard UPS MIB (the APC/Eaton vendor tables are not expressed here).
    name: 'ups',
    walk: ['1.3.6.1.2.1.33.1.3.3.1.3', '1.3.6.1.2.1.33.1.4.4.1.2', '1.3.6.1.2.1.33.1.4.4.1.5'],
    get: [
      '1.3.6.1.2.1.33.1.1.1.0', '1.3.6.1.2.1.33.1.1.2.0', '1.3.6.1.2.1.33.1.1.3.0', '1.3.6.1.2.1.33.1.1.5.0',
      '1.3.6.1.2.1.33.1.2.1.0', '1.3.6.1.2.1.33.1.2.2.0', '1.3.6.1.2.1.33.1.2.3.0', '1.3.6.1.2.1.33.1.2.4.0', '1.3.6.1.2.1.33.1.2.5.0', '1.3.6.1.2.1.33.1.2.7.0',
      '1.3.6.1.2.1.33.1.4.1.0',
    ],
    metrics: [
      scalar('upsIdentManufacturer', '1.3.6.1.2.1.33.1.1.1', 'DisplayString', 'UPS-MIB upsIdentManufacturer'),
      scalar('upsIdentModel', '1.3.6.1.2.1.33.1.1.2', 'DisplayString', 'UPS-MIB upsIdentModel'),
      scalar('upsIdentUPSSoftwareVersion', '1.3.6.1.2.1.33.1.1.3', 'DisplayString', 'UPS-MIB upsIdentUPSSoftwareVersion'),
      scalar('upsIdentName', '1.3.6.1.2.1.33.1.1.5', 'DisplayString', 'UPS-MIB upsIdentName'),
      scalar('upsBatteryStatus', '1.3.6.1.2.1.33.1.2.1', 'gauge', 'UPS-MIB upsBatteryStatus (1 unknown, 2 normal, 3 low, 4 depleted)'),
      scalar('upsSecondsOnBattery', '1.3.6.1.2.1.33.1.2.2', 'gauge', 'UPS-MIB upsSecondsOnBattery'),
      scalar('upsEstimatedMinutesRemaining', '1.3.6.1.2.1.33.1.2.3', 'gauge', 'UPS-MIB upsEstimatedMinutesRemaining'),
      scalar('upsEstimatedChargeRemaining', '1.3.6.1.2.1.33.1.2.4', 'gauge', 'UPS-MIB upsEstimatedChargeRemaining, percent'),
      scalar('upsBatteryVoltage', '1.3.6.1.2.1.33.1.2.5', 'gauge', 'UPS-MIB upsBatteryVoltage, 0.1 V'),
      scalar('upsBatteryTemperature', '1.3.6.1.2.1.33.1.2.7', 'gauge', 'UPS-MIB upsBatteryTemperature, °C'),
      scalar('upsOutputSource', '1.3.6.1.2.1.33.1.4.1', 'gauge', 'UPS-MIB upsOutputSource (3 normal, 4 bypass, 5 battery, 6 booster, 7 reducer)'),
      { name: 'upsInputVoltage', oid: '1.3.6.1.2.1.33.1.3.3.1.3', type: 'gauge', help: 'UPS-MIB upsInputVoltage, V', indexes: [{ labelname: 'upsInputLineIndex', type: 'gauge' }] },
      { name: 'upsOutputVoltage', oid: '1.3.6.1.2.1.33.1.4.4.1.2', type: 'gauge', help: 'UPS-MIB upsOutputVoltage, V', indexes: [{ labelname: 'upsOutputLineIndex', type: 'gauge' }] },
      { name: 'upsOutputPercentLoad', oid: '1.3.6.1.2.1.33.1.4.4.1.5', type: 'gauge', help: 'UPS-MIB upsOutputPercentLoad', indexes: [{ labelname: 'upsOutputLineIndex', type: 'gauge' }] },
    ],
  },
];
