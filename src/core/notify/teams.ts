// Microsoft Teams: an Adaptive Card in a "message" envelope, the format both the Workflows
// ("When a Teams webhook request is received") and the older incoming-webhook connectors accept.
import type { SecretSource } from '../host';
import { hookUrl, postJson } from './http';
import { words } from './i18n';
import { renderMessage } from './message';
import { needSecret, scrubbed, secretParts, type Transport } from './transport';
import type { HookTransportConfig, OutgoingMessage } from './types';

export function teamsPayload(message: OutgoingMessage): unknown {
  const r = renderMessage(message);
  const w = words(message.language);
  const body: unknown[] = [
    { type: 'TextBlock', size: 'Medium', weight: 'Bolder', wrap: true, text: r.subject, color: message.kind === 'recovery' ? 'Good' : message.kind === 'test' ? 'Accent' : 'Attention' },
    { type: 'TextBlock', wrap: true, text: r.intro },
  ];
  const actions: unknown[] = [];
  for (const i of r.items) {
    body.push({ type: 'TextBlock', weight: 'Bolder', wrap: true, separator: true, text: i.title });
    body.push({ type: 'FactSet', facts: [
      ...(i.device ? [{ title: w.device, value: i.device }] : []),
      { title: w.site, value: i.site },
      { title: w.since, value: i.since },
      ...(i.recovered ? [{ title: w.recovered, value: i.recovered }] : []),
      { title: w.details, value: i.details },
    ] });
    if (i.link && actions.length < 5) actions.push({ type: 'Action.OpenUrl', title: i.device ? `${i.device}` : 'Parc', url: i.link });
  }
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', msteams: { width: 'Full' }, body, actions },
    }],
  };
}

export class TeamsTransport implements Transport {
  readonly name: string;
  constructor(private readonly cfg: HookTransportConfig, private readonly secrets: SecretSource) {
    this.name = cfg.name;
  }
  async send(message: OutgoingMessage): Promise<string> {
    const url = await hookUrl(this.cfg, (c) => needSecret(this.secrets, c, 'Teams'));
    return scrubbed(secretParts(url), 'Teams', () => postJson(url, JSON.stringify(teamsPayload(message)), {}, this.cfg.timeoutMs));
  }
}
