// OS family, hardware, serial, version: compared after trimming; LibreNMS's "<private>" placeholder is skipped.
import type { FieldCheck } from './types';

const norm = (s: string | null | undefined) => (s ?? '').trim();

function textCheck(field: 'hardware' | 'serial' | 'version'): FieldCheck {
  return {
    field,
    applies: (c) => !c.osOnly && !!norm(c[field]) && c[field] !== '<private>',
    judge: (c, p) => {
      const got = norm(p[field]);
      return got === norm(c[field]) ? { agrees: true } : { agrees: false, detail: `expected ${JSON.stringify(c[field])}, got ${JSON.stringify(p[field] ?? null)}` };
    },
  };
}

export const identityChecks: FieldCheck[] = [
  {
    field: 'os',
    applies: () => true,
    judge: (c, p) => (p.os === c.librenmsOs ? { agrees: true } : { agrees: false, detail: `expected ${c.librenmsOs}, got ${p.os ?? null} (${p.status}${p.error ? ': ' + p.error : ''})` }),
  },
  textCheck('hardware'),
  textCheck('serial'),
  textCheck('version'),
];
