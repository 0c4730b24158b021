// Core errors a user meets in the first hour come out in French through the extension's l10n: the messages are
// produced by the core itself (SNMP failures, a poll without a profile, a cut poll, parc.yaml problems, a down
// event) and each must have a known shape in src/extension/error-text.ts and a French translation in the bundle.
// A core message reworded without its shape here fails this test.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { classifyError, openClient, type SnmpTarget } from '../../../src/core/snmp/client';
import { Budget } from '../../../src/core/poll/budget';
import { SnmpPoller } from '../../../src/core/poll/poller';
import { parseInventory } from '../../../src/core/inventory/parse';
import { knownShape, translateError, type L10n } from '../../../src/extension/error-text';

const root = path.resolve(__dirname, '../../../..');
const fr = JSON.parse(readFileSync(path.join(root, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
const missing = new Set<string>();
const french: L10n = {
  t: (m, ...a) => {
    if (!Object.hasOwn(fr, m)) missing.add(m);
    return (fr[m] ?? m).replace(/\{(\d+)\}/g, (_x, i: string) => String(a[Number(i)]));
  },
};

const v2: SnmpTarget = { host: '192.0.2.7', port: 1161, profile: { name: 'office', version: '2c', credential: 'office', timeoutMs: 2000, retries: 1 } as SnmpTarget['profile'] };
const v3: SnmpTarget = { host: '192.0.2.8', port: 161, profile: { name: 'secure', version: '3', user: 'parc', level: 'authPriv', auth: 'sha', priv: 'aes', authCredential: 'a', privCredential: 'p', timeoutMs: 1000, retries: 0 } as SnmpTarget['profile'] };

async function coreMessages(): Promise<string[]> {
  const out = [
    classifyError(new Error('Request timed out'), v2).message,
    classifyError(new Error('Unknown User Name'), v3).message,
    classifyError(new Error('Wrong Digest'), v3).message,
    classifyError(new Error('Decryption Error'), v3).message,
    classifyError(new Error('Unsupported Security Level'), v3).message,
    classifyError(Object.assign(new Error('getaddrinfo ENOTFOUND printer.corp'), { code: 'ENOTFOUND' }), v2).message,
  ];
  const none = { get: async () => undefined };
  for (const t of [v2, v3]) out.push(await openClient(t, none).then(() => 'opened', (e: Error) => e.message));
  const v3noPriv: SnmpTarget = { ...v3, profile: { ...v3.profile } };
  out.push(await openClient(v3noPriv, { get: async (n: string) => (n === 'a' ? 'authpass123' : undefined) }).then((c) => (c.close(), 'opened'), (e: Error) => e.message));
  const noProfile = await new SnmpPoller({ secrets: none }).pollOne({ device: { host: '192.0.2.9', port: 161, line: 1 } as never, profile: undefined });
  out.push(noProfile.error!);
  for (const why of ['the per-device time budget', "the cycle's deadline"]) {
    const b = new Budget(0, '192.0.2.10:161', why);
    out.push(b.spent!.message);
  }
  const skipped = await new SnmpPoller({ secrets: none }).pollOne({ device: { host: '192.0.2.11', port: 161, line: 1 } as never, profile: v2.profile }, Date.now() - 1);
  out.push(skipped.error!);
  // parc.yaml problems, as the Problems panel and the tree's error row show them.
  const broken = [
    'sites:\n  - region: Nord\n    nmae: Lille\n',
    'snmp:\n  default: x\n  profiles:\n    x: { version: 4, credential: c, retries: 99 }\ndevices:\n  - host: 192.0.2.1\n    site: Lile\n    port: big\n',
    'devices: 3\n',
    '',
  ];
  for (const text of broken) out.push(...parseInventory(text, 'parc.yaml').diagnostics.map((d) => `parc.yaml:${d.line}:${d.col}: ${d.message}`));
  return out;
}

describe('core errors in the display language', () => {
  it('every first-hour core error has a known shape and a French translation keeping its details', async () => {
    const messages = await coreMessages();
    assert.ok(messages.length >= 18, `produced ${messages.length} messages:\n${messages.join('\n')}`);
    const unknown = messages.filter((m) => !knownShape(m));
    assert.deepEqual(unknown, [], 'core messages with no shape in src/extension/error-text.ts (add one and its French)');
    for (const m of messages) {
      const said = translateError(m, french);
      assert.notEqual(said, m, `not translated: ${m}`);
      // Names, addresses and numbers of the message are kept (quoted words: names; quoted phrases are English).
      for (const token of m.match(/\d+\.\d+\.\d+\.\d+(:\d+)?|"[^"\s]+"|\b\d+\b/g) ?? []) {
        assert.ok(said.includes(token.replace(/^"|"$/g, '')), `"${token}" lost in: ${said} (from ${m})`);
      }
    }
    assert.deepEqual([...missing], [], 'templates without French in l10n/bundle.l10n.fr.json');
  });

  it('a down event is translated with its reason, and an unknown message is left as it is', () => {
    const reason = classifyError(new Error('Request timed out'), v2).message;
    const said = translateError(`nas-old is down: ${reason}`, french);
    assert.match(said, /^nas-old est injoignable : pas de réponse SNMP de 192\.0\.2\.7:1161 après 2 tentative\(s\) de 2000 ms/);
    assert.equal(translateError('something new went wrong', french), 'something new went wrong');
  });
});
