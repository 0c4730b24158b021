// The login test against a real Active Directory: Samba AD DC provisioned here (once for this file), users found by
// sAMAccountName over LDAPS and StartTLS, memberOf, and nested groups through LDAP_MATCHING_RULE_IN_CHAIN.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readDirectories } from '../../../src/core/ldap/profile';
import { runLoginTest, type LoginTestResult } from '../../../src/core/ldap/login-test';
import type { DirectoryProfile } from '../../../src/core/ldap/types';
import { checkConfigText } from '../../../src/core/observium/check';
import { profileFromObservium } from '../../../src/core/observium/mapping';
import { freeTcpPort } from '../../support/ports';
import { sambaAdUnavailable, startSambaAd, unicodePwd, type RunningSambaAd } from '../../support/samba-ad';

const PW = { svc: 'Svc-Parc-Pass!1', alice: 'Alice-Pass!2', bob: 'Bob-Pass!3', carol: 'Carol-Pass!4', dave: 'Dave-Pass!5' };

describe('LDAP login test against a real Samba Active Directory', { skip: sambaAdUnavailable() ?? false }, () => {
  let ad: RunningSambaAd;
  let profiles: Map<string, DirectoryProfile>;
  const secrets = { get: async (n: string) => (n === 'ad-bind' ? PW.svc : undefined) };

  before(async () => {
    ad = await startSambaAd();
    const b = ad.baseDn;
    const ou = `OU=Parc,${b}`;
    const user = (sam: string, pw: string) => ({
      dn: `CN=${sam},OU=Users,${ou}`,
      attrs: { objectClass: 'user', sAMAccountName: sam, userPrincipalName: `${sam}@parc.test`, unicodePwd: unicodePwd(pw), userAccountControl: '512' },
    });
    const group = (cn: string, members: string[]) => ({ dn: `CN=${cn},OU=Groups,${ou}`, attrs: { objectClass: 'group', sAMAccountName: cn, ...(members.length ? { member: members } : {}) } });
    const u = (sam: string) => `CN=${sam},OU=Users,${ou}`;
    const g = (cn: string) => `CN=${cn},OU=Groups,${ou}`;
    await ad.add([
      { dn: ou, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `OU=Users,${ou}`, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `OU=Groups,${ou}`, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `OU=Service,${ou}`, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `CN=svc-parc,OU=Service,${ou}`, attrs: { objectClass: 'user', sAMAccountName: 'svc-parc', unicodePwd: unicodePwd(PW.svc), userAccountControl: '512' } },
      user('alice', PW.alice), user('bob', PW.bob), user('carol', PW.carol), user('dave', PW.dave),
      // dave → Tier2 → Helpdesk → IT-France; bob → Helpdesk → IT-France; alice directly.
      group('Tier2', [u('dave')]),
      group('Helpdesk', [u('bob'), g('Tier2')]),
      group('IT-France', [u('alice'), g('Helpdesk')]),
      group('Observium-Admins', [u('alice')]),
    ]);
    const common = `    bindDn: CN=svc-parc,OU=Service,${ou}\n    credential: ad-bind\n    userBase: OU=Users,${ou}\n    userFilter: (&(objectClass=user)(sAMAccountName={user}))\n    group: CN=IT-France,OU=Groups,${ou}\n    membership: memberOf\n`;
    const yaml = `directories:
  corp-ad:
    url: ${ad.ldapsUrl}
    caFile: ${ad.caFile}
${common}    nested: true
    levels:
      CN=Observium-Admins,OU=Groups,${ou}: 10
      CN=IT-France,OU=Groups,${ou}: 5
  corp-ad-starttls:
    url: ${ad.url}
    startTls: true
    caFile: ${ad.caFile}
${common}    nested: true
  corp-ad-flat:
    url: ${ad.ldapsUrl}
    caFile: ${ad.caFile}
${common}    nested: false
  corp-ad-member:
    url: ${ad.ldapsUrl}
    caFile: ${ad.caFile}
${common.replace('membership: memberOf', 'membership: member')}    nested: true
  corp-ad-untrusted:
    url: ${ad.ldapsUrl}
    caFile: ${ad.otherCaFile}
${common}`;
    const r = readDirectories(yaml, '/tmp/parc.yaml');
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    profiles = r.profiles;
  });
  after(async () => {
    await ad?.stop();
  });

  const test = (p: string, user: string, pw: string): Promise<LoginTestResult> => runLoginTest(profiles.get(p)!, { user, password: pw, secrets });
  const failed = (r: LoginTestResult) => r.failure && [r.failure.step, r.failure.reason];

  it('allows a direct member found by sAMAccountName over LDAPS, knows it is AD, grants Observium admin', async () => {
    const r = await test('corp-ad', 'alice', PW.alice);
    assert.equal(r.failure, undefined, JSON.stringify(r.failure));
    assert.equal(r.allowed, true);
    assert.equal(r.server?.activeDirectory, true);
    assert.equal(r.userDn?.toLowerCase(), `cn=alice,ou=users,ou=parc,${ad.baseDn.toLowerCase()}`);
    assert.match(r.steps[0].message, /Active Directory/);
    assert.equal(r.observium?.level, 10);
  });

  it('follows two levels of nesting through LDAP_MATCHING_RULE_IN_CHAIN', async () => {
    const r = await test('corp-ad', 'dave', PW.dave);
    assert.equal(r.allowed, true, JSON.stringify(r.failure));
    assert.match(r.steps.find((s) => s.step === 'groups')!.message, /1\.2\.840\.113556\.1\.4\.1941/);
    assert.deepEqual(r.groups.map((g) => g.split(',')[0].toLowerCase()).sort(), ['cn=helpdesk', 'cn=it-france', 'cn=tier2']);
    assert.equal(r.observium?.level, 5);
  });

  it('refuses the same nested user when nested is false', async () => {
    const r = await test('corp-ad-flat', 'dave', PW.dave);
    assert.deepEqual(failed(r), ['decision', 'not-in-group']);
  });

  it('works with member lookups and StartTLS on 389 too', async () => {
    const viaMember = await test('corp-ad-member', 'bob', PW.bob);
    assert.equal(viaMember.allowed, true, JSON.stringify(viaMember.failure));
    const viaStartTls = await test('corp-ad-starttls', 'bob', PW.bob);
    assert.equal(viaStartTls.allowed, true, JSON.stringify(viaStartTls.failure));
    assert.match(viaStartTls.steps[0].message, /StartTLS: TLSv1\.[23]/);
  });

  it('explains a wrong password with the AD sub-code', async () => {
    const r = await test('corp-ad', 'alice', 'Not-Her-Pass!9');
    assert.deepEqual(failed(r), ['userBind', 'invalid-credentials']);
    assert.match(r.failure!.message, /wrong password/);
  });

  it('reports an unknown user and a user outside the group', async () => {
    assert.deepEqual(failed(await test('corp-ad', 'mallory', 'Whatever-1!')), ['findUser', 'user-not-found']);
    const carol = await test('corp-ad', 'carol', PW.carol);
    assert.ok(carol.steps.find((s) => s.step === 'userBind')!.ok);
    assert.deepEqual(failed(carol), ['decision', 'not-in-group']);
  });

  it('says the DC is down when nothing listens', async () => {
    const port = await freeTcpPort();
    const r = await runLoginTest({ ...profiles.get('corp-ad')!, urls: [`ldaps://127.0.0.1:${port}`] }, { user: 'alice', password: PW.alice, secrets });
    assert.deepEqual(failed(r), ['connect', 'unreachable']);
  });

  it("runs the same test on an Observium config.php's settings (nested AD groups through member + recursive)", async () => {
    const ou = `OU=Parc,${ad.baseDn}`;
    const php = `<?php
$config['auth_mechanism'] = 'ldap';
$config['auth_ldap_server'] = '127.0.0.1';
$config['auth_ldap_port'] = 636;
$config['auth_ldap_binddn'] = 'CN=svc-parc,OU=Service,${ou}';
$config['auth_ldap_bindpw'] = '${PW.svc}';
$config['auth_ldap_suffix'] = ',OU=Users,${ou}';
$config['auth_ldap_objectclass'] = 'user';
$config['auth_ldap_attr']['uid'] = 'sAMAccountName';
$config['auth_ldap_group'] = array('CN=IT-France,OU=Groups,${ou}');
$config['auth_ldap_groupbase'] = 'OU=Groups,${ou}';
$config['auth_ldap_groupmembertype'] = 'fulldn';
$config['auth_ldap_groupmemberattr'] = 'member';
$config['auth_ldap_recursive'] = TRUE;
$config['auth_ldap_groups']['Observium-Admins']['level'] = 10;
$config['auth_ldap_groups']['IT-France']['level'] = 5;
`;
    const mapped = profileFromObservium(checkConfigText(php).parsed.config, 'config.php');
    const profile = { ...mapped.profile, caFile: ad.caFile };
    const fromFile = { get: async (n: string) => (n === profile.credential ? mapped.bindPassword : undefined) };
    const dave = await runLoginTest(profile, { user: 'dave', password: PW.dave, secrets: fromFile });
    assert.equal(dave.allowed, true, JSON.stringify(dave.failure));
    assert.equal(dave.observium?.level, 5);
    const alice = await runLoginTest(profile, { user: 'alice', password: PW.alice, secrets: fromFile });
    assert.equal(alice.observium?.level, 10);
    const carol = await runLoginTest(profile, { user: 'carol', password: PW.carol, secrets: fromFile });
    assert.deepEqual(failed(carol), ['decision', 'not-in-group']);
  });

  it('rejects the DC certificate when caFile is another CA', async () => {
    const r = await test('corp-ad-untrusted', 'alice', PW.alice);
    assert.deepEqual(failed(r), ['connect', 'tls-untrusted']);
  });
});
