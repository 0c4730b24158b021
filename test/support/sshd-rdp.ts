// A real Debian OpenSSH server for the RDP transport tests: 127.0.0.1, random high port, host key,
// config and authorized_keys in a temporary directory; its PATH starts with a directory of stand-in
// Windows programs (see rdp-standin.ts). Logs in as the user running the tests, by key only.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeTcpPort } from './ports';

export const SSHD_BIN = process.env.PARC_SSHD ?? '/usr/sbin/sshd';

export interface RdpSshd {
  port: number;
  user: string;
  dir: string;
  clientKeyFile: string;
  clientKey: Buffer;
  /** `ssh-ed25519 AAAA...` of the current host key. */
  hostPublicKey(): string;
  /** Replaces the host key and restarts on the same port. */
  rotateHostKey(): Promise<void>;
  log(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** Why sshd cannot be used here, or undefined when it can. */
export function sshdUnavailable(): string | undefined {
  if (!existsSync(SSHD_BIN)) return `${SSHD_BIN} is not installed (openssh-server)`;
  if (process.getuid?.() !== 0) return 'sshd needs root to start (privilege separation)';
  return undefined;
}

function keygen(file: string): void {
  rmSync(file, { force: true });
  rmSync(`${file}.pub`, { force: true });
  const r = spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'parc-rdp-test', '-f', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ssh-keygen failed: ${r.stderr}`);
}

function waitForBanner(port: number, child: ChildProcess, log: () => string, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`sshd exited with code ${child.exitCode}: ${log()}`));
      const s = net.connect(port, '127.0.0.1');
      s.once('data', (d) => {
        s.destroy();
        if (d.toString().startsWith('SSH-2.0-')) resolve();
        else retry();
      });
      s.once('error', () => retry());
    };
    const retry = () => (Date.now() > deadline ? reject(new Error(`sshd did not answer on 127.0.0.1:${port}: ${log()}`)) : setTimeout(attempt, 100));
    attempt();
  });
}

export async function startRdpSshd(o: { standinBin: string }): Promise<RdpSshd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-rdp-sshd-'));
  const port = await freeTcpPort();
  const user = os.userInfo().username;
  const hostKey = path.join(dir, 'host_ed25519');
  const clientKeyFile = path.join(dir, 'client_ed25519');
  keygen(hostKey);
  keygen(clientKeyFile);
  writeFileSync(path.join(dir, 'authorized_keys'), readFileSync(`${clientKeyFile}.pub`), { mode: 0o600 });
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const cfg = path.join(dir, 'sshd_config');
  writeFileSync(cfg, [
    `ListenAddress 127.0.0.1`,
    `Port ${port}`,
    `HostKey ${hostKey}`,
    `PidFile ${path.join(dir, 'sshd.pid')}`,
    `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
    `PermitRootLogin prohibit-password`,
    `PasswordAuthentication no`,
    `KbdInteractiveAuthentication no`,
    `UsePAM no`,
    `StrictModes no`,
    `AllowUsers ${user}`,
    // The stand-in Windows programs come first on the session's PATH.
    `SetEnv PATH=${o.standinBin}:/usr/local/bin:/usr/bin:/bin`,
    `LogLevel VERBOSE`,
  ].join('\n') + '\n');
  const logFile = path.join(dir, 'sshd.log');
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8').trim().split('\n').slice(-8).join(' | ');
    } catch {
      return '(no log)';
    }
  };
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(SSHD_BIN, ['-D', '-e', '-f', cfg, '-E', logFile], { stdio: 'ignore' });
    running.add(child);
    const c = child;
    c.once('exit', () => running.delete(c));
    await waitForBanner(port, c, log);
  };
  const halt = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((res) => {
      c.once('exit', () => res());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000).unref();
    });
  };
  await launch();
  return {
    port, user, dir, clientKeyFile,
    clientKey: readFileSync(clientKeyFile),
    hostPublicKey: () => readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' '),
    rotateHostKey: async () => {
      await halt();
      keygen(hostKey);
      await launch();
    },
    log,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
