// A host's files as an editor sees them (stat, list, read, save), on top of RemoteFiles: every save is the
// atomic, backed-up write, and is refused when the file changed on the host since the editor read it.
// Kept free of `vscode` so the VS Code FileSystemProvider is a thin adapter and this part is tested against sshd.
import type { SshConnection } from './connection';
import { hostPath, type LinuxHost } from './linux-hosts';
import { RemoteFiles, type RemoteSnapshot, type WriteResult } from './remote-file';
import { shq } from './runner';
import { own } from '../lookup';

export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface RemoteStat {
  type: EntryType;
  size: number;
  mtimeMs: number;
  mode: number;
}

export class RemoteNotFound extends Error {
  constructor(readonly path: string) {
    super(`${path}: no such file or directory`);
    this.name = 'RemoteNotFound';
  }
}

export interface HostSession {
  host: LinuxHost;
  conn: SshConnection;
}

const TYPES: Record<string, EntryType> = { f: 'file', d: 'directory', l: 'symlink' };

export class RemoteFileSystem {
  /** What each open file looked like when read: the base a save is checked against. */
  private readonly snapshots = new Map<string, RemoteSnapshot>();

  constructor(private readonly session: (hostName: string) => Promise<HostSession>) {}

  private key(hostName: string, p: string): string {
    return `${hostName.toLowerCase()}:${p}`;
  }

  private async files(hostName: string): Promise<{ s: HostSession; files: RemoteFiles }> {
    const s = await this.session(hostName);
    return { s, files: new RemoteFiles(s.conn, s.host.sudo) };
  }

  async stat(hostName: string, p: string): Promise<RemoteStat> {
    const s = await this.session(hostName);
    const full = hostPath(s.host, p);
    // find -printf gives type, size, mtime and mode in one call, with or without sudo.
    const r = await s.conn.exec(`find ${shq(full)} -maxdepth 0 -printf '%y %s %T@ %m\\n'`, { sudo: s.host.sudo, timeoutMs: 20000 });
    if (r.code !== 0) {
      if (/No such file/.test(r.stderr)) throw new RemoteNotFound(p);
      throw new Error(`stat ${p} on ${hostName}: ${r.stderr.trim()}`);
    }
    const [t, size, mtime, mode] = r.stdout.trim().split(' ');
    return { type: own(TYPES, t) ?? 'other', size: Number(size), mtimeMs: Math.round(Number(mtime) * 1000), mode: parseInt(mode, 8) };
  }

  async readDirectory(hostName: string, p: string): Promise<[string, EntryType][]> {
    const s = await this.session(hostName);
    const full = hostPath(s.host, p);
    const r = await s.conn.exec(`find ${shq(full)} -mindepth 1 -maxdepth 1 -printf '%y %f\\n'`, { sudo: s.host.sudo, timeoutMs: 20000 });
    if (r.code !== 0) {
      if (/No such file/.test(r.stderr)) throw new RemoteNotFound(p);
      throw new Error(`list ${p} on ${hostName}: ${r.stderr.trim()}`);
    }
    return r.stdout.split('\n').filter(Boolean).map((l) => [l.slice(2), own(TYPES, l[0]) ?? 'other'] as [string, EntryType]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  async readFile(hostName: string, p: string): Promise<Buffer> {
    const { s, files } = await this.files(hostName);
    const snap = await files.read(hostPath(s.host, p));
    if (!snap.exists) throw new RemoteNotFound(p);
    this.snapshots.set(this.key(hostName, p), snap);
    return Buffer.from(snap.text, 'utf8');
  }

  /** Saves `content`; refused (RemoteChangedError) when the file changed since readFile. */
  async writeFile(hostName: string, p: string, content: Uint8Array, o: { create: boolean; overwrite: boolean }): Promise<WriteResult> {
    const { s, files } = await this.files(hostName);
    const full = hostPath(s.host, p);
    let base = this.snapshots.get(this.key(hostName, p));
    if (!base) {
      base = await files.read(full, 0o644);
      if (base.exists && !o.overwrite) throw new Error(`${p} already exists on ${hostName}`);
    }
    if (!base.exists && !o.create) throw new RemoteNotFound(p);
    const result = await files.write(base, Buffer.from(content));
    this.snapshots.set(this.key(hostName, p), await files.read(full));
    return result;
  }

  /** Forgets what was read (e.g. when the editor reloads the file on purpose). */
  forget(hostName: string, p: string): void {
    this.snapshots.delete(this.key(hostName, p));
  }
}
