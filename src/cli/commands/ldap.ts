// parc ldap — test a directory login step by step, and check/fix the LDAP settings of an Observium config.php.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { ChainedSecretSource } from '../../core/inventory/credentials';
import type { SecretSource } from '../../core/host';
import { loadDirectoryProfiles } from '../../core/ldap/load';
import { runLoginTest, type LoginTestResult } from '../../core/ldap/login-test';
import type { DirectoryProfile } from '../../core/ldap/types';
import { checkConfigText, effectiveSettings, type ConfigDiagnostic } from '../../core/observium/check';
import { unifiedDiff } from '../../core/observium/diff';
import { saveConfigPhp } from '../../core/observium/file';
import { correctedSettings } from '../../core/observium/fix';
import { observiumFromProfile, profileFromObservium } from '../../core/observium/mapping';
import { describe as showValue } from '../../core/observium/php-value';
import { rewriteLdapSection } from '../../core/observium/rewrite';
import { connectHost, linuxHostFromInventory, trustFingerprint } from '../../core/ssh/host-connect';
import { KnownHosts } from '../../core/ssh/known-hosts';
import { hostPath } from '../../core/ssh/linux-hosts';
import { RemoteFiles } from '../../core/ssh/remote-file';
import { bool, parseArgs, str, UsageError, type Parsed } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, resolveInventoryPath, stderrLogger, type CliIO } from '../context';
import type { Command } from './types';

const USAGE = `parc ldap test --profile NAME --user U [--password-env VAR] [--inventory FILE] [--json]
parc ldap test --observium FILE --user U [--password-env VAR] [--ca-file PEM] [--host NAME] [--json]
parc ldap observium check FILE [--host NAME] [--json]
parc ldap observium fix FILE [--host NAME] [--write]
parc ldap observium apply FILE --profile NAME [--inventory FILE] [--with-bindpw] [--host NAME] [--write]

  test            log in as U step by step: connect (TLS checked), service bind, find the user, bind as the
                  user, read groups, decide, and what Observium would grant; exit 0 when allowed, 2 when not
  --profile NAME  a key of directories: in parc.yaml
  --observium F   test with the LDAP settings of an Observium config.php instead (its bind password is used)
  --password-env  environment variable holding U's password (otherwise it is asked, or read from stdin)
  --ca-file PEM   CA for --observium (Observium itself uses the system's LDAP CA settings)
  ${INVENTORY_HELP}
  observium check  unknown keys, duplicates, wrong types, missing settings (exit 2 if any error)
  observium fix    the corrected LDAP section as a diff; --write saves it (backup kept next to the file)
  observium apply  write a profile into config.php as a diff; --with-bindpw also writes the bind password
                   from the profile's credential
  --host NAME      FILE is on that host of the linux: section of parc.yaml, read and written over SSH
                   (sudo if the host says so; atomic replace, backup kept, refused if the file changed meanwhile)
  --known-hosts F  known_hosts to check host keys against (default ~/.ssh/known_hosts, or $PARC_KNOWN_HOSTS)
  --accept-host-key SHA256:...  trust this fingerprint for a host not yet in known_hosts`;

const REMOTE_FLAGS = { host: 'string', inventory: 'string', 'known-hosts': 'string', 'accept-host-key': 'string', verbose: 'boolean' } as const;

/** A config.php to check or edit: a local file, or one on a `linux:` host reached over SSH. */
interface ConfigSource {
  label: string;
  text: string;
  /** Replaces the file if it is still what was read; returns where the previous version was kept. */
  save(next: string): Promise<string | undefined>;
  close(): void;
}

async function openConfig(p: Parsed, io: CliIO, file: string): Promise<ConfigSource> {
  const hostName = str(p, 'host');
  if (!hostName) {
    const abs = path.resolve(io.cwd, file);
    const text = await fs.readFile(abs, 'utf8');
    return { label: abs, text, save: async (next) => (await saveConfigPhp(abs, text, next)).backup, close: () => undefined };
  }
  if (!file.startsWith('/')) throw new UsageError(`with --host, give the absolute path of config.php on the host (e.g. /opt/observium/config.php), not "${file}"`);
  const inv = await openInventory(io, str(p, 'inventory'));
  const host = await linuxHostFromInventory(inv.file, hostName, inv.sites).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  const knownHostsFile = str(p, 'known-hosts') ?? io.env.PARC_KNOWN_HOSTS ?? path.join(os.homedir(), '.ssh', 'known_hosts');
  const trust = trustFingerprint(str(p, 'accept-host-key'), (i) => io.err(`host key of ${i.host}:${i.port} is not in ${knownHostsFile}: ${i.fingerprint}\n  check it on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then re-run with --accept-host-key ${i.fingerprint}`));
  const conn = await connectHost(host, { secrets: await cliSecrets(io), knownHosts: new KnownHosts(path.resolve(io.cwd, knownHostsFile)), trust, logger: stderrLogger(io, bool(p, 'verbose')), env: io.env });
  try {
    const files = new RemoteFiles(conn, host.sudo);
    const snap = await files.read(hostPath(host, file));
    if (!snap.exists) throw new Error(`${host.name}:${file} does not exist`);
    return { label: `${host.name}:${file}`, text: snap.text, save: async (next) => (await files.write(snap, next)).backup, close: () => conn.close() };
  } catch (err) {
    conn.close();
    throw err;
  }
}

