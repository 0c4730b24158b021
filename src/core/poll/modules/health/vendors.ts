// Vendor health modules, one file per vendor; each decides from the enterprise number whether it applies.
import type { PollModule } from '../registry';
import { arubaHealth } from './aruba';
import { ciscoHealth } from './cisco';
import { comwareHealth } from './comware';
import { dlinkHealth } from './dlink';
import { fortinetHealth } from './fortinet';
import { huaweiHealth } from './huawei';
import { juniperHealth } from './juniper';

export const VENDOR_HEALTH: PollModule[] = [
  arubaHealth,
  ciscoHealth,
  comwareHealth,
  dlinkHealth,
  fortinetHealth,
  huaweiHealth,
  juniperHealth,
];
