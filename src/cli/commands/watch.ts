import { loadInventory } from '../../core/inventory/file';
import { systemClock } from '../../core/host';
import { Monitor } from '../../core/monitor/monitor';
import { attachDelivery } from '../../core/notify/attach';
import { EnginePoller } from '../../core/poll/engine';
import { bool, parseArgs, str } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stateStore, stderrLogger } from '../context';
import { cliMetricRecorder } from './history';
import type { Command } from './types';
import { unwatchFile, watchFile } from 'node:fs';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'run the poll scheduler until stopped (for a systemd service)',
  usage: `parc watch [--inventory FILE] [--state DIR] [--verbose]
  ${INVENTORY_HELP}
Polls every schedule.pollMinutes (5) or schedule.pollSeconds, new devices every schedule.newDeviceMinutes (5), rescans
discovery.subnets every schedule.discoveryHours (6) and prunes the event log daily. Edits to
parc.yaml are picked up without a restart. Stops cleanly on SIGINT/SIGTERM.`,
  async run(argv, io, signal) {
    const p = parseArgs(argv, { inventory: 'string', state: 'string', verbose: 'boolean' });
    let inv = await openInventory(io, str(p, 'inventory'));
    const logger = stderrLogger(io, bool(p, 'verbose'));
    const secrets = await cliSecrets(io);
    const store = stateStore(inv, io, str(p, 'state'));
    const metrics = cliMetricRecorder(inv, store.dir, logger);
    const monitor = new Monitor({ inventory: () => inv, poller: new EnginePoller(() => inv, secrets), store, secrets, clock: systemClock, logger, metrics });
    monitor.on('events', (events) => events.forEach((e) => io.out(`${e.time} ${e.severity} ${e.message}`)));
    monitor.on('events', (events) => metrics.archiveEvents(events));
    const printEvents = (events: { time: string; severity: string; message: string }[]) => events.forEach((e) => io.out(`${e.time} ${e.severity} ${e.message}`));
    const delivery = attachDelivery(monitor, { stateDir: store.dir, inventory: () => inv, secrets, clock: systemClock, logger, events: store, onEvents: printEvents });
    watchFile(inv.file, { interval: 2000 }, () => {
      loadInventory(inv.file).then(
        (l) => {
          inv = l.inventory;
          logger.info(`reloaded ${inv.file}: ${inv.devices.length} device(s)`);
          monitor.trigger('newDevices');
        },
        (err) => logger.error(`${inv.file} not reloaded, keeping the previous inventory:\n${(err as Error).message}`),
      );
    });
    logger.info(`watching ${inv.devices.length} device(s) from ${inv.file}; poll every ${inv.schedule.pollMinutes < 1 ? `${Math.round(inv.schedule.pollMinutes * 60)} s` : `${inv.schedule.pollMinutes} min`}`);
    monitor.start();
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    logger.info('stopping after the current job');
    await monitor.stop();
    await delivery.stop();
    metrics.close();
    unwatchFile(inv.file); // or the file watcher keeps the process alive
    return 0;
  },
};
