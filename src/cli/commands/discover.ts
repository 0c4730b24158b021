import { addDevicesToFile } from '../../core/inventory/file';
import { deviceKey } from '../../core/inventory/types';
import { probe, probeProfiles, scanSubnet } from '../../core/discovery/probe';
import { checkHost } from '../../core/inventory/parse';
import { bool, parseArgs, str, UsageError } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory } from '../context';
import { table } from '../format';
import type { Command } from './types';

export const discoverCommand: Command = {
  name: 'discover',
  summary: 'find SNMP agents in a subnet (or probe one host) and optionally add them to parc.yaml',
  usage: `parc discover (--subnet CIDR | --host HOST) [--inventory FILE] [--port N] [--write] [--json]
  ${INVENTORY_HELP}
  --subnet CIDR      block to scan, e.g. 192.0.2.0/24 (at most 4096 addresses)
  --host HOST        probe a single host with each profile in turn
  --port N           SNMP port (default 161)
  --write            add what answered to parc.yaml (comments and layout kept)`,
  async run(argv, io, signal) {
    const p = parseArgs(argv, { inventory: 'string', subnet: 'string', host: 'string', port: 'string', write: 'boolean', json: 'boolean', concurrency: 'string' });
    const subnet = str(p, 'subnet');
    const host = str(p, 'host');
    if (!subnet === !host) throw new UsageError('give either --subnet CIDR or --host HOST');
    const port = str(p, 'port') ? Number(str(p, 'port')) : 161;
    if (!(Number.isInteger(port) && port > 0 && port < 65536)) throw new UsageError('--port must be 1..65535');
    if (host) {
      // host:port used to end in "host name does not resolve"; 999.1.1.1 was sent to DNS.
      const withPort = /^([^:]+):(\d+)$/.exec(host);
      if (withPort) throw new UsageError(`--host "${host}" has a port in it: use --host ${withPort[1]} --port ${withPort[2]}`);
      const problem = checkHost(host);
      if (problem) throw new UsageError(`--host ${problem}`);
    }
    const inv = await openInventory(io, str(p, 'inventory'));
    const secrets = await cliSecrets(io);
    const profiles = probeProfiles(inv);
    if (!profiles.length) throw new UsageError(`${inv.file} has no SNMP profile to probe with`);
    const json = bool(p, 'json');
    let found;
    if (host) {
      const r = await probe(host, port, profiles, secrets);
      if (!r.answered) {
        if (json) io.out(JSON.stringify({ found: [], attempts: r.attempts }, null, 2));
        else for (const a of r.attempts) io.err(`${a.profile}: ${a.error}`);
        return 2;
      }
      found = [r];
    } else {
      found = await scanSubnet(subnet!, profiles, secrets, {
        port, signal, concurrency: str(p, 'concurrency') ? Number(str(p, 'concurrency')) : undefined,
        onProgress: (done, total, hit) => {
          if (!json && (hit || done === total || done % 64 === 0)) io.err(`scanned ${done}/${total}${hit ? `: ${hit.host} answered (${hit.sysName ?? '?'})` : ''}`);
        },
      });
    }
    const known = new Set(inv.devices.map(deviceKey));
    const fresh = found.filter((f) => !known.has(deviceKey(f)));
    let added: string[] = [];
    if (bool(p, 'write') && fresh.length) {
      const list = await addDevicesToFile(inv.file, fresh.map((f) => ({ host: f.host, port: f.port, name: f.sysName || undefined, profile: f.profile === inv.snmp.default ? undefined : f.profile })));
      added = list.map((d) => d.host);
    }
    if (json) io.out(JSON.stringify({ found, added }, null, 2));
    else {
      if (found.length) {
        io.out(table([['ADDRESS', 'PROFILE', 'SYSNAME', 'OS', 'IN INVENTORY'], ...found.map((f) => [`${f.host}${f.port !== 161 ? `:${f.port}` : ''}`, f.profile ?? '', f.sysName ?? '', f.os ?? '', known.has(deviceKey(f)) ? 'yes' : added.includes(f.host) ? 'added' : 'no'])]));
      }
      io.out(`${found.length} answered, ${fresh.length} not yet in ${inv.file}${bool(p, 'write') ? `, ${added.length} added` : fresh.length ? ' (use --write to add them)' : ''}`);
    }
    return 0;
  },
};
