// Running a command somewhere (over SSH, or locally for the CLI's own checks): the one capability the
// netplan and snmpd.conf code needs, so it works the same against a remote host and in tests.

export interface ExecResult {
  /** Exit code; null when the command was killed by a signal. */
  code: number | null;
  signal?: string;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  stdin?: string | Buffer;
  timeoutMs?: number;
  /** Run through sudo (with the host's sudo password when one is configured). */
  sudo?: boolean;
}

export interface CommandRunner {
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
}

/** Quotes a value for a POSIX shell command line. */
export function shq(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
