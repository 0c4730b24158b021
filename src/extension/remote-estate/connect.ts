// "Parc: Connect to Server…" and "Parc: Disconnect from Server": URL, certificate (shown by its SHA-256
// fingerprint and pinned once trusted; a changed one is refused), directory user and password. The token
// goes to SecretStorage; the URL to the user's settings (`parc.server.url`); the pin to global state.
// On activation a configured server with a stored token is attached again without prompts.
import * as vscode from 'vscode';
import type { MeResponse, UserInfo } from '../../core/remote/api-types';
import { CertificateChangedError, normaliseFingerprint, probeCertificate, type Pin } from '../../core/remote/client-tls';
import { ApiError, parseServerUrl, ParcClient } from '../../core/remote/client';
import type { ChannelLogger } from '../log';
import type { ExtensionSecrets } from '../secrets';
import { RemoteEstate } from './remote-estate';
import type { EstateSwitch } from './switch';

const PINS = 'parc.server.pins';
const tokenName = (origin: string) => `server-token@${origin}`;

/** Arguments the tests (and scripts) may pass instead of answering the prompts. */
export interface ConnectArgs {
  url?: string;
  user?: string;
  password?: string;
  /** Accept a self-signed certificate when it has this fingerprint (what `parc serve --self-signed` printed). */
  trustFingerprint?: string;
}

export interface ConnectDeps {
  extension: vscode.ExtensionContext;
  estate: EstateSwitch;
  secrets: ExtensionSecrets;
  log: ChannelLogger;
}

