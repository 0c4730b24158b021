// A real Debian OpenSSH server for tests, on 127.0.0.1 and a random high port, configured entirely from a
// temporary directory (host key, sshd_config, authorized keys, log): the machine's own /etc/ssh is not used.
//
// Usage:
//   const sshd = await startSshd();            // before()
//   sshd.port, sshd.user, sshd.password        // password login (also the user's sudo password)
//   sshd.clientKey                              // OpenSSH private key accepted for sshd.user
//   sshd.hostKeyLine('127.0.0.1')               // a known_hosts line for the server's host key
//   sshd.root                                   // a temporary "filesystem root" owned by root, for the files under test
//   await sshd.rotateHostKey()                  // restart with a new host key (to test "host key changed")
//   await sshd.stop()                           // after(): kills sshd, removes every temporary file
//   startSshd({ netns: 'ns1', listenAddress: '0.0.0.0' })   // inside a network namespace the caller made
//
// The test user (default "parctest") is created with useradd when absent — the one change made to the machine
// besides /run/sshd (sshd's privilege-separation directory) and a sudoers drop-in,
// /etc/sudoers.d/parc-test-<user>, letting that user run any command with sudo *after giving its password*.
// Its password is random, set under a lock so that several test processes can share the user.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync, chownSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeTcpPort } from './ports';
import { withLockSync } from '../../src/core/lock-file';

export const SSHD = process.env.PARC_SSHD ?? '/usr/sbin/sshd';

export interface SshdOptions {
  /** Login name of the test user (created when absent). Default "parctest". */
  user?: string;
  /** Give the user sudo rights that require its password (default true). */
  sudo?: boolean;
  /** Extra sshd_config lines. */
  extraConfig?: string[];
  /** Run inside this network namespace (`ip netns exec`); the caller creates and deletes it. */
  netns?: string;
  /** Address to listen on (default 127.0.0.1; e.g. 0.0.0.0 inside a namespace, so every address there answers). */
  listenAddress?: string;
}

export interface RunningSshd {
  host: string;
  port: number;
  user: string;
  /** The user's login password, which is also its sudo password. */
  password: string;
  uid: number;
  gid: number;
  /** OpenSSH-format ed25519 private key authorized for `user`. */
  clientKey: string;
  /** Path of that private key (mode 0600, owned by the test process). */
  clientKeyFile: string;
  /** `ssh-ed25519 AAAA...` of the server's current host key. */
  hostPublicKey(): string;
  /** A known_hosts line for the server (hosts written as OpenSSH does: `[127.0.0.1]:port`). */
  hostKeyLine(host?: string): string;
  /** SHA256:... fingerprint of the current host key, as `ssh-keygen -l` prints it. */
  hostKeyFingerprint(): string;
  /** Temporary directory owned by root (mode 0755) standing in for the host's filesystem root. */
  root: string;
  /** Temporary directory holding the server's own files (config, keys, log). */
  dir: string;
  /** Last lines of the server log. */
  log(): string;
  /** Replaces the host key and restarts on the same port. */
  rotateHostKey(): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export function sshdAvailable(): boolean {
  return existsSync(SSHD) && process.getuid?.() === 0;
}

function run(cmd: string, args: string[], input?: string): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

/**
 * Serializes user setup between test processes: the core's lock file (holder's pid inside), so a test process
 * killed while setting the user up leaves no lock that stops every later run (a lock directory did).
 */
async function withLock<T>(name: string, fn: () => T): Promise<T> {
  const file = path.join(os.tmpdir(), `${name}.pid-lock`);
  return withLockSync(file, fn, (holder) => new Error(`timed out waiting for lock ${file} (held by process ${holder})`), 60_000);
}

/** Ensures the user exists with a known password and a password-requiring sudoers drop-in; returns the password. */
async function ensureUser(user: string, sudo: boolean): Promise<string> {
  if (!/^[a-z_][a-z0-9_-]{0,30}$/.test(user)) throw new Error(`test user name "${user}" is not a valid login name`);
  return withLock(`parc-sshd-user-${user}`, () => {
    const secretFile = path.join(os.tmpdir(), `parc-sshd-user-${user}.secret`);
    if (spawnSync('id', ['-u', user]).status !== 0) run('useradd', ['--create-home', '--shell', '/bin/bash', user]);
    let password = existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : '';
    if (!password) {
      password = `Pw-${randomBytes(12).toString('base64url')}`;
      writeFileSync(secretFile, password + '\n', { mode: 0o600 });
    }
    run('chpasswd', [], `${user}:${password}\n`);
    const dropIn = `/etc/sudoers.d/parc-test-${user}`;
    if (sudo && !existsSync(dropIn)) {
      const tmp = `${dropIn}.tmp`;
      writeFileSync(tmp, `# Parc test user (test/support/sshd.ts): sudo with a password.\n${user} ALL=(ALL:ALL) ALL\n`, { mode: 0o440 });
      run('visudo', ['-c', '-q', '-f', tmp]);
      run('mv', [tmp, dropIn]);
    }
    return password;
  });
}

function waitForBanner(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const s = net.connect(port, '127.0.0.1');
      s.once('data', (d) => {
        s.destroy();
        if (d.toString().startsWith('SSH-2.0-')) resolve();
        else retry(new Error(`unexpected banner ${JSON.stringify(d.toString())}`));
      });
      s.once('error', retry);
    };
    const retry = (err: Error) => {
      if (Date.now() > deadline) reject(err);
      else setTimeout(attempt, 50);
    };
    attempt();
  });
}

