// parc serve — the estate's always-on service: everything `parc watch` does (while it holds the poll lease)
// plus the HTTPS API, live stream and browser page of src/server; and its accounts and tokens.
import * as os from 'node:os';
import * as path from 'node:path';
import { unwatchFile, watchFile } from 'node:fs';
import { LocalAccounts } from '../../core/auth/accounts';
import { TokenStore, tokenId } from '../../core/auth/tokens';
import { systemClock } from '../../core/host';
import { loadInventory } from '../../core/inventory/file';
import { ROLES, type Role } from '../../core/remote/api-types';
import { ParcServer } from '../../server/app';
import { findWebRoot } from '../../server/static-files';
import { loadTls, selfSigned } from '../../server/tls';
import { bool, parseArgs, str, UsageError } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stateStore, stderrLogger } from '../context';
import { readPassword } from './ldap';
import { cliEstateRunner, janitorMinutes } from '../estate-runner';
import type { Command } from './types';

const VERSION = '0.1.0';

const USAGE = `parc serve [--listen HOST:PORT] [--tls-cert FILE --tls-key FILE | --self-signed] [--inventory FILE] [--state DIR] [--janitor-every MINUTES] [--known-hosts FILE] [--verbose]
parc serve user add NAME --role viewer|operator|admin [--password-env VAR]   (password from a prompt, stdin or VAR; never an argument)
parc serve user remove NAME | parc serve user list
parc serve token list | parc serve token revoke ID | --user NAME | --all
  ${INVENTORY_HELP}
  --listen HOST:PORT    default 127.0.0.1:8443 (server.listen in parc.yaml); plain HTTP only on a loopback address
  --self-signed         generate a certificate once into <state>/server/ and print its SHA-256 fingerprint
  --known-hosts FILE    SSH host keys for snmpd/netplan changes (default $PARC_KNOWN_HOSTS or ~/.ssh/known_hosts);
                        the API never adds a key: an unknown host is refused with its fingerprint
Polls, records and delivers alerts like parc watch when it holds the estate's poll lease; otherwise follows the
holder's state files. Logins: server.auth in parc.yaml (a directories: profile and group → role) or local accounts.`;

function loopback(host: string): boolean {
  return host === 'localhost' || /^127\./.test(host) || host === '::1' || host === '[::1]';
}