export const ldapCommand: Command = {
  name: 'ldap',
  summary: 'test directory (LDAP/AD) logins step by step; check and fix Observium LDAP settings',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'test') return test(rest, io);
    if (sub === 'observium') {
      const [action, ...more] = rest;
      if (action === 'check') return check(more, io);
      if (action === 'fix' || action === 'apply') return fix(action, more, io);
      throw new UsageError(`unknown action "observium ${action ?? ''}"; use check, fix or apply`);
    }
    throw new UsageError(sub ? `unknown subcommand "${sub}"` : 'give a subcommand: test or observium');
  },
};

async function test(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { ...REMOTE_FLAGS, profile: 'string', user: 'string', 'password-env': 'string', json: 'boolean', observium: 'string', 'ca-file': 'string' });
  const user = str(p, 'user');
  if (!user) throw new UsageError('--user is required');
  const name = str(p, 'profile');
  const observium = str(p, 'observium');
  if (!name === !observium) throw new UsageError('give either --profile NAME or --observium FILE');
  let profile: DirectoryProfile;
  let secrets: SecretSource;
  if (name) {
    const file = await resolveInventoryPath(io, str(p, 'inventory'));
    const { profiles, warnings } = await loadDirectoryProfiles(file);
    for (const w of warnings) io.err(`warning: ${w.message}`);
    const found = profiles.get(name);
    if (!found) throw new UsageError(`no directory profile "${name}" in ${file}${profiles.size ? ` (there are: ${[...profiles.keys()].join(', ')})` : ' (it has no directories: section)'}`);
    profile = found;
    secrets = await cliSecrets(io);
  } else {
    const source = await openConfig(p, io, observium!);
    source.close();
    const c = checkConfigText(source.text);
    const mapped = profileFromObservium(c.parsed.config, path.basename(observium!));
    for (const n of mapped.notes) io.err(`note: ${n}`);
    profile = { ...mapped.profile, caFile: str(p, 'ca-file') ? path.resolve(io.cwd, str(p, 'ca-file')!) : undefined };
    const pw = mapped.bindPassword;
    secrets = new ChainedSecretSource([{ get: async (n: string) => (n === mapped.profile.credential ? pw : undefined) }]);
  }
  const password = await readPassword(io, user, str(p, 'password-env'));
  const r = await runLoginTest(profile, { user, password, secrets });
  if (bool(p, 'json')) io.out(JSON.stringify(toJson(r), null, 2));
  else io.out(formatResult(r));
  return r.allowed ? 0 : 2;
}

function toJson(r: LoginTestResult) {
  return {
    profile: r.profile,
    user: r.user,
    server: r.server?.url,
    tls: r.server?.tls,
    activeDirectory: r.server?.activeDirectory,
    steps: r.steps.map((s) => ({ step: s.step, title: s.title, ok: s.ok, ...(s.skipped ? { skipped: true } : {}), ms: s.ms, message: s.message, ...(s.reason ? { reason: s.reason } : {}) })),
    userDn: r.userDn ?? null,
    groups: r.groups,
    allowed: r.allowed,
    observium: r.observium ?? null,
    failure: r.failure ?? null,
  };
}

export function formatResult(r: LoginTestResult): string {
  const width = Math.max(...r.steps.map((s) => s.title.length));
  const lines = [`${r.profile}: login test for ${r.user}`];
  for (const s of r.steps) {
    const mark = s.skipped ? '-' : s.ok ? '✓' : '✗';
    const ms = s.skipped ? '' : `${s.ms.toFixed(s.ms < 10 ? 1 : 0)} ms`;
    lines.push(`  ${mark} ${s.title.padEnd(width)}  ${ms.padStart(8)}  ${s.message}`);
  }
  if (r.allowed) lines.push(`ALLOWED${r.observium ? ` — Observium level ${r.observium.level} (${r.observium.levelName})` : ''}`);
  else lines.push(`REFUSED at "${r.steps.find((s) => s.step === r.failure?.step)?.title ?? r.failure?.step}": ${r.failure?.message ?? 'not allowed'} [${r.failure?.reason}]`);
  return lines.join('\n');
}

