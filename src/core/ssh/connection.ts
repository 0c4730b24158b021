// One SSH connection (ssh2, pure JavaScript so it runs inside VS Code's Electron): host key checked against
// known_hosts, TCP_NODELAY (an exec round trip drops from ~47 ms to under 3 ms), keepalives, commands with or
// without sudo, and one shared SFTP channel. Secrets (password, sudo password, key passphrase) never appear in
// a command line, a log line or an error message.
import * as net from 'node:net';
import { Client, type ClientChannel, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import { redact, silentLogger, type Logger } from '../host';
import { fingerprintOf, type KnownHosts, type TrustCallback } from './known-hosts';
import { shq, type CommandRunner, type ExecOptions, type ExecResult } from './runner';

export interface SshTarget {
  host: string;
  port: number;
  user: string;
  /** OpenSSH/PEM private key text. */
  privateKey?: string | Buffer;
  passphrase?: string;
  password?: string;
  /** Path of an ssh-agent socket (SSH_AUTH_SOCK). */
  agent?: string;
  /** Password given to `sudo -S` when a command runs with `sudo: true` (often the login password). */
  sudoPassword?: string;
}

export interface SshConnectOptions {
  knownHosts: KnownHosts;
  trust?: TrustCallback;
  logger?: Logger;
  keepaliveMs?: number;
  timeoutMs?: number;
  /** TCP_NODELAY on the socket (default true); false only to measure what it saves. */
  noDelay?: boolean;
}

export class SshError extends Error {
  constructor(readonly kind: 'connect' | 'auth' | 'hostkey' | 'sudo' | 'timeout' | 'closed' | 'exec', message: string) {
    super(message);
    this.name = 'SshError';
  }
}

const SUDO_PROMPT = 'PARC_SUDO_PROMPT:';
const SUDO_READY = 'PARC_SUDO_READY';

export class SshConnection implements CommandRunner {
  private sftpChannel?: Promise<SFTPWrapper>;
  private isClosed = false;
  private readonly closeListeners: (() => void)[] = [];
  /** Rejects when the connection closes. */
  private readonly closedSignal: Promise<never>;

  private constructor(
    private readonly client: Client,
    readonly target: SshTarget,
    private readonly logger: Logger,
    readonly socket: net.Socket,
    /** SHA256 fingerprint of the host key verified for this connection. */
    readonly hostKeyFingerprint: string,
  ) {
    client.on('close', () => {
      this.isClosed = true;
      for (const l of this.closeListeners.splice(0)) l();
    });
    this.closedSignal = new Promise<never>((_, reject) => this.onClose(() => reject(new SshError('closed', `${this.label}: the connection was lost`))));
    this.closedSignal.catch(() => undefined);
    client.on('error', (err) => this.logger.debug(`ssh ${this.label}: ${this.clean(err.message)}`));
  }

  get label(): string {
    return `${this.target.user}@${this.target.host}:${this.target.port}`;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  onClose(fn: () => void): void {
    if (this.isClosed) fn();
    else this.closeListeners.push(fn);
  }

  /**
   * `p`, or SshError('closed') when the connection goes first: ssh2 never calls back an SFTP request whose
   * connection dropped (a save would hang for ever).
   */
  guard<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.closedSignal]);
  }

  /** Removes every secret of this target from a text. */
  clean(text: string): string {
    return redact(text, [this.target.password, this.target.sudoPassword, this.target.passphrase].filter((s): s is string => !!s));
  }

  static async connect(target: SshTarget, options: SshConnectOptions): Promise<SshConnection> {
    const logger = options.logger ?? silentLogger;
    const timeoutMs = options.timeoutMs ?? 20000;
    const label = `${target.user}@${target.host}:${target.port}`;
    const secrets = [target.password, target.sudoPassword, target.passphrase].filter((s): s is string => !!s);
    const socket = await openSocket(target.host, target.port, timeoutMs);
    socket.setNoDelay(options.noDelay ?? true);
    const client = new Client();
    let hostKeyError: Error | undefined;
    let fingerprint = '';
    const config: ConnectConfig = {
      sock: socket,
      username: target.user,
      privateKey: target.privateKey,
      passphrase: target.passphrase,
      password: target.password,
      agent: target.agent,
      keepaliveInterval: options.keepaliveMs ?? 15000,
      keepaliveCountMax: 3,
      readyTimeout: timeoutMs,
      tryKeyboard: false,
      hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
        fingerprint = fingerprintOf(key);
        options.knownHosts.verify(target.host, target.port, key, options.trust).then(
          () => verify(true),
          (err: Error) => {
            hostKeyError = err;
            verify(false);
          },
        );
        return undefined as unknown as boolean;
      },
    };
    return new Promise<SshConnection>((resolve, reject) => {
      let settled = false;
      const fail = (err: Error) => {
        if (settled) return;
        settled = true;
        client.end();
        socket.destroy();
        if (hostKeyError) return reject(new SshError('hostkey', hostKeyError.message));
        const msg = redact(err.message, secrets);
        const level = (err as Error & { level?: string }).level;
        if (level === 'client-authentication') return reject(new SshError('auth', `${label}: authentication failed (${describeAuth(target)} rejected)`));
        if (level === 'client-timeout') return reject(new SshError('timeout', `${label}: no SSH handshake within ${timeoutMs} ms`));
        reject(new SshError('connect', `${label}: ${msg}`));
      };
      client.once('ready', () => {
        settled = true;
        logger.debug(`ssh ${label}: connected`);
        resolve(new SshConnection(client, target, logger, socket, fingerprint));
      });
      client.once('error', fail);
      client.once('close', () => fail(new Error('connection closed during setup')));
      try {
        client.connect(config);
      } catch (err) {
        fail(err as Error);
      }
    });
  }

  /** Runs a command through the login shell; with `sudo`, through `sudo -S` unless the login is root. */
  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const viaSudo = !!options.sudo && this.target.user !== 'root';
    const line = viaSudo ? `sudo -S -k -p ${shq(SUDO_PROMPT)} -- sh -c ${shq(`echo ${SUDO_READY} >&2\n${command}`)}` : command;
    this.logger.debug(`ssh ${this.label}: ${viaSudo ? 'sudo ' : ''}${this.clean(command.length > 300 ? command.slice(0, 300) + '…' : command)}`);
    return new Promise((resolve, reject) => {
      if (this.isClosed) return reject(new SshError('closed', `${this.label}: connection is closed`));
      this.client.exec(line, (err, stream) => {
        if (err) return reject(new SshError('exec', `${this.label}: ${this.clean(err.message)}`));
        this.drive(stream, viaSudo, options).then(resolve, reject);
      });
    });
  }

  private drive(stream: ClientChannel, viaSudo: boolean, options: ExecOptions): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      let ready = !viaSudo;
      let prompts = 0;
      let failed: Error | undefined;
      const timer = options.timeoutMs ? setTimeout(() => {
        failed = new SshError('timeout', `${this.label}: command did not finish within ${options.timeoutMs} ms`);
        stream.close();
      }, options.timeoutMs) : undefined;
      const sendInput = () => {
        if (options.stdin !== undefined) stream.write(options.stdin);
        stream.end();
      };
      if (ready) sendInput();
      stream.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      stream.stderr.on('data', (d: Buffer) => {
        if (ready) {
          stderr += d.toString('utf8');
          return;
        }
        stderr += d.toString('utf8');
        if (stderr.includes(SUDO_PROMPT)) {
          stderr = stderr.split(SUDO_PROMPT).join('');
          prompts++;
          if (!this.target.sudoPassword) {
            failed = new SshError('sudo', `${this.label}: sudo asks for a password and none is configured (set sudoCredential, or credential for password logins)`);
            stream.close();
          } else if (prompts > 1) {
            failed = new SshError('sudo', `${this.label}: sudo rejected the password of ${this.target.user}`);
            stream.close();
          } else stream.write(this.target.sudoPassword + '\n');
        }
        const at = stderr.indexOf(SUDO_READY + '\n');
        if (at >= 0) {
          ready = true;
          stderr = stderr.slice(0, at) + stderr.slice(at + SUDO_READY.length + 1);
          stderr = stderr.replace(/^Sorry, try again\.\n/gm, '');
          sendInput();
        }
      });
      stream.on('close', (code: number | null, signal?: string) => {
        if (timer) clearTimeout(timer);
        if (failed) return reject(failed);
        if (viaSudo && !ready) {
          const why = this.clean(stderr.trim()) || `exit code ${code}`;
          return reject(new SshError('sudo', `${this.label}: sudo did not run the command: ${why}`));
        }
        resolve({ code: code ?? null, signal: signal ?? undefined, stdout: this.clean(stdout), stderr: this.clean(stderr) });
      });
    });
  }

  /** The connection's SFTP channel, opened once and reused. */
  sftp(): Promise<SFTPWrapper> {
    this.sftpChannel ??= new Promise<SFTPWrapper>((resolve, reject) => {
      this.client.sftp((err, sftp) => {
        if (err) {
          this.sftpChannel = undefined;
          return reject(new SshError('exec', `${this.label}: SFTP is not available: ${err.message}`));
        }
        sftp.on('close', () => (this.sftpChannel = undefined));
        resolve(sftp);
      });
    });
    return this.sftpChannel;
  }

  close(): void {
    this.client.end();
  }
}

function describeAuth(t: SshTarget): string {
  const ways = [t.privateKey ? 'key' : '', t.agent ? 'agent' : '', t.password ? 'password' : ''].filter(Boolean);
  return ways.length ? ways.join(', ') : 'no credentials given';
}

function openSocket(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port });
    const t = setTimeout(() => {
      s.destroy();
      reject(new SshError('timeout', `${host}:${port}: TCP connection not established within ${timeoutMs} ms`));
    }, timeoutMs);
    s.once('connect', () => {
      clearTimeout(t);
      resolve(s);
    });
    s.once('error', (err) => {
      clearTimeout(t);
      reject(new SshError('connect', `${host}:${port}: ${err.message}`));
    });
  });
}
