// parc — the headless CLI. Thin: argument handling and output; the work is in src/core.
import { InputErrors } from '../core/errors';
import { safeText } from '../core/sanitize';
import { UsageError } from './args';
import { commands } from './commands/index';
import type { CliIO } from './context';

const VERSION = '0.1.0';

function help(): string {
  return [
    'parc — run an IT estate from the editor or the shell',
    '',
    'Usage: parc <command> [options]    (parc <command> --help for details)',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    '',
    'Credentials: PARC_CRED_<NAME> environment variables, or a 0600 file at $PARC_CREDENTIALS',
    '(default ~/.config/parc/credentials) with one "name = secret" per line.',
  ].join('\n');
}

export async function main(argv: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 1;
  }
  if (name === '--version') {
    io.out(VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`parc: unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io, signal);
  } catch (err) {
    if (err instanceof UsageError) io.err(`parc ${name}: ${err.message}\n\nUsage: ${command.usage}`);
    else if (err instanceof InputErrors) io.err(err.message);
    else io.err(`parc ${name}: ${(err as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  const controller = new AbortController();
  // First signal: stop cleanly (commands watch the AbortSignal); a second one: stop now.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (controller.signal.aborted) process.exit(130);
      controller.abort();
    });
  }
  // `parc ... | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  // Everything the CLI prints goes through safeText: a host's or a file's control characters cannot reach the terminal.
  const io: CliIO = { out: (s) => process.stdout.write(safeText(s) + '\n'), err: (s) => process.stderr.write(safeText(s) + '\n'), outBytes: (b) => process.stdout.write(b), env: process.env, cwd: process.cwd() };
  main(process.argv.slice(2), io, controller.signal).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`parc: ${(err as Error).stack ?? err}\n`);
      process.exitCode = 1;
    },
  );
}
