import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkConfigText, type ConfigCheck } from '../../../src/core/observium/check';
import { correctedSettings } from '../../../src/core/observium/fix';
import { rewriteLdapSection } from '../../../src/core/observium/rewrite';
import { unifiedDiff } from '../../../src/core/observium/diff';
import { isLdapKey } from '../../../src/core/observium/keys';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ldap');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const found = (c: ConfigCheck) => c.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}${d.key ? ` ${d.key}` : ''}`);

/** The file's lines that belong to no LDAP statement: a rewrite must leave exactly these unchanged. */
function otherLines(text: string): string[] {
  const c = checkConfigText(text);
  const taken = new Set<number>();
  for (const s of c.parsed.statements) {
    if (typeof s.path[0] !== 'string' || (!isLdapKey(s.path[0]) && !c.typos.has(s.path[0]))) continue;
    const end = c.parsed.lineOf(s.end).line;
    for (let l = s.line; l <= end; l++) taken.add(l);
  }
  return text.split('\n').filter((_, i) => !taken.has(i + 1));
}

describe('Observium config.php check', () => {
  it('finds nothing wrong in clean, realistic files', () => {
    for (const f of ['observium-ad.config.php', 'observium-openldap.config.php']) assert.deepEqual(found(checkConfigText(fixture(f))), [], f);
  });

  it('reports duplicates, typos, wrong types and silent failures in a messy file, each at its line', () => {
    const c = checkConfigText(fixture('observium-messy.config.php'));
    assert.deepEqual(found(c), [
      '15 warning duplicate auth_mechanism',
      '16 warning duplicate auth_ldap_server',
      '17 warning type auth_ldap_port',
      '18 warning duplicate auth_ldap_starttls',
      '18 error value auth_ldap_starttls',
      '20 warning unknown-key auth_ldap_opjectclass',
      '22 warning unknown-key auth_ldap_attr',
      '31 info dynamic auth_ldap_bindpw',
      '32 warning type auth_ldap_group',
      '33 error value auth_ldap_groupmembertype',
      '34 warning consistency auth_ldap_groupmembertype',
      '35 error type auth_ldap_recursive',
      '37 warning type auth_ldap_groups',
      '38 warning unknown-key auth_ldap_groups',
      '39 error value auth_ldap_starttls',
      '39 warning consistency auth_ldap_starttls',
      '42 info conditional auth_ldap_server',
    ]);
    const msg = (line: number, code: string) => c.diagnostics.find((d) => d.line === line && d.code === code)!.message;
    assert.match(msg(20, 'unknown-key'), /auth_ldap_opjectclass → auth_ldap_objectclass\?/);
    assert.match(msg(16, 'duplicate'), /assigned again at line 26/);
    assert.match(msg(35, 'type'), /the string 'false' is TRUE in PHP/);
    assert.match(msg(17, 'type'), /=== 636/);
    assert.match(msg(22, 'unknown-key'), /'uidnumber' → 'uidNumber'/);
  });

  it('reports missing required settings', () => {
    const c = checkConfigText("<?php\n$config['auth_mechanism'] = 'ldap';\n$config['auth_ldap_binddn'] = 'cn=svc,dc=x';\n");
    const missing = c.diagnostics.filter((d) => d.code === 'missing').map((d) => `${d.severity} ${d.key}`);
    assert.deepEqual(missing.sort(), ['error auth_ldap_bindpw', 'error auth_ldap_server', 'error auth_ldap_suffix', 'warning auth_ldap_group', 'warning auth_ldap_groups']);
  });

  it('points at included files, whose settings it does not read', () => {
    const c = checkConfigText("<?php\n$config['auth_mechanism'] = 'ldap';\ninclude_once __DIR__ . '/ldap.inc.php';\n");
    const inc = c.diagnostics.find((d) => d.code === 'include')!;
    assert.equal(inc.line, 3);
    assert.match(inc.message, /^include_once __DIR__ \. '\/ldap\.inc\.php'; — settings in the included file are not read/);
  });

  it('says when the LDAP settings are not used at all', () => {
    const c = checkConfigText("<?php\n$config['auth_ldap_server'] = 'dc1';\n");
    assert.ok(c.diagnostics.some((d) => d.code === 'unused' && /auth_mechanism is 'mysql' \(the default\)/.test(d.message)));
  });
});

