import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfigPhp, lookup } from '../../../src/core/observium/php-config';
import { tokenize } from '../../../src/core/observium/php-lexer';
import { describe as show } from '../../../src/core/observium/php-value';

const value = (php: string, ...path: string[]) => {
  const v = lookup(parseConfigPhp(php).config, path);
  return v ? show(v) : undefined;
};

describe('PHP config reader', () => {
  it('decodes PHP string literals (single, double, heredoc, nowdoc)', () => {
    const strings = tokenize(`<?php 'it\\'s \\n' "tab\\t\\x41\\101\\$x" <<<EOT
  line1
    line2
  EOT;
<<<'RAW'
$not \\n interpolated
RAW;
`).filter((t) => t.kind === 'string');
    assert.deepEqual(strings.map((t) => t.value), ["it's \\n", 'tab\tAA$x', 'line1\n  line2', '$not \\n interpolated']);
    assert.equal(strings[0].interpolated, undefined);
  });

  it('evaluates in order: the last assignment wins, [] appends, unset removes', () => {
    const php = `<?php
$config['auth_ldap_server'] = 'a';
$config['auth_ldap_server'] = 'b';
$config['auth_ldap_group'][] = 'g1';
$config['auth_ldap_group'][] = 'g2';
$config['auth_ldap_attr'] = array('uid' => 'uid', 'cn' => 'cn');
$config['auth_ldap_attr']['uid'] = 'sAMAccountName';
$config['x'] = 1; unset($config['x']);
`;
    assert.equal(value(php, 'auth_ldap_server'), "'b'");
    assert.equal(value(php, 'auth_ldap_group'), "array('g1', 'g2')");
    assert.equal(value(php, 'auth_ldap_attr'), "array('uid' => 'sAMAccountName', 'cn' => 'cn')");
    assert.equal(value(php, 'x'), undefined);
  });

  it('handles comments, concatenation, constants, references and short arrays', () => {
    const php = `<?php
# hash comment $config['a'] = 'no';
/* block $config['a'] = 'no'; */
$config['base'] = 'DC=corp,DC=local'; // trailing
$config['auth_ldap_suffix'] = ',OU=Users,' . $config['base'];
$config['auth_ldap_port'] = 600 + 36;
$config['auth_ldap_recursive'] = true;
$config['auth_ldap_referrals'] = !TRUE;
$config['auth_ldap_groups'] = ['admins' => ['level' => 10], 'noc' => ['level' => 7,],];
$config['auth_ldap_bindpw'] = getenv("PW");
$config['auth_ldap_binddn'] = "CN=$user";
$config['auth_ldap_version'] = LDAP_VERSION;
`;
    assert.equal(value(php, 'a'), undefined);
    assert.equal(value(php, 'auth_ldap_suffix'), "',OU=Users,DC=corp,DC=local'");
    assert.equal(value(php, 'auth_ldap_port'), '636');
    assert.equal(value(php, 'auth_ldap_recursive'), 'TRUE');
    assert.equal(value(php, 'auth_ldap_referrals'), 'FALSE');
    assert.equal(value(php, 'auth_ldap_groups', 'noc', 'level'), '7');
    assert.equal(value(php, 'auth_ldap_bindpw'), 'getenv("PW")');
    assert.equal(value(php, 'auth_ldap_binddn'), '"CN=$user"');
    assert.equal(value(php, 'auth_ldap_version'), 'LDAP_VERSION');
  });

  it('marks assignments inside conditions and keeps them out of the evaluation', () => {
    const p = parseConfigPhp(`<?php
$config['auth_ldap_server'] = 'prod';
if ($test) {
  $config['auth_ldap_server'] = 'test';
} else $config['auth_ldap_port'] = 1;
function f() { $config['auth_ldap_prefix'] = 'x'; }
$config['auth_ldap_suffix'] = ',dc=x';
`);
    assert.deepEqual(p.statements.map((s) => [s.line, s.conditional]), [[2, false], [4, true], [5, true], [6, true], [7, false]]);
    assert.equal(show(lookup(p.config, ['auth_ldap_server'])!), "'prod'");
    assert.equal(lookup(p.config, ['auth_ldap_port']), undefined);
  });

  it('records where each statement and its value are, for in-place edits', () => {
    const php = "<?php\n  $config['auth_ldap_port']   =  389 ;  // ldap\n";
    const s = parseConfigPhp(php).statements[0];
    assert.equal(php.slice(s.start, s.end), "$config['auth_ldap_port']   =  389 ;");
    assert.equal(php.slice(s.valueStart, s.valueEnd), '389');
    assert.deepEqual([s.line, s.col], [2, 3]);
  });

  it('reports PHP syntax errors with their line', () => {
    const p = parseConfigPhp("<?php\n$config['a'] = 'b';\n$config['c'] = 'unterminated;\n");
    assert.equal(p.errors.length, 1);
    assert.equal(p.errors[0].line, 3);
  });
});
