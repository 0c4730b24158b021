// Linux hosts of parc.yaml for the editor: their SSH connections (one per host, reused), with host keys checked
// against ~/.ssh/known_hosts and an unknown key shown to the user before it is trusted.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Logger, SecretSource } from '../../core/host';
import type { HostKeyInfo } from '../../core/ssh/known-hosts';
import { KnownHosts } from '../../core/ssh/known-hosts';
import { findLinuxHost, readLinuxHosts, type LinuxHost } from '../../core/ssh/linux-hosts';
import { netplanVersionOn } from '../../core/netplan/generate';
import { connectHost } from '../../core/ssh/host-connect';
import { SshPool } from '../../core/ssh/pool';
import type { HostSession } from '../../core/ssh/remote-fs';
import { toVsDiagnostics } from '../diagnostics';
import type { InventoryService } from '../inventory-service';

/** Asks the user, with the fingerprint, before a host is trusted for the first time. */
export async function askTrust(info: HostKeyInfo): Promise<boolean> {
  const trust = vscode.l10n.t('Trust and Connect');
  const pick = await vscode.window.showWarningMessage(
    vscode.l10n.t('Parc has never connected to {0}:{1}.', info.host, info.port),
    {
      modal: true,
      detail: vscode.l10n.t('Its {0} host key fingerprint is {1}. Compare it with the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before trusting it.', info.keyType, info.fingerprint),
    },
    trust,
  );
  return pick === trust;
}

/** ~/.ssh/known_hosts, shared with OpenSSH, unless PARC_KNOWN_HOSTS names another file (as for the CLI). */
function knownHostsFile(): string {
  return process.env.PARC_KNOWN_HOSTS || path.join(os.homedir(), '.ssh', 'known_hosts');
}

export class HostsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private hostList: LinuxHost[] = [];
  /** Each host's netplan version as its package database says (read when the host is expanded, and before an apply). */
  private readonly versions = new Map<string, string>();
  private readonly pool: SshPool;
  private readonly subs: vscode.Disposable[];
  /** Problems of the linux: section, shown on parc.yaml in the Problems panel. */
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('parc-linux');

  constructor(private readonly inventories: InventoryService, private readonly secrets: SecretSource, private readonly log: Logger) {
    const knownHosts = new KnownHosts(knownHostsFile());
    this.pool = new SshPool({ knownHosts, trust: askTrust, logger: log });
    this.subs = [inventories.onDidChange(() => void this.reload())];
  }

  get hosts(): LinuxHost[] {
    return this.hostList;
  }

  async reload(): Promise<void> {
    const file = this.inventories.file;
    let hosts: LinuxHost[] = [];
    this.diagnostics.clear();
    if (file) {
      try {
        const r = readLinuxHosts(await fs.readFile(file, 'utf8'), this.inventories.inventory?.sites ?? []);
        hosts = r.hosts;
        this.diagnostics.set(vscode.Uri.file(file), toVsDiagnostics(r.diagnostics));
      } catch (err) {
        this.log.warn(`linux hosts: ${(err as Error).message}`);
      }
    }
    this.hostList = hosts;
    this.changed.fire();
  }

  host(name: string): LinuxHost {
    const h = findLinuxHost(this.hostList, name);
    if (!h) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('No host "{0}" in the linux: section of parc.yaml', name));
    return h;
  }

  /** A live connection to the host (network access needs a trusted workspace). */
  async session(name: string): Promise<HostSession> {
    if (!vscode.workspace.isTrusted) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Remote files need a trusted workspace'));
    const host = this.host(name);
    const conn = await connectHost(host, { secrets: this.secrets, knownHosts: new KnownHosts(knownHostsFile()), trust: askTrust, logger: this.log }, this.pool);
    return { host, conn };
  }

  /** The netplan version last read from the host, if any. */
  knownNetplanVersion(name: string): string | undefined {
    return this.versions.get(name);
  }

  /** Reads the host's netplan version over SSH ("not installed" when there is none) and remembers it. */
  async netplanVersion(name: string): Promise<string> {
    const { conn } = await this.session(name);
    const v = (await netplanVersionOn(conn)) ?? vscode.l10n.t('not installed');
    if (this.versions.get(name) !== v) {
      this.versions.set(name, v);
      this.changed.fire();
    }
    return v;
  }

  /** Records a version read by another path (the apply reads it with its netplan generate). */
  rememberNetplanVersion(name: string, v: string | undefined): void {
    if (!v || this.versions.get(name) === v) return;
    this.versions.set(name, v);
    this.changed.fire();
  }

  /**
   * A separate connection to the host at another address (after a netplan change), accepted only when the host
   * shows the key already verified for it (`fingerprint`).
   */
  connectAt(name: string, address: string, fingerprint: string) {
    const host = this.host(name);
    return connectHost(host, {
      secrets: this.secrets,
      knownHosts: new KnownHosts(knownHostsFile()),
      trust: async (info) => info.fingerprint === fingerprint,
      logger: this.log,
      address: { host: address },
    });
  }

  dispose(): void {
    void this.pool.closeAll();
    this.changed.dispose();
    this.diagnostics.dispose();
    for (const s of this.subs) s.dispose();
  }
}
