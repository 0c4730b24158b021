// The audit log: one JSON line per action (or dry-run decision) in the state directory.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface AuditEntry {
  at: string;
  /** Who ran it: the OS user running Parc. */
  actor: string;
  host: string;
  user: string;
  sessionId: number;
  action: 'logoff' | 'disconnect' | 'message';
  outcome: 'done' | 'skipped' | 'failed' | 'dry-run';
  /** Why the action was taken (policy or operator request) and, when skipped or failed, why. */
  reason: string;
}

export const AUDIT_FILE = 'rdp-audit.jsonl';

export function currentActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export class AuditLog {
  readonly file: string;
  constructor(stateDir: string) {
    this.file = path.join(stateDir, AUDIT_FILE);
  }

  async append(entry: AuditEntry): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    // One write of one line with O_APPEND: concurrent writers never interleave within a line.
    await fs.appendFile(this.file, JSON.stringify(entry) + '\n', { encoding: 'utf8', mode: 0o600 });
  }

  async read(): Promise<AuditEntry[]> {
    const text = await fs.readFile(this.file, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? '' : Promise.reject(e)));
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as AuditEntry);
  }
}
