// Storage: every filesystem LibreNMS lists is in Parc's storage list (same description), and Parc's storage list
// holds no memory (RAM, swap, buffers, cache — those are memory pools). Extra filesystems in Parc's list are not
// disagreements: LibreNMS also hides mounts through its per-OS ignore_mount lists (Linux /run, /dev/shm,
// /run/user/N; SmartZone's bind mounts), a configuration choice of that tool, not a property of the device.
import type { FieldCheck } from './types';

const norm = (s: string) => s.trim();
const MEMORY = /^(physical|virtual|real|cached|shared) memory$|^memory buffers$|^swap space$|^main memory$/i;

export const storageChecks: FieldCheck[] = [
  {
    field: 'storage',
    applies: (c) => !c.osOnly && !!c.storage && c.storage.length > 0,
    judge: (c, p) => {
      const got = new Set(p.storage.map((s) => norm(s.description)));
      const missing = c.storage!.map(norm).filter((d) => !got.has(d));
      const memory = p.storage.filter((s) => ['ram', 'virtualMemory'].includes(s.type) || MEMORY.test(s.description)).map((s) => s.description);
      if (!missing.length && !memory.length) return { agrees: true };
      return { agrees: false, detail: `missing ${missing.length}: ${missing.slice(0, 4).join(' | ')}${memory.length ? `; memory listed as storage: ${memory.slice(0, 4).join(' | ')}` : ''}` };
    },
  },
];
