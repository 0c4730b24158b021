// parc netplan: write a static-IP configuration, check netplan files, apply one to a host with rollback.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { applyNetplanToHost, netplanVerdict, reconnectAddress } from '../../core/netplan/apply-host';
import { readHostNetplan } from '../../core/netplan/host-config';
import { setStaticIp, StaticIpError } from '../../core/netplan/static-ip';
import { connectHost, linuxHostFromInventory, trustFingerprint } from '../../core/ssh/host-connect';
import { KnownHosts } from '../../core/ssh/known-hosts';
import { validateNetplan } from '../../core/netplan/validate';
import { judgeNetplan } from '../../core/netplan/verdict';
import { netplanVersionOn } from '../../core/netplan/generate';
import { parseNetplanVersion, requireNetplanVersion } from '../../core/netplan/versions';
import { localRunner } from '../local-runner';
import { bool, parseArgs, str, UsageError } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stderrLogger, type CliIO } from '../context';
import type { Command } from './types';

const USAGE = `parc netplan static --interface IF --address A/P [--gateway G] [--dns D1,D2] [--search S1,S2] [--from FILE]
      prints the netplan YAML with IF set to the static address (FILE's other settings and comments kept)
  parc netplan check [--netplan-version V] [--no-netplan] FILE...
      prints file:line:col: severity: message for each problem; exit 1 when there are errors
      (the files are checked together, as one configuration, in the order given). When netplan is installed
      here (and is release V, if given), its generate decides and Parc's other findings are warnings; otherwise
      Parc's validator decides with the rules of netplan V (default: the newest Parc knows: 1.1).
      The last line on stderr says which verdict was used. --no-netplan: Parc's validator only
  parc netplan show --host NAME
      the host's netplan version, its netplan files in the order netplan reads them, their problems (with the
      rules of that version), and each interface's configured addresses next to the ones it has now
  parc netplan apply --host NAME --file FILE [--timeout S] [--target /etc/netplan/NAME.yaml] [--new-address IP] [--yes]
      validates FILE with the host's own netplan generate (its verdict decides; Parc's other findings are printed
      as notes and never block), applies it with automatic rollback after S seconds
      (default 120) unless Parc reconnects (on --new-address, or the file's address when the SSH address changes)
      and confirms; otherwise reconnects on the old address and checks the previous configuration is back.
      --yes accepts the warnings (cloud-init owns the file; bonds/bridges netplan try cannot revert)
      --known-hosts FILE, --accept-host-key SHA256:..., --verbose: as for parc snmpd apply
  ${INVENTORY_HELP}`;

