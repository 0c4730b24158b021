// Runs quser/logoff/... on this machine (a Windows workstation) against a server: `quser /server:HOST`.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { RdpError } from '../errors';
import type { CommandResult, WindowsCommand, WindowsTransport } from '../transport';

export interface LocalOptions {
  /** Target server; omitted (or "localhost") runs against this machine. */
  server?: string;
  /** Where the programs are (default: PATH). */
  programDir?: string;
  timeoutMs?: number;
}

// How each program is pointed at another machine (tasklist has its own switch; chcp is local only).
const SERVER_ARG: Record<string, ((host: string) => string[]) | undefined> = {
  quser: (h) => [`/server:${h}`], qwinsta: (h) => [`/server:${h}`], logoff: (h) => [`/server:${h}`], tsdiscon: (h) => [`/server:${h}`], msg: (h) => [`/server:${h}`],
  tasklist: (h) => ['/S', h], chcp: undefined, net: undefined,
};

export class LocalTransport implements WindowsTransport {
  readonly description: string;
  constructor(private readonly o: LocalOptions = {}) {
    this.description = `local${o.server ? ` /server:${o.server}` : ''}`;
  }

  run([program, ...args]: WindowsCommand, signal?: AbortSignal): Promise<CommandResult> {
    if (program === 'net' && args[0] === 'localgroup' && this.o.server && !/^(localhost|\.|127\.0\.0\.1)$/i.test(this.o.server)) {
      // net localgroup has no /server switch: it would answer for this workstation, not the target.
      return Promise.reject(new RdpError(`local groups of ${this.o.server} cannot be read through the local transport; name a domain group (DOMAIN\\Group) or use ssh/winrm`));
    }
    const argv = [...args];
    const remote = SERVER_ARG[program];
    if (this.o.server && !/^(localhost|\.|127\.0\.0\.1)$/i.test(this.o.server) && remote) argv.push(...remote(this.o.server));
    const exe = this.o.programDir ? path.join(this.o.programDir, program) : program;
    return new Promise((resolve, reject) => {
      // chcp is a cmd.exe built-in on Windows; everything else is an .exe run without a shell.
      const child = program === 'chcp' && process.platform === 'win32'
        ? spawn('cmd.exe', ['/d', '/c', 'chcp'], { windowsHide: true, signal })
        : spawn(exe, argv, { windowsHide: true, signal, shell: false });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      const timer = setTimeout(() => child.kill(), this.o.timeoutMs ?? 60_000);
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new RdpError(`cannot run ${program}: ${e.message}`));
      });
      child.on('close', (code, sig) => {
        clearTimeout(timer);
        resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), exitCode: code ?? (sig ? 128 : 1) });
      });
    });
  }

  async close(): Promise<void> {}
}
