import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Scheduler, intervalsFromMinutes, type JobName, type OverrunReport } from '../../../src/core/schedule/scheduler';
import { DEFAULT_SCHEDULE } from '../../../src/core/inventory/types';
import { silentLogger } from '../../../src/core/host';
import { ManualClock } from '../../support/clock';

const MIN = 60_000;

function setup(durations: Partial<Record<JobName, number>> = {}) {
  const clock = new ManualClock();
  const runs: { job: JobName; at: number }[] = [];
  let active = 0;
  let maxActive = 0;
  const overruns: OverrunReport[] = [];
  const job = (name: JobName) => async () => {
    active++;
    maxActive = Math.max(maxActive, active);
    runs.push({ job: name, at: (clock.now() - start) / MIN });
    await new Promise<void>((resolve) => clock.setTimeout(resolve, durations[name] ?? 1000));
    active--;
  };
  const start = clock.now();
  const s = new Scheduler(
    { poll: job('poll'), newDevices: job('newDevices'), discovery: job('discovery'), housekeeping: job('housekeeping') },
    intervalsFromMinutes(DEFAULT_SCHEDULE),
    clock,
    silentLogger,
    (r) => overruns.push(r),
  );
  return { clock, runs, s, overruns, maxActive: () => maxActive };
}

/** stop() waits for the job under way, which finishes only as the manual clock moves on. */
async function stopAll(s: Scheduler, clock: ManualClock): Promise<void> {
  const stopped = s.stop();
  await clock.advance(60 * MIN);
  await stopped;
}

describe('scheduler', () => {
  it('uses the default intervals: poll 5 min, new devices 5 min, discovery 6 h, housekeeping daily', async () => {
    const { clock, runs, s } = setup();
    s.start();
    await clock.advance(24 * 60 * MIN + 10_000);
    await stopAll(s, clock);
    const at = (j: JobName) => runs.filter((r) => r.job === j).map((r) => Math.round(r.at));
    assert.equal(at('poll').length, 24 * 12 + 1);
    assert.deepEqual(at('poll').slice(0, 3), [0, 5, 10]);
    assert.equal(at('newDevices').length, 24 * 12);
    assert.deepEqual(at('discovery'), [360, 720, 1080, 1440]);
    assert.deepEqual(at('housekeeping'), [1440]);
  });

  it('never runs two jobs at once; a job due meanwhile waits once, it is not stacked', async () => {
    const { clock, runs, s, maxActive } = setup({ discovery: 12 * MIN });
    s.start();
    await clock.advance(6 * 60 * MIN + 30 * MIN);
    await stopAll(s, clock);
    assert.equal(maxActive(), 1);
    // polls due at 365 and 370 while discovery ran 360–372: one poll right after, not two
    const after = runs.filter((r) => r.at >= 360 && r.at < 375).map((r) => `${r.job}@${Math.round(r.at)}`);
    assert.deepEqual(after.slice(0, 4), ['poll@360', 'newDevices@360', 'discovery@360', 'poll@372']);
  });

  it('reports a cycle that overruns its interval and skips its missed slots', async () => {
    const { clock, runs, s, overruns } = setup({ poll: 12 * MIN });
    s.start();
    await clock.advance(40 * MIN);
    await stopAll(s, clock);
    assert.ok(overruns.length >= 1);
    assert.equal(overruns[0].job, 'poll');
    assert.equal(overruns[0].durationMs, 12 * MIN);
    assert.equal(overruns[0].skippedSlots, 2);
    const polls = runs.filter((r) => r.job === 'poll').map((r) => Math.round(r.at));
    assert.equal(polls[1], 15, `next poll on the next free slot, got ${polls}`);
  });

  it('trigger() runs a job now and coalesces repeated requests', async () => {
    const { clock, runs, s } = setup();
    s.start();
    await clock.advance(1000 + 1);
    s.trigger('poll');
    s.trigger('poll');
    s.trigger('poll');
    await clock.advance(2 * MIN);
    const polls = runs.filter((r) => r.job === 'poll').length;
    await stopAll(s, clock);
    // the first trigger starts a poll at once; the two made while it runs coalesce into one more
    assert.equal(polls, 3);
  });
});
