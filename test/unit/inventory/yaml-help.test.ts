// Parc's own parc.yaml completion and hover (for editors without a YAML language server), on text being typed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { complete, hover, namesIn, pathAt } from '../../../src/core/inventory/yaml-help';

const DOC = `sites:
  - region: Europe
    name: Paris
    aliases: [PAR]
snmp:
  default: lan
  profiles:
    lan:
      version: 2c
      credential: lan-community
    secure:
      version: 3
devices:
  - host: 192.0.2.10
    site: 
windows:
  - host: rds1
    transport: winrm
    
`;

/** Line and column of the end of the first line that starts with `prefix` (after its indentation). */
function at(text: string, prefix: string): [number, number] {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.trimStart().startsWith(prefix) || l === prefix);
  assert.ok(i >= 0, prefix);
  return [i, lines[i].length];
}

const labels = (text: string, line: number, ch: number) => complete(text, line, ch).map((c) => c.label);

describe('parc.yaml completion and hover', () => {
  it('finds the path of the cursor from indentation and list dashes', () => {
    const lines = DOC.split('\n');
    assert.deepEqual(pathAt(lines, at(DOC, 'credential:')[0], 6), ['snmp', 'profiles', 'lan']);
    assert.deepEqual(pathAt(lines, at(DOC, 'transport:')[0], 4), ['windows', '[]']);
    assert.deepEqual(pathAt(lines, 0, 0), []);
  });

  it('offers the keys of the mapping under the cursor, without those already given', () => {
    const [l] = at(DOC, 'transport:');
    const keys = labels(DOC, l + 1, 4);
    assert.ok(keys.includes('user') && keys.includes('credential') && keys.includes('codepage'), keys.join(','));
    assert.ok(!keys.includes('host') && !keys.includes('transport'), 'host and transport are already there');
    const top = labels('', 0, 0);
    for (const k of ['sites', 'snmp', 'devices', 'windows', 'linux', 'directories', 'alerting']) assert.ok(top.includes(k), k);
    const item = complete('', 0, 0).find((c) => c.label === 'devices')!;
    assert.equal(item.insert, 'devices: ');
    assert.match(item.documentation!, /Devices to monitor/);
  });

  it('offers profile names, site names and enum values as values', () => {
    assert.deepEqual(namesIn(DOC), { profiles: ['lan', 'secure'], sites: ['Paris', 'PAR'], transports: [] });
    const [sl, sc] = at(DOC, 'site:');
    assert.deepEqual(labels(DOC, sl, sc), ['Paris', 'PAR']);
    const text = DOC.replace('  - host: 192.0.2.10\n', '  - host: 192.0.2.10\n    profile: ');
    const [pl, pc] = at(text, 'profile:');
    assert.deepEqual(labels(text, pl, pc), ['lan', 'secure']);
    const [tl, tc] = at(DOC, 'transport:');
    assert.deepEqual(labels(DOC.replace('transport: winrm', 'transport: '), tl, tc - 'winrm'.length), ['local', 'ssh', 'winrm']);
  });

  it('explains a key on hover, with its type', () => {
    const [l] = at(DOC, 'transport:');
    const h = hover(DOC, l, 6);
    assert.ok(h);
    assert.match(h.markdown, /\*\*windows\.transport\*\* — local \| ssh \| winrm/);
    assert.match(h.markdown, /quser/);
    assert.equal(hover(DOC, l, 30), undefined, 'not past the key');
  });

  it('says descriptions and type words in the display language when given the translations (French bundle)', () => {
    const fr = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../l10n/bundle.l10n.fr.json'), 'utf8')) as Record<string, string>;
    const t = (s: string, ...a: (string | number)[]) => (Object.hasOwn(fr, s) ? fr[s] : s).replace(/\{(\d+)\}/g, (_m, i: string) => String(a[Number(i)]));
    const text = 'sites:\n  - region: Nord\n    subnets: [10.0.0.0/8]\n';
    const h = hover(text, 2, 6, t)!;
    assert.match(h.markdown, /\*\*sites\.subnets\*\* — string ou liste de string/);
    assert.match(h.markdown, /Sous-réseaux en notation CIDR/);
    const keys = complete('devices:\n  - host: 192.0.2.1\n    ', 2, 4, undefined, t);
    assert.equal(keys.find((k) => k.label === 'port')?.documentation, 'Port SNMP (161 par défaut).');
    assert.match(hover('devices:\n  - 192.0.2.1\n', 0, 2, t)!.markdown, /^\*\*devices\*\* — liste de valeurs/);
  });
});
