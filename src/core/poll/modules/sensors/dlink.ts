// D-Link DGS/DES switches (DLINK-EQUIPMENT-MIB dEntityExtEnvTempTable, enterprise 171): the unit's temperature.
import { fromEnterprise, tableModule, type TableSpec } from './common';

export const DLINK_TABLES: TableSpec[] = [
  { entry: '1.3.6.1.4.1.171.12.11.1.8.1', class: 'temperature', name: (_r, i) => `Current Sys Temp ${i.split('.').pop()}`, value: 2 },
];

export const dlinkModule = tableModule('dlink', fromEnterprise(171), DLINK_TABLES);
