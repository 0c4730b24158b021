// Directory logins of `parc serve` (a real process) against a real Active Directory (Samba AD DC on loopback): a
// member of the IT group is let in, a member of a subgroup two levels down too (LDAP_MATCHING_RULE_IN_CHAIN), an
// outsider and a wrong password are refused, each with the step that failed; the audit names who and why.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sambaAdUnavailable, startSambaAd, unicodePwd, type RunningSambaAd } from '../../support/samba-ad';
import { Api, startServe, type ParcProcess } from '../../support/parc-serve';

const PW = { svc: 'Svc-Serve-Pass!1', alice: 'Alice-Serve!2', dave: 'Dave-Serve!3', carol: 'Carol-Serve!4', erin: 'Erin-Serve!5' };

describe('parc serve: directory logins against a Samba AD DC', { skip: sambaAdUnavailable() ?? false }, () => {
  let ad: RunningSambaAd;
  let dir: string;
  let serve: ParcProcess & { url: string };
  let api: Api;

  before(async () => {
    ad = await startSambaAd();
    const ou = `OU=Parc,${ad.baseDn}`;
    const u = (sam: string) => `CN=${sam},OU=Users,${ou}`;
    const g = (cn: string) => `CN=${cn},OU=Groups,${ou}`;
    const user = (sam: string, pw: string) => ({ dn: u(sam), attrs: { objectClass: 'user', sAMAccountName: sam, userPrincipalName: `${sam}@parc.test`, unicodePwd: unicodePwd(pw), userAccountControl: '512' } });
    const group = (cn: string, members: string[]) => ({ dn: g(cn), attrs: { objectClass: 'group', sAMAccountName: cn, ...(members.length ? { member: members } : {}) } });
    await ad.add([
      { dn: ou, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `OU=Users,${ou}`, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `OU=Groups,${ou}`, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `OU=Service,${ou}`, attrs: { objectClass: 'organizationalUnit' } },
      { dn: `CN=svc-parc,OU=Service,${ou}`, attrs: { objectClass: 'user', sAMAccountName: 'svc-parc', unicodePwd: unicodePwd(PW.svc), userAccountControl: '512' } },
      user('alice', PW.alice), user('dave', PW.dave), user('carol', PW.carol), user('erin', PW.erin),
      // dave → Tier2 → Helpdesk → IT-France (nested twice); alice directly in IT-France and in Parc-Admins;
      // carol in Accounting only; erin in IT-France but in no group of server.auth.roles.
      group('Tier2', [u('dave')]),
      group('Helpdesk', [g('Tier2')]),
      group('IT-France', [u('alice'), g('Helpdesk'), u('erin')]),
      group('Parc-Admins', [u('alice')]),
      group('Accounting', [u('carol')]),
    ]);
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-ad-'));
    writeFileSync(path.join(dir, 'parc.yaml'), `devices: []
directories:
  corp-ad:
    url: ${ad.ldapsUrl}
    caFile: ${ad.caFile}
    bindDn: CN=svc-parc,OU=Service,${ou}
    credential: ad-bind
    userBase: OU=Users,${ou}
    userFilter: (&(objectClass=user)(sAMAccountName={user}))
    group: CN=IT-France,OU=Groups,${ou}
    membership: memberOf
    nested: true
server:
  auth:
    directory: corp-ad
    roles:
      admin: [Parc-Admins]
      operator: ['CN=Helpdesk,OU=Groups,${ou}']
      viewer: [Accounting]
`);
    serve = await startServe(dir, [], { PARC_CRED_AD_BIND: PW.svc });
    api = new Api({ url: serve.url });
  });

  after(async () => {
    await serve?.stop();
    await ad?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  type LoginBody = { token?: string; user?: { name: string; role: string; source: string }; error?: { code: string; message: string; step?: string } };
  const login = (user: string, password: string) => api.call<LoginBody>('POST', '/api/login', { user, password }, undefined);

  it('lets in a direct member of the IT group as admin (Parc-Admins), and its token works', async () => {
    const r = await login('alice', PW.alice);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.user, { name: 'alice', role: 'admin', source: 'directory' });
    const me = await api.call('GET', '/api/me', undefined, r.body.token);
    assert.equal(me.status, 200);
    assert.equal(me.body.role, 'admin');
  });

  it('lets in a member of a subgroup two levels down (Tier2 → Helpdesk → IT-France) as operator', async () => {
    const r = await login('dave', PW.dave);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.user, { name: 'dave', role: 'operator', source: 'directory' });
  });

  it('refuses an outsider (not in the IT group) at the group decision, though Accounting maps to viewer', async () => {
    const r = await login('carol', PW.carol);
    assert.equal(r.status, 401);
    assert.equal(r.body.error?.step, 'decision');
    assert.match(r.body.error!.message, /carol/);
    assert.match(r.body.error!.message, /IT-France/);
  });

  it('refuses an IT member whose groups map to no role at the role step', async () => {
    const r = await login('erin', PW.erin);
    assert.equal(r.status, 401);
    assert.equal(r.body.error?.step, 'role');
    assert.match(r.body.error!.message, /erin is in none of the groups of server\.auth\.roles \(member of: .*IT-France/);
  });

  it('refuses a wrong password at the user bind, and an unknown account at the search', async () => {
    const r = await login('alice', 'Not-Her-Pass!9');
    assert.equal(r.status, 401);
    assert.equal(r.body.error?.step, 'userBind');
    assert.match(r.body.error!.message, /wrong password/);
    const u = await login('mallory', 'Whatever-1!');
    assert.equal(u.status, 401);
    assert.equal(u.body.error?.step, 'findUser');
  });

  it('audits each login with the user name and outcome, and keeps no password in its state or log', () => {
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : [path.join(d, e.name)]));
    for (const f of files(path.join(dir, '.parc'))) for (const p of Object.values(PW)) assert.ok(!readFileSync(f, 'latin1').includes(p), f);
    for (const p of Object.values(PW)) assert.ok(!serve.stderr().includes(p) && !serve.stdout().includes(p));
    const audit = readFileSync(path.join(dir, '.parc', 'server', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { user: string; action: string; outcome: string; detail?: string });
    const of = (user: string) => audit.filter((a) => a.user === user && a.action === 'login');
    assert.equal(of('dave')[0]?.outcome, 'ok');
    assert.match(of('dave')[0]?.detail ?? '', /CN=Helpdesk/i);
    assert.equal(of('carol')[0]?.outcome, 'refused');
    assert.equal(of('erin')[0]?.outcome, 'refused');
  });
});
