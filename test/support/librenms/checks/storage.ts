// Storage: Parc's storage list holds exactly the filesystems LibreNMS keeps (same descriptions, no memory pools).
import type { FieldCheck } from './types';

const norm = (s: string) => s.trim();

export const storageChecks: FieldCheck[] = [
  {
    field: 'storage',
    applies: (c) => !c.osOnly && !!c.storage && c.storage.length > 0,
    judge: (c, p) => {
      const want = new Set(c.storage!.map(norm));
      const got = new Set(p.storage.map((s) => norm(s.description)));
      const missing = [...want].filter((d) => !got.has(d));
      const extra = [...got].filter((d) => !want.has(d));
      if (!missing.length && !extra.length) return { agrees: true };
      return { agrees: false, detail: `missing ${missing.length}: ${missing.slice(0, 4).join(' | ')}; extra ${extra.length}: ${extra.slice(0, 4).join(' | ')}` };
    },
  },
];
