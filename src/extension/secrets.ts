// Credentials for the extension: VS Code's SecretStorage first, then what the CLI reads: the
// PARC_CRED_<NAME> environment variables (dev containers, CI) and the credentials file (PARC_CREDENTIALS,
// else ~/.config/parc/credentials when it exists). Every value handed out is remembered so logs can redact it.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { SecretSource } from '../core/host';
import { ChainedSecretSource, EnvSecretSource, FileSecretSource } from '../core/inventory/credentials';

const KEY_PREFIX = 'parc.credential.';

export class SecretStorageSource implements SecretSource {
  constructor(private readonly storage: vscode.SecretStorage) {}
  async get(name: string): Promise<string | undefined> {
    return (await this.storage.get(KEY_PREFIX + name)) || undefined;
  }
  store(name: string, value: string): Thenable<void> {
    return this.storage.store(KEY_PREFIX + name, value);
  }
  delete(name: string): Thenable<void> {
    return this.storage.delete(KEY_PREFIX + name);
  }
}

export class ExtensionSecrets implements SecretSource {
  readonly storage: SecretStorageSource;
  private readonly chain: SecretSource;
  private readonly seen = new Set<string>();

  constructor(storage: vscode.SecretStorage, env: NodeJS.ProcessEnv = process.env) {
    this.storage = new SecretStorageSource(storage);
    const sources: SecretSource[] = [this.storage, new EnvSecretSource(env)];
    const file = env.PARC_CREDENTIALS ?? path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'parc', 'credentials');
    if (env.PARC_CREDENTIALS || existsSync(file)) sources.push(new FileSecretSource(file));
    this.chain = new ChainedSecretSource(sources);
  }

  async get(name: string): Promise<string | undefined> {
    const v = await this.chain.get(name);
    if (v) this.seen.add(v);
    return v;
  }

  async set(name: string, value: string): Promise<void> {
    this.seen.add(value);
    await this.storage.store(name, value);
  }

  /** Values to redact from anything logged or shown. */
  known(): Iterable<string> {
    return this.seen;
  }
}
