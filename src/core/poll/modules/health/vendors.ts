// Vendor health modules, one file per vendor; each decides from the enterprise number whether it applies.
// ucd-disk is a general MIB, but walked only where the general stage found no storage, so it runs here.
import type { PollModule } from '../registry';
import { airmaxHealth } from './airmax';
import { arubaHealth } from './aruba';
import { ciscoHealth } from './cisco';
import { comwareHealth } from './comware';
import { dlinkHealth } from './dlink';
import { fastpathHealth } from './fastpath';
import { fortinetHealth } from './fortinet';
import { frogfootHealth } from './frogfoot';
import { hpeIloHealth } from './hpe-ilo';
import { huaweiHealth } from './huawei';
import { juniperHealth } from './juniper';
import { procurveHealth } from './procurve';
import { ruckusHealth } from './ruckus';
import { sonicwallHealth } from './sonicwall';
import { tplinkHealth } from './tplink';
import { truenasStorage } from './truenas';
import { ucdDisk } from './ucd-disk';
import { zyxelHealth } from './zyxel';

export const VENDOR_HEALTH: PollModule[] = [
  arubaHealth, ciscoHealth, comwareHealth, dlinkHealth, fastpathHealth, fortinetHealth, frogfootHealth,
  hpeIloHealth, huaweiHealth, juniperHealth, procurveHealth, ruckusHealth, sonicwallHealth, tplinkHealth, zyxelHealth,
  truenasStorage, ucdDisk, airmaxHealth,
];
