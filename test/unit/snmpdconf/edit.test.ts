import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { editSnmpdConf, SnmpdEditError } from '../../../src/core/snmpdconf/edit';
import { addCreateUser, createUserLine } from '../../../src/core/snmpdconf/persist';
import { parseConf, tokenize } from '../../../src/core/snmpdconf/lines';

const FIX = path.resolve(__dirname, '../../../../test/fixtures/snmpdconf');
const DEBIAN = path.resolve(__dirname, '../../../../../shared/corpus/snmpd/debian12-bookworm_snmpd.conf_default');

describe('snmpd.conf editor', () => {
  const lab = readFileSync(path.join(FIX, 'lab.conf'), 'utf8');

  it('changes only what it is asked to, and keeps every other line byte for byte', () => {
    const r = editSnmpdConf(lab, { community: { name: 's3cret', source: '198.18.0.0/15', view: 'systemonly' }, location: 'Rack 4', coordinates: [48.8566, 2.3522], contact: 'noc <noc@example.invalid>', extend: 'observium' });
    const out = r.text.split('\n');
    const inp = lab.split('\n');
    for (const l of inp.filter((x) => !/^sys(Location|Contact|location)|^rocommunity6? /.test(x) && x)) assert.ok(out.includes(l), `kept: ${l}`);
    assert.equal(out[0], '# Lab host snmpd.conf (written for Parc\'s tests)');
    assert.equal(out[5], 'rocommunity s3cret 198.18.0.0/15 -V systemonly', 'new community placed after the existing ones');
    assert.equal(out[6], 'sysLocation Rack 4 [48.8566, 2.3522]', 'replaced in place');
    assert.match(out[7], /^# syslocation +a second one .*# disabled by Parc: sysLocation is set on line 7$/);
    assert.equal(out[8], 'sysContact noc <noc@example.invalid>');
    assert.equal(out.filter((l) => l.startsWith('extend uptime')).length, 1, 'existing uptime extend not duplicated');
    assert.ok(out.includes('extend .1.3.6.1.4.1.2021.7890.1 distro /usr/local/bin/distro'));
    assert.ok(!r.changes.join('\n').includes('s3cret'), 'changes do not show the community');
  });

  it('uses rocommunity6 for an IPv6 source and updates a line instead of duplicating it', () => {
    const once = editSnmpdConf(lab, { community: { name: 'c6', source: '2001:db8::/32' } }).text;
    assert.match(once, /^rocommunity6 c6 2001:db8::\/32$/m);
    const twice = editSnmpdConf(once, { community: { name: 'c6', source: '2001:db8::/32', view: 'systemonly' } });
    assert.equal(twice.text.match(/^rocommunity6 c6 /gm)?.length, 1);
    assert.deepEqual(editSnmpdConf(twice.text, { community: { name: 'c6', source: '2001:db8::/32', view: 'systemonly' } }).changes, []);
  });

  it('replaces the coordinates already in sysLocation and keeps its text when only coordinates are given', () => {
    assert.match(editSnmpdConf(lab, { coordinates: [-33.86, 151.2] }).text, /^sysLocation Sitting on the shelf \[-33\.86, 151\.2\]$/m);
  });

  it('sets agentAddress and adds rouser', () => {
    const r = editSnmpdConf(lab, { agentAddress: ['udp:161', 'udp6:[::1]:161'], v3User: { name: 'monitor', level: 'priv', view: 'systemonly' } });
    assert.match(r.text, /^agentAddress udp:161,udp6:\[::1\]:161$/m);
    assert.doesNotMatch(r.text, /^agentaddress {2}127/m);
    assert.match(r.text, /^rouser monitor priv -V systemonly$/m);
  });

  it('refuses bad input, naming what is wrong', () => {
    assert.throws(() => editSnmpdConf(lab, { community: { name: 'two words' } }), SnmpdEditError);
    assert.throws(() => editSnmpdConf(lab, { community: { name: 'x', source: '198.18.0.1/40' } }), /--source "198\.18\.0\.1\/40"/);
    assert.throws(() => editSnmpdConf(lab, { location: 'a\nrocommunity evil' }), /location must be a single line/);
    assert.throws(() => editSnmpdConf(lab, { coordinates: [95, 0] }), /coordinates/);
  });

  it('edits Debian 12\'s default snmpd.conf without touching its other lines', { skip: !existsSync(DEBIAN) && 'corpus absent' }, () => {
    const deb = readFileSync(DEBIAN, 'utf8');
    const r = editSnmpdConf(deb, { community: { name: 'corp', source: '198.18.0.0/15' }, extend: 'librenms', location: 'Paris DC' });
    const before = parseConf(deb).filter((l) => l.directive !== 'syslocation');
    const after = r.text.split('\n');
    for (const l of before) assert.ok(after.includes(l.raw), `kept: ${l.raw}`);
    assert.equal(after.filter((l) => /^sysLocation /.test(l)).length, 1);
  });
});

describe('snmpd persistent file (createUser)', () => {
  it('writes createUser with quoted passwords and refuses short ones or an existing user', () => {
    assert.equal(createUserLine({ name: 'mon', auth: 'SHA-256', authPassword: 'pass word 1', priv: 'AES', privPassword: 'pr"iv-pass' }), 'createUser mon SHA-256 "pass word 1" AES "pr\\"iv-pass"');
    assert.deepEqual(tokenize('createUser mon SHA-256 "pass word 1" AES "pr\\"iv-pass"'), ['createUser', 'mon', 'SHA-256', 'pass word 1', 'AES', 'pr"iv-pass']);
    assert.throws(() => createUserLine({ name: 'mon', auth: 'SHA', authPassword: 'short' }), /at least 8/);
    const persisted = 'usmUser 1 3 0x80001f88 "mon" "mon" NULL .1.3.6.1.6.3.10.1.1.5 0x81 .1.3.6.1.6.3.10.1.2.4 0x1a ""\n';
    assert.throws(() => addCreateUser(persisted, { name: 'mon', auth: 'SHA', authPassword: 'longenough' }), /already exists/);
    assert.match(addCreateUser(persisted, { name: 'other', auth: 'SHA', authPassword: 'longenough' }), /^createUser other SHA "longenough"$/m);
  });
});
