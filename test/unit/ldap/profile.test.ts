import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readDirectories } from '../../../src/core/ldap/profile';
import { escapeFilterValue, filterProblem, loginAttribute, userSearchFilter } from '../../../src/core/ldap/filter';
import { dnEquals, domainOf, firstRdnValue } from '../../../src/core/ldap/dn';
import { adBindDetail } from '../../../src/core/ldap/errors';
import { observiumLevel } from '../../../src/core/ldap/grant';
import { parseInventory } from '../../../src/core/inventory/parse';
import { checkConfigText } from '../../../src/core/observium/check';
import { observiumFromProfile, profileFromObservium } from '../../../src/core/observium/mapping';
import { rewriteLdapSection } from '../../../src/core/observium/rewrite';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ldap');

const ISSUE_YAML = `directories:
  corp-ad:
    url: ldaps://dc1.corp.local      # ldap://... with startTls: true also
    caFile: ./certs/corp-ca.pem      # optional
    bindDn: CN=svc-parc,OU=Service,DC=corp,DC=local
    credential: ad-bind              # PARC_CRED_AD_BIND for the CLI
    userBase: OU=Users,DC=corp,DC=local
    userFilter: (sAMAccountName={user})
    group: CN=IT-France,OU=Groups,DC=corp,DC=local
    membership: memberOf             # memberOf | member | memberUid
    nested: true
`;

describe('directory profiles in parc.yaml', () => {
  it('loads the example from the issue', () => {
    const r = readDirectories(ISSUE_YAML, '/etc/parc/parc.yaml');
    assert.deepEqual(r.diagnostics, []);
    const p = r.profiles.get('corp-ad')!;
    assert.deepEqual(
      { urls: p.urls, caFile: p.caFile, bindDn: p.bindDn, credential: p.credential, userFilter: p.userFilter, membership: p.membership, nested: p.nested, startTls: p.startTls, line: p.line },
      { urls: ['ldaps://dc1.corp.local'], caFile: '/etc/parc/certs/corp-ca.pem', bindDn: 'CN=svc-parc,OU=Service,DC=corp,DC=local', credential: 'ad-bind', userFilter: '(sAMAccountName={user})', membership: 'memberOf', nested: true, startTls: false, line: 3 },
    );
    // The inventory parser accepts the section too (and keeps it raw for us).
    const inv = parseInventory(ISSUE_YAML, '/etc/parc/parc.yaml');
    assert.ok(inv.inventory, JSON.stringify(inv.diagnostics));
  });

  it('reports every mistake with its line and column', () => {
    const yaml = `directories:
  bad:
    url: http://dc1.corp.local
    startTls: yes please
    bindDn: svc-parc
    userBase: OU=Users,DC=corp,DC=local
    userFilter: sAMAccountName={user}
    membership: memberof-ish
    nestd: true
  no-url:
    userBase: OU=Users,DC=corp,DC=local
    userFilter: (uid=fixed)
  clear:
    url: ldap://dc1.corp.local
    userBase: dc=x
`;
    const r = readDirectories(yaml, '/x/parc.yaml');
    const d = r.diagnostics.map((x) => `${x.line}:${x.col} ${x.severity} ${x.message}`);
    assert.deepEqual(d, [
      '3:10 error directories.bad.url: "http://dc1.corp.local" must start with ldap:// or ldaps://',
      '4:15 error directories.bad.startTls must be true or false',
      '5:13 error directories.bad: bindDn needs a credential (the name of the secret holding its password)',
      '5:13 error directories.bad.bindDn: "svc-parc" is not a DN (expected e.g. CN=svc,OU=Service,DC=corp,DC=local)',
      '7:17 error directories.bad.userFilter: "sAMAccountName={user}" must be enclosed in parentheses, e.g. (uid={user})',
      '8:17 error directories.bad.membership must be one of memberOf, member, memberUid (got "memberof-ish")',
      '9:5 warning directories.bad: unknown key "nestd" (did you mean "nested"?)',
      '11:5 error directories.no-url: url is required (ldaps://host or ldap://host with startTls: true)',
      '12:17 error directories.no-url.userFilter: must contain {user} where the login name goes, e.g. (sAMAccountName={user})',
      '14:10 warning directories.clear.url: ldap://dc1.corp.local without startTls: true sends passwords in clear text',
    ]);
    assert.deepEqual([...r.profiles.keys()], ['clear']);
  });
});

describe('LDAP helpers', () => {
  it('escapes login names in filters (RFC 4515)', () => {
    assert.equal(escapeFilterValue('a*b(c)\\d\u0000é'), 'a\\2ab\\28c\\29\\5cd\\00\\c3\\a9');
    assert.equal(userSearchFilter('(&(objectClass=user)(sAMAccountName={user}))', '*)(uid=*'), '(&(objectClass=user)(sAMAccountName=\\2a\\29\\28uid=\\2a))');
    assert.equal(loginAttribute('(&(objectClass=user)(sAMAccountName={user}))'), 'sAMAccountName');
    assert.equal(filterProblem('(&(uid={user})'), '"(&(uid={user})" has 1 unclosed "("');
    assert.equal(filterProblem('(uid={user})(x=1)'), '"(uid={user})(x=1)" has text after the closing ")" at character 12; combine filters with (&...)');
  });

  it('compares DNs the way directories do', () => {
    assert.ok(dnEquals('CN=IT-France, OU=Groups,DC=corp,DC=local', 'cn=it-france,ou=groups,dc=corp,dc=local'));
    assert.ok(!dnEquals('CN=IT-France,OU=Groups,DC=corp,DC=local', 'CN=IT-France,OU=Users,DC=corp,DC=local'));
    assert.equal(domainOf('CN=x,OU=Groups,DC=corp,DC=local'), 'DC=corp,DC=local');
    assert.equal(firstRdnValue('CN=Doe\\, John,OU=Users,DC=x'), 'Doe, John');
  });

  it('reads the AD sub-code of a failed bind', () => {
    assert.deepEqual(adBindDetail('80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data 775, v3839'), ['account-unusable', 'the account is locked out (AD data 775)']);
    assert.equal(adBindDetail('Invalid credentials'), undefined);
  });

  it('computes the Observium level: the highest matching group, names read as CN=name,groupbase', () => {
    const groups = ['CN=IT-France,OU=Groups,DC=corp,DC=local', 'CN=Helpdesk,OU=Groups,DC=corp,DC=local'];
    assert.deepEqual(observiumLevel([{ group: 'IT-France', level: 5 }, { group: 'CN=Helpdesk,OU=Groups,DC=corp,DC=local', level: 7 }, { group: 'IT-Admins', level: 10 }], groups, 'OU=Groups,DC=corp,DC=local'), { level: 7, through: ['CN=Helpdesk,OU=Groups,DC=corp,DC=local'] });
  });
});

