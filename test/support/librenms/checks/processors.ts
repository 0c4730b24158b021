// Processors: as many as LibreNMS discovers (hrProcessorLoad, UCD or the vendor's CPU table).
import type { FieldCheck } from './types';

export const processorChecks: FieldCheck[] = [
  {
    field: 'processors',
    applies: (c) => !c.osOnly && c.processors !== null && c.processors > 0,
    judge: (c, p) => {
      const got = p.processors.length;
      return got === c.processors ? { agrees: true } : { agrees: false, detail: `expected ${c.processors}, got ${got}: ${p.processors.slice(0, 4).map((x) => `${x.source ?? '?'}:${x.description ?? x.index}`).join(', ')}` };
    },
  },
];