function parseListen(s: string): { host: string; port: number } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(s);
  if (!m) throw new UsageError(`--listen ${s}: give HOST:PORT, like 127.0.0.1:8443`);
  const port = m[2] === undefined ? 8443 : Number(m[2]);
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--listen ${s}: port out of range`);
  return { host: m[1].replace(/^\[|\]$/g, ''), port };
}

async function userCmd(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const [sub, ...rest] = argv;
  const p = parseArgs(rest, { inventory: 'string', state: 'string', role: 'string', 'password-env': 'string' });
  const inv = await openInventory(io, str(p, 'inventory'));
  const accounts = new LocalAccounts(stateStore(inv, io, str(p, 'state')).dir);
  if (sub === 'list') {
    const users = [...(await accounts.load()).values()];
    io.out(users.length ? users.map((u) => `${u.name.padEnd(24)} ${u.role.padEnd(9)} since ${u.createdAt}`).join('\n') : 'no local accounts');
    return 0;
  }
  const name = p.positionals[0];
  if (!name || p.positionals.length > 1) throw new UsageError('give one user NAME');
  if (sub === 'remove') {
    io.out((await accounts.remove(name)) ? `removed ${name}` : `no local account ${name}`);
    return 0;
  }
  if (sub !== 'add') throw new UsageError(sub ? `unknown subcommand "user ${sub}"` : 'give user add|remove|list');
  const role = str(p, 'role') as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const password = await readPassword(io, name, str(p, 'password-env'));
  const r = await accounts.set(name, role, password);
  io.out(`${r} local account ${name} (${role}) in ${accounts.file}`);
  return 0;
}

async function tokenCmd(argv: string[], io: Parameters<Command['run']>[1]): Promise<number> {
  const [sub, ...rest] = argv;
  const p = parseArgs(rest, { inventory: 'string', state: 'string', user: 'string', all: 'boolean' });
  const inv = await openInventory(io, str(p, 'inventory'));
  const tokens = new TokenStore(stateStore(inv, io, str(p, 'state')).dir);
  const now = Date.now();
  if (sub === 'list') {
    const list = await tokens.list(now);
    io.out(list.length ? list.map((t) => `${tokenId(t)}  ${t.user.padEnd(20)} ${t.role.padEnd(9)} ${t.source.padEnd(9)} until ${new Date(t.expiresAt).toISOString()}${t.address ? `  from ${t.address}` : ''}`).join('\n') : 'no live tokens');
    return 0;
  }
  if (sub !== 'revoke') throw new UsageError(sub ? `unknown subcommand "token ${sub}"` : 'give token list|revoke');
  const id = p.positionals[0];
  if ([id !== undefined, str(p, 'user') !== undefined, bool(p, 'all')].filter(Boolean).length !== 1) throw new UsageError('give one of: a token ID (from parc serve token list), --user NAME, --all');
  if (id !== undefined && id.length < 6) throw new UsageError('a token ID has at least 6 characters');
  const n = await tokens.revoke({ id, user: str(p, 'user'), all: bool(p, 'all') }, now);
  io.out(`revoked ${n} token(s)`);
  return n ? 0 : 3;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the estate as a service: polling, alerts, HTTPS API and browser page, directory logins',
  usage: USAGE,
  async run(argv, io, signal) {
    if (argv[0] === 'user') return userCmd(argv.slice(1), io);
    if (argv[0] === 'token') return tokenCmd(argv.slice(1), io);
    const p = parseArgs(argv, { inventory: 'string', state: 'string', verbose: 'boolean', listen: 'string', 'tls-cert': 'string', 'tls-key': 'string', 'self-signed': 'boolean', 'janitor-every': 'string', 'web-root': 'string', 'known-hosts': 'string' });
    if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
    let inv = await openInventory(io, str(p, 'inventory'));
    const listen = parseListen(str(p, 'listen') ?? inv.server?.listen ?? '127.0.0.1:8443');
    const certFile = str(p, 'tls-cert');
    const keyFile = str(p, 'tls-key');
    if (!!certFile !== !!keyFile) throw new UsageError('--tls-cert and --tls-key go together');
    if (certFile && bool(p, 'self-signed')) throw new UsageError('give either --tls-cert/--tls-key or --self-signed');
    const useTls = !!certFile || bool(p, 'self-signed');
    if (!useTls && !loopback(listen.host)) throw new UsageError(`--listen ${listen.host}: passwords and tokens would cross the network in clear; give --tls-cert/--tls-key or --self-signed`);
    const janitorEvery = janitorMinutes(p);
    const logger = stderrLogger(io, bool(p, 'verbose'));
    const secrets = await cliSecrets(io);
    const store = stateStore(inv, io, str(p, 'state'));
    const tls = certFile ? await loadTls(path.resolve(io.cwd, certFile), path.resolve(io.cwd, keyFile!)) : bool(p, 'self-signed') ? await selfSigned(store.dir, [listen.host]) : undefined;
    if (tls) io.err(`${tls.generated ? 'generated a self-signed certificate' : 'TLS certificate'} ${tls.certFile}\nSHA-256 fingerprint: ${tls.fingerprint}`);
    const { runner, metrics } = cliEstateRunner('serve', { inventory: () => inv, io, store, secrets, logger, janitorEvery });
    const webRoot = str(p, 'web-root') ? path.resolve(io.cwd, str(p, 'web-root')!) : await findWebRoot([path.resolve(__dirname, '..', 'media', 'web'), path.resolve(__dirname, '..', '..', 'media', 'web'), path.resolve(__dirname, '..', '..', '..', 'media', 'web')]);
    const reloadInventory = async () => {
      inv = (await loadInventory(inv.file)).inventory;
      runner.monitor.trigger('newDevices');
    };
    const knownHostsFile = path.resolve(io.cwd, str(p, 'known-hosts') ?? io.env.PARC_KNOWN_HOSTS ?? path.join(os.homedir(), '.ssh', 'known_hosts'));
    const server = new ParcServer({ version: VERSION, runner, inventory: () => inv, secrets, clock: systemClock, logger, webRoot, tls, reloadInventory, knownHostsFile, env: io.env });
    await server.init();
    watchFile(inv.file, { interval: 2000 }, () => {
      loadInventory(inv.file).then((l) => {
        inv = l.inventory;
        logger.info(`reloaded ${inv.file}: ${inv.devices.length} device(s)`);
        runner.monitor.trigger('newDevices');
        runner.refresh();
      }, (err) => logger.error(`${inv.file} not reloaded, keeping the previous inventory:\n${(err as Error).message}`));
    });
    await runner.start();
    const address = await server.app.listen({ host: listen.host, port: listen.port });
    const shown = address.replace('0.0.0.0', listen.host);
    io.err(`parc serve: listening on ${shown} for ${inv.file} (${inv.devices.length} device(s)); ${runner.holding ? 'polling this estate' : 'another process polls this estate, following it'}`);
    if (!inv.server?.auth.directory && !(await server.auth.accounts.load()).size) io.err('parc serve: no server.auth directory and no local account: nobody can log in yet (parc serve user add NAME --role admin)');
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    logger.info('stopping after the current job');
    unwatchFile(inv.file);
    await server.close();
    await runner.stop();
    metrics.close();
    return 0;
  },
};
