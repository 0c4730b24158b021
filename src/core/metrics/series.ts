// Series identity: which device, which entity of it (the device itself, a port, a storage, a
// processor) and which data source. The id is stable across restarts; the label is for people.
import { HEALTH_DS_UNITS } from './health-samples';

export interface SeriesKey {
  /** deviceKey() of the device. */
  device: string;
  /** "device", "if:<ifIndex>", "storage:<index>", "cpu:<index>", "sensor:<index>", "supply:<index>", "ups", "printer". */
  entity: string;
  /** Data source, e.g. inBps, usedPercent. */
  ds: string;
}

export interface SeriesInfo extends SeriesKey {
  id: string;
  /** Entity label when the series was created: interface name, storage description... */
  label: string;
}

export function seriesId(k: SeriesKey): string {
  return `${k.device}|${k.entity}|${k.ds}`;
}

/** Units of the data sources, for axes and tables. */
export const DS_UNITS: Record<string, string> = {
  status: 'up', uptime: 's', pollMs: 'ms', rttMs: 'ms',
  inBps: 'bit/s', outBps: 'bit/s', inErrors: 'err/s', outErrors: 'err/s', operUp: 'up',
  usedPercent: '%', load: '%',
  ...HEALTH_DS_UNITS,
};

/** "eth0 inBps", "device uptime", "/var usedPercent". */
export function seriesName(s: Pick<SeriesInfo, 'entity' | 'label' | 'ds'>): string {
  return `${s.entity === 'device' ? 'device' : s.label}.${s.ds}`;
}

/** Whether `--metric NAME` selects this series: the data source, the entity label or "label.ds". */
export function matchesMetric(s: SeriesInfo, name: string): boolean {
  const n = name.toLowerCase();
  return [s.ds, s.label, s.entity, seriesName(s)].some((x) => x.toLowerCase() === n);
}
