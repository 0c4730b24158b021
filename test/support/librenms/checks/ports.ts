// Port names: every ifName LibreNMS keeps is among Parc's interface names (LibreNMS filters some ports out).
import type { FieldCheck } from './types';

export const portChecks: FieldCheck[] = [
  {
    field: 'ports',
    applies: (c) => !c.osOnly && !!c.ports && c.ports.count > 0,
    judge: (c, p) => {
      const got = new Set(p.interfaces.flatMap((i) => [i.name, i.descr ?? '']));
      const missing = c.ports!.names.filter((n, k) => n !== null && !got.has(n) && !got.has(c.ports!.ifDescr[k] ?? ''));
      return missing.length ? { agrees: false, detail: `missing ${missing.length}: ${missing.slice(0, 5).join(', ')}` } : { agrees: true };
    },
  },
];
