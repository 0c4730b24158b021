// One interface for every way of reaching a Windows host: run a command, get bytes and an exit code.

export interface CommandResult {
  stdout: Buffer;
  stderr: Buffer;
  exitCode: number;
}

/** A Windows console program and its arguments, e.g. ['logoff', '3']. Quoted by each transport. */
export type WindowsCommand = [program: 'quser' | 'qwinsta' | 'logoff' | 'tsdiscon' | 'msg' | 'chcp' | 'tasklist' | 'net', ...args: string[]];

export interface WindowsTransport {
  /** For messages: "ssh admin@rds01:22". Never holds a secret. */
  readonly description: string;
  run(command: WindowsCommand, signal?: AbortSignal): Promise<CommandResult>;
  /** The OEM code page output arrives in, when the transport knows it without asking (WinRM shell option). */
  knownCodepage?(): number | undefined;
  close(): Promise<void>;
}

/** Text safe inside a double-quoted cmd.exe argument: no quotes, no % expansion, no control characters. */
export function cmdQuote(arg: string): string {
  if (/^[A-Za-z0-9_.:/\\-]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\x00-\x1f"%!^]/g, ' ')}"`;
}

/** The command line a remote cmd.exe (OpenSSH default shell, WinRM cmd shell) runs. */
export function commandLine(command: WindowsCommand): string {
  return command.map(cmdQuote).join(' ');
}
