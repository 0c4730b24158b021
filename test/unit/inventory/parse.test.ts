import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInventory, profileFor } from '../../../src/core/inventory/parse';
import { DEFAULT_THRESHOLDS } from '../../../src/core/inventory/types';
import { credentialEnvName, EnvSecretSource } from '../../../src/core/inventory/credentials';
import { ISSUE_EXAMPLE } from '../../fixtures/inventory/examples';


describe('inventory parser', () => {
  it('loads the example of the foundation issue as written', () => {
    const { inventory, diagnostics } = parseInventory(ISSUE_EXAMPLE, 'parc.yaml');
    assert.deepEqual(diagnostics, []);
    assert.ok(inventory);
    assert.equal(inventory.sites.length, 2);
    assert.deepEqual(inventory.sites[0].aliases, ['Suresnes', 'Siège']);
    assert.equal(inventory.sites[0].subnets[0].text, '10.1.0.0/16');
    assert.deepEqual(inventory.sites[0].coordinates, [48.8711, 2.2266]);
    assert.equal(inventory.snmp.default, 'office-v2');
    const v3 = inventory.snmp.profiles.get('secure-v3')!;
    assert.equal(v3.version, '3');
    assert.equal(v3.level, 'authPriv');
    assert.equal(v3.auth, 'sha');
    assert.equal(v3.priv, 'aes');
    assert.equal(v3.authCredential, 'parc-auth');
    assert.equal(inventory.devices[0].name, 'core-sw1');
    assert.equal(profileFor(inventory, inventory.devices[0])?.name, 'secure-v3');
    assert.equal(profileFor(inventory, inventory.devices[1])?.name, 'office-v2');
    assert.equal(inventory.devices[1].site, 'Mitry-Mory');
    assert.equal(inventory.devices[1].line, 20);
  });

  it('maps credential names to PARC_CRED_ variables', async () => {
    assert.equal(credentialEnvName('office'), 'PARC_CRED_OFFICE');
    assert.equal(credentialEnvName('parc-auth'), 'PARC_CRED_PARC_AUTH');
    assert.equal(credentialEnvName('a.b c'), 'PARC_CRED_A_B_C');
    const s = new EnvSecretSource({ PARC_CRED_PARC_AUTH: 's3cret' });
    assert.equal(await s.get('parc-auth'), 's3cret');
    assert.equal(await s.get('office'), undefined);
  });

  it('reports every error with its line and column', () => {
    const text = `sites:
  - region: IDF
    name: A
    subnets: [10.1.0.0/33, 10.1.2.3/16]
snmp:
  profiles:
    bad: { version: 4 }
    v3: { version: 3, user: x, level: authPriv, authCredential: a }
devices:
  - host: 192.0.2.1
    profile: nope
  - { host: 192.0.2.1 }
  - name: no-host
`;
    const { inventory, diagnostics } = parseInventory(text, 'parc.yaml');
    assert.equal(inventory, undefined);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const find = (re: RegExp) => errors.find((d) => re.test(d.message));
    assert.deepEqual([find(/larger than 32/)?.line, find(/larger than 32/)?.col], [4, 15]);
    assert.match(find(/host bits/)!.message, /did you mean 10\.1\.0\.0\/16/);
    assert.equal(find(/host bits/)?.line, 4);
    assert.equal(find(/version must be one of/)?.line, 7);
    assert.equal(find(/needs "privCredential"/)?.line, 8);
    assert.equal(find(/no SNMP profile named "nope"/)?.line, 11);
    assert.equal(find(/already listed at line 10/)?.line, 12);
    assert.equal(find(/"host" is required/)?.line, 13);
  });

  it('reports YAML syntax errors with position', () => {
    const { inventory, diagnostics } = parseInventory('devices:\n  - host: a\n   bad: [\n', 'parc.yaml');
    assert.equal(inventory, undefined);
    assert.ok(diagnostics.length > 0);
    assert.ok(diagnostics.every((d) => d.line >= 2 && d.col >= 1), JSON.stringify(diagnostics));
  });

  it('refuses a community written into the file and warns about typos', () => {
    const { inventory, diagnostics } = parseInventory('snmp:\n  profiles:\n    p: { version: 2c, community: public, credential: x }\ndevics: []\n', 'f');
    assert.equal(inventory, undefined);
    assert.match(diagnostics.find((d) => d.severity === 'error')!.message, /community is a secret/);
    const typo = diagnostics.find((d) => d.severity === 'warning')!;
    assert.match(typo.message, /unknown key "devics" \(did you mean "devices"\?\)/);
    assert.equal(typo.line, 4);
  });

  it('accepts the sections of other features and keeps them as data', () => {
    const { inventory } = parseInventory('windows:\n  - host: rds01\n    transport: ssh\njanitor:\n  disconnectedOverMinutes: 60\n', 'f');
    assert.deepEqual(inventory?.extra.windows, [{ host: 'rds01', transport: 'ssh' }]);
    assert.deepEqual(inventory?.extra.janitor, { disconnectedOverMinutes: 60 });
  });

  it('reads the memory threshold beside the storage and CPU ones (default 90) and checks its range', () => {
    assert.equal(parseInventory('# none\n', 'f').inventory?.thresholds.memoryPercent, 90);
    const { inventory } = parseInventory('thresholds: { storagePercent: 80, memoryPercent: 95 }\n', 'f');
    assert.deepEqual(inventory?.thresholds, { ...DEFAULT_THRESHOLDS, storagePercent: 80, memoryPercent: 95 });
    const bad = parseInventory('thresholds:\n  memoryPercent: 120\n', 'f').diagnostics.find((d) => d.severity === 'error');
    assert.ok(bad && /memoryPercent/.test(bad.message) && bad.line === 2, JSON.stringify(bad));
  });

  it('treats an empty file as an empty estate, and says so', () => {
    const { inventory, diagnostics } = parseInventory('# nothing yet\n', 'f');
    assert.deepEqual(diagnostics.map((d) => [d.severity, d.message]), [['warning', 'f is empty: no devices to poll (add a "devices:" list)']]);
    assert.equal(inventory?.devices.length, 0);
  });
});
