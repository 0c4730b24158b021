// Issue 13, items 1 and 7: prototype names must not pass validation, and parc.yaml mistakes that used to
// pass silently (or with a wrong message) are errors that say what is wrong and where.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkHost, parseInventory } from '../../../src/core/inventory/parse';

const v3 = (extra: string) => `snmp:
  profiles:
    p: { version: 3, user: u, authCredential: a, privCredential: b, ${extra} }
devices:
  - { host: 192.0.2.1, profile: p }
`;

describe('prototype names in parc.yaml (issue 13, item 1)', () => {
  for (const [what, extra, re] of [
    ['level: constructor', 'level: constructor', /snmp\.profiles\.p\.level must be one of .*\(got "constructor"\)/],
    ['level: __proto__', 'level: __proto__', /level must be one of .*"__proto__"/],
    ['auth: constructor, priv: __proto__', 'auth: constructor, priv: __proto__', /auth must be one of .*"constructor"/],
    ['priv: toString', 'level: authPriv, priv: toString', /priv must be one of .*"tostring"/],
    ['version: constructor', 'version: constructor', /version must be one of/],
  ] as const) {
    it(`rejects ${what} with a located error, no inventory`, () => {
      const { inventory, diagnostics } = parseInventory(v3(extra).replace('version: 3, ', what.startsWith('version') ? '' : 'version: 3, '), 'parc.yaml');
      assert.equal(inventory, undefined, 'no inventory to poll with');
      const err = diagnostics.find((d) => d.severity === 'error' && re.test(d.message));
      assert.ok(err, `expected ${re}: ${JSON.stringify(diagnostics)}`);
      assert.equal(err.line, 3);
      assert.ok(err.col > 1);
      assert.ok(!diagnostics.some((d) => /undefined/.test(d.message)), `no "undefined" in messages: ${diagnostics.map((d) => d.message).join(' | ')}`);
    });
  }

  it('an unknown level does not also say "level undefined needs authCredential"', () => {
    const { diagnostics } = parseInventory(v3('level: bogus').replace('authCredential: a, ', ''), 'parc.yaml');
    assert.ok(diagnostics.some((d) => /level must be one of/.test(d.message)));
    assert.ok(!diagnostics.some((d) => /level undefined/.test(d.message)), diagnostics.map((d) => d.message).join(' | '));
  });

  it('a membership of constructor in a directory profile is not accepted either (shared oneOf)', () => {
    const { diagnostics } = parseInventory(v3('level: authPriv'), 'parc.yaml');
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  });
});

describe('parc.yaml mistakes that used to pass (issue 13, item 7)', () => {
  it('a misspelt devices: key is an error, not a warning and zero devices', () => {
    const { inventory, diagnostics } = parseInventory('devics:\n  - 192.0.2.1\n', 'parc.yaml');
    assert.equal(inventory, undefined);
    const err = diagnostics.find((d) => d.severity === 'error');
    assert.ok(err, JSON.stringify(diagnostics));
    assert.match(err.message, /no devices.*"devics"/);
    assert.deepEqual([err.line, err.col], [1, 1]);
    assert.ok(diagnostics.some((d) => d.severity === 'warning' && /did you mean "devices"/.test(d.message)));
  });

  it('an unknown key next to real devices stays a warning', () => {
    const { inventory, diagnostics } = parseInventory('devices:\n  - 192.0.2.1\nextra: 1\n', 'parc.yaml');
    assert.ok(inventory);
    assert.deepEqual(diagnostics.map((d) => d.severity), ['warning']);
  });

  it('an empty parc.yaml says so', () => {
    for (const text of ['', '\n', '# only a comment\n']) {
      const { inventory, diagnostics } = parseInventory(text, 'parc.yaml');
      assert.ok(inventory, 'an empty file is a valid, empty inventory');
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.match(diagnostics[0].message, /parc\.yaml is empty: no devices/);
      assert.equal(diagnostics[0].line, 1);
    }
  });

  it('two devices with the same name are an error naming both lines', () => {
    const { inventory, diagnostics } = parseInventory('devices:\n  - { host: 192.0.2.1, name: core }\n  - { host: 192.0.2.2, name: Core }\n', 'parc.yaml');
    assert.equal(inventory, undefined);
    const err = diagnostics.find((d) => d.severity === 'error')!;
    assert.match(err.message, /the name "Core" is already used by the device at line 2/);
    assert.equal(err.line, 3);
  });

  it('999.1.1.1 and host:port are rejected at load, with the fix', () => {
    const { inventory, diagnostics } = parseInventory('devices:\n  - host: 999.1.1.1\n  - host: 127.0.0.1:39191\n  - host: 1.2.3.4.5\n', 'parc.yaml');
    assert.equal(inventory, undefined);
    const msgs = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`);
    assert.deepEqual(msgs, [
      '2:11 devices[0].host: "999.1.1.1" is not a valid IPv4 address (four numbers from 0 to 255)',
      '3:11 devices[1].host: "127.0.0.1:39191" has a port in it: write host: 127.0.0.1 and port: 39191',
      '4:11 devices[2].host: "1.2.3.4.5" is not a valid IPv4 address (four numbers from 0 to 255)',
    ]);
  });

  it('checkHost accepts names and real addresses', () => {
    for (const ok of ['127.1', '127.0.1', '10.1.1', '192.0.2.1', 'core-sw1.example.org', '::1', 'fe80::1', 'localhost', '2001:db8::161']) assert.equal(checkHost(ok), undefined, ok);
    for (const bad of ['256.0.0.1', '1.2.3.4.5', 'a b', '1::2::3', 'host:161']) assert.ok(checkHost(bad), bad);
  });
});

describe('own-key lookups (issue 13, item 1)', () => {
  it('own() and hasOwnKey() never see inherited names', async () => {
    const { own, hasOwnKey } = await import('../../../src/core/lookup');
    const t: Record<string, string> = { md5: 'md5' };
    for (const k of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      assert.equal(own(t, k), undefined, k);
      assert.equal(hasOwnKey(t, k), false, k);
    }
    assert.equal(own(t, 'md5'), 'md5');
    assert.equal(own(t, undefined), undefined);
  });

  it('the CLI option parser refuses --constructor and --__proto__', async () => {
    const { parseArgs } = await import('../../../src/cli/args');
    for (const name of ['constructor', '__proto__', 'toString']) assert.throws(() => parseArgs([`--${name}`, 'x'], { inventory: 'string' }), /unknown option/, name);
  });
});
