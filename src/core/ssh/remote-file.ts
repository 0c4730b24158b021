// Reading and writing configuration files on a host so that a reader never sees half a file and nobody's
// change is lost: the new content goes to a temporary file beside the target (same owner and mode), replaces
// it with rename(2), the previous version is kept as a timestamped backup, and the write is refused when the
// file changed since it was read. Files only root may write go through `sudo`; others through SFTP.
import { createHash, randomBytes } from 'node:crypto';
import * as posix from 'node:path/posix';
import type { SFTPWrapper } from 'ssh2';
import type { SshConnection } from './connection';
import { shq } from './runner';

export interface RemoteSnapshot {
  path: string;
  exists: boolean;
  /** The content as UTF-8 text (see `bytes` for files that are not UTF-8). */
  text: string;
  /** The content as read, byte for byte (empty for a missing file). */
  bytes: Buffer;
  sha256: string;
  /** Permission bits (e.g. 0o600); for a new file, the mode it will get. */
  mode: number;
  uid: number;
  gid: number;
}

export class RemoteChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on the host since Parc read it; nothing was written. Re-open it to see the new content, then edit again.`);
    this.name = 'RemoteChangedError';
  }
}

export interface WriteResult {
  path: string;
  /** Where the previous content was saved (absent when the file is new). */
  backup?: string;
}

/** Age after which a temporary file of an interrupted SFTP write is removed by the next write. */
export const STALE_TEMP_MS = 60_000;

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const NO_FILE = 'none';

/** 20261128-152300: sortable, and one per second is enough for hand-made changes. */
export function backupStamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}

function checkPath(p: string): void {
  if (!p.startsWith('/') || p.split('/').includes('..') || /[\0\n]/.test(p)) throw new Error(`"${p}" is not an absolute path without ".."`);
}

export class RemoteFiles {
  /** @param sudo write (and read) through sudo: for files owned by root when logging in as another user. */
  constructor(private readonly conn: SshConnection, private readonly sudo: boolean, private readonly now: () => Date = () => new Date()) {}

  /** Through a shell script run with sudo (as root when logged in as root), or through SFTP as the login user. */
  private get viaShell(): boolean {
    return this.sudo;
  }

  async read(path: string, newFileMode = 0o644): Promise<RemoteSnapshot> {
    checkPath(path);
    if (this.viaShell) {
      const r = await this.conn.exec(`if [ -e ${shq(path)} ]; then stat -c '%a %u %g' -- ${shq(path)} && base64 -w0 < ${shq(path)}; else echo ${NO_FILE}; fi`, { sudo: true });
      if (r.code !== 0) throw new Error(`cannot read ${path}: ${r.stderr.trim() || `exit ${r.code}`}`);
      const [head, body = ''] = r.stdout.split('\n');
      if (head.trim() === NO_FILE) return { path, exists: false, text: '', bytes: Buffer.alloc(0), sha256: NO_FILE, mode: newFileMode, uid: 0, gid: 0 };
      const [mode, uid, gid] = head.trim().split(' ');
      const buf = Buffer.from(body.trim(), 'base64');
      return { path, exists: true, text: buf.toString('utf8'), bytes: buf, sha256: sha(buf), mode: parseInt(mode, 8), uid: Number(uid), gid: Number(gid) };
    }
    const sftp = await this.conn.sftp();
    const st = await this.conn.guard(new Promise<{ mode: number; uid: number; gid: number } | undefined>((resolve, reject) =>
      sftp.stat(path, (err, s) => (err ? ((err as { code?: number }).code === 2 ? resolve(undefined) : reject(new Error(`cannot stat ${path}: ${err.message}`))) : resolve(s)))));
    if (!st) return { path, exists: false, text: '', bytes: Buffer.alloc(0), sha256: NO_FILE, mode: newFileMode, uid: -1, gid: -1 };
    const buf = await sftpRead(this.conn, sftp, path);
    return { path, exists: true, text: buf.toString('utf8'), bytes: buf, sha256: sha(buf), mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
  }

  /** Replaces the file read as `snapshot` with `text`; refuses (RemoteChangedError) when it changed meanwhile. */
  async write(snapshot: RemoteSnapshot, text: string | Buffer): Promise<WriteResult> {
    checkPath(snapshot.path);
    const data = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
    const dir = posix.dirname(snapshot.path);
    const base = posix.basename(snapshot.path);
    const tmp = posix.join(dir, `.${base}.parc-${randomBytes(4).toString('hex')}.tmp`);
    const backup = snapshot.exists ? `${snapshot.path}.parc-${backupStamp(this.now())}.bak` : undefined;
    return this.viaShell ? this.writeViaShell(snapshot, data, tmp, backup) : this.writeViaSftp(snapshot, data, tmp, backup);
  }

  private async writeViaShell(snap: RemoteSnapshot, data: Buffer, tmp: string, backup: string | undefined): Promise<WriteResult> {
    const f = shq(snap.path);
    const script = [
      `f=${f}; tmp=${shq(tmp)}; bak=${shq(backup ?? '')}`,
      'trap \'rm -f "$tmp"\' EXIT',
      // A dropped connection hangs the session up: the temporary file goes, the target is not touched.
      'trap \'rm -f "$tmp"; exit 5\' HUP INT TERM PIPE',
      `cur=${NO_FILE}; [ -e "$f" ] && cur=$(sha256sum < "$f" | cut -c1-64)`,
      `[ "$cur" = ${shq(snap.sha256)} ] || { echo PARC_CHANGED >&2; exit 3; }`,
      'base64 -d > "$tmp" || exit 4',
      // The whole content, not what arrived before the connection dropped (base64 ends cleanly at any 4-character cut).
      `[ "$(sha256sum < "$tmp" | cut -c1-64)" = ${shq(sha(data))} ] || { echo PARC_INCOMPLETE >&2; exit 4; }`,
      'if [ -e "$f" ]; then',
      '  chown --reference="$f" "$tmp" && chmod --reference="$f" "$tmp" || exit 4',
      '  [ -e "$bak" ] && bak="$bak.$$"',
      '  cp -p -- "$f" "$bak" || exit 4',
      `else chmod ${(snap.mode & 0o7777).toString(8)} "$tmp" || exit 4; fi`,
      // Re-checked right before the rename: the window for a lost update is this one line.
      `cur=${NO_FILE}; [ -e "$f" ] && cur=$(sha256sum < "$f" | cut -c1-64)`,
      `[ "$cur" = ${shq(snap.sha256)} ] || { rm -f "$bak"; echo PARC_CHANGED >&2; exit 3; }`,
      'mv -f -- "$tmp" "$f" || exit 4',
      'echo "PARC_BACKUP=$bak"',
    ].join('\n');
    const r = await this.conn.exec(`sh -c ${shq(script)}`, { sudo: true, stdin: data.toString('base64') + '\n' });
    if (/PARC_INCOMPLETE/.test(r.stderr)) throw new Error(`writing ${snap.path} failed (nothing replaced): the content did not arrive whole`);
    if (r.code === 3) throw new RemoteChangedError(snap.path);
    if (r.code !== 0) throw new Error(`writing ${snap.path} failed (nothing replaced): ${r.stderr.trim() || `exit ${r.code}`}`);
    const written = /PARC_BACKUP=(.*)/.exec(r.stdout)?.[1]?.trim();
    return { path: snap.path, backup: written || undefined };
  }

  private async writeViaSftp(snap: RemoteSnapshot, data: Buffer, tmp: string, backup: string | undefined): Promise<WriteResult> {
    const sftp = await this.conn.sftp();
    const current = await this.read(snap.path);
    if (current.sha256 !== snap.sha256) throw new RemoteChangedError(snap.path);
    const mode = snap.mode & 0o7777;
    await this.removeStaleTemps(sftp, snap.path);
    try {
      await sftpWrite(this.conn, sftp, tmp, data, mode);
      await call(this.conn, (cb) => sftp.chmod(tmp, mode, cb));
      if (snap.exists && snap.uid >= 0) {
        // Only root may give a file away; for the login user's own files this is a no-op.
        await call(this.conn, (cb) => sftp.chown(tmp, snap.uid, snap.gid, cb)).catch((err: Error) => {
          throw new Error(`cannot keep the owner ${snap.uid}:${snap.gid} of ${snap.path} over SFTP (${err.message}); use sudo for this host`);
        });
      }
      if (backup) backup = await this.freeName(backup);
      // The backup is the bytes read, not their UTF-8 reading (a Latin-1 file would lose its accents).
      if (backup) await sftpWrite(this.conn, sftp, backup, current.bytes, mode);
      const again = await this.read(snap.path);
      if (again.sha256 !== snap.sha256) {
        const made = backup;
        if (made) await call(this.conn, (cb) => sftp.unlink(made, cb)).catch(() => undefined);
        throw new RemoteChangedError(snap.path);
      }
      await call(this.conn, (cb) => sftp.ext_openssh_rename(tmp, snap.path, cb));
    } catch (err) {
      // Over a dropped connection the temporary file cannot be removed; the next write does it (see staleTemps).
      if (!this.conn.closed) await call(this.conn, (cb) => sftp.unlink(tmp, cb)).catch(() => undefined);
      throw err;
    }
    return { path: snap.path, backup };
  }

  /**
   * Temporary files of earlier writes to `path` cut by a dropped connection (over SFTP nothing on the host removes
   * them): those untouched for STALE_TEMP_MS; a write under way keeps its file's time fresh.
   */
  private async removeStaleTemps(sftp: SFTPWrapper, path: string): Promise<void> {
    const dir = posix.dirname(path);
    const prefix = `.${posix.basename(path)}.parc-`;
    const list = await this.conn.guard(new Promise<{ filename: string; attrs: { mtime: number } }[]>((resolve) => sftp.readdir(dir, (err, l) => resolve(err ? [] : l))));
    const now = Date.now() / 1000;
    for (const f of list) {
      if (!f.filename.startsWith(prefix) || !f.filename.endsWith('.tmp') || now - f.attrs.mtime < STALE_TEMP_MS / 1000) continue;
      await call(this.conn, (cb) => sftp.unlink(posix.join(dir, f.filename), cb)).catch(() => undefined);
    }
  }

  /** `name`, or `name.1`, `name.2`… when a backup of the same second exists. */
  private async freeName(name: string): Promise<string> {
    const sftp = await this.conn.sftp();
    for (let i = 0; ; i++) {
      const candidate = i ? `${name}.${i}` : name;
      const exists = await this.conn.guard(new Promise<boolean>((resolve) => sftp.stat(candidate, (err) => resolve(!err))));
      if (!exists) return candidate;
    }
  }

  /** Puts a backup's content back in place (itself an atomic, checked write; the failed version is backed up too). */
  async restore(path: string, backup: string): Promise<WriteResult> {
    const saved = await this.read(backup);
    if (!saved.exists) throw new Error(`backup ${backup} is missing; ${path} was not restored`);
    const current = await this.read(path);
    return this.write(current, saved.bytes);
  }
}

// Each SFTP call is guarded by the connection: over a dropped one ssh2 never calls back.
function call(conn: SshConnection, fn: (cb: (err?: Error | null) => void) => void): Promise<void> {
  return conn.guard(new Promise((resolve, reject) => fn((err) => (err ? reject(err) : resolve()))));
}

function sftpRead(conn: SshConnection, sftp: SFTPWrapper, path: string): Promise<Buffer> {
  return conn.guard(new Promise((resolve, reject) => sftp.readFile(path, (err, buf) => (err ? reject(new Error(`cannot read ${path}: ${err.message}`)) : resolve(buf)))));
}

function sftpWrite(conn: SshConnection, sftp: SFTPWrapper, path: string, data: Buffer, mode: number): Promise<void> {
  return conn.guard(new Promise((resolve, reject) => sftp.writeFile(path, data, { mode, flag: 'wx' }, (err) => (err ? reject(new Error(`cannot write ${path}: ${err.message}`)) : resolve()))));
}