describe('Observium settings ↔ directory profile', () => {
  it('maps a real AD config.php to a profile', () => {
    const c = checkConfigText(readFileSync(path.join(FIXTURES, 'observium-ad.config.php'), 'utf8'));
    const { profile: p, bindPassword, notes } = profileFromObservium(c.parsed.config, 'observium');
    assert.deepEqual(p.urls, ['ldaps://dc1.corp.local:636', 'ldaps://dc2.corp.local:636']);
    assert.equal(p.startTls, false);
    assert.equal(p.userBase, 'OU=Users,DC=corp,DC=local');
    assert.equal(p.userFilter, '(&(objectClass=user)(sAMAccountName={user}))');
    assert.equal(p.group, 'CN=IT-France,OU=Groups,DC=corp,DC=local');
    assert.deepEqual([p.membership, p.nested, p.nestedDepth], ['member', true, 4]);
    assert.deepEqual(p.levels, [{ group: 'IT-Admins', level: 10 }, { group: 'IT-France', level: 5 }]);
    assert.equal(bindPassword, 'S3rvice-Pass!');
    assert.deepEqual(notes, []);
  });

  it('maps a string port to ldap:// as Observium does (it only switches to ldaps:// for the integer 636)', () => {
    const c = checkConfigText("<?php\n$config['auth_ldap_server'] = 'dc1';\n$config['auth_ldap_port'] = '636';\n");
    assert.deepEqual(profileFromObservium(c.parsed.config).profile.urls, ['ldap://dc1:636']);
  });

  it('round-trips a profile through config.php', () => {
    const { profiles } = readDirectories(`directories:
  lab:
    urls: [ldap://ldap1.lab.example:389, ldap://ldap2.lab.example:389]
    startTls: true
    bindDn: cn=svc,ou=Service,dc=lab,dc=example
    credential: lab-bind
    userBase: ou=People,dc=lab,dc=example
    userFilter: (&(objectClass=posixAccount)(uid={user}))
    group: cn=noc,ou=Groups,dc=lab,dc=example
    groupBase: ou=Groups,dc=lab,dc=example
    membership: member
    nested: true
    nestedDepth: 3
    levels:
      noc: 7
      cn=admins,ou=Other,dc=lab,dc=example: 10
`, '/x/parc.yaml');
    const p = profiles.get('lab')!;
    const original = readFileSync(path.join(FIXTURES, 'observium-openldap.config.php'), 'utf8');
    const { wanted, notes } = observiumFromProfile(p, { bindPassword: 'lab-Bind-1' });
    assert.deepEqual(notes, []);
    const written = rewriteLdapSection(checkConfigText(original), wanted).text;
    const check = checkConfigText(written);
    assert.deepEqual(check.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.message), []);
    assert.match(written, /^\$config\['auth_ldap_groups'\]\['cn=admins,ou=Other,dc=lab,dc=example'\]\['level'\] = 10;$/m);
    const back = profileFromObservium(check.parsed.config, 'lab').profile;
    for (const k of ['urls', 'startTls', 'bindDn', 'userBase', 'userFilter', 'group', 'groupBase', 'membership', 'nested', 'nestedDepth'] as const) assert.deepEqual(back[k], p[k], k);
    assert.deepEqual(back.levels, [{ group: 'noc', level: 7 }, { group: 'cn=admins,ou=Other,dc=lab,dc=example', level: 10 }]);
    // The database settings at the top are still there, byte for byte.
    assert.ok(written.startsWith(original.slice(0, original.indexOf("$config['auth_mechanism']"))));
  });

  it('writes a nested memberOf profile the way Observium can follow it, and says so', () => {
    const { profiles } = readDirectories(ISSUE_YAML, '/x/parc.yaml');
    const { wanted, notes } = observiumFromProfile(profiles.get('corp-ad')!);
    assert.ok(notes.some((n) => /does not follow nested groups through memberOf/.test(n)));
    assert.ok(notes.some((n) => /TLS_CACERT/.test(n)));
    const w = (k: string) => JSON.stringify(wanted.get(k));
    assert.equal(w('auth_ldap_groupmembertype'), JSON.stringify({ t: 'string', v: 'fulldn' }));
    assert.equal(w('auth_ldap_recursive'), JSON.stringify({ t: 'bool', v: true }));
    assert.equal(w('auth_ldap_port'), JSON.stringify({ t: 'int', v: 636 }));
    assert.equal(w('auth_ldap_prefix'), JSON.stringify({ t: 'string', v: 'CN=' }));
  });
});
