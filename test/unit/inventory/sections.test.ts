// Add Windows Host / Linux Host / Directory write their section into parc.yaml as text: comments and layout stay,
// the result is valid for the inventory parser and the section's own reader, and a broken file is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addSectionEntryToText, entryName } from '../../../src/core/inventory/sections';
import { parseInventory } from '../../../src/core/inventory/parse';
import { readDirectories } from '../../../src/core/ldap/profile';
import { readWindowsSection } from '../../../src/core/rdp/hosts-read';
import { readLinuxHosts } from '../../../src/core/ssh/linux-hosts';

const BASE = `# our estate   (odd  spacing kept)
snmp:
  default: lan
  profiles:
    lan: { version: 2c, credential: lan }   # flow style kept

devices:
  - host: 192.0.2.10   # core
`;

describe('adding a section to parc.yaml', () => {
  it('appends an absent section with its comments, leaving every byte before it as it was', () => {
    const out = addSectionEntryToText(BASE, 'parc.yaml', 'windows', { target: 'rds1.example.net', name: 'rds1' });
    assert.ok(out.startsWith(BASE), 'the original text is a prefix');
    assert.match(out.slice(BASE.length), /^\n# Windows hosts .*\nwindows:\n {2}- host: rds1\.example\.net\n {4}name: rds1\n {4}transport: winrm/);
    assert.ok(parseInventory(out, 'parc.yaml').inventory);
    const w = readWindowsSection(out);
    assert.deepEqual(w.section?.hosts.map((h) => [h.name, h.host, h.transport]), [['rds1', 'rds1.example.net', 'winrm']]);
  });

  it('adds a second entry to an existing list, indented like the first, before what follows', () => {
    const one = addSectionEntryToText(BASE, 'parc.yaml', 'linux', { target: 'web1.example.net', name: 'web1' });
    const withTail = one + '\n# tail comment\nstate: .parc\n';
    const two = addSectionEntryToText(withTail, 'parc.yaml', 'linux', { target: '192.0.2.7', name: 'web2' });
    assert.deepEqual(readLinuxHosts(two).hosts.map((h) => h.name), ['web1', 'web2']);
    assert.ok(two.endsWith('\n# tail comment\nstate: .parc\n'), 'what follows the section is untouched');
    assert.ok(two.startsWith(one.slice(0, one.indexOf('    sudo: true') + '    sudo: true\n'.length)));
    assert.throws(() => addSectionEntryToText(two, 'parc.yaml', 'linux', { target: 'x', name: 'WEB1' }), /already has an entry named "WEB1"/);
  });

  it('adds directory profiles as mapping entries', () => {
    const one = addSectionEntryToText(BASE, 'parc.yaml', 'directories', { target: 'ldaps://dc1.example.net', name: 'corp' });
    const two = addSectionEntryToText(one, 'parc.yaml', 'directories', { target: 'ldaps://dc2.example.net', name: 'lab' });
    const r = readDirectories(two, '/tmp/parc.yaml');
    assert.deepEqual([...r.profiles.keys()], ['corp', 'lab']);
    assert.deepEqual(r.profiles.get('lab')?.urls, ['ldaps://dc2.example.net']);
    assert.match(two, /\n {4}url: ldaps:\/\/dc2\.example\.net\n/, 'a plain scalar, as a user writes it');
  });

  it('fills a key that is there with no value', () => {
    const out = addSectionEntryToText(BASE + 'windows:\n# later\n', 'parc.yaml', 'windows', { target: 'rds1', name: 'rds1' });
    assert.equal(readWindowsSection(out).section?.hosts.length, 1);
    assert.ok(out.endsWith('# later\n'));
  });

  it('refuses a broken file, naming where it is broken, and a flow-style section', () => {
    assert.throws(() => addSectionEntryToText('devices:\n  - host: [\n', 'parc.yaml', 'windows', { target: 'a', name: 'a' }), /^Error: parc\.yaml:\d+:\d+: /);
    assert.throws(() => addSectionEntryToText(BASE + 'linux: [{ host: a, user: b, agent: true }]\n', 'parc.yaml', 'linux', { target: 'c', name: 'c' }), /flow style/);
  });

  it('derives entry names from hosts and URLs', () => {
    assert.equal(entryName('rds1.example.net'), 'rds1');
    assert.equal(entryName('ldaps://DC1.corp.local:636'), 'dc1');
    assert.equal(entryName('192.0.2.7'), '192-0-2-7');
  });
});
