// Credentials for the CLI: PARC_CRED_<NAME> environment variables, or a credentials file that only its owner can read.
import { promises as fs } from 'node:fs';
import type { SecretSource } from '../host';

export function credentialEnvName(name: string): string {
  return `PARC_CRED_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export class EnvSecretSource implements SecretSource {
  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}
  async get(name: string): Promise<string | undefined> {
    const v = this.env[credentialEnvName(name)];
    return v === undefined || v === '' ? undefined : v;
  }
}

/**
 * A credentials file: one `name = secret` (or `name: secret`) a line, `#` comments.
 * Refused unless its mode is 0600 or stricter, as ssh does for private keys.
 */
export class FileSecretSource implements SecretSource {
  private cache?: Map<string, string>;
  constructor(private readonly file: string) {}

  async get(name: string): Promise<string | undefined> {
    this.cache ??= await readCredentialsFile(this.file);
    return this.cache.get(name);
  }
}

export async function readCredentialsFile(file: string): Promise<Map<string, string>> {
  const st = await fs.stat(file);
  if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
    throw new Error(`credentials file ${file} is readable by others (mode ${(st.mode & 0o777).toString(8)}); run: chmod 600 ${file}`);
  }
  const out = new Map<string, string>();
  const lines = (await fs.readFile(file, 'utf8')).split(/\r?\n/);
  lines.forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(t);
    if (!m) throw new Error(`${file}:${i + 1}: expected "name = secret"`);
    out.set(m[1], m[2]);
  });
  return out;
}

/** Secrets already read (e.g. a credentials file checked at start-up). */
export class MapSecretSource implements SecretSource {
  constructor(private readonly map: ReadonlyMap<string, string>) {}
  async get(name: string): Promise<string | undefined> {
    return this.map.get(name);
  }
}

/** Tries each source in order (e.g. SecretStorage, then environment). */
export class ChainedSecretSource implements SecretSource {
  constructor(private readonly sources: SecretSource[]) {}
  async get(name: string): Promise<string | undefined> {
    for (const s of this.sources) {
      const v = await s.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}
