// WinRM transport: a WS-Management cmd shell over HTTPS (Basic or NTLM) or HTTP (NTLM, sealed).
import { RdpError } from '../errors';
import { commandLine, type CommandResult, type WindowsCommand, type WindowsTransport } from '../transport';
import { WsmanHttp } from '../wsman/http';
import { WinrmShell } from '../wsman/shell';

export interface WinrmTransportOptions {
  host: string;
  port: number;
  tls: boolean;
  auth: 'ntlm' | 'basic';
  user: string;
  password: string;
  /** Asked of the shell (WINRS_CODEPAGE); 65001 (UTF-8) unless the inventory says otherwise. */
  codepage?: number;
  ca?: string | Buffer;
  timeoutMs?: number;
}

export class WinrmTransport implements WindowsTransport {
  readonly description: string;
  private readonly http: WsmanHttp;
  private readonly shell: WinrmShell;

  constructor(o: WinrmTransportOptions) {
    const url = `${o.tls ? 'https' : 'http'}://${o.host.includes(':') ? `[${o.host}]` : o.host}:${o.port}/wsman`;
    this.description = `winrm ${o.user}@${o.host}:${o.port}${o.tls ? ' (https)' : ' (http, encrypted)'}`;
    this.http = new WsmanHttp({ url, auth: o.auth, credentials: { user: o.user, password: o.password }, ca: o.ca, timeoutMs: o.timeoutMs });
    this.shell = new WinrmShell(this.http, url, o.codepage ?? 65001);
  }

  knownCodepage(): number {
    return this.shell.codepage;
  }

  async run(command: WindowsCommand, signal?: AbortSignal): Promise<CommandResult> {
    try {
      return await this.shell.run(commandLine(command), signal);
    } catch (e) {
      if (e instanceof RdpError) throw e;
      throw new RdpError(`${this.description}: ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    try {
      await this.shell.close();
    } finally {
      this.http.close();
    }
  }
}
