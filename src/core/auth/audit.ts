// The server's audit log: one JSON line per login, logout and action, with the user's name and address, in
// <state>/server/audit.jsonl (0600). Never a password or a token: entries hold names, ids and outcomes.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ensureServerDir, serverDir } from './files';

export interface ServerAuditEntry {
  at: string;
  user: string;
  role?: string;
  address?: string;
  /** login, logout, ack, mute, unmute, poll, session-logoff, janitor-run… */
  action: string;
  target?: string;
  outcome: 'ok' | 'refused' | 'failed';
  detail?: string;
}

export class ServerAudit {
  readonly file: string;
  constructor(private readonly stateDir: string) {
    this.file = path.join(serverDir(stateDir), 'audit.jsonl');
  }

  async append(e: ServerAuditEntry): Promise<void> {
    await ensureServerDir(this.stateDir);
    await fs.appendFile(this.file, JSON.stringify(e) + '\n', { encoding: 'utf8', mode: 0o600 });
  }

  async read(): Promise<ServerAuditEntry[]> {
    const text = await fs.readFile(this.file, 'utf8').catch(() => '');
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ServerAuditEntry);
  }
}