export class ServerConnection implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: ConnectDeps) {
    this.disposables.push(deps.estate.onDidSwitch((r) => void this.setContext(r)));
    void this.setContext(undefined);
  }

  private pins(): Record<string, Pin> {
    return { ...this.deps.extension.globalState.get<Record<string, Pin>>(PINS, {}) };
  }

  private pinFor(origin: string): Pin | undefined {
    const all = this.pins();
    return Object.hasOwn(all, origin) ? all[origin] : undefined;
  }

  private async savePin(origin: string, pin: Pin | undefined): Promise<void> {
    const all = this.pins();
    if (pin) all[origin] = pin;
    else delete all[origin];
    await this.deps.extension.globalState.update(PINS, all);
  }

  private async setContext(r: RemoteEstate | undefined): Promise<void> {
    const set = (k: string, v: unknown) => vscode.commands.executeCommand('setContext', k, v);
    await Promise.all([set('parc.remote', !!r), set('parc.remote.role', r?.role ?? ''), set('parc.canOperate', r ? r.can('operator') : true), set('parc.canAdmin', r ? r.can('admin') : true)]);
  }

  /** Reattaches to the configured server with the stored token (no prompt); false when there is none or it is refused. */
  async restore(): Promise<boolean> {
    const url = vscode.workspace.getConfiguration('parc').get<string>('server.url', '').trim();
    if (!url) return false;
    let origin: string;
    try {
      origin = parseServerUrl(url).origin;
    } catch (e) {
      this.deps.log.warn(`parc.server.url: ${(e as Error).message}`);
      return false;
    }
    // Through ExtensionSecrets so the token is redacted from anything logged.
    const token = await this.deps.secrets.get(tokenName(origin));
    if (!token) return false;
    const client = new ParcClient({ url: origin, token, pin: this.pinFor(origin) });
    try {
      const me = await client.get<MeResponse>('/api/me');
      await this.attach(client, me);
      return true;
    } catch (e) {
      const msg = (e as Error).message;
      this.deps.log.warn(`cannot reattach to ${origin}: ${msg}`);
      if (e instanceof ApiError && e.status === 401) await this.deps.secrets.storage.delete(tokenName(origin));
      const again = vscode.l10n.t('Connect…');
      void vscode.window.showWarningMessage(vscode.l10n.t('Parc could not reattach to {0}: {1}', origin, msg), again).then((p) => p === again && vscode.commands.executeCommand('parc.connectServer'));
      return false;
    }
  }

  private async attach(client: ParcClient, user: UserInfo): Promise<RemoteEstate> {
    const remote = new RemoteEstate(client, user, this.deps.log);
    await remote.start();
    this.deps.estate.use(remote);
    this.deps.log.info(`attached to ${client.base.origin} as ${user.name} (${user.role}); this window polls nothing itself`);
    return remote;
  }

  /** The certificate step: system-trusted, or pinned (same fingerprint), or shown and pinned on consent. */
  private async checkCertificate(url: URL, args: ConnectArgs): Promise<Pin | undefined | null> {
    if (url.protocol !== 'https:') return undefined;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const cert = await probeCertificate(host, Number(url.port) || 443);
    const pinned = this.pinFor(url.origin);
    if (pinned) {
      if (normaliseFingerprint(pinned.fingerprint256) === normaliseFingerprint(cert.fingerprint256)) return pinned;
      throw new CertificateChangedError(url.host, normaliseFingerprint(pinned.fingerprint256), cert.fingerprint256);
    }
    if (cert.trusted) return undefined;
    const pin: Pin = { fingerprint256: normaliseFingerprint(cert.fingerprint256), pem: cert.pem };
    if (args.trustFingerprint !== undefined) {
      if (normaliseFingerprint(args.trustFingerprint) !== pin.fingerprint256) throw new Error(vscode.l10n.t('The certificate of {0} has the fingerprint {1}, not the one given ({2}).', url.host, pin.fingerprint256, normaliseFingerprint(args.trustFingerprint)));
    } else {
      const trust = vscode.l10n.t('Trust this certificate');
      const pick = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} presents a certificate that is not signed by a trusted authority', url.host),
        { modal: true, detail: `SHA-256 ${pin.fingerprint256}\n${cert.subject}\n${vscode.l10n.t('valid until {0}', cert.validTo)}\n\n${vscode.l10n.t('Compare this fingerprint with the one `parc serve` printed when it created the certificate. Once trusted it is pinned: a different certificate will be refused.')}` },
        trust,
      );
      if (pick !== trust) return null;
    }
    await this.savePin(url.origin, pin);
    return pin;
  }

  async connect(args: ConnectArgs = {}): Promise<RemoteEstate | undefined> {
    const current = vscode.workspace.getConfiguration('parc').get<string>('server.url', '');
    const raw = args.url ?? (await vscode.window.showInputBox({
      title: vscode.l10n.t('Connect to a Parc server'), prompt: vscode.l10n.t('Address of the server (parc serve)'), value: current || 'https://', ignoreFocusOut: true,
      validateInput: (v) => {
        try {
          parseServerUrl(v);
          return undefined;
        } catch (e) {
          return (e as Error).message;
        }
      },
    }));
    if (!raw) return undefined;
    const url = parseServerUrl(raw);
    const pin = await this.checkCertificate(url, args);
    if (pin === null) return undefined;
    const user = args.user ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Connect to {0}', url.host), prompt: vscode.l10n.t('Directory user name'), ignoreFocusOut: true }));
    if (!user) return undefined;
    const password = args.password ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Connect to {0}', url.host), prompt: vscode.l10n.t('Password of {0}', user), password: true, ignoreFocusOut: true }));
    if (password === undefined) return undefined;
    const client = new ParcClient({ url: url.origin, pin: pin ?? undefined });
    let answer;
    try {
      answer = await client.login(user, password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) throw new Error(vscode.l10n.t('Login refused by {0}{1}: {2}', url.host, e.step ? ` (${e.step})` : '', e.message));
      throw e;
    }
    await this.deps.secrets.set(tokenName(url.origin), answer.token);
    await vscode.workspace.getConfiguration('parc').update('server.url', url.origin, vscode.ConfigurationTarget.Global);
    const remote = await this.attach(client, answer.user);
    void vscode.window.showInformationMessage(vscode.l10n.t('Connected to {0} as {1} ({2}).', url.host, answer.user.name, answer.user.role));
    return remote;
  }

  async disconnect(): Promise<void> {
    const remote = this.deps.estate.remote;
    const url = vscode.workspace.getConfiguration('parc').get<string>('server.url', '');
    if (remote) await remote.client.logout().catch((e: Error) => this.deps.log.warn(`logout: ${e.message}`));
    if (url) {
      try {
        await this.deps.secrets.storage.delete(tokenName(parseServerUrl(url).origin));
      } catch {
        // a bad URL has no token
      }
    }
    await vscode.workspace.getConfiguration('parc').update('server.url', undefined, vscode.ConfigurationTarget.Global);
    this.deps.estate.use(undefined);
    this.deps.log.info('disconnected from the server; this window shows (and polls) the local estate again');
  }

  /** Forgets a pinned certificate (after a deliberate replacement on the server). */
  async forgetPin(url: string): Promise<void> {
    await this.savePin(parseServerUrl(url).origin, undefined);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