async function waitForLog(file: string, from: number, re: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file) && re.test(readFileSync(file, 'utf8').slice(from))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no "${re.source}" in ${file} within ${timeoutMs} ms`);
}

export async function startSshd(o: SshdOptions = {}): Promise<RunningSshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: run scripts/install-deps.sh (openssh-server)`);
  if (process.getuid?.() !== 0) throw new Error('startSshd needs root (sshd must switch to the test user)');
  const user = o.user ?? 'parctest';
  const password = await ensureUser(user, o.sudo ?? true);
  const uid = Number(run('id', ['-u', user]).trim());
  const gid = Number(run('id', ['-g', user]).trim());
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });

  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-sshd-'));
  chmodSync(dir, 0o755);
  const root = path.join(dir, 'root');
  mkdirSync(root, { mode: 0o755 });
  const hostKey = path.join(dir, 'ssh_host_ed25519_key');
  const newHostKey = () => {
    rmSync(hostKey, { force: true });
    rmSync(hostKey + '.pub', { force: true });
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'parc-test-host', '-f', hostKey]);
  };
  newHostKey();
  const clientKeyFile = path.join(dir, 'client_ed25519');
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'parc-test-client', '-f', clientKeyFile]);
  const authDir = path.join(dir, 'authorized');
  mkdirSync(authDir, { mode: 0o755 });
  writeFileSync(path.join(authDir, user), readFileSync(clientKeyFile + '.pub'), { mode: 0o644 });
  chownSync(path.join(authDir, user), uid, gid);

  const port = await freeTcpPort();
  const config = path.join(dir, 'sshd_config');
  const logFile = path.join(dir, 'sshd.log');
  writeFileSync(config, [
    `Port ${port}`,
    `ListenAddress ${o.listenAddress ?? '127.0.0.1'}`,
    `HostKey ${hostKey}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${authDir}/%u`,
    // The temp dir is not owned by the user the way ~/.ssh is; the permissions are still restrictive.
    'StrictModes no',
    'PubkeyAuthentication yes',
    'PasswordAuthentication yes',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    `AllowUsers ${user}`,
    'PermitRootLogin no',
    'Subsystem sftp internal-sftp',
    'LogLevel VERBOSE',
    'MaxStartups 50',
    'MaxSessions 50',
    ...(o.extraConfig ?? []),
  ].join('\n') + '\n');
  run(SSHD, ['-t', '-f', config]);

  let child: ChildProcess | undefined;
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8').trim().split('\n').slice(-8).join(' | ');
    } catch {
      return '(no log)';
    }
  };
  const launch = async () => {
    const argv = [SSHD, '-D', '-f', config, '-E', logFile];
    const logSize = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
    child = o.netns ? spawn('ip', ['netns', 'exec', o.netns, ...argv], { stdio: 'ignore' }) : spawn(argv[0], argv.slice(1), { stdio: 'ignore' });
    const c = child;
    const exited = new Promise<never>((_, reject) => c.once('exit', (code) => reject(new Error(`sshd exited with code ${code}: ${log()}`))));
    try {
      // Inside a namespace this process cannot reach the port: wait for sshd to log that it listens.
      await Promise.race([o.netns ? waitForLog(logFile, logSize, /Server listening on/, 10000) : waitForBanner(port, 10000), exited]);
    } catch (err) {
      c.kill('SIGKILL');
      throw new Error(`sshd did not start on 127.0.0.1:${port}: ${(err as Error).message}; log: ${log()}`);
    }
    exited.catch(() => undefined);
    running.add(c);
    c.once('exit', () => running.delete(c));
  };
  const halt = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000).unref();
    });
  };
  await launch();

  const hostPublicKey = () => readFileSync(hostKey + '.pub', 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
  return {
    host: o.listenAddress && o.listenAddress !== '0.0.0.0' ? o.listenAddress : '127.0.0.1',
    port,
    user,
    password,
    uid,
    gid,
    clientKey: readFileSync(clientKeyFile, 'utf8'),
    clientKeyFile,
    hostPublicKey,
    hostKeyLine: (host = '127.0.0.1') => `${port === 22 ? host : `[${host}]:${port}`} ${hostPublicKey()}`,
    hostKeyFingerprint: () => run('ssh-keygen', ['-l', '-f', hostKey + '.pub']).split(/\s+/)[1],
    root,
    dir,
    log,
    rotateHostKey: async () => {
      await halt();
      newHostKey();
      await launch();
    },
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
