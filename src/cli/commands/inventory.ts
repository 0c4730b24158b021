// parc inventory: model, serial and version of every device, from what the last polls stored (it polls nothing).
import { formatDuration } from '../../core/format';
import { csvField, inventoryRows, type InventoryRow } from '../../core/monitor/inventory-rows';
import { bool, parseArgs, str, UsageError } from '../args';
import { INVENTORY_HELP, openInventory, stateStore } from '../context';
import { table } from '../format';
import type { Command } from './types';

const COLUMNS: [string, (r: InventoryRow) => string | number | null][] = [
  ['name', (r) => r.name], ['region', (r) => r.region], ['site', (r) => r.site], ['vendor', (r) => r.vendor], ['model', (r) => r.model],
  ['serial', (r) => r.serial], ['version', (r) => r.version], ['uptimeSeconds', (r) => r.uptimeSeconds], ['lastSeen', (r) => r.lastSeen],
];

export const inventoryCommand: Command = {
  name: 'inventory',
  summary: 'one row per device: region, site, vendor, model, serial, version, uptime, last seen (--csv, --json)',
  usage: `parc inventory [--inventory FILE] [--csv | --json] [--state DIR]
  ${INVENTORY_HELP}
  --csv              comma-separated, with a header line (uptime in seconds, last seen in ISO 8601)
  --json             print {"devices": [...]} on stdout
  --state DIR        state directory (default: .parc beside parc.yaml)
Uses what the last polls stored (parc poll / parc watch / the extension); it polls nothing.`,
  async run(argv, io) {
    const p = parseArgs(argv, { inventory: 'string', csv: 'boolean', json: 'boolean', state: 'string' });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    if (bool(p, 'csv') && bool(p, 'json')) throw new UsageError('--csv and --json cannot be used together');
    const inv = await openInventory(io, str(p, 'inventory'));
    const rows = inventoryRows(inv, await stateStore(inv, io, str(p, 'state')).loadDevices());
    if (bool(p, 'json')) {
      io.out(JSON.stringify({ devices: rows }, null, 2));
    } else if (bool(p, 'csv')) {
      io.out([COLUMNS.map(([h]) => h).join(','), ...rows.map((r) => COLUMNS.map(([, f]) => csvField(f(r))).join(','))].join('\r\n'));
    } else {
      const dash = (v: string | null) => v ?? '-';
      io.out(table([
        ['DEVICE', 'REGION › SITE', 'VENDOR', 'MODEL', 'SERIAL', 'VERSION', 'UPTIME', 'LAST SEEN'],
        ...rows.map((r) => [r.name, `${r.region} › ${r.site}`, dash(r.vendor), dash(r.model), dash(r.serial), dash(r.version),
          r.uptimeSeconds !== null ? formatDuration(r.uptimeSeconds) : '-', r.lastSeen ? r.lastSeen.replace('T', ' ').slice(0, 16) : 'never']),
      ]));
      const never = rows.filter((r) => !r.lastSeen).length;
      io.out(`${rows.length} device(s)${never ? `, ${never} never reached` : ''}`);
    }
    return 0;
  },
};
