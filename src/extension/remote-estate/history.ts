// The device page's metric history while attached: the same reads the page makes of the local store
// (defaultRange's two status reads, then every series over the range), asked of the server's
// GET /api/history with the same from/to and point budget, so the server's store answers with the same
// archive and points the local one would. The answers are kept in a reader the page model reads synchronously.
import { defaultRange, RANGES, type MetricReader, type RangeName } from '../../core/metrics/views/device-model';
import type { SeriesInfo } from '../../core/metrics/series';
import type { ReadOptions, SeriesData } from '../../core/metrics/store';
import type { EventsResponse, HistoryResponse, HistorySeries } from '../../core/remote/api-types';
import type { ParcClient } from '../../core/remote/client';
import type { ParcEvent } from '../../core/state/types';

/** The page model's point budgets (device-model.ts): charts and the range guess. */
const CHART_POINTS = 1000;
const GUESS_POINTS = 400;

const readKey = (id: string, from: number, to: number, maxPoints: number) => `${id}|${from}|${to}|${maxPoints}`;

/** A step (s) from which the server derives exactly `maxPoints` (it takes ceil(span / step)). */
export function stepFor(spanSeconds: number, maxPoints: number): number {
  let step = spanSeconds / maxPoints;
  // Guards against a float that rounds the server's ceil up by one.
  while (Math.ceil(spanSeconds / step) > maxPoints) step = step * (1 + 1e-12);
  return step;
}

export class HistoryReader implements MetricReader {
  private readonly info = new Map<string, SeriesInfo>();
  private readonly data = new Map<string, SeriesData>();

  constructor(private readonly device: string) {}

  /** Keeps a server answer to one read (from/to in epoch seconds). */
  add(r: HistoryResponse, from: number, to: number, maxPoints: number): void {
    for (const s of r.series) {
      if (!this.info.has(s.id)) this.info.set(s.id, { id: s.id, device: this.device, entity: s.entity, ds: s.ds, label: s.label });
      this.data.set(readKey(s.id, from, to, maxPoints), dataOf(s));
    }
  }

  series(filter?: { device?: string }): SeriesInfo[] {
    return filter?.device !== undefined && filter.device !== this.device ? [] : [...this.info.values()];
  }

  read(id: string, o: ReadOptions): SeriesData | undefined {
    return this.data.get(readKey(id, o.from, o.to, o.maxPoints ?? CHART_POINTS));
  }

  /** Points with a value, over all the series read (for the log and the tests). */
  get points(): number {
    let n = 0;
    for (const d of this.data.values()) n += d.avg.filter((v) => v !== null).length;
    return n;
  }
}

function dataOf(s: HistorySeries): SeriesData {
  return {
    id: s.id, archive: s.archive, step: s.step,
    t: s.points.map((p) => Math.floor(Date.parse(p.t) / 1000)), avg: s.points.map((p) => p.avg), min: s.points.map((p) => p.min), max: s.points.map((p) => p.max),
  };
}

export interface DeviceHistory {
  reader: HistoryReader;
  /** The moment the reads were made for (epoch ms): the page model must be built with the same `now`. */
  now: number;
  range: RangeName;
  /** The device's latest events (as the local page reads its event archive). */
  events: ParcEvent[];
}

async function readHistory(client: ParcClient, reader: HistoryReader, device: string, from: number, to: number, maxPoints: number, metric?: string): Promise<void> {
  const q = new URLSearchParams({ from: new Date(from * 1000).toISOString(), to: new Date(to * 1000).toISOString(), step: String(stepFor(to - from, maxPoints)), ...(metric ? { metric } : {}) });
  const r = await client.get<HistoryResponse>(`/api/history/${encodeURIComponent(device)}?${q}`);
  // The guess reads only the device's availability (ds "status" could also name another entity's source).
  if (metric) r.series = r.series.filter((s) => s.entity === 'device' && s.ds === metric);
  reader.add(r, from, to, maxPoints);
}

/** Everything the device page reads, for `range` (or the range that has data when undefined). */
export async function loadDeviceHistory(client: ParcClient, device: string, range: RangeName | undefined, now: number): Promise<DeviceHistory> {
  const reader = new HistoryReader(device);
  const to = Math.floor(now / 1000);
  const events = client.get<EventsResponse>(`/api/events?${new URLSearchParams({ device, limit: '50' })}`);
  // Awaited last: when a history read fails first (e.g. logged out meanwhile), its failure must not go unhandled.
  events.catch(() => undefined);
  if (!range) {
    await Promise.all([readHistory(client, reader, device, to - RANGES['24h'], to, GUESS_POINTS, 'status'), readHistory(client, reader, device, to - RANGES['1y'], to, GUESS_POINTS, 'status')]);
    range = defaultRange(reader, device, now);
  }
  await readHistory(client, reader, device, to - RANGES[range], to, CHART_POINTS);
  return { reader, now, range, events: (await events).filter((e) => e.device === device) };
}
