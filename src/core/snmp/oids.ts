// OIDs Parc polls, named as in their MIBs.
export const OID = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
  hrSystemUptime: '1.3.6.1.2.1.25.1.1.0',
  hrSystemInitialLoadParameters: '1.3.6.1.2.1.25.1.4.0',
  snmpEngineTime: '1.3.6.1.6.3.10.2.1.3.0',
  ifTable: '1.3.6.1.2.1.2.2',
  ifXTable: '1.3.6.1.2.1.31.1.1',
  hrStorageTable: '1.3.6.1.2.1.25.2.3',
  hrProcessorLoad: '1.3.6.1.2.1.25.3.3.1.2',
  /** NET-SNMP-EXTEND-MIB::nsExtendOutput1Line, indexed by the extend name. */
  nsExtendOutput1Line: '1.3.6.1.4.1.8072.1.3.2.3.1.1',
  /** Observium installs its extends under UCD-SNMP-MIB's 7890 branch: 1 distro, 2 hardware, 3 vendor, 4 serial. */
  observiumExtendBase: '1.3.6.1.4.1.2021.7890',
  /** UCD-SNMP-MIB */
  laLoadInt: '1.3.6.1.4.1.2021.10.1.5', // load average ×100, rows 1/5/15 min
  memTotalReal: '1.3.6.1.4.1.2021.4.5.0',
  memAvailReal: '1.3.6.1.4.1.2021.4.6.0',
  memBuffer: '1.3.6.1.4.1.2021.4.14.0',
  memCached: '1.3.6.1.4.1.2021.4.15.0',
  memTotalSwap: '1.3.6.1.4.1.2021.4.3.0',
  memAvailSwap: '1.3.6.1.4.1.2021.4.4.0',
  ssCpuIdle: '1.3.6.1.4.1.2021.11.11.0',
} as const;

/** OID of nsExtendOutput1Line for a named extend under a given NET-SNMP-EXTEND table root. */
export function extendOutputOid(name: string, tableRoot = '1.3.6.1.4.1.8072.1.3.2'): string {
  const chars = Buffer.from(name, 'utf8');
  return `${tableRoot}.3.1.1.${chars.length}.${[...chars].join('.')}`;
}
