// Services the core needs from whoever hosts it (the VS Code extension or the CLI).
// Handed in explicitly so the core stays free of `vscode` and is testable with real values.

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface Clock {
  now(): number; // epoch milliseconds
  setTimeout(fn: () => void, ms: number): { cancel(): void };
}

/** Resolves a credential name (as written in parc.yaml) to its secret, or undefined when none is stored. */
export interface SecretSource {
  get(name: string): Promise<string | undefined>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const handle = setTimeout(fn, ms);
    return { cancel: () => clearTimeout(handle) };
  },
};

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Removes known secret values from a message before it is logged or shown. */
export function redact(message: string, secrets: Iterable<string>): string {
  let out = message;
  for (const s of secrets) {
    if (s && s.length >= 3) out = out.split(s).join('***');
  }
  return out;
}
