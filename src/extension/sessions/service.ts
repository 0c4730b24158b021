// The Sessions view's model: windows: hosts from parc.yaml, their sessions (listed on demand), and the
// actions (log off, disconnect, message, janitor) through the core, each audited in the state directory.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { systemClock } from '../../core/host';
import { stateDirFor } from '../../core/inventory/file';
import { AuditLog, currentActor } from '../../core/rdp/audit';
import { DEFAULT_JANITOR, type WindowsHost, type WindowsSection } from '../../core/rdp/hosts';
import { readWindowsSection } from '../../core/rdp/hosts-read';
import { runJanitor, type JanitorStep } from '../../core/rdp/janitor';
import { openTransport } from '../../core/rdp/open-transport';
import { disconnectChecked, listSessions, logoffChecked, sendMessage, type ActionOutcome } from '../../core/rdp/session-service';
import type { HostKeyPrompt } from '../../core/rdp/transports/known-hosts';
import type { WindowsTransport } from '../../core/rdp/transport';
import type { RdpSession } from '../../core/rdp/types';
import type { InventoryService } from '../inventory-service';
import type { ChannelLogger } from '../log';
import type { ExtensionSecrets } from '../secrets';
import type { EstateSource } from '../remote-estate/source';
import { remoteAct, remoteHosts, remoteJanitor } from '../remote-estate/sessions';

export interface HostState {
  host: WindowsHost;
  sessions?: RdpSession[];
  error?: string;
  loading: boolean;
  listedAt?: number;
}

