// parc prometheus export: the files a Prometheus + snmp_exporter deployment needs, from parc.yaml.
import { spawnSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { prometheusExport } from '../../core/prometheus/export';
import { parseArgs, str, bool, UsageError } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stateStore } from '../context';
import type { Command } from './types';

/** True when `file` would be inside a git work tree and not ignored there (so a commit could pick it up). */
export function gitWouldTrack(file: string): boolean {
  // The folder may not exist yet: ask git from the nearest one that does.
  let dir = path.dirname(file);
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const inside = spawnSync('git', ['-C', dir, 'rev-parse', '--is-inside-work-tree'], { encoding: 'utf8' });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return false;
  const ignored = spawnSync('git', ['-C', dir, 'check-ignore', '-q', '--no-index', file]);
  return ignored.status !== 0;
}

async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.parc-tmp-${process.pid}`;
  await fs.writeFile(tmp, content, { mode });
  await fs.chmod(tmp, mode);
  await fs.rename(tmp, file);
}

export const prometheusCommand: Command = {
  name: 'prometheus',
  summary: 'write a Prometheus + snmp_exporter deployment for parc.yaml (targets, scrape jobs, rules, snmp.yml)',
  usage: `parc prometheus export --out DIR [--inventory FILE] [--snmp-exporter-version V] [--exporter HOST:PORT]
                        [--shards N | --per-site] [--alertmanager HOST:PORT] [--exporter-config FILE]
  ${INVENTORY_HELP}
  --out DIR                  where targets/, prometheus*.yml and rules.yml go
  --snmp-exporter-version V  0.21 (Debian 12, default) or 0.23 and later (auths separate from modules)
  --exporter HOST:PORT       snmp_exporter as Prometheus reaches it (default 127.0.0.1:9116)
  --shards N                 N scrapers share the targets (prometheus-shard-K.yml, hashmod)
  --per-site                 one prometheus-REGION--SITE.yml per site, reading only that site's targets
  --alert-for DURATION       how long a device or port must fail before its alert fires (default 1m)
  --scrape-interval SECONDS  default: the inventory's schedule.pollMinutes
  --alertmanager HOST:PORT   where the generated rules' alerts go (repeatable by commas)
  --exporter-config FILE     where snmp.yml (SNMP secrets, mode 0600) goes (default DIR/snmp.yml);
                             refused inside a git work tree unless git ignores it
Exit code: 0 written, 1 error.`,
  async run(argv, io) {
    const p = parseArgs(argv, {
      inventory: 'string', out: 'string', 'snmp-exporter-version': 'string', exporter: 'string', shards: 'string',
      'per-site': 'boolean', alertmanager: 'string', 'exporter-config': 'string', 'scrape-interval': 'string', 'alert-for': 'string',
    });
    const [verb, ...rest] = p.positionals;
    if (verb !== 'export') throw new UsageError(verb ? `unknown subcommand "${verb}" (export)` : 'missing subcommand: parc prometheus export --out DIR');
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const outFlag = str(p, 'out');
    if (!outFlag) throw new UsageError('--out DIR is required');
    const out = path.resolve(io.cwd, outFlag);
    const shardsText = str(p, 'shards');
    const shards = shardsText === undefined ? 0 : Number(shardsText);
    if (shardsText !== undefined && !(Number.isInteger(shards) && shards >= 2 && shards <= 64)) throw new UsageError('--shards must be a whole number from 2 to 64');
    const exporter = str(p, 'exporter') ?? '127.0.0.1:9116';
    if (!/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(exporter)) throw new UsageError(`--exporter: "${exporter}" is not HOST:PORT`);
    const intervalText = str(p, 'scrape-interval');
    const scrapeIntervalSeconds = intervalText === undefined ? undefined : Number(intervalText);
    if (scrapeIntervalSeconds !== undefined && !(Number.isInteger(scrapeIntervalSeconds) && scrapeIntervalSeconds >= 5 && scrapeIntervalSeconds <= 86400)) {
      throw new UsageError('--scrape-interval must be a whole number of seconds from 5 to 86400');
    }
    const alertFor = str(p, 'alert-for');
    if (alertFor !== undefined && !/^(\d+(ms|s|m|h|d|w|y))+$/.test(alertFor)) throw new UsageError(`--alert-for: "${alertFor}" is not a Prometheus duration such as 30s or 5m`);
    const inv = await openInventory(io, str(p, 'inventory'));
    const state = stateStore(inv, io);
    const records = await state.loadDevices().catch(() => new Map());
    const secretPath = path.resolve(io.cwd, str(p, 'exporter-config') ?? path.join(out, 'snmp.yml'));
    if (gitWouldTrack(secretPath)) {
      throw new UsageError(`${secretPath} is inside a git work tree and not ignored: snmp.yml holds SNMP secrets. Pass --exporter-config FILE outside the repository (e.g. /etc/prometheus/snmp.yml) or add it to .gitignore`);
    }
    let files;
    try {
      files = await prometheusExport(inv, await cliSecrets(io), {
        exporterVersion: str(p, 'snmp-exporter-version') ?? '0.21',
        exporter,
        shards,
        perSite: bool(p, 'per-site'),
        scrapeIntervalSeconds,
        alertFor,
        alertmanagers: str(p, 'alertmanager')?.split(',').map((s) => s.trim()).filter(Boolean),
        locationOf: (key) => records.get(key)?.last.sysLocation,
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    for (const f of files) {
      const target = f.secret ? secretPath : path.join(out, f.path);
      await writeAtomic(target, f.content, f.secret ? 0o600 : 0o644);
      io.out(`${f.secret ? 'wrote (0600, secrets)' : 'wrote'} ${target}`);
    }
    return 0;
  },
};
