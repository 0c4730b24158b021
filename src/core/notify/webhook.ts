// The generic JSON webhook. Payload (version 1, documented in the README):
//   { version: 1, id, kind: problem|repeat|escalation|recovery|test, sentAt, language,
//     alerts: [{ id, type, severity, device, deviceName, entity, region, site, message, since,
//                recoveredAt?, recoveryMessage?, acknowledged, link? }] }
// Headers: X-Parc-Delivery (the id; the same across retries), X-Parc-Timestamp (unix seconds) and, with
// `secretCredential`, X-Parc-Signature: sha256=HEX, the HMAC-SHA256 of "<timestamp>.<body>" with that key.
import { createHmac } from 'node:crypto';
import type { SecretSource } from '../host';
import { hookUrl, postJson } from './http';
import { deviceLink } from './message';
import { needSecret, scrubbed, secretParts, type Transport } from './transport';
import type { HookTransportConfig, OutgoingMessage } from './types';

export function webhookPayload(m: OutgoingMessage, sentAt: string): unknown {
  return {
    version: 1,
    id: m.id,
    kind: m.kind,
    sentAt,
    language: m.language,
    alerts: m.alerts.map((a) => ({
      id: a.id, type: a.type, severity: a.severity, device: a.device ?? null, deviceName: a.deviceName ?? null, entity: a.entity ?? null,
      region: a.region ?? null, site: a.site ?? null, message: a.message, since: a.since,
      ...(a.recoveredAt ? { recoveredAt: a.recoveredAt, recoveryMessage: a.recoveryMessage ?? null } : {}),
      acknowledged: !!a.acknowledged,
      link: a.device ? deviceLink(m.linkScheme, a.device) : null,
    })),
  };
}

export function signBody(key: string, timestamp: string, body: string): string {
  return 'sha256=' + createHmac('sha256', key).update(`${timestamp}.${body}`).digest('hex');
}

export class WebhookTransport implements Transport {
  readonly name: string;
  constructor(private readonly cfg: HookTransportConfig, private readonly secrets: SecretSource, private readonly now: () => number = Date.now) {
    this.name = cfg.name;
  }
  async send(message: OutgoingMessage): Promise<string> {
    const url = await hookUrl(this.cfg, (c) => needSecret(this.secrets, c, 'webhook'));
    const key = this.cfg.secretCredential ? await needSecret(this.secrets, this.cfg.secretCredential, 'webhook signature') : undefined;
    const t = this.now();
    const body = JSON.stringify(webhookPayload(message, new Date(t).toISOString()));
    const ts = String(Math.floor(t / 1000));
    const headers: Record<string, string> = { 'x-parc-delivery': message.id, 'x-parc-timestamp': ts };
    if (key) headers['x-parc-signature'] = signBody(key, ts, body);
    const hide = [...secretParts(url), ...(key ? [key] : [])];
    return scrubbed(hide, 'webhook', () => postJson(url, body, headers, this.cfg.timeoutMs));
  }
}
