// Memory pools: as many as LibreNMS discovers (hrStorage RAM/virtual/other, UCD, vendor pools).
import type { FieldCheck } from './types';

export const mempoolChecks: FieldCheck[] = [
  {
    field: 'mempools',
    applies: (c) => !c.osOnly && c.mempools !== null && c.mempools > 0,
    judge: (c, p) => {
      const got = p.mempools?.length ?? 0;
      return got === c.mempools ? { agrees: true } : { agrees: false, detail: `expected ${c.mempools}, got ${got}: ${(p.mempools ?? []).slice(0, 6).map((m) => `${m.index} ${m.description}`).join(', ')}` };
    },
  },
];
