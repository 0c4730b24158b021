// parc history: a device's metrics over time from the metric store (.parc/metrics).
import { systemClock, type Logger } from '../../core/host';
import { deviceKey, type Device, type Inventory } from '../../core/inventory/types';
import { metricsDirFor, MetricRecorder } from '../../core/metrics/recorder';
import { DS_UNITS, matchesMetric, seriesName, type SeriesInfo } from '../../core/metrics/series';
import { MetricStore } from '../../core/metrics/store';
import { EventArchive } from '../../core/metrics/event-archive';
import { formatValue, sparkline } from '../../core/metrics/views/format';
import { bool, parseArgs, str, UsageError } from '../args';
import { INVENTORY_HELP, openInventory, stateStore, type CliIO } from '../context';
import { parseDuration } from '../duration';
import { table } from '../format';
import type { Command } from './types';
import { own } from '../../core/lookup';

/** The recorder the CLI's polls write through (the same store the extension uses). */
export function cliMetricRecorder(inv: Inventory, stateDir: string, io: CliIO | Logger): MetricRecorder {
  const logger: Logger = 'warn' in io ? io : { debug() {}, info() {}, warn: (m) => io.err(`warning: ${m}`), error: (m) => io.err(`error: ${m}`) };
  return new MetricRecorder(metricsDirFor(stateDir), systemClock, logger, { eventDays: inv.schedule.eventRetentionDays, alertDays: 365 });
}

export function findDevice(inv: Inventory, wanted: string): Device {
  const w = wanted.toLowerCase();
  const d = inv.devices.find((x) => x.name?.toLowerCase() === w || x.host.toLowerCase() === w || deviceKey(x) === w);
  if (!d) throw new UsageError(`no device "${wanted}" in ${inv.file}`);
  return d;
}

export const historyCommand: Command = {
  name: 'history',
  summary: "show a device's recorded metrics (traffic, storage, CPU, uptime, poll time) over time",
  usage: `parc history --device NAME [--metric NAME] [--since 24h] [--inventory FILE] [--json] [--state DIR]
  ${INVENTORY_HELP}
  --device NAME      device name, host or host:port
  --metric NAME      a data source (inBps, usedPercent...), an entity (eth0) or both (eth0.inBps);
                     default: all metrics of the device
  --since DURATION   how far back (default 24h; e.g. 6h, 7d, 30d, 365d)
  --json             print {"device", "series": [{name, unit, archive, step, points: [{t, avg, min, max}]}], "events"}
Points come from the finest archive that covers the range: 5 min (7 days), 30 min (62 days),
2 h (120 days), 1 day (4 years).`,
  async run(argv, io) {
    const p = parseArgs(argv, { inventory: 'string', device: 'string', metric: 'string', since: 'string', json: 'boolean', state: 'string' });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    const wanted = str(p, 'device');
    if (!wanted) throw new UsageError('--device is required');
    const inv = await openInventory(io, str(p, 'inventory'));
    const device = findDevice(inv, wanted);
    const key = deviceKey(device);
    const sinceMs = parseDuration(str(p, 'since') ?? '24h');
    const now = Date.now();
    const dir = metricsDirFor(stateStore(inv, io, str(p, 'state')).dir);
    const store = MetricStore.open(dir, systemClock);
    try {
      const all = store.series({ device: key });
      if (!all.length) throw new UsageError(`no history for ${device.name ?? device.host} yet in ${dir}: run parc poll or parc watch first`);
      const metric = str(p, 'metric');
      const chosen = (metric ? all.filter((s) => matchesMetric(s, metric)) : all).sort(bySeries);
      if (!chosen.length) throw new UsageError(`no metric "${metric}" for ${device.name ?? device.host}; it has: ${[...new Set(all.map(seriesName))].sort().join(', ')}`);
      const from = Math.floor((now - sinceMs) / 1000);
      const to = Math.floor(now / 1000);
      const data = chosen.map((s) => ({ s, d: store.read(s.id, { from, to })! }));
      const events = new EventArchive(dir, systemClock).read('events', { since: now - sinceMs, device: key, limit: 100 });
      if (bool(p, 'json')) {
        io.out(JSON.stringify({
          device: { key, name: device.name ?? null, host: device.host },
          since: new Date(from * 1000).toISOString(), until: new Date(to * 1000).toISOString(),
          series: data.map(({ s, d }) => ({
            name: seriesName(s), id: s.id, entity: s.entity, label: s.label, ds: s.ds, unit: own(DS_UNITS, s.ds) ?? '', archive: d.archive, step: d.step,
            points: d.t.map((t, i) => ({ t: new Date(t * 1000).toISOString(), avg: d.avg[i], min: d.min[i], max: d.max[i] })),
          })),
          events,
        }, null, 2));
        return 0;
      }
      io.out(`${device.name ?? device.host} (${key}) since ${new Date(from * 1000).toISOString()}`);
      if (data.length === 1) {
        const { s, d } = data[0];
        const unit = own(DS_UNITS, s.ds) ?? '';
        io.out(`${seriesName(s)} — ${d.archive} points`);
        const rows = [['TIME (UTC)', 'AVG', 'MIN', 'MAX']];
        d.t.forEach((t, i) => {
          if (d.avg[i] === null) return;
          rows.push([new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 16), formatValue(d.avg[i], unit), formatValue(d.min[i], unit), formatValue(d.max[i], unit)]);
        });
        io.out(rows.length > 1 ? table(rows) : 'no points in this range');
      } else {
        const rows = [['METRIC', 'LAST', 'AVG', 'MIN', 'MAX', 'POINTS', '']];
        for (const { s, d } of data) {
          const unit = own(DS_UNITS, s.ds) ?? '';
          const known = d.avg.filter((v): v is number => v !== null);
          const lastIdx = d.avg.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0).pop();
          const mins = d.min.filter((v): v is number => v !== null);
          const maxs = d.max.filter((v): v is number => v !== null);
          rows.push([
            seriesName(s),
            lastIdx === undefined ? '-' : formatValue(d.avg[lastIdx], unit),
            known.length ? formatValue(known.reduce((a, b) => a + b, 0) / known.length, unit) : '-',
            mins.length ? formatValue(Math.min(...mins), unit) : '-',
            maxs.length ? formatValue(Math.max(...maxs), unit) : '-',
            `${known.length}×${d.archive}`,
            sparkline(d.avg, 40),
          ]);
        }
        io.out(table(rows));
      }
      if (events.length) {
        io.out('\nevents:');
        for (const e of events.slice(0, 20)) io.out(`  ${e.time}  ${e.severity.padEnd(8)}  ${e.message}`);
      }
      return 0;
    } finally {
      store.close();
    }
  },
};

/** Device metrics first, then ports, storage, processors; by label within each. */
function bySeries(a: SeriesInfo, b: SeriesInfo): number {
  const rank = (s: SeriesInfo) => ['device', 'if', 'storage', 'cpu'].indexOf(s.entity.split(':')[0]);
  return rank(a) - rank(b) || a.label.localeCompare(b.label, undefined, { numeric: true }) || a.entity.localeCompare(b.entity, undefined, { numeric: true }) || a.ds.localeCompare(b.ds);
}