describe('Observium config.php rewrite', () => {
  it('writes a corrected LDAP section that checks clean, everything else byte for byte', () => {
    const text = fixture('observium-messy.config.php');
    const c = checkConfigText(text);
    const { wanted, notes } = correctedSettings(c);
    assert.ok(notes.includes('auth_ldap_opjectclass renamed to auth_ldap_objectclass'));
    const r = rewriteLdapSection(c, wanted);
    assert.deepEqual(otherLines(r.text), otherLines(text));
    assert.deepEqual(found(checkConfigText(r.text)).map((x) => x.replace(/^\d+ /, '')), ['info dynamic auth_ldap_bindpw', 'info conditional auth_ldap_server']);
    assert.match(r.notes[0], /inside a condition; left as it is/);
    // The evaluated settings are what the messy file meant.
    const after = checkConfigText(r.text).parsed.config;
    const v = (k: string) => JSON.stringify(after.entries.find((e) => e.key === k)?.value);
    assert.equal(v('auth_ldap_port'), JSON.stringify({ t: 'int', v: 636 }));
    assert.equal(v('auth_ldap_starttls'), JSON.stringify({ t: 'string', v: 'require' }));
    assert.equal(v('auth_ldap_objectclass'), JSON.stringify({ t: 'string', v: 'user' }));
    // Running it again changes nothing.
    const again = checkConfigText(r.text);
    assert.equal(rewriteLdapSection(again, correctedSettings(again).wanted).text, r.text);
  });

  it('keeps CRLF line endings and leaves a clean file untouched', () => {
    const text = fixture('observium-ad.config.php').replace(/\n/g, '\r\n');
    const c = checkConfigText(text);
    assert.equal(rewriteLdapSection(c, correctedSettings(c).wanted).text, text);
    const messy = fixture('observium-messy.config.php').replace(/\n/g, '\r\n');
    const mc = checkConfigText(messy);
    const out = rewriteLdapSection(mc, correctedSettings(mc).wanted).text;
    assert.ok(!/[^\r]\n/.test(out), 'every line break stays CRLF');
    assert.deepEqual(otherLines(out), otherLines(messy));
  });

  it('changes a value in place, keeping spacing and the trailing comment', () => {
    const text = fixture('observium-ad.config.php');
    const c = checkConfigText(text);
    const r = rewriteLdapSection(c, new Map([['auth_ldap_starttls', { t: 'string', v: 'require' }]]));
    assert.match(r.text, /\$config\['auth_ldap_starttls'\] {2}= 'require'; {12}\/\/ LDAPS on 636, no STARTTLS\n/);
    assert.equal(r.text.length, text.length + "'require'".length - "'no'".length);
  });

  it('adds missing settings after the last LDAP line, and before ?> when there is none', () => {
    const r = rewriteLdapSection(checkConfigText(fixture('observium-openldap.config.php')), new Map([['auth_ldap_recursive', { t: 'bool', v: true }]]));
    assert.match(r.text, /\$config\['auth_ldap_groups'\]\['noc'\]\['level'\] = 7;\n\$config\['auth_ldap_recursive'\] = TRUE;\n\?>\n$/);
    const bare = rewriteLdapSection(checkConfigText("<?php\n$config['db_host'] = 'x';\n?>\n"), new Map([['auth_mechanism', { t: 'string', v: 'ldap' }]]));
    assert.equal(bare.text, "<?php\n$config['db_host'] = 'x';\n$config['auth_mechanism'] = 'ldap';\n?>\n");
  });

  it('shows a unified diff with the bind password masked', () => {
    const text = fixture('observium-ad.config.php');
    const c = checkConfigText(text);
    const r = rewriteLdapSection(c, new Map([['auth_ldap_bindpw', { t: 'string', v: 'N3w-Secret!' }]]));
    const d = unifiedDiff(text, r.text, 'config.php', 'config.php (new)');
    assert.match(d, /^--- config\.php\n\+\+\+ config\.php \(new\)\n@@ -2[0-9],7 \+2[0-9],7 @@\n/);
    assert.ok(!d.includes('S3rvice-Pass!') && !d.includes('N3w-Secret!'), d);
    assert.match(d, /^-\$config\['auth_ldap_bindpw'\] {4}= '\*\*\*\*\*\*\*\*';$/m);
  });
});
