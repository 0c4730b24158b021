// The extension's manifest and translations stay consistent: every %key% of package.json exists in
// package.nls.json and its French twin, and every vscode.l10n.t() string of src/extension has a French entry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { PARC_SCHEMA, type JsonSchema } from '../../../src/core/inventory/schema';

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

/** What Parc's own parc.yaml completion and hover translate (src/extension/inventory-help.ts passes vscode.l10n):
 * every description of the schema and the type words of src/core/inventory/yaml-help.ts. */
function schemaStrings(): Set<string> {
  const out = new Set<string>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object') return;
    if (typeof (s as JsonSchema).description === 'string') out.add((s as JsonSchema).description!);
    Object.values(s).forEach(walk);
  };
  walk(PARC_SCHEMA);
  for (const m of readFileSync(path.join(root, 'src', 'core', 'inventory', 'yaml-help.ts'), 'utf8').matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) out.add(m[1]);
  return out;
}

/** Strings that are the same word in French: allowed to be identical in both languages. */
const SAME_IN_FRENCH = new Set(['Parc', 'Sessions', 'Contact', 'Distribution', 'Interfaces', 'Interface', 'OS', 'Site', 'Version', 'Description', '30 minutes', '{0} minutes', 'netplan {0}', 'pages', 'Signal', 'Ports', 'Port', 'Admin', 'Message', 'Utilisation', '{0} s', '{0} min', '{0} h']);

/** Fields of package.json's contributions that users read: they must be %keys% with a French translation. */
const SHOWN = new Set(['title', 'name', 'description', 'markdownDescription', 'contents', 'enumDescriptions', 'contextualTitle', 'displayName', 'altText', 'markdownEnumDescriptions', 'deprecationMessage']);

/** Literal user-visible strings of package.json (not %key%): path and value. */
function literalStrings(v: unknown, at: string, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x, i) => literalStrings(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = `${at}.${k}`;
      const shown = SHOWN.has(k) || /\.enumDescriptions\[\d+\]$/.test(p);
      if (typeof x === 'string' && shown && !/^%[^%]+%$/.test(x) && !SAME_IN_FRENCH.has(x)) out.push(`${p}: ${JSON.stringify(x)}`);
      else if (Array.isArray(x) && shown && x.every((e) => typeof e === 'string')) x.forEach((e, i) => !/^%[^%]+%$/.test(e) && out.push(`${p}[${i}]: ${JSON.stringify(e)}`));
      else literalStrings(x, p, out);
    }
  }
  return out;
}

/** English sentences written as string literals in extension code outside vscode.l10n.t() (and log calls). */
export function untranslatedLiterals(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((l, i) => {
    const code = l.replace(/^\s*(\/\/|\*|\/\*).*$/, '');
    // A lookup table of the webviews: the English key beside its translation.
    if (/^\s*\[(['"])([^'"]+)\1, vscode\.l10n\.t\(\1\2\1/.test(code)) return;
    for (const m of code.matchAll(/(?<!l10n\.t\(\s*)(['"`])([A-Z][a-z']+(?: [A-Za-z0-9'’,.:;()…-]+)+)\1/g)) {
      if (/\blog\.(info|warn|error|debug|trace)\([^)]*$/.test(code.slice(0, m.index))) continue;
      out.push(`${file}:${i + 1}: ${m[0]}`);
    }
  });
  return out;
}

describe('extension manifest and translations', () => {
  it('every user-visible string of package.json goes through package.nls.json (no English-only literal)', () => {
    const pkg = json('package.json');
    const literal = literalStrings({ displayName: pkg.displayName, description: pkg.description, contributes: pkg.contributes }, 'package.json');
    assert.deepEqual(literal, [], `put these strings in package.nls.json and package.nls.fr.json and use "%key%":\n${literal.join('\n')}`);
  });

  it('every French string is a translation, not a copy of the English', () => {
    const en = json('package.nls.json') as Record<string, string>;
    const fr = json('package.nls.fr.json') as Record<string, string>;
    const copies = Object.keys(en).filter((k) => fr[k] === en[k] && !SAME_IN_FRENCH.has(en[k]));
    const bundle = json('l10n/bundle.l10n.fr.json') as Record<string, string>;
    const bundleCopies = Object.keys(bundle).filter((k) => bundle[k] === k && !SAME_IN_FRENCH.has(k));
    assert.deepEqual([...copies, ...bundleCopies], [], 'French entries identical to the English (translate them, or add the word to SAME_IN_FRENCH if French uses it too)');
    for (const k of Object.keys(fr)) assert.ok(fr[k].trim(), `package.nls.fr.json: ${k} is empty`);
  });

  it('extension code shows no English sentence outside vscode.l10n.t()', () => {
    // The detector itself: it must catch a literal message and leave a translated one alone.
    assert.equal(untranslatedLiterals('x.ts', "void vscode.window.showInformationMessage('Device added to parc.yaml.');").length, 1);
    assert.equal(untranslatedLiterals('x.ts', "void vscode.window.showInformationMessage(vscode.l10n.t('Device added to parc.yaml.'));").length, 0);
    const found = sources(path.join(root, 'src', 'extension')).flatMap((f) => untranslatedLiterals(path.relative(root, f), readFileSync(f, 'utf8')));
    assert.deepEqual(found, [], 'wrap these in vscode.l10n.t() and add their French to l10n/bundle.l10n.fr.json');
  });

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
    const schema = schemaStrings();
    for (const k of Object.keys(fr)) assert.ok(strings.has(k) || schema.has(k), `l10n/bundle.l10n.fr.json has "${k}", which the code no longer uses`);
  });

  it('every description and type word of the parc.yaml schema has French (Parc\'s own completion and hover)', () => {
    const fr = json('l10n/bundle.l10n.fr.json') as Record<string, string>;
    const schema = schemaStrings();
    assert.ok(schema.size > 150, `found ${schema.size} schema strings`);
    assert.ok(schema.has('list of {0}') && schema.has('mapping of names'), 'type words found in yaml-help.ts');
    const missing = [...schema].filter((s) => !Object.hasOwn(fr, s));
    assert.deepEqual(missing, [], `add the French of these schema texts to l10n/bundle.l10n.fr.json:\n${missing.map((m) => JSON.stringify(m)).join('\n')}`);
    const ph = (t: string) => [...t.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const s of schema) assert.deepEqual(ph(fr[s]), ph(s), `placeholders of "${s}"`);
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
