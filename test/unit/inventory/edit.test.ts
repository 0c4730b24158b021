import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDevicesToFile, addDevicesToText, loadInventory } from '../../../src/core/inventory/file';
import { InputErrors } from '../../../src/core/errors';
import { readCredentialsFile } from '../../../src/core/inventory/credentials';
import { ISSUE_EXAMPLE } from '../../fixtures/inventory/examples';

const COMMENTED = `# Estate of the IT team — keep this file in git
sites:
  - region: Île-de-France   # the HQ region
    name: Suresnes HQ
    subnets: [10.1.0.0/16]

snmp:
  default: office-v2
  profiles:
    office-v2: { version: 2c, credential: office }   # community in PARC_CRED_OFFICE

devices:
  # core switches
  - host: 10.1.2.3
    name: core-sw1
`;

describe('inventory writing', () => {
  it('adds devices and keeps comments, order and formatting of the rest', () => {
    const { text, added } = addDevicesToText(COMMENTED, 'parc.yaml', [{ host: '10.1.9.9', name: 'new-sw' }, { host: '10.1.2.3' }]);
    assert.equal(added.length, 1, 'the device already listed is skipped');
    assert.ok(text.startsWith(COMMENTED.trimEnd().split('\n').slice(0, -2).join('\n')), text);
    for (const line of COMMENTED.split('\n')) assert.ok(text.includes(line), `lost line: ${line}`);
    assert.match(text, /- host: 10\.1\.9\.9\n\s+name: new-sw/);
  });

  it('round-trips the issue example: load, add, load again', () => {
    const { text } = addDevicesToText(ISSUE_EXAMPLE, 'parc.yaml', [{ host: '10.2.0.7', profile: 'secure-v3', port: 1161 }]);
    assert.ok(text.startsWith(ISSUE_EXAMPLE), 'existing text is kept byte for byte');
    assert.match(text, /port: 1161/);
  });

  it('creates the devices list when there is none', () => {
    const { text } = addDevicesToText('# empty estate\nsnmp:\n  profiles:\n    p: { version: 2c, credential: c }\n', 'f', [{ host: '192.0.2.5' }]);
    assert.match(text, /^# empty estate/);
    assert.match(text, /devices:\n\s*- host: 192\.0\.2\.5/);
  });

  it('never overwrites a broken file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-inv-'));
    const file = path.join(dir, 'parc.yaml');
    const broken = 'devices:\n  - host: a\n    port: seventy\n';
    writeFileSync(file, broken);
    await assert.rejects(addDevicesToFile(file, [{ host: 'b' }]), (err: unknown) => {
      assert.ok(err instanceof InputErrors);
      assert.match((err as Error).message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:11: devices\\[0\\]\\.port must be a whole number`));
      return true;
    });
    assert.equal(readFileSync(file, 'utf8'), broken);
    await assert.rejects(loadInventory(file), /3:11/);
  });

  it('writes atomically and keeps the file mode', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-inv-'));
    const file = path.join(dir, 'parc.yaml');
    writeFileSync(file, COMMENTED);
    chmodSync(file, 0o640);
    const added = await addDevicesToFile(file, [{ host: '10.1.4.4' }]);
    assert.equal(added.length, 1);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.equal((await loadInventory(file)).inventory.devices.length, 2);
  });

  it('reads a credentials file only when its mode is 0600', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-cred-'));
    const file = path.join(dir, 'credentials');
    writeFileSync(file, '# parc secrets\noffice = pub lic\nparc-auth: s3cret\n');
    chmodSync(file, 0o644);
    await assert.rejects(readCredentialsFile(file), /readable by others \(mode 644\).*chmod 600/);
    chmodSync(file, 0o600);
    const m = await readCredentialsFile(file);
    assert.equal(m.get('office'), 'pub lic');
    assert.equal(m.get('parc-auth'), 's3cret');
  });
});
