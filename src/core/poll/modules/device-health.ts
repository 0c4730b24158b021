// Printer supplies and UPS modules, registered in MODULES with one line.
import { PRINTER_MODULES } from './printer';
import type { PollModule } from './registry';
import { UPS_MODULES } from './ups';

export const DEVICE_HEALTH_MODULES: readonly PollModule[] = [
  ...PRINTER_MODULES,
  ...UPS_MODULES,
];
