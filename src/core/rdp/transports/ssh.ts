// Windows OpenSSH server through ssh2 (pure JavaScript, so it also runs in VS Code's Electron). Commands
// go to the account's default shell (cmd.exe on Windows); output comes back as raw bytes for the decoder.
import { Client, type ConnectConfig } from 'ssh2';
import { RdpError } from '../errors';
import { commandLine, type CommandResult, type WindowsCommand, type WindowsTransport } from '../transport';
import { verifyHostKey, type TrustOnFirstUse } from './known-hosts';

export interface SshTransportOptions {
  host: string;
  port: number;
  user: string;
  /** One of: private key text, agent socket path, password. Tried in that order by ssh2. */
  privateKey?: string | Buffer;
  passphrase?: string;
  agent?: string;
  password?: string;
  knownHostsFile: string;
  /** Asked for an unknown host key; without it unknown hosts are refused. */
  trust?: TrustOnFirstUse;
  timeoutMs?: number;
}

export class SshTransport implements WindowsTransport {
  readonly description: string;
  private client?: Promise<Client>;

  constructor(private readonly o: SshTransportOptions) {
    this.description = `ssh ${o.user}@${o.host}:${o.port}`;
  }

  private connect(): Promise<Client> {
    this.client ??= new Promise<Client>((resolve, reject) => {
      const c = new Client();
      let hostKeyProblem: string | undefined;
      const cfg: ConnectConfig = {
        host: this.o.host,
        port: this.o.port,
        username: this.o.user,
        privateKey: this.o.privateKey,
        passphrase: this.o.passphrase,
        agent: this.o.agent,
        password: this.o.password,
        readyTimeout: this.o.timeoutMs ?? 20_000,
        keepaliveInterval: 15_000,
        hostVerifier: (key: Buffer, verify: (ok: boolean) => void) => {
          verifyHostKey(this.o.knownHostsFile, this.o.host, this.o.port, key, this.o.trust).then(
            (v) => {
              if (!v.ok) hostKeyProblem = v.reason;
              verify(v.ok);
            },
            (e: Error) => {
              hostKeyProblem = `cannot check the host key: ${e.message}`;
              verify(false);
            },
          );
        },
      };
      c.once('ready', () => resolve(c));
      c.once('error', (e: Error & { level?: string }) => {
        this.client = undefined;
        const why = hostKeyProblem ?? (e.level === 'client-authentication' ? 'authentication failed (key, agent and password refused)' : e.message);
        reject(new RdpError(`${this.description}: ${why}`));
      });
      c.once('close', () => {
        this.client = undefined;
      });
      c.connect(cfg);
    });
    return this.client;
  }

  async run(command: WindowsCommand, signal?: AbortSignal): Promise<CommandResult> {
    const c = await this.connect();
    const line = commandLine(command);
    return new Promise((resolve, reject) => {
      c.exec(line, (err, stream) => {
        if (err) return reject(new RdpError(`${this.description}: cannot run ${command[0]}: ${err.message}`));
        const out: Buffer[] = [];
        const errOut: Buffer[] = [];
        let exitCode: number | undefined;
        const onAbort = () => stream.close();
        signal?.addEventListener('abort', onAbort, { once: true });
        stream.on('data', (b: Buffer) => out.push(b));
        stream.stderr.on('data', (b: Buffer) => errOut.push(b));
        stream.on('exit', (code: number | null) => {
          exitCode = code ?? 255;
        });
        stream.on('close', () => {
          signal?.removeEventListener('abort', onAbort);
          if (signal?.aborted) return reject(new RdpError(`${this.description}: ${command[0]} aborted`));
          resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(errOut), exitCode: exitCode ?? 255 });
        });
      });
    });
  }

  async close(): Promise<void> {
    const p = this.client;
    this.client = undefined;
    const c = await p?.catch(() => undefined);
    c?.end();
  }
}
