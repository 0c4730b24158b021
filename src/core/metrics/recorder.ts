// Plugs the store into the poll cycle: each cycle's measurements go into the metric shards and its
// events into the event/alert archive. Recording never fails a poll: errors are logged.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clock, Logger } from '../host';
import { atomicWriteFile } from '../fsutil';
import type { CycleRecorder, CycleResult } from '../monitor/cycle';
import type { ParcEvent } from '../state/types';
import { EventArchive, DEFAULT_RETENTION, type Retention } from './event-archive';
import { reportSamples, type CounterMemory } from './samples';
import { MetricStore } from './store';

export class MetricRecorder implements CycleRecorder {
  readonly store: MetricStore;
  readonly events: EventArchive;
  private counters?: CounterMemory;
  private readonly countersFile: string;
  private readonly archived = new WeakSet<ParcEvent[]>();
  /** Listeners told after each recorded cycle (the webviews refresh). */
  readonly listeners = new Set<(r: CycleResult) => void>();

  constructor(readonly dir: string, private readonly clock: Pick<Clock, 'now'>, private readonly logger: Logger, retention: Retention = DEFAULT_RETENTION) {
    this.store = MetricStore.open(dir, clock);
    this.events = new EventArchive(dir, clock, retention);
    this.countersFile = path.join(dir, 'counters.json');
  }

  async record(result: CycleResult): Promise<void> {
    try {
      const counters = this.loadCounters();
      const samples = result.devices.flatMap((d) => reportSamples(d, counters));
      this.store.record(samples);
      await atomicWriteFile(this.countersFile, JSON.stringify(Object.fromEntries(counters)));
      this.archiveEvents(result.events);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      // Polling, the state file and the events go on; the history has a gap until there is room again.
      if (e.code === 'ENOSPC' || e.code === 'EDQUOT') this.logger.error(`metrics not recorded: the disk holding ${this.dir} is full (${e.message}); polls, state and events are kept, the history has a gap until space is freed`);
      else this.logger.warn(`metrics not recorded: ${e.message}`);
    }
    for (const l of this.listeners) l(result);
  }

  /**
   * Archives events raised outside poll cycles too (discovery, scheduler overruns): hosts pass the
   * Monitor's "events" here. A cycle's own events arrive both ways; the same array is archived once.
   */
  archiveEvents(events: ParcEvent[]): void {
    if (this.archived.has(events)) return;
    this.archived.add(events);
    try {
      this.events.append(events);
      this.events.prune();
    } catch (err) {
      this.logger.warn(`events not archived: ${(err as Error).message}`);
    }
  }

  close(): void {
    this.store.close();
  }

  private loadCounters(): CounterMemory {
    if (this.counters) return this.counters;
    try {
      this.counters = new Map(Object.entries(JSON.parse(fs.readFileSync(this.countersFile, 'utf8')) as Record<string, [number, number, 32 | 64]>));
    } catch {
      this.counters = new Map(); // first run, or the file was lost: error rates start again at the next poll
    }
    return this.counters;
  }
}

/** Where metrics live: `metrics/` inside the state directory (.parc beside parc.yaml). */
export function metricsDirFor(stateDir: string): string {
  return path.join(stateDir, 'metrics');
}
