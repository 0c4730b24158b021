// The event log and the alert history kept beside the metrics, one JSON-lines file per UTC day so
// retention is deleting whole files (atomic) and a crash can only cut the last line being written.
// Alerts are the warning and critical events; they are kept longer (365 days against 30, as
// LibreNMS purges its event log and alert log).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Clock } from '../host';
import type { ParcEvent } from '../state/types';

export type EventKind = 'events' | 'alerts';

export interface Retention {
  eventDays: number;
  alertDays: number;
}

export const DEFAULT_RETENTION: Retention = { eventDays: 30, alertDays: 365 };

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

export function isAlert(e: ParcEvent): boolean {
  return e.severity === 'critical' || e.severity === 'warning';
}

export class EventArchive {
  constructor(
    readonly dir: string,
    private readonly clock: Pick<Clock, 'now'>,
    readonly retention: Retention = DEFAULT_RETENTION,
  ) {}

  append(events: ParcEvent[]): void {
    for (const kind of ['events', 'alerts'] as const) {
      const byDay = new Map<string, ParcEvent[]>();
      for (const e of events) {
        if (kind === 'alerts' && !isAlert(e)) continue;
        const t = Date.parse(e.time);
        if (!Number.isFinite(t)) continue;
        const day = new Date(t).toISOString().slice(0, 10);
        byDay.set(day, [...(byDay.get(day) ?? []), e]);
      }
      if (!byDay.size) continue;
      fs.mkdirSync(path.join(this.dir, kind), { recursive: true });
      // One write per day file with O_APPEND: writers in two processes never interleave lines.
      for (const [day, list] of byDay) fs.appendFileSync(path.join(this.dir, kind, `${day}.jsonl`), list.map((e) => JSON.stringify(e)).join('\n') + '\n');
    }
  }

  /** Newest first. `since`/`until` in epoch ms. */
  read(kind: EventKind, o: { since?: number; until?: number; device?: string; limit?: number } = {}): ParcEvent[] {
    const dir = path.join(this.dir, kind);
    const sinceDay = o.since !== undefined ? new Date(o.since).toISOString().slice(0, 10) : '';
    const out: ParcEvent[] = [];
    for (const name of this.days(kind)) {
      const day = DAY_FILE.exec(name)![1];
      if (day < sinceDay) continue;
      let text = '';
      try {
        text = fs.readFileSync(path.join(dir, name), 'utf8');
      } catch {
        continue; // pruned meanwhile
      }
      for (const line of text.split('\n')) {
        if (!line) continue;
        let e: ParcEvent;
        try {
          e = JSON.parse(line) as ParcEvent;
        } catch {
          continue; // the line a crash cut short
        }
        const t = Date.parse(e.time);
        if (o.since !== undefined && t < o.since) continue;
        if (o.until !== undefined && t > o.until) continue;
        if (o.device !== undefined && e.device !== o.device) continue;
        out.push(e);
      }
    }
    out.sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
    return o.limit !== undefined ? out.slice(0, o.limit) : out;
  }

  /** Deletes day files entirely older than the retention; returns how many files went. */
  prune(): number {
    let dropped = 0;
    for (const kind of ['events', 'alerts'] as const) {
      const days = kind === 'events' ? this.retention.eventDays : this.retention.alertDays;
      // A day file goes once its last instant is older than the retention.
      const cutoff = new Date(this.clock.now() - days * 86_400_000).toISOString().slice(0, 10);
      for (const name of this.days(kind)) {
        if (DAY_FILE.exec(name)![1] < cutoff) {
          fs.rmSync(path.join(this.dir, kind, name), { force: true });
          dropped++;
        }
      }
    }
    return dropped;
  }

  private days(kind: EventKind): string[] {
    try {
      return fs.readdirSync(path.join(this.dir, kind)).filter((n) => DAY_FILE.test(n)).sort();
    } catch {
      return [];
    }
  }
}
