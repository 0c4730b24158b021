// The poll scheduler: regular polls, quick first polls of new devices, periodic rediscovery and
// housekeeping. One job runs at a time; a job that comes due while another runs waits (once, never
// stacked), and a job that overruns its interval is reported and its missed slots are skipped.
import type { Clock, Logger } from '../host';

export type JobName = 'poll' | 'newDevices' | 'discovery' | 'housekeeping';

export interface ScheduleIntervals {
  pollMs: number;
  newDevicesMs: number;
  discoveryMs: number;
  housekeepingMs: number;
}

export type Jobs = Record<JobName, () => Promise<void>>;

export interface OverrunReport {
  job: JobName;
  durationMs: number;
  intervalMs: number;
  skippedSlots: number;
}

export function intervalsFromMinutes(s: { pollMinutes: number; newDeviceMinutes: number; discoveryHours: number; housekeepingHours: number }): ScheduleIntervals {
  return {
    pollMs: s.pollMinutes * 60_000,
    newDevicesMs: s.newDeviceMinutes * 60_000,
    discoveryMs: s.discoveryHours * 3_600_000,
    housekeepingMs: s.housekeepingHours * 3_600_000,
  };
}

const ORDER: JobName[] = ['poll', 'newDevices', 'discovery', 'housekeeping'];

export class Scheduler {
  private readonly due = new Map<JobName, number>();
  private readonly pending = new Set<JobName>();
  private timer?: { cancel(): void };
  private running?: Promise<void>;
  private current?: JobName;
  private stopped = true;

  constructor(
    private readonly jobs: Jobs,
    private intervals: ScheduleIntervals,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly onOverrun?: (r: OverrunReport) => void,
    private readonly onJobDone?: (job: JobName, error?: Error) => void,
  ) {}

  private intervalOf(job: JobName): number {
    return { poll: this.intervals.pollMs, newDevices: this.intervals.newDevicesMs, discovery: this.intervals.discoveryMs, housekeeping: this.intervals.housekeepingMs }[job];
  }

  /** Starts the schedule; the first poll runs at once, the other jobs after their first interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const now = this.clock.now();
    this.due.set('poll', now);
    this.due.set('newDevices', now + this.intervals.newDevicesMs);
    this.due.set('discovery', now + this.intervals.discoveryMs);
    this.due.set('housekeeping', now + this.intervals.housekeepingMs);
    this.arm();
  }

  /** Stops scheduling; resolves when the job under way (if any) has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.pending.clear();
    await this.running;
  }

  setIntervals(intervals: ScheduleIntervals): void {
    this.intervals = intervals;
    if (!this.stopped) {
      const now = this.clock.now();
      for (const job of ORDER) this.due.set(job, Math.min(this.due.get(job) ?? now, now + this.intervalOf(job)));
      this.arm();
    }
  }

  /** Asks for a job now (e.g. "Poll now"); coalesced with one already waiting. */
  trigger(job: JobName): void {
    this.pending.add(job);
    this.kick();
  }

  get busy(): JobName | undefined {
    return this.current;
  }

  private arm(): void {
    this.timer?.cancel();
    if (this.stopped) return;
    const next = Math.min(...ORDER.map((j) => this.due.get(j) ?? Infinity));
    const delay = Math.max(0, next - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.tick(), delay);
  }

  private tick(): void {
    const now = this.clock.now();
    for (const job of ORDER) {
      const due = this.due.get(job)!;
      if (due <= now) {
        this.pending.add(job);
        this.due.set(job, due + this.intervalOf(job));
      }
    }
    this.kick();
    this.arm();
  }

  private kick(): void {
    if (this.running || this.stopped) return;
    const job = ORDER.find((j) => this.pending.has(j));
    if (!job) return;
    this.pending.delete(job);
    this.running = this.run(job).finally(() => {
      this.running = undefined;
      this.current = undefined;
      this.kick();
    });
  }

  private async run(job: JobName): Promise<void> {
    this.current = job;
    const started = this.clock.now();
    let error: Error | undefined;
    try {
      await this.jobs[job]();
    } catch (err) {
      error = err as Error;
      this.logger.error(`${job} failed: ${error.message}`);
    }
    const duration = this.clock.now() - started;
    const interval = this.intervalOf(job);
    if (duration > interval) {
      // Skip the slots that passed while running instead of running them back to back.
      const now = this.clock.now();
      let due = this.due.get(job)!;
      while (due <= now) due += interval;
      this.due.set(job, due);
      this.pending.delete(job);
      const skipped = Math.floor(duration / interval);
      this.logger.warn(`${job} took ${Math.round(duration / 1000)} s, longer than its ${Math.round(interval / 1000)} s interval; ${skipped} run(s) skipped`);
      this.onOverrun?.({ job, durationMs: duration, intervalMs: interval, skippedSlots: skipped });
      this.arm();
    }
    this.onJobDone?.(job, error);
  }
}
