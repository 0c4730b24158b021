// A WinRM remote cmd shell: Create once, then Command → Receive… → Signal(terminate) per command,
// Delete at the end.
import { ACTION, commandBody, createShellBody, envelope, receiveBody, signalBody } from './envelope';
import { parseCommandId, parseReceive, parseShellId, relatesTo, TIMEOUT_FAULT, WsmanError } from './parse';

export interface Poster {
  post(xml: string): Promise<string>;
}

export interface ShellResult {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number;
}

export class WinrmShell {
  private shellId?: string;
  constructor(
    private readonly http: Poster,
    private readonly url: string,
    /** WINRS_CODEPAGE: the OEM code page console programs write in. */
    readonly codepage: number,
    private readonly timeoutSeconds = 60,
  ) {}

  private async call(action: string, body: string, shellId?: string, options?: Record<string, string>): Promise<string> {
    const { xml, messageId } = envelope({ action, url: this.url, shellId, body, options, timeoutSeconds: this.timeoutSeconds });
    const reply = await this.http.post(xml);
    const rel = relatesTo(reply);
    if (rel && rel !== messageId) throw new WsmanError(`response relates to ${rel}, not to the request ${messageId}`);
    return reply;
  }

  async open(): Promise<string> {
    this.shellId ??= parseShellId(await this.call(ACTION.create, createShellBody(), undefined, { WINRS_NOPROFILE: 'TRUE', WINRS_CODEPAGE: String(this.codepage) }));
    return this.shellId;
  }

  async run(commandLine: string, signal?: AbortSignal): Promise<ShellResult> {
    const shellId = await this.open();
    const commandId = parseCommandId(await this.call(ACTION.command, commandBody(commandLine), shellId, { WINRS_CONSOLEMODE_STDIN: 'TRUE', WINRS_SKIP_CMD_SHELL: 'FALSE' }));
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let exitCode: number | undefined;
    try {
      for (;;) {
        if (signal?.aborted) throw new WsmanError('aborted');
        let xml: string;
        try {
          xml = await this.call(ACTION.receive, receiveBody(commandId), shellId);
        } catch (e) {
          // A Receive that waited OperationTimeout without output: ask again.
          if (e instanceof WsmanError && e.code === TIMEOUT_FAULT) continue;
          throw e;
        }
        const chunk = parseReceive(xml, commandId);
        stdout.push(...chunk.stdout);
        stderr.push(...chunk.stderr);
        if (chunk.done) {
          exitCode = chunk.exitCode ?? 0;
          break;
        }
      }
    } finally {
      await this.call(ACTION.signal, signalBody(commandId), shellId).catch(() => undefined);
    }
    return { stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), exitCode };
  }

  async close(): Promise<void> {
    if (!this.shellId) return;
    const id = this.shellId;
    this.shellId = undefined;
    await this.call(ACTION.delete, '', id);
  }
}
