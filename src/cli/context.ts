// What every CLI command needs: the inventory, credentials, state store and a logger on stderr.
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { ChainedSecretSource, EnvSecretSource, MapSecretSource, readCredentialsFile } from '../core/inventory/credentials';
import { findInventory, loadInventory, stateDirFor } from '../core/inventory/file';
import type { Inventory } from '../core/inventory/types';
import type { Logger, SecretSource } from '../core/host';
import { FileStateStore } from '../core/state/file-store';
import { UsageError } from './args';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw bytes to stdout (a file's edited content, exactly as it is to be saved). */
  outBytes?: (b: Buffer) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const INVENTORY_HELP = '--inventory FILE   parc.yaml to use (default: ./parc.yaml or the nearest one above)';

export async function resolveInventoryPath(io: CliIO, flag: string | undefined): Promise<string> {
  if (flag) return path.resolve(io.cwd, flag);
  const fromEnv = io.env.PARC_INVENTORY;
  if (fromEnv) return path.resolve(io.cwd, fromEnv);
  const found = await findInventory(io.cwd);
  if (!found) throw new UsageError('no parc.yaml here or in a parent directory; pass --inventory FILE');
  return found;
}

export async function openInventory(io: CliIO, flag: string | undefined): Promise<Inventory> {
  const file = await resolveInventoryPath(io, flag);
  const { inventory, warnings } = await loadInventory(file);
  for (const w of warnings) io.err(`warning: ${w.message}`);
  return inventory;
}

/** PARC_CRED_* variables first, then the credentials file (PARC_CREDENTIALS or ~/.config/parc/credentials), which must be 0600. */
export async function cliSecrets(io: CliIO): Promise<SecretSource> {
  const sources: SecretSource[] = [new EnvSecretSource(io.env)];
  const file = io.env.PARC_CREDENTIALS ?? path.join(io.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'parc', 'credentials');
  const exists = await fs.access(file).then(() => true, () => false);
  // Read now, not at the first device that needs a secret: a file readable by others is one error for the
  // whole run (exit 1), not a "protocol" error and a critical down event per device (issue 13).
  if (exists) sources.push(new MapSecretSource(await readCredentialsFile(file)));
  else if (io.env.PARC_CREDENTIALS) throw new UsageError(`credentials file ${file} (PARC_CREDENTIALS) does not exist`);
  return new ChainedSecretSource(sources);
}

export function stateStore(inv: Inventory, io: CliIO, flag?: string): FileStateStore {
  return new FileStateStore(stateDirFor(inv, flag ? path.resolve(io.cwd, flag) : io.env.PARC_STATE_DIR));
}

export function stderrLogger(io: CliIO, verbose: boolean): Logger {
  const at = () => new Date().toISOString();
  return {
    debug: (m) => verbose && io.err(`${at()} debug ${m}`),
    info: (m) => io.err(`${at()} info ${m}`),
    warn: (m) => io.err(`${at()} warn ${m}`),
    error: (m) => io.err(`${at()} error ${m}`),
  };
}
