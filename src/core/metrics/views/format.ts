// Numbers for people: rates, percentages, durations, in the views and the CLI history.
import { formatDuration as formatSeconds } from '../../format';

export { formatSeconds };

export function siPrefix(v: number, unit: string, base = 1000): string {
  const prefixes = ['', 'k', 'M', 'G', 'T', 'P'];
  let x = Math.abs(v);
  let i = 0;
  while (x >= base && i < prefixes.length - 1) {
    x /= base;
    i++;
  }
  const s = x >= 100 || i === 0 && Number.isInteger(x) ? x.toFixed(0) : x.toFixed(x >= 10 ? 1 : 2);
  return `${v < 0 ? '-' : ''}${s} ${prefixes[i]}${unit}`.trim();
}

export function formatValue(v: number | null | undefined, unit: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '-';
  switch (unit) {
    case 'bit/s':
      return siPrefix(v, 'bit/s');
    case '%':
      return `${v.toFixed(v >= 10 ? 0 : 1)}%`;
    case 's':
      return formatSeconds(v);
    case 'ms':
      return `${Math.round(v)} ms`;
    case 'up':
      return v >= 0.999 ? 'up' : v <= 0.001 ? 'down' : `${(v * 100).toFixed(0)}% up`;
    case 'err/s':
      return `${v < 0.01 && v > 0 ? v.toExponential(1) : v.toFixed(2)}/s`;
    default:
      return String(Math.round(v * 100) / 100);
  }
}

/** A sparkline of unicode blocks; gaps (unknown) as spaces. */
export function sparkline(values: (number | null)[], width = 48): string {
  if (!values.length) return '';
  const per = Math.max(1, Math.ceil(values.length / width));
  const cells: (number | null)[] = [];
  for (let i = 0; i < values.length; i += per) {
    const xs = values.slice(i, i + per).filter((v): v is number => v !== null);
    cells.push(xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  }
  const known = cells.filter((v): v is number => v !== null);
  if (!known.length) return ' '.repeat(cells.length);
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const bars = '▁▂▃▄▅▆▇█';
  return cells.map((v) => (v === null ? ' ' : bars[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * 7)])).join('');
}
