import { deviceKey } from '../../core/inventory/types';
import type { DeviceReport } from '../../core/monitor/cycle';
import { runPollCycle } from '../../core/monitor/cycle';
import { EnginePoller } from '../../core/poll/engine';
import { bool, parseArgs, str, UsageError } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stateStore } from '../context';
import { groupedReport } from '../format';
import { cliMetricRecorder } from './history';
import type { Command } from './types';

/** The --json shape: every documented key is present (null when unknown). */
export function deviceJson(d: DeviceReport): Record<string, unknown> {
  const n = <T>(v: T | undefined) => (v === undefined ? null : v);
  return {
    key: d.key, name: n(d.name), host: d.host, port: d.port, status: d.status, statusSince: d.statusSince,
    region: d.region, site: d.site, siteReason: d.siteReason, siteExplanation: d.siteExplanation,
    sysName: n(d.sysName), sysDescr: n(d.sysDescr), sysObjectID: n(d.sysObjectID), sysLocation: n(d.sysLocation), sysContact: n(d.sysContact),
    uptimeSeconds: n(d.uptimeSeconds), uptimeSource: n(d.uptimeSource), rebooted: d.rebooted,
    os: n(d.os), osName: n(d.osName), vendor: n(d.vendor), distro: n(d.distro), hardware: n(d.hardware), serial: n(d.serial), version: n(d.version),
    error: n(d.error), errorKind: n(d.errorKind), polledAt: d.polledAt, durationMs: d.durationMs, rttMs: n(d.rttMs),
    interfaces: d.interfaces.map((i) => ({
      ifIndex: i.ifIndex, name: i.name, alias: n(i.alias), type: n(i.type), adminStatus: i.adminStatus, operStatus: i.operStatus,
      speedBps: n(i.speedBps), mac: n(i.mac), mtu: n(i.mtu), inOctets: n(i.inOctets), outOctets: n(i.outOctets), counterBits: i.counterBits,
      inErrors: n(i.inErrors), outErrors: n(i.outErrors), inBps: n(i.inBps), outBps: n(i.outBps),
    })),
    storage: d.storage.map((s) => ({ index: s.index, description: s.description, type: s.type, sizeBytes: s.sizeBytes, usedBytes: s.usedBytes, usedPercent: n(s.usedPercent) })),
    processors: d.processors.map((p) => ({ index: p.index, loadPercent: p.loadPercent })),
    ucd: n(d.ucd),
    moduleErrors: n(d.moduleErrors),
  };
}

export const pollCommand: Command = {
  name: 'poll',
  summary: 'poll every device once (or one device) and show the result',
  usage: `parc poll [--inventory FILE] [--device NAME_OR_HOST] [--json] [--state DIR] [--concurrency N]
  ${INVENTORY_HELP}
  --device NAME      poll only this device (name, host, or host:port)
  --json             print {"devices": [...]} on stdout
  --state DIR        state directory (default: .parc beside parc.yaml)
Exit code: 0 all up, 2 some device down, 1 error.`,
  async run(argv, io, signal) {
    const p = parseArgs(argv, { inventory: 'string', device: 'string', json: 'boolean', state: 'string', concurrency: 'string' });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    const inv = await openInventory(io, str(p, 'inventory'));
    let devices = inv.devices;
    const wanted = str(p, 'device');
    if (wanted) {
      const w = wanted.toLowerCase();
      devices = inv.devices.filter((d) => d.name?.toLowerCase() === w || d.host.toLowerCase() === w || deviceKey(d) === w);
      if (!devices.length) throw new UsageError(`no device "${wanted}" in ${inv.file}`);
    }
    const concurrency = str(p, 'concurrency') ? Number(str(p, 'concurrency')) : undefined;
    if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0)) throw new UsageError('--concurrency must be a positive whole number');
    const poller = new EnginePoller(() => inv, await cliSecrets(io), { concurrency });
    const state = stateStore(inv, io, str(p, 'state'));
    const metrics = cliMetricRecorder(inv, state.dir, io);
    const result = await runPollCycle({ inventory: inv, poller, store: state, devices, signal, metrics }).finally(() => metrics.close());
    if (bool(p, 'json')) io.out(JSON.stringify({ devices: result.devices.map(deviceJson), events: result.events }, null, 2));
    else {
      io.out(groupedReport(result.devices));
      for (const e of result.events) io.out(`event: ${e.message}`);
    }
    return result.devices.some((d) => d.status === 'down') ? 2 : 0;
  },
};
