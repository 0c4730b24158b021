// The extension's manifest and translations stay consistent: every %key% of package.json exists in
// package.nls.json and its French twin, and every vscode.l10n.t() string of src/extension has a French entry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const json = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** The literal first arguments of l10n.t('...') and l10n.t("...") calls, unescaped. */
function l10nStrings(): Set<string> {
  const out = new Set<string>();
  for (const f of sources(path.join(root, 'src', 'extension'))) {
    // Single- or double-quoted (a string with an apostrophe is written in double quotes).
    for (const m of readFileSync(f, 'utf8').matchAll(/l10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) out.add((m[1] ?? m[2]).replace(/\\(.)/g, '$1'));
  }
  return out;
}

describe('extension manifest and translations', () => {
  it('every %key% in package.json is in package.nls.json and package.nls.fr.json', () => {
    const keys = [...readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20, `found ${keys.length} keys`);
    const en = json('package.nls.json');
    const fr = json('package.nls.fr.json');
    for (const k of keys) {
      assert.ok(k in en, `package.nls.json lacks ${k}`);
      assert.ok(k in fr, `package.nls.fr.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort(), 'same keys in both languages');
  });

  it('every l10n.t() string of the extension has a French translation with the same placeholders', () => {
    const fr = json('l10n/bundle.l10n.fr.json') as Record<string, string>;
    const strings = l10nStrings();
    assert.ok(strings.size > 50, `found ${strings.size} strings`);
    const missing = [...strings].filter((s) => !(s in fr));
    assert.deepEqual(missing, [], `add the French of these vscode.l10n.t() strings to l10n/bundle.l10n.fr.json:\n${missing.map((m) => JSON.stringify(m)).join('\n')}`);
    const ph = (t: string) => [...t.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const s of strings) assert.deepEqual(ph(fr[s]), ph(s), `placeholders of "${s}"`);
    for (const k of Object.keys(fr)) assert.ok(strings.has(k), `l10n/bundle.l10n.fr.json has "${k}", which the code no longer uses`);
  });

  it('commands used in menus and welcome views are declared, and every declared command is registered in code', () => {
    const pkg = json('package.json');
    const declared = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const parc = [...declared].filter((c) => c.startsWith('parc.'));
    for (const items of Object.values(pkg.contributes.menus) as { command: string }[][]) {
      for (const i of items) if (i.command.startsWith('parc.')) assert.ok(declared.has(i.command), `menu uses undeclared ${i.command}`);
    }
    const code = sources(path.join(root, 'src', 'extension')).map((f) => readFileSync(f, 'utf8')).join('\n');
    const welcome = JSON.stringify(json('package.nls.json'));
    for (const m of welcome.matchAll(/command:(parc\.[A-Za-z.]+)/g)) assert.ok(declared.has(m[1]), `welcome view uses undeclared ${m[1]}`);
    for (const c of parc) assert.ok(code.includes(`'${c}'`), `${c} is declared but not registered in src/extension`);
  });
});
