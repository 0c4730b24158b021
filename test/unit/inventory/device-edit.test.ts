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

// Found by the attach extension-host test: an admin's Move or Remove through parc serve reprinted the whole file
// with yaml's printer (`[PAR]` became `[ PAR ]`, the spaces before comments went). Only the entry may change.
const FLOW = `sites:
  - region: Europe
    name: Paris
    aliases: [PAR]
  - { region: Europe, name: Lyon }

snmp:
  profiles:
    lab:
      version: 2c
      credential: lab-community   # PARC_CRED_LAB_COMMUNITY

devices:
  # in Paris because parc.yaml says so
  - { host: 127.0.0.1, port: 1161, name: paris-core, site: Paris }
  - { host: 127.0.0.1, port: 1162, name: lyon-sw }     # located by sysLocation
  - host: 127.0.0.1
    port: 1163   # block style
    name: block
  - 127.0.0.2      # bare
`;

describe('device edits change only the entry\'s bytes', () => {
  it('removes a flow entry, a block entry and a bare entry, line and all', () => {
    const lines = FLOW.split('\n');
    const without = (...drop: string[]) => lines.filter((l) => !drop.some((d) => l.includes(d))).join('\n');
    assert.equal(removeDeviceFromText(FLOW, 'parc.yaml', '127.0.0.1:1162'), without('lyon-sw'));
    assert.equal(removeDeviceFromText(FLOW, 'parc.yaml', '127.0.0.1:1163'), without('host: 127.0.0.1\n', 'port: 1163', 'name: block').replace('  - host: 127.0.0.1\n', ''));
    assert.equal(removeDeviceFromText(FLOW, 'parc.yaml', '127.0.0.2:161'), without('127.0.0.2'));
  });

  it('sets, changes and clears a site in place, in flow, block and bare entries', () => {
    assert.equal(setDeviceSiteInText(FLOW, 'parc.yaml', '127.0.0.1:1161', 'Lyon'), FLOW.replace('name: paris-core, site: Paris }', 'name: paris-core, site: Lyon }'));
    assert.equal(setDeviceSiteInText(FLOW, 'parc.yaml', '127.0.0.1:1162', 'Paris'), FLOW.replace('name: lyon-sw }', 'name: lyon-sw, site: Paris }'));
    assert.equal(setDeviceSiteInText(FLOW, 'parc.yaml', '127.0.0.1:1161', undefined), FLOW.replace(', site: Paris }', ' }'));
    assert.equal(setDeviceSiteInText(FLOW, 'parc.yaml', '127.0.0.1:1163', 'Paris'), FLOW.replace('    name: block\n', '    name: block\n    site: Paris\n'));
    const back = setDeviceSiteInText(setDeviceSiteInText(FLOW, 'parc.yaml', '127.0.0.1:1163', 'Paris'), 'parc.yaml', '127.0.0.1:1163', undefined);
    assert.equal(back, FLOW);
    assert.equal(setDeviceSiteInText(FLOW, 'parc.yaml', '127.0.0.2:161', 'Lyon'), FLOW.replace('  - 127.0.0.2      # bare', '  - { host: 127.0.0.2, site: Lyon }      # bare'));
  });

  it('quotes a site name that plain YAML would read as something else', () => {
    const odd = ['yes', 'Site: B', 'a, b', '12'];
    const text = FLOW.replace('  - { region: Europe, name: Lyon }\n', `  - { region: Europe, name: Lyon }\n${odd.map((n) => `  - { region: Europe, name: ${JSON.stringify(n)} }\n`).join('')}`);
    for (const site of odd) {
      const out = setDeviceSiteInText(text, 'parc.yaml', '127.0.0.1:1161', site);
      assert.equal(parseInventory(out, 'parc.yaml').inventory?.devices[0].site, site, site);
      assert.ok(out.includes('aliases: [PAR]') && out.includes('lab-community   # PARC'), 'the rest stays as written');
    }
  });

  it('falls back to the document printer for a flow list of devices, still correct', () => {
    const text = 'devices: [127.0.0.1, 127.0.0.3]\n';
    assert.deepEqual(parseInventory(removeDeviceFromText(text, 'parc.yaml', '127.0.0.1:161'), 'parc.yaml').inventory!.devices.map((d) => d.host), ['127.0.0.3']);
  });
});
