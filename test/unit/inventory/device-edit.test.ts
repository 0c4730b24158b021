import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { removeDeviceFromFile, removeDeviceFromText, setDeviceSiteInText } from '../../../src/core/inventory/edit';
import { parseInventory } from '../../../src/core/inventory/parse';

const TEXT = `# the estate
sites:
  - region: Europe   # HQ region
    name: Paris
  - region: Europe
    name: Lyon

snmp:
  default: lan
  profiles:
    lan: { version: 2c, credential: lan }

devices:
  # core
  - host: 192.0.2.1
    name: core
    site: Paris
  - 192.0.2.2   # a bare entry
  - host: 192.0.2.3
    port: 1161
`;

describe('editing one device in parc.yaml', () => {
  it('removes a device and keeps every comment', () => {
    const out = removeDeviceFromText(TEXT, 'parc.yaml', '192.0.2.3:1161');
    assert.ok(!out.includes('192.0.2.3'));
    for (const c of ['# the estate', '# HQ region', '# core', '# a bare entry']) assert.ok(out.includes(c), c);
    assert.deepEqual(parseInventory(out, 'parc.yaml').inventory!.devices.map((d) => d.host), ['192.0.2.1', '192.0.2.2']);
  });

  it('moves a mapping entry and a bare entry to a site', () => {
    const moved = setDeviceSiteInText(TEXT, 'parc.yaml', '192.0.2.1:161', 'Lyon');
    assert.equal(parseInventory(moved, 'parc.yaml').inventory!.devices[0].site, 'Lyon');
    const bare = setDeviceSiteInText(TEXT, 'parc.yaml', '192.0.2.2:161', 'Paris');
    const d = parseInventory(bare, 'parc.yaml').inventory!.devices[1];
    assert.deepEqual([d.host, d.site], ['192.0.2.2', 'Paris']);
    assert.ok(bare.includes('# core') && bare.includes('# HQ region'));
  });

  it('clears an explicit site', () => {
    const out = setDeviceSiteInText(TEXT, 'parc.yaml', '192.0.2.1:161', undefined);
    assert.equal(parseInventory(out, 'parc.yaml').inventory!.devices[0].site, undefined);
  });

  it('names the problem when the device is not listed or the file is invalid, and leaves the file as it was', async () => {
    assert.throws(() => removeDeviceFromText(TEXT, 'parc.yaml', '192.0.2.9:161'), /no device 192\.0\.2\.9:161/);
    assert.throws(() => setDeviceSiteInText(TEXT.replace('port: 1161', 'port: lots'), 'parc.yaml', '192.0.2.1:161', 'Lyon'), /parc\.yaml:\d+:\d+: .*port/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-edit-'));
    const file = path.join(dir, 'parc.yaml');
    writeFileSync(file, TEXT);
    await assert.rejects(removeDeviceFromFile(file, '198.51.100.1:161'), /no device/);
    assert.equal(readFileSync(file, 'utf8'), TEXT);
    await removeDeviceFromFile(file, '192.0.2.2:161');
    assert.ok(!readFileSync(file, 'utf8').includes('192.0.2.2'));
  });
});
