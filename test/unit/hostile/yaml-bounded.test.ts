// Issue 13, item 2: a YAML file nested thousands of levels deep is refused with a location before the
// yaml library recurses into it, and real files are never refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LineCounter } from 'yaml';
import { findTooDeep, MAX_YAML_DEPTH, parseYaml, parseYamlDocument, YamlDepthError } from '../../../src/core/yaml-bounded';
import { parseInventory } from '../../../src/core/inventory/parse';
import { readDirectories } from '../../../src/core/ldap/profile';
import { readLinuxHosts } from '../../../src/core/ssh/linux-hosts';
import { CORPUS } from '../../support/snmpsim';

const DEEP = '- '.repeat(2500) + 'x\n  a: 1\n';

describe('bounded YAML depth', () => {
  it('finds the place where the nesting goes too deep, in linear time', () => {
    assert.deepEqual(findTooDeep(DEEP), { line: 1, col: 2 * MAX_YAML_DEPTH + 1, depth: MAX_YAML_DEPTH + 1 });
    assert.equal(findTooDeep('['.repeat(5000))?.line, 1);
    assert.equal(findTooDeep('a:\n' + '  '.repeat(1) + '{'.repeat(200))?.line, 2);
    assert.equal(findTooDeep('- '.repeat(3_000_000))?.col, 2 * MAX_YAML_DEPTH + 1);
  });

  it('does not count brackets in quotes, comments or block scalars', () => {
    const text = `a: "[[[[${'['.repeat(300)}"\nb: '${'{'.repeat(300)}'\n# ${'['.repeat(300)}\nc: |\n  ${'- '.repeat(300)}\n  more\nd: 1\n`;
    assert.equal(findTooDeep(text), undefined);
    assert.equal(parseYamlDocument(text).errors.length, 0);
  });

  it('parseYamlDocument returns a located error instead of overflowing the stack', () => {
    const lines = new LineCounter();
    const doc = parseYamlDocument(DEEP, { lineCounter: lines });
    assert.equal(doc.errors.length, 1);
    assert.match(doc.errors[0].message, /nested deeper than 100 levels/);
    assert.deepEqual(doc.errors[0].linePos?.[0], { line: 1, col: 201 });
    assert.deepEqual(lines.linePos(doc.errors[0].pos[0]), { line: 1, col: 201 });
    assert.throws(() => parseYaml(DEEP, 'd.yaml'), (e: unknown) => e instanceof YamlDepthError && /^d\.yaml:1:201: /.test(e.message));
  });

  it('parc.yaml, directories and linux readers report it at line and column', () => {
    const inv = parseInventory(DEEP, 'parc.yaml');
    assert.equal(inv.inventory, undefined);
    assert.deepEqual(inv.diagnostics.map((d) => [d.line, d.col, /nested deeper/.test(d.message)]), [[1, 201, true]]);
    const dirs = readDirectories(DEEP, 'parc.yaml');
    assert.deepEqual(dirs.diagnostics.map((d) => [d.line, d.col]), [[1, 201]]);
    assert.doesNotThrow(() => readLinuxHosts(DEEP));
  });

  it('no file of the netplan suite corpus is refused', (t) => {
    const dir = path.join(CORPUS, 'netplan-suite');
    if (!existsSync(dir)) return t.skip(`no corpus at ${dir}`);
    const files: string[] = [];
    const walk = (d: string) => readdirSync(d).forEach((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : /\.ya?ml$/.test(n) && files.push(path.join(d, n))));
    walk(dir);
    assert.ok(files.length > 100, `${files.length} files`);
    const refused = files.filter((f) => findTooDeep(readFileSync(f, 'utf8')));
    assert.deepEqual(refused, []);
  });
});
