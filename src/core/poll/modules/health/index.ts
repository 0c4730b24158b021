// Health modules: processors, memory pools and storage. General MIBs first (HOST-RESOURCES, UCD), then one
// module per vendor that only runs where its enterprise number (or OS) says it applies, then the UCD fallback.
import type { PollModule } from '../registry';
import { pollHrProcessors } from './hr-processors';
import { pollHrStorage } from './hr-storage';
import { ucdFallback } from './ucd';
import { VENDOR_HEALTH } from './vendors';

/** OSes whose LibreNMS definition turns its mempools module off (their hrStorage RAM rows are not shown as memory). */
const NO_MEMPOOLS = new Set(['gestetner']);

export const HEALTH_MODULES: PollModule[] = [
  { name: 'processors', stage: 'general', async run(c, out) { out.processors = await pollHrProcessors(c, out); } },
  {
    name: 'storage', stage: 'general',
    async run(c, out) {
      const { storage, mempools } = await pollHrStorage(c);
      out.storage = storage;
      if (mempools.length && !NO_MEMPOOLS.has(out.os ?? '')) out.mempools = mempools;
    },
  },
  ...VENDOR_HEALTH,
  { name: 'ucd-health', stage: 'final', async run(_c, out) { ucdFallback(out); } },
];
