import { parseArgs, str, bool, UsageError } from '../args';
import { INVENTORY_HELP, openInventory, stateStore } from '../context';
import { parseDuration } from '../duration';
import type { Command } from './types';

export const eventsCommand: Command = {
  name: 'events',
  summary: 'show the event log (downs, reboots, port and storage changes), newest first',
  usage: `parc events [--inventory FILE] [--since 24h] [--limit N] [--json]
  ${INVENTORY_HELP}`,
  async run(argv, io) {
    const p = parseArgs(argv, { inventory: 'string', since: 'string', limit: 'string', json: 'boolean', state: 'string' });
    const inv = await openInventory(io, str(p, 'inventory'));
    const since = str(p, 'since') ? Date.now() - parseDuration(str(p, 'since')!) : undefined;
    const limit = str(p, 'limit') ? Number(str(p, 'limit')) : 50;
    if (!(limit > 0)) throw new UsageError('--limit must be a positive number');
    const events = await stateStore(inv, io, str(p, 'state')).readEvents({ since, limit });
    if (bool(p, 'json')) io.out(JSON.stringify({ events }, null, 2));
    else if (!events.length) io.out('no events');
    else for (const e of events) io.out(`${e.time}  ${e.severity.padEnd(8)}  ${e.message}`);
    return 0;
  },
};
