import { unwatchFile, watchFile } from 'node:fs';
import { loadInventory } from '../../core/inventory/file';
import { bool, parseArgs, str } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stateStore, stderrLogger } from '../context';
import { cliEstateRunner, janitorMinutes } from '../estate-runner';
import type { Command } from './types';

/** The scheduled RDP janitor: every windows: host, its policy, audited under the OS user running Parc. */
function memoryLine(collectMs: number | undefined): string {
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return `memory${collectMs !== undefined ? ` after gc (${Math.round(collectMs)} ms)` : ''}: heapUsed ${mb(m.heapUsed)} MB, heapTotal ${mb(m.heapTotal)} MB, rss ${mb(m.rss)} MB, external ${mb(m.external)} MB, arrayBuffers ${mb(m.arrayBuffers)} MB`;
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 'run the poll scheduler until stopped (for a systemd service)',
  usage: `parc watch [--inventory FILE] [--state DIR] [--janitor-every MINUTES] [--verbose]
  ${INVENTORY_HELP}
Polls every schedule.pollMinutes (5) or schedule.pollSeconds, new devices every schedule.newDeviceMinutes (5), rescans
discovery.subnets every schedule.discoveryHours (6) and prunes the event log daily. Edits to
parc.yaml are picked up without a restart. Stops cleanly on SIGINT/SIGTERM.
Only one process polls an estate: when parc serve (or another parc watch) holds the poll lease of the
state directory, this one follows its state files and prints its events, and takes over if it stops.
--janitor-every N runs the RDP session janitor on every windows: host every N minutes (0 = never).`,
  async run(argv, io, signal) {
    const p = parseArgs(argv, { inventory: 'string', state: 'string', verbose: 'boolean', 'janitor-every': 'string' });
    let inv = await openInventory(io, str(p, 'inventory'));
    const janitorEvery = janitorMinutes(p);
    const logger = stderrLogger(io, bool(p, 'verbose'));
    const secrets = await cliSecrets(io);
    const store = stateStore(inv, io, str(p, 'state'));
    const { runner, metrics } = cliEstateRunner('watch', { inventory: () => inv, io, store, secrets, logger, janitorEvery });
    // PARC_WATCH_MEMORY=1: memory after each cycle and its collection, for soak runs (a leak shows as heapUsed
    // growing cycle after cycle rather than hiding in the collector's sawtooth). PARC_WATCH_GC=0: no collection.
    if (io.env.PARC_WATCH_MEMORY === '1') {
      if (io.env.PARC_WATCH_GC === '0') runner.on('cycle', () => logger.info(memoryLine(undefined)));
      else runner.on('collected', (ms) => logger.info(memoryLine(ms)));
    }
    // Every event of the estate, whoever polled it (this process or the lease holder).
    runner.on('events', (events) => events.forEach((e) => io.out(`${e.time} ${e.severity} ${e.message}`)));
    watchFile(inv.file, { interval: 2000 }, () => {
      loadInventory(inv.file).then(
        (l) => {
          inv = l.inventory;
          logger.info(`reloaded ${inv.file}: ${inv.devices.length} device(s)`);
          runner.monitor.trigger('newDevices');
        },
        (err) => logger.error(`${inv.file} not reloaded, keeping the previous inventory:\n${(err as Error).message}`),
      );
    });
    logger.info(`watching ${inv.devices.length} device(s) from ${inv.file}; poll every ${inv.schedule.pollMinutes < 1 ? `${Math.round(inv.schedule.pollMinutes * 60)} s` : `${inv.schedule.pollMinutes} min`}`);
    await runner.start();
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    logger.info('stopping after the current job');
    await runner.stop();
    metrics.close();
    unwatchFile(inv.file); // or the file watcher keeps the process alive
    return 0;
  },
};