export class SessionsService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HostState | undefined>();
  readonly onDidChange = this.changed.event;
  private section: WindowsSection = { hosts: [], janitor: DEFAULT_JANITOR };
  private states = new Map<string, HostState>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly inventories: InventoryService,
    private readonly secrets: ExtensionSecrets,
    private readonly log: ChannelLogger,
    /** While attached to a server, sessions and actions go through it (remote-estate/sessions.ts). */
    private readonly estate?: EstateSource,
  ) {
    this.disposables.push(
      inventories.onDidChange(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('parc.sessions.janitorScheduleMinutes') && this.schedule()),
    );
    // A switch between the local and a server's estate (or a resync) fires with no events: redraw.
    if (estate) this.disposables.push(estate.onDidRaiseEvents((e) => e.length === 0 && this.changed.fire(undefined)));
    void this.reload();
    this.schedule();
  }

  hosts(): HostState[] {
    if (this.estate?.remote) return remoteHosts(this.estate.remote);
    return this.section.hosts.map((h) => this.states.get(h.name)!);
  }

  state(name: string): HostState | undefined {
    if (this.estate?.remote) return this.hosts().find((h) => h.host.name === name);
    return this.states.get(name);
  }

  /** Re-reads the windows: section of parc.yaml (errors stay in the Problems panel via the inventory). */
  async reload(): Promise<void> {
    const file = this.inventories.file;
    const text = file ? await fs.readFile(file, 'utf8').catch(() => '') : '';
    const { section, diagnostics } = readWindowsSection(text);
    if (!section) {
      this.log.warn(`parc.yaml windows:/janitor: have errors: ${diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')}`);
      return;
    }
    this.section = section;
    const next = new Map<string, HostState>();
    for (const h of section.hosts) {
      const old = this.states.get(h.name);
      next.set(h.name, old && JSON.stringify(old.host) === JSON.stringify(h) ? old : { host: h, loading: false });
    }
    this.states = next;
    this.changed.fire(undefined);
  }

  private async trust(p: HostKeyPrompt): Promise<boolean> {
    const accept = vscode.l10n.t('Trust and connect');
    const pick = await vscode.window.showWarningMessage(
      vscode.l10n.t('Unknown SSH host key for {0}:{1}', p.host, p.port),
      { modal: true, detail: `${p.keyType} ${p.fingerprint}\n\n${vscode.l10n.t('Compare this fingerprint with the one the host shows (ssh-keygen -l -f on the server) before trusting it. It will be recorded in known_hosts.')}` },
      accept,
    );
    return pick === accept;
  }

  private async withTransport<T>(h: WindowsHost, fn: (t: WindowsTransport) => Promise<T>): Promise<T> {
    const file = this.inventories.file;
    if (!file) throw new Error(vscode.l10n.t('no parc.yaml'));
    const t = await openTransport(h, { secrets: this.secrets, baseDir: path.dirname(file), agent: process.env.SSH_AUTH_SOCK, trust: (p) => this.trust(p) });
    try {
      return await fn(t);
    } finally {
      await t.close().catch(() => undefined);
    }
  }

  private audit(): AuditLog | undefined {
    const inv = this.inventories.inventory;
    return inv ? new AuditLog(stateDirFor(inv)) : undefined;
  }

  async refresh(name: string): Promise<HostState | undefined> {
    const remote = this.estate?.remote;
    if (remote) {
      await remote.refreshSessions();
      this.changed.fire(undefined);
      return this.state(name);
    }
    const st = this.states.get(name);
    if (!st) return undefined;
    st.loading = true;
    this.changed.fire(st);
    try {
      st.sessions = await this.withTransport(st.host, (t) => listSessions(t, { codepage: st.host.codepage, dateOrder: st.host.dateOrder }));
      st.error = undefined;
      st.listedAt = Date.now();
    } catch (e) {
      st.error = this.log.clean((e as Error).message);
      this.log.warn(`sessions on ${name}: ${st.error}`);
    } finally {
      st.loading = false;
      this.changed.fire(st);
    }
    return st;
  }

  private async record(h: WindowsHost, s: RdpSession, action: 'logoff' | 'disconnect' | 'message', outcome: 'done' | 'skipped' | 'failed' | 'dry-run', reason: string): Promise<void> {
    await this.audit()?.append({ at: new Date().toISOString(), actor: currentActor(), host: h.name, user: s.username, sessionId: s.id, action, outcome, reason });
  }

  /** Logs off (or disconnects) one session after re-checking it is still that user in that state. */
  async act(name: string, session: RdpSession, action: 'logoff' | 'disconnect'): Promise<ActionOutcome> {
    if (this.estate?.remote) return remoteAct(this.estate.remote, name, session, action);
    const st = this.states.get(name);
    if (!st) throw new Error(vscode.l10n.t('unknown host {0}', name));
    const expected = { id: session.id, username: session.username, state: session.state };
    const r = await this.withTransport(st.host, (t) => (action === 'logoff' ? logoffChecked(t, expected, { codepage: st.host.codepage, dateOrder: st.host.dateOrder }) : disconnectChecked(t, expected, { codepage: st.host.codepage, dateOrder: st.host.dateOrder })));
    await this.record(st.host, session, action, r.status, r.status === 'done' ? 'operator request (VS Code)' : `operator request (VS Code); ${r.reason}`);
    void this.refresh(name);
    return r;
  }

  async message(name: string, session: RdpSession, text: string): Promise<void> {
    if (this.estate?.remote) {
      const a = await this.estate.remote.sessionAction(name, session.id, 'message', text);
      if (!a.ok) throw new Error(a.message);
      return;
    }
    const st = this.states.get(name);
    if (!st) throw new Error(vscode.l10n.t('unknown host {0}', name));
    await this.withTransport(st.host, (t) => sendMessage(t, session.id, text));
    await this.record(st.host, session, 'message', 'done', `operator message: ${text.slice(0, 200)}`);
  }

  async janitor(name: string, dryRun: boolean, policyOverride?: Partial<WindowsHost['janitor']>): Promise<JanitorStep[]> {
    if (this.estate?.remote) return remoteJanitor(this.estate.remote, name, dryRun);
    const st = this.states.get(name);
    if (!st) throw new Error(vscode.l10n.t('unknown host {0}', name));
    const steps = await this.withTransport(st.host, (t) =>
      runJanitor({ host: name, transport: t, policy: { ...st.host.janitor, ...policyOverride }, dryRun, audit: this.audit(), actor: currentActor(), clock: systemClock, list: { codepage: st.host.codepage, dateOrder: st.host.dateOrder } }),
    );
    if (!dryRun) void this.refresh(name);
    return steps;
  }

  private scheduled?: Promise<void>;

  private schedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const minutes = vscode.workspace.getConfiguration('parc').get<number>('sessions.janitorScheduleMinutes', 0);
    if (!minutes || minutes <= 0) return;
    // One scheduled janitor at a time: a run that outlasts the interval is not stacked with the next one.
    this.timer = setInterval(() => {
      this.scheduled ??= this.scheduledRun().finally(() => (this.scheduled = undefined));
    }, minutes * 60_000);
  }

  private async scheduledRun(): Promise<void> {
    // Attached to a server: its janitor schedule runs there, not here.
    if (!vscode.workspace.isTrusted || this.estate?.remote) return;
    for (const st of this.hosts()) {
      if (!this.timer) return; // the schedule was switched off meanwhile
      try {
        const steps = await this.janitor(st.host.name, false);
        const done = steps.filter((s) => s.outcome === 'done').length;
        if (done) this.log.info(`scheduled janitor on ${st.host.name}: ${done} session(s) logged off`);
      } catch (e) {
        this.log.warn(`scheduled janitor on ${st.host.name}: ${(e as Error).message}`);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
