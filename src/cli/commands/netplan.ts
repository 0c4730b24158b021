// parc netplan: write a static-IP configuration, check netplan files, apply one to a host with rollback.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { setStaticIp, StaticIpError } from '../../core/netplan/static-ip';
import { validateNetplan } from '../../core/netplan/validate';
import { parseArgs, str, UsageError } from '../args';
import { INVENTORY_HELP, type CliIO } from '../context';
import type { Command } from './types';

const USAGE = `parc netplan static --interface IF --address A/P [--gateway G] [--dns D1,D2] [--search S1,S2] [--from FILE]
      prints the netplan YAML with IF set to the static address (FILE's other settings and comments kept)
  parc netplan check FILE...
      prints file:line:col: severity: message for each problem; exit 1 when there are errors
  parc netplan apply --host NAME --file FILE [--timeout S] [--target /etc/netplan/NAME.yaml] [--new-address IP] [--yes]
      validates FILE with the host's netplan, applies it with automatic rollback after S seconds (default 120)
      unless Parc can reconnect (on --new-address when the SSH address changes) and confirm
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
  const p = parseArgs(argv, {});
  if (!p.positionals.length) throw new UsageError('name at least one netplan file');
  const files = [];
  for (const f of p.positionals) files.push({ path: f, text: await readText(io, f) });
  let errors = 0;
  let warnings = 0;
  for (const r of validateNetplan(files)) {
    for (const d of r.diagnostics) {
      io.out(`${r.path}:${d.line}:${d.col}: ${d.severity}: ${d.message}`);
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  io.err(`${files.length} file(s): ${errors} error(s), ${warnings} warning(s)`);
  return errors ? 1 : 0;
}

async function netplanApplyCli(_argv: string[], _io: CliIO, _signal: AbortSignal): Promise<number> {
  throw new UsageError('apply: not available yet');
}

export const netplanCommand: Command = {
  name: 'netplan',
  summary: 'write, check and safely apply netplan network configuration',
  usage: USAGE,
  async run(argv, io, signal) {
    const [sub, ...rest] = argv;
    if (sub === 'static') return staticCmd(rest, io);
    if (sub === 'check') return checkCmd(rest, io);
    if (sub === 'apply') return netplanApplyCli(rest, io, signal);
    throw new UsageError(sub ? `unknown subcommand "${sub}" (static, check or apply)` : 'name a subcommand: static, check or apply');
  },
};
