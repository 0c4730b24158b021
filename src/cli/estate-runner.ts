// The estate runner of `parc watch` and `parc serve` (scheduler, state, metric store, lease, RDP janitor), set up
// the same way for both from the command line and the environment.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { systemClock, type Logger, type SecretSource } from '../core/host';
import type { Inventory } from '../core/inventory/types';
import { EstateRunner } from '../core/monitor/estate-runner';
import { EnginePoller } from '../core/poll/engine';
import { AuditLog, currentActor } from '../core/rdp/audit';
import { loadWindowsSection } from '../core/rdp/hosts-read';
import { runJanitor } from '../core/rdp/janitor';
import { openTransport } from '../core/rdp/open-transport';
import type { FileStateStore } from '../core/state/file-store';
import { str, UsageError, type Parsed } from './args';
import type { CliIO } from './context';
import { cliMetricRecorder } from './commands/history';

/** --janitor-every N (minutes; 0 or absent: never). */
export function janitorMinutes(p: Parsed): number {
  const n = str(p, 'janitor-every') ? Number(str(p, 'janitor-every')) : 0;
  if (!(n >= 0)) throw new UsageError('--janitor-every must be a number of minutes (0 = never)');
  return n;
}

export function janitorJob(inventory: () => Inventory, stateDir: string, secrets: SecretSource, logger: Logger): () => Promise<void> {
  return async () => {
    const inv = inventory();
    const { section } = loadWindowsSection(await fs.readFile(inv.file, 'utf8'), inv.file);
    const audit = new AuditLog(stateDir);
    for (const h of section?.hosts ?? []) {
      const t = await openTransport(h, { secrets, baseDir: path.dirname(inv.file), agent: process.env.SSH_AUTH_SOCK, trust: async () => false }).catch((e: Error) => e);
      if (t instanceof Error) {
        logger.warn(`janitor: ${h.name}: ${t.message}`);
        continue;
      }
      try {
        const steps = await runJanitor({ host: h.name, transport: t, policy: h.janitor, dryRun: false, audit, actor: `${currentActor()} (schedule)`, clock: systemClock, list: { codepage: h.codepage, dateOrder: h.dateOrder } });
        const acted = steps.filter((s) => s.outcome === 'done').length;
        logger.info(`janitor: ${h.name}: ${acted} session(s) logged off or warned, ${steps.length - acted} left`);
      } catch (e) {
        logger.warn(`janitor: ${h.name}: ${(e as Error).message}`);
      } finally {
        await t.close().catch(() => undefined);
      }
    }
  };
}

/** The runner and its metric recorder (close it after the runner stops). */
export function cliEstateRunner(kind: 'watch' | 'serve', o: { inventory: () => Inventory; io: CliIO; store: FileStateStore; secrets: SecretSource; logger: Logger; janitorEvery: number }): { runner: EstateRunner; metrics: ReturnType<typeof cliMetricRecorder> } {
  const { inventory, io, store, secrets, logger } = o;
  const metrics = cliMetricRecorder(inventory(), store.dir, logger);
  const runner = new EstateRunner({
    kind, inventory, poller: new EnginePoller(inventory, secrets), store, secrets, clock: systemClock, logger, metrics,
    janitor: o.janitorEvery > 0 ? { everyMinutes: o.janitorEvery, run: janitorJob(inventory, store.dir, secrets, logger) } : undefined,
    leaseHeartbeatMs: io.env.PARC_LEASE_HEARTBEAT_MS ? Number(io.env.PARC_LEASE_HEARTBEAT_MS) : undefined,
    leaseStaleMs: io.env.PARC_LEASE_STALE_MS ? Number(io.env.PARC_LEASE_STALE_MS) : undefined,
    collectAfterCycle: io.env.PARC_WATCH_GC !== '0',
  });
  return { runner, metrics };
}