async function readText(io: CliIO, file: string): Promise<string> {
  try {
    return await fs.readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function staticCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { interface: 'string', address: 'string', gateway: 'string', dns: 'list', search: 'list', from: 'string' });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const iface = str(p, 'interface');
  const address = str(p, 'address');
  if (!iface) throw new UsageError('--interface is required');
  if (!address) throw new UsageError('--address is required (address/prefix, e.g. 198.18.0.10/24)');
  const from = str(p, 'from');
  const original = from ? await readText(io, from) : undefined;
  let result;
  try {
    result = setStaticIp(original, { interface: iface, address, gateway: str(p, 'gateway'), dns: p.flags.dns as string[] | undefined, search: p.flags.search as string[] | undefined });
  } catch (err) {
    if (err instanceof StaticIpError) {
      io.err(`parc netplan static: ${err.message}`);
      return 1;
    }
    throw err;
  }
  const label = from ?? 'result';
  const diags = validateNetplan([{ path: label, text: result.text }])[0].diagnostics;
  for (const d of diags) io.err(`${label}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
  for (const c of result.changes) io.err(`change: ${c}`);
  io.out(result.text.trimEnd());
  return diags.some((d) => d.severity === 'error') ? 1 : 0;
}

async function checkCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { 'netplan-version': 'string', 'no-netplan': 'boolean' });
  if (!p.positionals.length) throw new UsageError('name at least one netplan file');
  const v = str(p, 'netplan-version');
  let version;
  try {
    version = v === undefined ? undefined : requireNetplanVersion(v);
  } catch (err) {
    throw new UsageError(`--netplan-version: ${(err as Error).message}`);
  }
  const files = [];
  for (const f of p.positionals) files.push({ path: f, text: await readText(io, f) });
  let errors = 0;
  let warnings = 0;
  const verdict = await judgeNetplan(files, { runner: bool(p, 'no-netplan') ? undefined : localRunner, where: 'on this machine', version });
  for (const r of verdict.reports) {
    for (const d of r.diagnostics) {
      io.out(`${r.path}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  io.err(`${files.length} file(s): ${errors} error(s), ${warnings} warning(s)`);
  io.err(verdict.description);
  return errors ? 1 : 0;
}

async function showCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { host: 'string', 'known-hosts': 'string', 'accept-host-key': 'string', inventory: 'string', verbose: 'boolean' });
  const name = str(p, 'host');
  if (!name) throw new UsageError('--host is required');
  const inv = await openInventory(io, str(p, 'inventory'));
  const host = await linuxHostFromInventory(inv.file, name, inv.sites).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  const knownHostsFile = path.resolve(io.cwd, str(p, 'known-hosts') ?? io.env.PARC_KNOWN_HOSTS ?? path.join(os.homedir(), '.ssh', 'known_hosts'));
  const trust = trustFingerprint(str(p, 'accept-host-key'), (i) => io.err(`host key of ${i.host}:${i.port} is not in ${knownHostsFile}: ${i.fingerprint}; check it, then re-run with --accept-host-key ${i.fingerprint}`));
  const conn = await connectHost(host, { secrets: await cliSecrets(io), knownHosts: new KnownHosts(knownHostsFile), trust, logger: stderrLogger(io, bool(p, 'verbose')), env: io.env });
  try {
    const cfg = await readHostNetplan(conn, host);
    const installed = await netplanVersionOn(conn);
    io.out(`${host.name}: netplan reads ${cfg.files.length ? cfg.files.map((f) => f.path).join(', ') : 'no file'}`);
    io.out(`${host.name}: netplan version ${installed ?? '(not installed)'}`);
    const version = installed ? parseNetplanVersion(installed) : undefined;
    for (const r of validateNetplan(cfg.files.map((f) => ({ path: f.path, text: f.text })), { version })) {
      for (const d of r.diagnostics) io.out(`${r.path}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
    }
    for (const i of cfg.interfaces) {
      const configured = [...(i.dhcp4 ? ['dhcp4'] : []), ...(i.dhcp6 ? ['dhcp6'] : []), ...i.addresses].join(', ') || 'no address';
      const live = cfg.live.get(i.id)?.join(', ') ?? 'not present';
      io.out(`  ${i.id} (${i.type}): configured ${configured}${i.gateways.length ? `, gateway ${i.gateways.join(', ')}` : ''}; now ${live}`);
    }
    return 0;
  } finally {
    conn.close();
  }
}

async function netplanApplyCli(argv: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const p = parseArgs(argv, { host: 'string', file: 'string', timeout: 'string', target: 'string', 'new-address': 'string', 'known-hosts': 'string', 'accept-host-key': 'string', yes: 'boolean', inventory: 'string', verbose: 'boolean' });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const name = str(p, 'host');
  const file = str(p, 'file');
  if (!name || !file) throw new UsageError('--host and --file are required');
  const timeout = str(p, 'timeout') ? Number(str(p, 'timeout')) : 120;
  if (!(Number.isInteger(timeout) && timeout >= 5 && timeout <= 3600)) throw new UsageError('--timeout must be a whole number of seconds from 5 to 3600');
  const text = await readText(io, file);
  const inv = await openInventory(io, str(p, 'inventory'));
  const host = await linuxHostFromInventory(inv.file, name, inv.sites).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  const target = str(p, 'target') ?? path.posix.join(host.netplanDir, path.basename(file));
  let newAddress: string | undefined;
  try {
    newAddress = reconnectAddress(host, text, str(p, 'new-address'), () => '--new-address');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const secrets = await cliSecrets(io);
  const knownHostsFile = path.resolve(io.cwd, str(p, 'known-hosts') ?? io.env.PARC_KNOWN_HOSTS ?? path.join(os.homedir(), '.ssh', 'known_hosts'));
  const logger = stderrLogger(io, bool(p, 'verbose'));
  const trust = trustFingerprint(str(p, 'accept-host-key'), (i) => io.err(`host key of ${i.host}:${i.port} is not in ${knownHostsFile}: ${i.fingerprint}\n  check it on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then re-run with --accept-host-key ${i.fingerprint}`));
  const knownHosts = new KnownHosts(knownHostsFile);
  // Connect first: a refused host key prints nothing on stdout.
  const conn = await connectHost(host, { secrets, knownHosts, trust, logger, env: io.env });
  io.out(`applying ${file} to ${host.name} as ${target}${newAddress ? `; reconnecting on ${newAddress}` : ''}; automatic rollback after ${timeout} s`);
  const report = await applyNetplanToHost({ conn, host, target, text, timeoutS: timeout, newAddress, acceptWarnings: bool(p, 'yes'), secrets, knownHosts, logger, env: io.env, signal });
  for (const pr of report.problems) io.out(pr);
  for (const st of report.steps) io.out(st);
  io.out(netplanVerdict(report, '--yes'));
  return report.outcome === 'confirmed' ? 0 : 1;
}

export const netplanCommand: Command = {
  name: 'netplan',
  summary: 'write, check and safely apply netplan network configuration',
  usage: USAGE,
  async run(argv, io, signal) {
    const [sub, ...rest] = argv;
    if (sub === 'static') return staticCmd(rest, io);
    if (sub === 'check') return checkCmd(rest, io);
    if (sub === 'show') return showCmd(rest, io);
    if (sub === 'apply') return netplanApplyCli(rest, io, signal);
    throw new UsageError(sub ? `unknown subcommand "${sub}" (static, check, show or apply)` : 'name a subcommand: static, check, show or apply');
  },
};
