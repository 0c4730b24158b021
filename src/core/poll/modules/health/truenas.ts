// TrueNAS / FreeNAS: FREENAS-MIB's zpool table (50536.1.1.1.1) and ZFS table (50536.1.2.1.1, one row per dataset
// or zvol), beside the hrStorage mounts. FreeNAS 11 answers name, allocation units, size, used, available (in
// units); SCALE's ZFS table answers name and used/available in bytes (its pool table has a health text there).
import type { StorageInfo } from '../../types';
import type { PollModule } from '../registry';
import { columns, enterprise, num, text } from './util';

const zpoolEntry = '1.3.6.1.4.1.50536.1.1.1.1';
const zfsEntry = '1.3.6.1.4.1.50536.1.2.1.1';

export const truenasStorage: PollModule = {
  name: 'truenas-storage', stage: 'vendor',
  applies: (out) => enterprise(out, 50536) || /^(TrueNAS|FreeNAS)/.test(out.sysDescr ?? ''),
  async run(client, out) {
    const table = (e: string) => columns(client, { name: `${e}.2`, c3: `${e}.3`, c4: `${e}.4`, c5: `${e}.5`, c6: `${e}.6` });
    const [pools, zfs] = await Promise.all([table(zpoolEntry), table(zfsEntry)]);
    const datasets: StorageInfo[] = [];
    const rows = [...[...pools].map(([i, r]) => [`p${i}`, r] as const), ...zfs];
    for (const [i, r] of rows) {
      const name = text(r.name);
      const [c3, c4, c5, c6] = [num(r.c3), num(r.c4), num(r.c5), num(r.c6)];
      if (!name || c3 === undefined || c4 === undefined) continue;
      // Allocation units are a small power of two and come with a size/used/available triple.
      const units = c6 !== undefined && c5 !== undefined && c3 > 0 && c3 <= 65536 && (c3 & (c3 - 1)) === 0 ? c3 : undefined;
      const size = units ? c4 * units : c3 + c4;
      const used = units ? c5! * units : c3;
      if (!(size > 0)) continue;
      datasets.push({ index: (String(i).startsWith('p') ? 200000 + Number(String(i).slice(1)) : 100000 + Number(i)), description: name, type: 'fixedDisk', sizeBytes: size, usedBytes: used, usedPercent: Math.round((used / size) * 1000) / 10 });
    }
    out.storage = [...out.storage, ...datasets];
  },
};
