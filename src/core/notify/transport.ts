// A transport delivers one rendered message somewhere (SMTP, Teams, Slack, a generic webhook). Secrets are
// read by credential name at each send and scrubbed from every error the transport lets out.
import type { SecretSource } from '../host';
import { redact } from '../host';
import type { OutgoingMessage, TransportConfig } from './types';

/** A delivery failure whose message is safe to log, store and show (no password, no URL token). */
export class DeliveryError extends Error {
  constructor(message: string, readonly permanent = false) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface Transport {
  readonly name: string;
  /** Sends; resolves with a short receipt (server reply, HTTP status). Throws DeliveryError. */
  send(message: OutgoingMessage): Promise<string>;
}

export async function needSecret(secrets: SecretSource, credential: string, what: string): Promise<string> {
  const v = await secrets.get(credential);
  if (v === undefined) throw new DeliveryError(`${what}: credential "${credential}" is not set (PARC_CRED_${credential.toUpperCase().replace(/[^A-Z0-9]/g, '_')}, the credentials file, or "Set Credential" in VS Code)`, true);
  return v;
}

/** Values to scrub: the secret itself and, for URLs, the parts that carry a token. */
export function secretParts(value: string): string[] {
  const out = [value];
  try {
    const u = new URL(value);
    if (u.pathname.length > 1) out.push(u.pathname, ...u.pathname.split('/').filter((s) => s.length >= 8));
    if (u.search) out.push(u.search, ...[...u.searchParams.values()].filter((s) => s.length >= 8));
    if (u.password) out.push(u.password);
  } catch {
    // not a URL
  }
  return out;
}

/** Runs `fn`, turning whatever it throws into a DeliveryError with every known secret removed. */
export async function scrubbed<T>(secrets: string[], what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as Error & { code?: string; permanent?: boolean };
    const cause = (e as { cause?: Error }).cause;
    const text = [e.message, cause?.message && !e.message.includes(cause.message) ? cause.message : ''].filter(Boolean).join(': ');
    const clean = redact(text.split('\n')[0], [...secrets].sort((a, b) => b.length - a.length));
    throw new DeliveryError(`${what}: ${clean}`, e instanceof DeliveryError ? e.permanent : !!e.permanent);
  }
}

export async function createTransport(cfg: TransportConfig, secrets: SecretSource): Promise<Transport> {
  switch (cfg.kind) {
    case 'email':
      return new (await import('./smtp')).SmtpTransport(cfg, secrets);
    case 'teams':
      return new (await import('./teams')).TeamsTransport(cfg, secrets);
    case 'slack':
      return new (await import('./slack')).SlackTransport(cfg, secrets);
    case 'webhook':
      return new (await import('./webhook')).WebhookTransport(cfg, secrets);
  }
}
