// Human-readable output: devices grouped by region and site, aligned columns.
import type { DeviceReport } from '../core/monitor/cycle';
import { formatDuration } from '../core/format';
import { safeLine } from '../core/sanitize';

export function table(rows: string[][]): string {
  // One line per row: a cell's own newlines or escape sequences would break the columns (and the terminal).
  rows = rows.map((r) => r.map((c) => safeLine(c ?? '')));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  return rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n');
}

export function groupedReport(devices: DeviceReport[]): string {
  const groups = new Map<string, DeviceReport[]>();
  for (const d of devices) {
    const k = `${d.region}\u0000${d.site}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a.startsWith('Unassigned') ? 1 : b.startsWith('Unassigned') ? -1 : a.localeCompare(b)));
  const out: string[] = [];
  for (const k of keys) {
    const [region, site] = k.split('\u0000');
    const list = groups.get(k)!.sort((a, b) => (a.name ?? a.host).localeCompare(b.name ?? b.host));
    const down = list.filter((d) => d.status === 'down').length;
    out.push(`${region} › ${site}  (${list.length - down} up${down ? `, ${down} down` : ''})`);
    const rows = [['', 'DEVICE', 'ADDRESS', 'OS', 'UPTIME', 'PORTS UP', 'DISK MAX', 'DETAIL']];
    for (const d of list) {
      const ports = d.interfaces.length ? `${d.interfaces.filter((i) => i.operStatus === 'up').length}/${d.interfaces.length}` : '-';
      const disks = d.storage.filter((s) => s.type === 'fixedDisk' && s.usedPercent !== undefined);
      const diskMax = disks.length ? `${Math.max(...disks.map((s) => s.usedPercent!))}%` : '-';
      const detail = d.status === 'down' ? d.error ?? 'down' : [d.distro ?? d.sysDescr?.split('\n')[0]?.slice(0, 50), d.rebooted ? 'rebooted' : ''].filter(Boolean).join(' · ');
      rows.push([
        d.status === 'up' ? '✓' : '✗',
        d.name ?? d.sysName ?? d.host,
        `${d.host}${d.port !== 161 ? `:${d.port}` : ''}`,
        [d.os, d.vendor].filter(Boolean).join('/') || '-',
        d.uptimeSeconds !== undefined ? formatDuration(d.uptimeSeconds) : '-',
        ports,
        diskMax,
        detail,
      ]);
    }
    out.push(table(rows).split('\n').map((l) => `  ${l}`).join('\n'), '');
  }
  const down = devices.filter((d) => d.status === 'down').length;
  out.push(`${devices.length} device(s): ${devices.length - down} up, ${down} down`);
  return out.join('\n');
}
