// parc.yaml's alerting section: what it reads, and every mistake reported at its line and column, with hints.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInventory } from '../../../src/core/inventory/parse';
import type { EmailTransportConfig, HookTransportConfig } from '../../../src/core/notify/types';

const BASE = `language: fr
sites:
  - { region: Île-de-France, name: Mitry-Mory, aliases: [Mitry] }
devices:
  - { host: 10.2.0.1, name: mitry-core, site: Mitry-Mory, tags: [core, network] }
`;

function parse(alerting: string) {
  return parseInventory(BASE + alerting, 'parc.yaml');
}

function at(diags: { message: string; line: number; col: number; severity: string }[], re: RegExp) {
  const d = diags.find((x) => re.test(x.message));
  assert.ok(d, `no diagnostic matching ${re}: ${JSON.stringify(diags.map((x) => x.message))}`);
  return d;
}

describe('alerting section', () => {
  it('reads transports, rules, windows, language and device tags', () => {
    const { inventory, diagnostics } = parse(`alerting:
  linkScheme: vscode-insiders
  retry: { firstDelaySeconds: 10, maxDelayMinutes: 2, maxAttempts: 3 }
  transports:
    oncall:
      type: email
      host: smtp.example.org
      security: starttls
      user: parc@example.org
      passwordCredential: smtp-parc
      from: Parc <parc@example.org>
      to: [oncall@example.org, it@example.org]
    teams: { type: teams, urlCredential: teams-it }
    hook: { type: webhook, url: "https://hooks.example.org/parc", secretCredential: hook-key }
  rules:
    - name: core down
      severity: critical
      events: [down, interface-down]
      sites: [Mitry]
      tags: [core]
      transports: [oncall]
      delayMinutes: 2
      repeatMinutes: 60
      escalate: { afterMinutes: 30, transports: [teams] }
      recovery: false
  maintenance:
    - { name: patch night, tags: [core], every: [weekends, wed], from: "22:00", to: "06:00", timezone: Europe/Paris }
    - { name: move, sites: [Mitry-Mory], start: "2026-03-14T22:00:00+01:00", end: "2026-03-15T06:00:00+01:00" }
`);
    assert.deepEqual(diagnostics, []);
    assert.ok(inventory);
    assert.equal(inventory.language, 'fr');
    assert.deepEqual(inventory.devices[0].tags, ['core', 'network']);
    const a = inventory.alerting!;
    assert.equal(a.linkScheme, 'vscode-insiders');
    assert.deepEqual(a.retry, { firstDelayMs: 10_000, maxDelayMs: 120_000, maxAttempts: 3 });
    const mail = a.transports.get('oncall') as EmailTransportConfig;
    assert.equal(mail.port, 587, 'the submission port for starttls');
    assert.deepEqual(mail.to, ['oncall@example.org', 'it@example.org']);
    assert.equal(mail.passwordCredential, 'smtp-parc');
    assert.equal((a.transports.get('hook') as HookTransportConfig).secretCredential, 'hook-key');
    const r = a.rules[0];
    assert.equal(r.minSeverity, 'critical');
    assert.deepEqual(r.events, ['down', 'interface-down']);
    assert.deepEqual(r.escalate, { afterMinutes: 30, transports: ['teams'] });
    assert.equal(r.recovery, false);
    assert.deepEqual(a.maintenance[0].recurring, { days: [0, 3, 6], from: 22 * 60, to: 6 * 60, timeZone: 'Europe/Paris' });
    assert.deepEqual(a.maintenance[1].once, { start: Date.parse('2026-03-14T21:00:00Z'), end: Date.parse('2026-03-15T05:00:00Z') });
  });

  it('refuses secrets written in parc.yaml, with the credential to use instead', () => {
    const { inventory, diagnostics } = parse(`alerting:
  transports:
    mail: { type: email, host: h, user: u, password: hunter2, from: a@b.c, to: d@e.f }
    teams: { type: teams, url: "https://x.webhook.office.com/webhookb2/abc" }
    hook: { type: webhook, url: "https://h.example/x?token=abc", secret: s3 }
  rules:
    - { transports: [mail] }
`);
    assert.equal(inventory, undefined);
    const p = at(diagnostics, /"password" is a secret and does not belong in parc\.yaml; name a credential instead \(passwordCredential: NAME/);
    assert.deepEqual([p.line, p.col], [8, 44]);
    at(diagnostics, /a Teams webhook URL carries its token .*urlCredential: NAME/);
    at(diagnostics, /"secret" is a secret .*secretCredential: NAME/);
    at(diagnostics, /alerting\.transports\.hook\.url holds a password or a query string/);
  });

  it('locates mistakes and suggests what was meant', () => {
    const { inventory, diagnostics } = parse(`alerting:
  transports:
    oncall: { type: email, host: h, from: a@b.c, to: d@e.f }
    hook: { type: webhok, urlCredential: x }
  rules:
    - name: r1
      events: [donw]
      sites: [Mitri-Mory]
      transports: [oncal]
      delaiMinutes: 2
  maintenance:
    - { name: w, every: [satruday], from: "25:00", to: "06:00" }
`);
    assert.equal(inventory, undefined);
    const t = at(diagnostics, /no transport named "oncal" \(did you mean "oncall"\?\)/);
    assert.deepEqual([t.line, t.col], [14, 19]);
    at(diagnostics, /"donw" is not an alert event \(did you mean "down"\?\)/);
    at(diagnostics, /no site named "Mitri-Mory" \(did you mean "Mitry-Mory"\?\)/);
    const k = at(diagnostics, /unknown key "delaiMinutes" \(did you mean "delayMinutes"\?\)/);
    assert.equal(k.severity, 'warning');
    assert.deepEqual([k.line, k.col], [15, 7]);
    at(diagnostics, /alerting\.transports\.hook\.type must be one of/);
    at(diagnostics, /"satruday" is not a day \(did you mean "saturday"\?\)/);
    at(diagnostics, /from must be a time of day like "22:30"/);
  });

  it('needs the parts a transport cannot work without', () => {
    const { diagnostics } = parse(`alerting:
  transports:
    m: { type: email, user: parc }
    s: { type: slack }
  rules:
    - { transports: [m], escalate: { afterMinutes: 5 } }
`);
    at(diagnostics, /alerting\.transports\.m: "host" is required/);
    at(diagnostics, /alerting\.transports\.m: "from" is required/);
    at(diagnostics, /alerting\.transports\.m: "to" is required/);
    at(diagnostics, /"user" needs "passwordCredential"/);
    at(diagnostics, /alerting\.transports\.s: "urlCredential" is required/);
    at(diagnostics, /escalate: "transports" is required/);
  });

  it('takes hostile names as plain words', () => {
    const { inventory, diagnostics } = parse(`alerting:
  transports:
    __proto__: { type: webhook, urlCredential: x }
    constructor: { type: constructor, urlCredential: y }
  rules:
    - { transports: [__proto__], severity: toString }
`);
    assert.equal(inventory, undefined);
    at(diagnostics, /alerting\.transports\.constructor\.type must be one of email, teams, slack, webhook \(got "constructor"\)/);
    at(diagnostics, /severity .* must be one of critical, warning, info \(got "tostring"\)/);
    const ok = parse(`alerting:\n  transports:\n    __proto__: { type: webhook, urlCredential: x }\n  rules:\n    - { transports: [__proto__] }\n`);
    assert.deepEqual(ok.diagnostics, []);
    assert.deepEqual([...ok.inventory!.alerting!.transports.keys()], ['__proto__']);
  });
});
