// parc alerts list|ack|mute|unmute|test|deliveries — open alerts, what was delivered where, and the
// acknowledgements and mutes every front end and the delivery engine share (.parc/alerts-state.json).
import { systemClock } from '../../core/host';
import { openAlerts } from '../../core/monitor/alerts';
import { AckStore } from '../../core/notify/acks';
import { sendTestMessage } from '../../core/notify/engine';
import { namesDevice } from '../../core/notify/rules';
import { NotifyStore } from '../../core/notify/store';
import type { Mute } from '../../core/notify/windows';
import { bool, parseArgs, str, UsageError } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stateStore } from '../context';
import { parseDuration } from '../duration';
import type { Command } from './types';

const USAGE = `parc alerts list [--json]                       open alerts, acknowledged/muted, and where they were delivered
parc alerts ack ID... | --device NAME | --all    acknowledge (stops repeats and escalation)
parc alerts mute --device NAME|--site NAME|--region NAME|--tag TAG --for 2h [--reason TEXT]
parc alerts unmute --device NAME|--site NAME|--region NAME|--tag TAG
parc alerts test --transport NAME               send a test message through one transport
parc alerts deliveries [--limit N] [--json]     the delivery log, newest first
  ${INVENTORY_HELP}
  --state DIR        state directory (default: .parc beside parc.yaml)`;

function scopeOf(p: ReturnType<typeof parseArgs>): { scope: Mute['scope']; value: string } {
  const given = (['device', 'site', 'region', 'tag'] as const).filter((k) => str(p, k) !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --device, --site, --region or --tag');
  return { scope: given[0], value: str(p, given[0])! };
}

export const alertsCommand: Command = {
  name: 'alerts',
  summary: 'open alerts, acknowledgements, mutes, delivery log and test messages',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    const p = parseArgs(rest, { inventory: 'string', state: 'string', json: 'boolean', device: 'string', site: 'string', region: 'string', tag: 'string', for: 'string', reason: 'string', transport: 'string', all: 'boolean', limit: 'string' });
    const inv = await openInventory(io, str(p, 'inventory'));
    const events = stateStore(inv, io, str(p, 'state'));
    const dir = events.dir;
    const acks = new AckStore(dir);
    const notify = new NotifyStore(dir);
    const now = Date.now();
    const who = io.env.USER ?? io.env.LOGNAME;
    switch (sub) {
      case 'list': {
        const open = openAlerts(await events.readEvents(), now);
        const { acks: acked, mutes } = await acks.read();
        const deliveries = await notify.deliveries(2000);
        const rows = open.map((a) => ({
          id: a.id, time: a.event.time, severity: a.event.severity, type: a.event.type, device: a.event.deviceName ?? a.event.device ?? null, message: a.event.message,
          acknowledged: acked.has(a.id),
          muted: mutes.some((m) => m.until > now && m.scope === 'device' && namesDevice(m.value, { device: a.event.device, deviceName: a.event.deviceName })),
          deliveries: deliveries.filter((d) => d.alertIds.includes(a.id)).map((d) => ({ time: d.time, transport: d.transport, kind: d.kind, ok: d.ok, ...(d.error ? { error: d.error } : {}) })),
        }));
        if (bool(p, 'json')) io.out(JSON.stringify({ alerts: rows, mutes: mutes.filter((m) => m.until > now) }, null, 2));
        else if (!rows.length) io.out('no open alerts');
        else for (const r of rows) {
          const flags = [r.acknowledged && 'acknowledged', r.muted && 'muted'].filter(Boolean).join(', ');
          io.out(`${r.time}  ${r.severity.padEnd(8)}  ${r.message}${flags ? `  [${flags}]` : ''}`);
          io.out(`    id: ${r.id}`);
          for (const d of r.deliveries) io.out(`    ${d.ok ? 'sent' : 'FAILED'} ${d.kind} → ${d.transport} at ${d.time}${d.error ? `: ${d.error}` : ''}`);
        }
        if (!bool(p, 'json')) for (const m of mutes.filter((x) => x.until > now)) io.out(`muted ${m.scope} ${m.value} until ${new Date(m.until).toISOString()}${m.reason ? ` (${m.reason})` : ''}`);
        return 0;
      }
      case 'ack': {
        const open = openAlerts(await events.readEvents(), now);
        let ids = p.positionals;
        if (bool(p, 'all')) ids = open.map((a) => a.id);
        else if (str(p, 'device')) ids = open.filter((a) => namesDevice(str(p, 'device')!, { device: a.event.device, deviceName: a.event.deviceName })).map((a) => a.id);
        if (!ids.length) throw new UsageError(bool(p, 'all') || str(p, 'device') ? 'no open alert matches' : 'give alert ids (from parc alerts list), --device NAME or --all');
        const unknown = ids.filter((id) => !open.some((a) => a.id === id));
        if (unknown.length) throw new UsageError(`not an open alert: ${unknown.join(', ')}`);
        await acks.acknowledge(ids, now, who, new Set(open.map((a) => a.id)));
        io.out(`acknowledged ${ids.length} alert(s)`);
        return 0;
      }
      case 'mute': {
        const { scope, value } = scopeOf(p);
        const forText = str(p, 'for');
        if (!forText) throw new UsageError('--for DURATION is required (e.g. 2h)');
        const until = now + parseDuration(forText);
        await acks.mute({ scope, value, until, by: who, reason: str(p, 'reason') }, now);
        io.out(`muted ${scope} ${value} until ${new Date(until).toISOString()}`);
        return 0;
      }
      case 'unmute': {
        const { scope, value } = scopeOf(p);
        await acks.unmute(scope, value, now);
        io.out(`unmuted ${scope} ${value}`);
        return 0;
      }
      case 'test': {
        const name = str(p, 'transport');
        if (!name) throw new UsageError('--transport NAME is required');
        const secrets = await cliSecrets(io);
        const receipt = await sendTestMessage({ inventory: () => inv, secrets, clock: systemClock, store: notify }, name);
        io.out(`test message sent through ${name}: ${receipt}`);
        return 0;
      }
      case 'deliveries': {
        const limit = str(p, 'limit') ? Number(str(p, 'limit')) : 50;
        if (!(limit > 0)) throw new UsageError('--limit must be a positive number');
        const list = await notify.deliveries(limit);
        if (bool(p, 'json')) io.out(JSON.stringify({ deliveries: list }, null, 2));
        else if (!list.length) io.out('nothing delivered yet');
        else for (const d of list) io.out(`${d.time}  ${d.ok ? 'sent  ' : 'FAILED'}  ${d.kind.padEnd(10)}  ${d.transport}  ${d.alertIds.length} alert(s)${d.error ? `  ${d.error}` : d.receipt ? `  ${d.receipt}` : ''}`);
        return 0;
      }
      default:
        throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'give a subcommand');
    }
  },
};
