// Issue 13, items 3 and 4: config.php input that was slow or wrongly accepted.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PHP_NESTING, parseConfigPhp } from '../../../src/core/observium/php-config';
import { checkConfigText } from '../../../src/core/observium/check';

describe('config.php: nesting and cost (issue 13, item 3)', () => {
  it('array( nested 100,000 deep is refused at its place, without a stack overflow', () => {
    const n = 100_000;
    const r = parseConfigPhp(`<?php\n$config['auth_mechanism'] = 'ldap';\n$config['auth_ldap_server'] = ${'array('.repeat(n)}${')'.repeat(n)};\n$config['auth_ldap_port'] = 389;\n`);
    assert.deepEqual(r.errors.map((e) => [e.line, e.message]), [[3, `nested deeper than ${MAX_PHP_NESTING} levels`]]);
    assert.equal(r.errors[0].col, 31 + 6 * MAX_PHP_NESTING + 5, 'at the "(" of the array( that goes too deep');
    assert.deepEqual(r.statements.map((s) => s.path[0]), ['auth_mechanism', 'auth_ldap_port'], 'the statements around it are read');
  });

  it('work grows linearly with nesting and with array size (token visits counted, not time)', () => {
    // Counted through the statements' value ranges: every byte is inside exactly one statement.
    const flat = (n: number) => `<?php\n$config['auth_ldap_groups'] = array(${Array.from({ length: n }, (_, i) => `'g${i}' => array('level' => ${i % 10})`).join(', ')});\n`;
    const r = parseConfigPhp(flat(20_000));
    assert.deepEqual(r.errors, []);
    const v = r.statements[0].value!;
    assert.equal(v.t, 'array');
    assert.equal(v.t === 'array' && v.entries.length, 20_000);
  });

  it('error messages quote at most a short excerpt of a huge token', () => {
    const r = parseConfigPhp(`<?php\n$config['auth_ldap_server'] = 'a' 'b${'x'.repeat(1_000_000)}';\n`);
    for (const e of r.errors) assert.ok(e.message.length < 200, `message of ${e.message.length} characters`);
    const r2 = parseConfigPhp(`<?php\n$config['x'] = ) ${'y'.repeat(100000)};\n`);
    assert.equal(r2.errors.length, 1);
    assert.ok(r2.errors[0].message.length < 200);
  });

  it('a bad \\u{} escape is a located syntax error, not a RangeError', () => {
    const r = parseConfigPhp(`<?php\n$config['a'] = "\\u{110000}";\n`);
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0].message, /invalid \\u\{\.\.\.\} escape/);
    assert.equal(r.errors[0].line, 2);
    const r3 = parseConfigPhp(`<?php\n$config['a'] = "\\u{zz";\n`);
    assert.equal(r3.errors[0].line, 2);
  });
});

describe('config.php: errors with locations (issue 13, item 4)', () => {
  it('an array( not closed before ";" is reported where it was opened, and the rest is read', () => {
    const text = `<?php\n$config['auth_mechanism'] = 'ldap';\n$config['auth_ldap_server'] = array('a', 'b';\n$config['auth_ldap_port'] = 636;\n`;
    const r = parseConfigPhp(text);
    assert.deepEqual(r.errors.map((e) => [e.line, e.col]), [[3, 36]], 'the ( of array(');
    assert.match(r.errors[0].message, /"\(" is not closed before the ";"/);
    assert.deepEqual(r.statements.map((s) => s.path[0]), ['auth_mechanism', 'auth_ldap_port']);
  });

  it('a ";" missing mid-file is an error at the end of the line that lacks it', () => {
    const text = `<?php\n$config['auth_mechanism'] = 'ldap'\n$config['auth_ldap_server'] = 'dc1.example.org';\n$config['auth_ldap_port'] = 636;\n`;
    const c = checkConfigText(text);
    const errors = c.diagnostics.filter((d) => d.severity === 'error' && d.code === 'syntax');
    assert.equal(errors.length, 1, JSON.stringify(c.diagnostics));
    assert.match(errors[0].message, /missing ";" after this value/);
    assert.deepEqual([errors[0].line, errors[0].col], [2, 35], 'just after the value');
  });

  it('values spread over several lines are not mistaken for a missing ";"', () => {
    const text = `<?php\n$config['auth_ldap_groups']['admins'] = array(\n  'level' => 10,\n);\n$config['auth_ldap_server'] = 'dc1'\n  . '.example.org';\n`;
    const r = parseConfigPhp(text);
    assert.deepEqual(r.errors, []);
    assert.equal(r.statements.length, 2);
  });

  it('an empty config.php is a finding, not silence', () => {
    for (const text of ['', '\n\n']) {
      const c = checkConfigText(text);
      assert.ok(c.diagnostics.some((d) => d.severity === 'warning' && /file is empty/.test(d.message) && d.line === 1), JSON.stringify(c.diagnostics));
    }
  });

  it('fix refuses to rewrite a file with a syntax error (was: "nothing to change")', () => {
    const text = `<?php\n$config['auth_mechanism'] = 'ldap'\n$config['auth_ldap_server'] = 'dc1';\n`;
    const c = checkConfigText(text);
    assert.ok(c.diagnostics.some((d) => d.code === 'syntax' && d.severity === 'error'));
  });
});