export async function readPassword(io: CliIO, user: string, envVar: string | undefined): Promise<string> {
  if (envVar) {
    const v = io.env[envVar];
    if (v === undefined) throw new UsageError(`environment variable ${envVar} (--password-env) is not set`);
    return v;
  }
  if (process.stdin.isTTY) {
    // Prompt on stderr directly, then let readline read the line into a muted output so nothing typed is echoed.
    // (Writing the prompt through a muting stream lost it: the stream queues writes, so it was muted by then.)
    process.stderr.write(`Password for ${user}: `);
    const muted = new Writable({ write: (_chunk, _enc, cb) => cb() });
    const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
    try {
      return await new Promise<string>((resolve, reject) => {
        rl.question('', resolve);
        // Raw mode turns Ctrl-C into a keypress: without this the prompt vanished and parc exited 0.
        rl.on('SIGINT', () => reject(new Error('password prompt cancelled (Ctrl-C); nothing was tested')));
      });
    } finally {
      rl.close();
      process.stderr.write('\n');
    }
  }
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.split(/\r?\n/)[0] ?? '';
}

function formatDiagnostic(file: string, d: ConfigDiagnostic): string {
  return `${file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`;
}

async function check(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { ...REMOTE_FLAGS, json: 'boolean' });
  const file = p.positionals[0];
  if (!file || p.positionals.length > 1) throw new UsageError('give one config.php file');
  const source = await openConfig(p, io, file);
  source.close();
  const abs = source.label;
  const c = checkConfigText(source.text);
  const errors = c.diagnostics.filter((d) => d.severity === 'error').length;
  const settings = effectiveSettings(c).map((s) => ({ key: s.key, value: s.key.endsWith('bindpw') && s.value?.t === 'string' && s.value.v ? '********' : s.value ? showValue(s.value) : null, line: s.line ?? null, default: s.isDefault }));
  if (bool(p, 'json')) {
    io.out(JSON.stringify({ file: abs, diagnostics: c.diagnostics, settings, profile: profileFromObservium(c.parsed.config, path.basename(abs)).profile }, null, 2));
  } else {
    for (const d of c.diagnostics) io.out(formatDiagnostic(file, d));
    io.out('');
    io.out('What Observium will use:');
    for (const s of settings) io.out(`  ${s.key.padEnd(30)} ${s.value}${s.default ? '   (default)' : `   (line ${s.line})`}`);
    const warnings = c.diagnostics.filter((d) => d.severity === 'warning').length;
    io.out(`\n${errors} error(s), ${warnings} warning(s)${errors + warnings ? `; "parc ldap observium fix ${file}" shows the corrected section` : ''}`);
  }
  return errors ? 2 : 0;
}

async function fix(action: 'fix' | 'apply', argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { ...REMOTE_FLAGS, write: 'boolean', profile: 'string', 'with-bindpw': 'boolean' });
  const file = p.positionals[0];
  if (!file || p.positionals.length > 1) throw new UsageError('give one config.php file');
  const source = await openConfig(p, io, file);
  try {
    return await fixSource(action, p, io, file, source);
  } finally {
    source.close();
  }
}

async function fixSource(action: 'fix' | 'apply', p: Parsed, io: CliIO, file: string, source: ConfigSource): Promise<number> {
  const text = source.text;
  const c = checkConfigText(text);
  // A rewrite of a file PHP cannot parse would be a guess: say what is wrong and where, change nothing.
  const syntax = c.diagnostics.filter((d) => d.code === 'syntax' && d.severity === 'error');
  if (syntax.length) {
    for (const d of syntax) io.err(formatDiagnostic(file, d));
    io.err(`${file}: not changed: fix the PHP syntax error(s) above first`);
    return 1;
  }
  let wanted;
  let notes: string[];
  if (action === 'fix') ({ wanted, notes } = correctedSettings(c));
  else {
    const name = str(p, 'profile');
    if (!name) throw new UsageError('--profile NAME is required for apply');
    const inv = await resolveInventoryPath(io, str(p, 'inventory'));
    const { profiles } = await loadDirectoryProfiles(inv);
    const profile = profiles.get(name);
    if (!profile) throw new UsageError(`no directory profile "${name}" in ${inv}`);
    let bindPassword: string | undefined;
    if (bool(p, 'with-bindpw') && profile.credential) {
      bindPassword = await (await cliSecrets(io)).get(profile.credential);
      if (bindPassword === undefined) throw new UsageError(`no secret stored for credential "${profile.credential}"`);
    }
    ({ wanted, notes } = observiumFromProfile(profile, { bindPassword }));
  }
  const r = rewriteLdapSection(c, wanted);
  for (const n of [...notes, ...r.notes]) io.err(`note: ${n}`);
  const diff = unifiedDiff(text, r.text, file, `${file} (corrected)`);
  if (!diff) {
    io.out(`${file}: nothing to change`);
    return 0;
  }
  io.out(diff.trimEnd());
  const after = checkConfigText(r.text).diagnostics.filter((d) => d.severity === 'error');
  for (const d of after) io.err(`still wrong after the change: ${formatDiagnostic(file, d)}`);
  if (!bool(p, 'write')) {
    io.err('(not written; add --write to save, a backup is kept)');
    return 0;
  }
  const backup = await source.save(r.text);
  io.out(`written ${source.label}${backup ? ` (previous version: ${backup})` : ''}`);
  return 0;
}
