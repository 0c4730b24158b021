// parc-ssh://HOST/path: any file of a linux: host opens, diffs and saves like a local one. Saves go through the
// atomic write with backup, and are refused when the file changed on the host since it was opened.
import * as vscode from 'vscode';
import { RemoteChangedError } from '../../core/ssh/remote-file';
import { RemoteFileSystem, RemoteNotFound, type EntryType } from '../../core/ssh/remote-fs';
import type { HostsService } from './hosts-service';

export const SCHEME = 'parc-ssh';

export function remoteUri(host: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, authority: host, path });
}

const KIND: Record<EntryType, vscode.FileType> = {
  file: vscode.FileType.File,
  directory: vscode.FileType.Directory,
  symlink: vscode.FileType.SymbolicLink,
  other: vscode.FileType.Unknown,
};

export class ParcSshFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  readonly files: RemoteFileSystem;

  constructor(hosts: HostsService) {
    this.files = new RemoteFileSystem((name) => hosts.session(name));
  }

  private async guard<T>(uri: vscode.Uri, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof vscode.FileSystemError) throw err;
      if (err instanceof RemoteNotFound) throw vscode.FileSystemError.FileNotFound(uri);
      if (err instanceof RemoteChangedError) throw vscode.FileSystemError.Unavailable(err.message);
      throw vscode.FileSystemError.Unavailable(`${uri.authority}: ${(err as Error).message}`);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // no remote inotify; the save-time check protects changes
  }

  stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return this.guard(uri, async () => {
      const s = await this.files.stat(uri.authority, uri.path);
      return { type: KIND[s.type], ctime: s.mtimeMs, mtime: s.mtimeMs, size: s.size };
    });
  }

  readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    return this.guard(uri, async () => (await this.files.readDirectory(uri.authority, uri.path)).map(([n, t]) => [n, KIND[t]] as [string, vscode.FileType]));
  }

  readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.guard(uri, () => this.files.readFile(uri.authority, uri.path));
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    return this.guard(uri, async () => {
      const r = await this.files.writeFile(uri.authority, uri.path, content, options);
      this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
      if (r.backup) void vscode.window.setStatusBarMessage(vscode.l10n.t('Saved on {0}; previous version kept as {1}', uri.authority, r.backup), 8000);
    });
  }

  createDirectory(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Parc edits files on hosts; it does not create directories'));
  }

  delete(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Parc does not delete files on hosts'));
  }

  rename(): void {
    throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Parc does not rename files on hosts'));
  }
}
