import type { CliIO } from '../context';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. */
  run(argv: string[], io: CliIO, signal: AbortSignal): Promise<number>;
}
