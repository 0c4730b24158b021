// Every sensor module: standard MIBs first (they run on every device, one bounded walk each), then vendor tables
// that run only where their enterprise number or OS says they apply. Add a vendor by adding its file and a line.
import { apcModule } from './apc';
import { arubaosModule } from './arubaos';
import { arubaosCxModule } from './arubaos-cx';
import { boxServicesModule } from './boxservices';
import type { SensorModule } from './common';
import { ciscoEntitySensorModule } from './cisco-entity-sensor';
import { ciscoEnvmonModule } from './cisco-envmon';
import { ciscoFruModule } from './cisco-fru';
import { ciscoSbModule } from './ciscosb';
import { ciscoFirewallModule } from './cisco-firewall';
import { ciscoPoeModule } from './cisco-poe';
import { ciscoRedundancyModule } from './cisco-redundancy';
import { ciscoWan3gModule } from './cisco-wan-3g';
import { comwareModule } from './comware';
import { cyberpowerModule } from './cyberpower';
import { dellCmcModule } from './dell-cmc';
import { dellIdracModule } from './dell-idrac';
import { dlinkModule } from './dlink';
import { eatonM2Module, eatonXupsModule, mgeModule } from './eaton';
import { entitySensorModule } from './entity-sensor';
import { fortigateModule } from './fortinet';
import { fortiswitchModule } from './fortiswitch';
import { huaweiVrpModule } from './huawei-vrp';
import { juniperModule } from './juniper';
import { hpeIloModule } from './hpe-ilo';
import { lenovoModule } from './lenovo';
import { liebertAgentModule } from './liebert-agent';
import { liebertConditionsModule } from './liebert-conditions';
import { liebertEnvironmentalModule } from './liebert-environmental';
import { liebertPduModule } from './liebert-pdu';
import { liebertPowerModule } from './liebert-power';
import { lmSensorsModule } from './lm-sensors';
import { lsiMegaraidModule } from './lsi-megaraid';
import { mikrotikModule } from './mikrotik';
import { paloAltoModule } from './paloalto';
import { printerSensorModule } from './printer';
import { qnapModule } from './qnap';
import { rpiGpioMonitorModule } from './rpi-gpio-monitor';
import { sonicwallModule } from './sonicwall';
import { supermicroModule } from './supermicro';
import { synologyModule } from './synology';
import { tplinkModule } from './tplink';
import { trippliteModule } from './tripplite';
import { truenasModule } from './truenas';
import { ubiquitiAirosModule } from './ubiquiti-airos';
import { ubiquitiEdgePowerModule } from './ubiquiti-edgepower';
import { upsMibModule } from './ups-mib';
import { vertivIta2Module } from './vertiv-ita2';
import { vertivPduModule } from './vertiv-pdu';
import { zyxelModule } from './zyxel';
import { zynosModule } from './zynos';
import { arubaInstantModule } from './aruba-instant';
import { fortiapModule } from './fortiap';
import { ciscoWlcModule } from './cisco-wlc';
import { hpPrinterCountersModule, konicaCountersModule, sharpCountersModule } from './printer-counters';

export const SENSOR_MODULES: readonly SensorModule[] = [
  entitySensorModule,
  upsMibModule,
  printerSensorModule,
  lmSensorsModule,
  ciscoEntitySensorModule,
  ciscoEnvmonModule,
  ciscoFruModule,
  ciscoSbModule,
  ciscoFirewallModule,
  ciscoPoeModule,
  ciscoRedundancyModule,
  ciscoWan3gModule,
  comwareModule,
  dellIdracModule,
  dellCmcModule,
  hpeIloModule,
  apcModule,
  fortigateModule,
  fortiswitchModule,
  juniperModule,
  synologyModule,
  qnapModule,
  mikrotikModule,
  eatonXupsModule,
  eatonM2Module,
  mgeModule,
  paloAltoModule,
  dlinkModule,
  vertivPduModule,
  sonicwallModule,
  zyxelModule,
  zynosModule,
  arubaInstantModule,
  fortiapModule,
  ciscoWlcModule,
  hpPrinterCountersModule,
  konicaCountersModule,
  sharpCountersModule,
  supermicroModule,
  tplinkModule,
  boxServicesModule,
  lenovoModule,
  arubaosModule,
  arubaosCxModule,
  truenasModule,
  cyberpowerModule,
  huaweiVrpModule,
  ubiquitiAirosModule,
  ubiquitiEdgePowerModule,
  trippliteModule,
  vertivIta2Module,
  liebertAgentModule,
  liebertPduModule,
  liebertPowerModule,
  liebertEnvironmentalModule,
  liebertConditionsModule,
  rpiGpioMonitorModule,
  lsiMegaraidModule,
];
