// The login test against a real OpenLDAP slapd started here: StartTLS and LDAPS with a test CA, groupOfNames with
// member and the memberOf overlay, nested groups, posixGroup memberUid; allowed, refused and broken cases.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { readDirectories } from '../../../src/core/ldap/profile';
import { runLoginTest, type LoginTestResult } from '../../../src/core/ldap/login-test';
import type { DirectoryProfile } from '../../../src/core/ldap/types';
import type { SecretSource } from '../../../src/core/host';
import { freeTcpPort } from '../../support/ports';
import { buildTestTree, slapdAvailable, startSlapd, TREE_PASSWORDS, type RunningSlapd } from '../../support/slapd';

const SVC_PW = TREE_PASSWORDS.svc;
const PW = TREE_PASSWORDS;

const secrets = (map: Record<string, string>): SecretSource => ({ get: async (n) => map[n] });

describe('LDAP login test against a real slapd', { skip: slapdAvailable() ? false : 'slapd (Debian package slapd) is not installed' }, () => {
  let s: RunningSlapd;
  let dir: string;
  let profiles: Map<string, DirectoryProfile>;
  let downPort: number;
  let silentPort: number;
  let silent: net.Server;
  const sec = secrets({ 'ol-bind': SVC_PW, 'ol-bad': 'not-the-password' });

  before(async () => {
    s = await startSlapd();
    await buildTestTree(s);
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-ldap-test-'));
    downPort = await freeTcpPort();
    // A peer that accepts TCP and never answers, like a service hung or a middlebox swallowing the traffic.
    silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    silentPort = (silent.address() as net.AddressInfo).port;
    const x = s.suffix;
    const common = `    bindDn: cn=svc-parc,ou=Service,${x}\n    credential: ol-bind\n    userBase: ou=People,${x}\n    userFilter: (uid={user})\n    groupBase: ou=Groups,${x}\n`;
    const yaml = `# parc.yaml written by the test
directories:
  starttls-member:
    url: ${s.url}
    startTls: true
    caFile: ${s.caFile}
${common}    group: cn=IT-France,ou=Groups,${x}
    membership: member
    nested: true
    levels:
      Admins: 10
      cn=IT-France,ou=Groups,${x}: 5
  ldaps-memberof:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
${common}    group: IT-France
    membership: memberOf
    nested: true
  flat:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
${common}    group: cn=IT-France,ou=Groups,${x}
    membership: member
    nested: false
  posix:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
${common}    group: cn=it-posix,ou=Groups,${x}
    membership: memberUid
  untrusted:
    url: ${s.ldapsUrl}
    caFile: ${s.otherCaFile}
${common}  untrusted-starttls:
    url: ${s.url}
    startTls: true
    caFile: ${s.otherCaFile}
${common}  wrong-name:
    url: ${s.wrongNameUrl}
    caFile: ${s.caFile}
${common}  silent:
    url: ldap://127.0.0.1:${silentPort}
    timeoutMs: 600
${common}  down:
    urls: [ldap://127.0.0.1:${downPort}]
    startTls: true
${common}  failover:
    urls: [ldaps://127.0.0.1:${downPort}, ${s.ldapsUrl}]
    caFile: ${s.caFile}
${common}  bad-bind:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
    bindDn: cn=svc-parc,ou=Service,${x}
    credential: ol-bad
    userBase: ou=People,${x}
  no-secret:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
    bindDn: cn=svc-parc,ou=Service,${x}
    credential: nobody-stored-this
    userBase: ou=People,${x}
  off-by-one-ou:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
${common}    group: cn=IT-France,ou=People,${x}
    membership: member
  by-cn:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
    userBase: ou=People,${x}
    userFilter: (cn={user})
`;
    const file = path.join(dir, 'parc.yaml');
    writeFileSync(file, yaml);
    const r = readDirectories(yaml, file);
    assert.deepEqual(r.diagnostics.filter((d) => d.severity === 'error'), []);
    profiles = r.profiles;
  });
  after(async () => {
    silent?.close();
    await s?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const test = (profile: string, user: string, password: string): Promise<LoginTestResult> => runLoginTest(profiles.get(profile)!, { user, password, secrets: sec });
  const step = (r: LoginTestResult, name: string) => r.steps.find((x) => x.step === name)!;

  it('allows a direct member over StartTLS, with every step timed and the Observium level', async () => {
    const r = await test('starttls-member', 'alice', PW.alice);
    assert.equal(r.failure, undefined, JSON.stringify(r.failure));
    assert.equal(r.allowed, true);
    assert.equal(r.userDn, `uid=alice,ou=People,${s.suffix}`);
    assert.ok(r.steps.every((x) => x.ok && typeof x.ms === 'number' && x.ms >= 0 && x.message), JSON.stringify(r.steps));
    assert.match(step(r, 'connect').message, /StartTLS: TLSv1\.[23], certificate CN=localhost issued by CN=parc-test-ca/);
    assert.deepEqual(r.groups.map((g) => g.split(',')[0]).sort(), ['cn=Admins', 'cn=IT-France']);
    assert.match(step(r, 'decision').message, /directly/);
    assert.equal(r.observium?.level, 10);
    assert.match(step(r, 'observium').message, /level 10 \(administrator\)/);
  });

  it('refuses a wrong password at the user bind step', async () => {
    const r = await test('starttls-member', 'alice', 'wrong-password');
    assert.equal(r.allowed, false);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['userBind', 'invalid-credentials']);
    assert.ok(step(r, 'findUser').ok);
    assert.ok(step(r, 'groups').skipped);
    assert.ok(!JSON.stringify(r).includes('wrong-password'), 'the password must not appear in the result');
  });

  it('reports an unknown user at the find step, with the filter used', async () => {
    const r = await test('starttls-member', 'mallory', 'whatever-1');
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['findUser', 'user-not-found']);
    assert.match(r.failure!.message, /\(uid=mallory\) under ou=People/);
  });

  it('escapes the login name so a wildcard cannot match anyone', async () => {
    const r = await test('starttls-member', '*', 'whatever-1');
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['findUser', 'user-not-found']);
  });

  it('refuses a user outside the group after a good password', async () => {
    const r = await test('starttls-member', 'carol', PW.carol);
    assert.ok(step(r, 'userBind').ok);
    assert.equal(r.allowed, false);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['decision', 'not-in-group']);
  });

  it('follows nested groups through member (walk) and names the path', async () => {
    const r = await test('starttls-member', 'bob', PW.bob);
    assert.equal(r.allowed, true, JSON.stringify(r.failure));
    assert.match(step(r, 'decision').message, /through nested groups: cn=Helpdesk,ou=Groups/);
    assert.equal(r.observium?.level, 5);
  });

  it('follows nested groups through memberOf (overlay) over LDAPS, group given by name', async () => {
    const r = await test('ldaps-memberof', 'bob', PW.bob);
    assert.equal(r.allowed, true, JSON.stringify(r.failure));
    assert.match(step(r, 'groups').message, /memberOf on the user; nested groups by walking up/);
    assert.match(step(r, 'connect').message, /^ldaps:\/\/127\.0\.0\.1:\d+: TLSv1\.[23]/);
  });

  it('does not follow nesting when nested is false', async () => {
    const r = await test('flat', 'bob', PW.bob);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['decision', 'not-in-group']);
    assert.match(r.failure!.message, /nested: false/);
  });

  it('reads posixGroup memberUid', async () => {
    assert.equal((await test('posix', 'alice', PW.alice)).allowed, true);
    const r = await test('posix', 'bob', PW.bob);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['decision', 'not-in-group']);
  });

  it('rejects a certificate from an unknown CA (LDAPS and StartTLS)', async () => {
    for (const p of ['untrusted', 'untrusted-starttls']) {
      const r = await test(p, 'alice', PW.alice);
      assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['connect', 'tls-untrusted'], p);
      assert.match(r.failure!.message, /not trusted/);
      assert.ok(step(r, 'serviceBind').skipped);
    }
  });

  it('rejects a certificate that does not name the address connected to', async () => {
    const r = await test('wrong-name', 'alice', PW.alice);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['connect', 'tls-hostname']);
    assert.match(r.failure!.message, /does not name this host.*127\.0\.0\.2/);
  });

  it('gives up on a server that accepts but never answers, saying so', async () => {
    const r = await test('silent', 'alice', PW.alice);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['connect', 'timeout']);
    assert.match(r.failure!.message, /no answer in time .*timed out/);
  });

  it('says the server is down when nothing listens', async () => {
    const r = await test('down', 'alice', PW.alice);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['connect', 'unreachable']);
    assert.match(r.failure!.message, new RegExp(`127\\.0\\.0\\.1:${downPort}.*connection refused`));
  });

  it('fails over to the next URL and says which one was skipped', async () => {
    const r = await test('failover', 'alice', PW.alice);
    assert.equal(r.failure, undefined, JSON.stringify(r.failure));
    assert.match(step(r, 'connect').message, /after 1 unreachable/);
  });

  it('tells a wrong service password and a missing secret apart', async () => {
    const bad = await test('bad-bind', 'alice', PW.alice);
    assert.deepEqual(bad.failure && [bad.failure.step, bad.failure.reason], ['serviceBind', 'invalid-credentials']);
    assert.ok(!JSON.stringify(bad).includes('not-the-password'));
    const none = await test('no-secret', 'alice', PW.alice);
    assert.deepEqual(none.failure && [none.failure.step, none.failure.reason], ['serviceBind', 'missing-secret']);
    assert.match(none.failure!.message, /PARC_CRED_NOBODY_STORED_THIS/);
  });

  it('catches a group DN one OU off', async () => {
    const r = await test('off-by-one-ou', 'alice', PW.alice);
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['groups', 'group-not-found']);
  });

  it('requires exactly one user entry', async () => {
    const r = await test('by-cn', 'Sam Twin', 'x-twin-1');
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['findUser', 'user-ambiguous']);
  });

  it('never binds with an empty password (it would be an anonymous bind)', async () => {
    const r = await test('starttls-member', 'alice', '');
    assert.deepEqual(r.failure && [r.failure.step, r.failure.reason], ['userBind', 'empty-password']);
  });
});
