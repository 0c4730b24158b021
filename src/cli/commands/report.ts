// parc report: the estate dashboard from what the last polls stored, as text or as a
// self-contained HTML file (no scripts, no remote resources) that can be mailed or published.
import * as path from 'node:path';
import { atomicWriteFile } from '../../core/fsutil';
import { systemClock } from '../../core/host';
import { EventArchive } from '../../core/metrics/event-archive';
import { metricsDirFor } from '../../core/metrics/recorder';
import { dashboardHtml } from '../../core/metrics/views/dashboard-html';
import { dashboardModel, type DashboardModel } from '../../core/metrics/views/dashboard-model';
import { formatSeconds, formatValue } from '../../core/metrics/views/format';
import { makeNonce } from '../../core/metrics/views/html';
import { parseArgs, str, UsageError } from '../args';
import { INVENTORY_HELP, openInventory, stateStore } from '../context';
import { table } from '../format';
import type { Command } from './types';

export function dashboardText(m: DashboardModel): string {
  const out: string[] = [`Parc estate at ${m.generatedAt}: ${m.totals.devices} device(s), ${m.totals.up} up, ${m.totals.down} down, ${m.totals.unknown} not polled`, ''];
  const sites = [['REGION', 'SITE', 'UP', 'DOWN', 'NOT POLLED']];
  for (const r of m.regions) for (const s of r.sites) sites.push([r.region, s.site, String(s.up), String(s.down), String(s.unknown)]);
  out.push(table(sites), '');
  if (m.downLongest.length) {
    out.push('Down longest:', table([['DEVICE', 'SITE', 'DOWN FOR', 'ERROR'], ...m.downLongest.map((d) => [d.name, `${d.region} › ${d.site}`, formatSeconds(d.downSeconds), d.error ?? ''])]), '');
  }
  out.push(m.alerts.length ? `Alerts of the last 24 h (${m.alerts.length}):` : 'No alerts in the last 24 h.');
  for (const e of m.alerts.slice(0, 20)) out.push(`  ${e.time}  ${e.severity.padEnd(8)}  ${e.message}`);
  if (m.topInterfaces.length) {
    out.push('', 'Top interfaces by utilisation:', table([['DEVICE', 'INTERFACE', 'IN', 'OUT', 'UTIL'], ...m.topInterfaces.map((i) => [i.device.name, i.name, formatValue(i.inBps, 'bit/s'), formatValue(i.outBps, 'bit/s'), `${(i.utilisation * 100).toFixed(1)}%`])]));
  }
  if (m.storageFull.length) {
    out.push('', 'Storage nearly full:', table([['DEVICE', 'STORAGE', 'USED'], ...m.storageFull.map((s) => [s.device.name, s.description, `${s.usedPercent.toFixed(0)}%`])]));
  }
  return out.join('\n');
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'estate status report (counts per site, devices down, alerts, busy ports, full disks); --html for a file',
  usage: `parc report [--inventory FILE] [--html FILE] [--state DIR]
  ${INVENTORY_HELP}
  --html FILE        write a self-contained HTML report (offline site map, no scripts, no remote resources)
Uses what the last polls stored (parc poll / parc watch / the extension); it polls nothing.`,
  async run(argv, io) {
    const p = parseArgs(argv, { inventory: 'string', html: 'string', state: 'string' });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    const inv = await openInventory(io, str(p, 'inventory'));
    const state = stateStore(inv, io, str(p, 'state'));
    const now = Date.now();
    const alerts = new EventArchive(metricsDirFor(state.dir), systemClock).read('alerts', { since: now - 86_400_000 });
    const model = dashboardModel({ inventory: inv, records: await state.loadDevices(), alerts, now });
    const file = str(p, 'html');
    if (!file) {
      io.out(dashboardText(model));
      return 0;
    }
    const target = path.resolve(io.cwd, file);
    await atomicWriteFile(target, dashboardHtml(model, { nonce: makeNonce(), title: `Parc estate report ${model.generatedAt.slice(0, 10)}` }));
    io.out(`wrote ${target} (${model.totals.devices} devices, ${model.totals.down} down, ${model.alerts.length} alerts in 24 h)`);
    return 0;
  },
};
