// Slack-compatible incoming webhooks (Slack, Mattermost, Rocket.Chat): `text` for clients that show only
// that, `blocks` for the rest.
import type { SecretSource } from '../host';
import { hookUrl, postJson } from './http';
import { renderMessage } from './message';
import { needSecret, scrubbed, secretParts, type Transport } from './transport';
import type { HookTransportConfig, OutgoingMessage } from './types';

const mrkdwn = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackPayload(message: OutgoingMessage): unknown {
  const r = renderMessage(message);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: r.subject.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: mrkdwn(r.intro) } },
  ];
  for (const i of r.items.slice(0, 20)) {
    const lines = [`*${mrkdwn(i.title)}*`, `${mrkdwn(i.site)} · ${mrkdwn(i.since)}`, mrkdwn(i.details)];
    if (i.recovered) lines.push(mrkdwn(i.recovered));
    if (i.link) lines.push(`<${i.link}|Parc>`);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } });
  }
  return { text: `${r.subject}\n${r.items.map((i) => `• ${i.title} (${i.site})`).join('\n')}`, blocks };
}

export class SlackTransport implements Transport {
  readonly name: string;
  constructor(private readonly cfg: HookTransportConfig, private readonly secrets: SecretSource) {
    this.name = cfg.name;
  }
  async send(message: OutgoingMessage): Promise<string> {
    const url = await hookUrl(this.cfg, (c) => needSecret(this.secrets, c, 'Slack'));
    return scrubbed(secretParts(url), 'Slack', () => postJson(url, JSON.stringify(slackPayload(message)), {}, this.cfg.timeoutMs));
  }
}
