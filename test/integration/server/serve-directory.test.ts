// Directory logins of `parc serve` (a real process) against a real slapd: a member of the IT group is let in,
// a member of a nested subgroup too, an outsider and a wrong password are refused, each with the failed step.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildTestTree, slapdAvailable, startSlapd, TREE_PASSWORDS, type RunningSlapd } from '../../support/slapd';
import { Api, startServe, type ParcProcess } from '../../support/parc-serve';

describe('parc serve: directory logins against slapd', { skip: slapdAvailable() ? false : 'slapd (Debian package slapd) is not installed' }, () => {
  let s: RunningSlapd;
  let dir: string;
  let serve: ParcProcess & { url: string };
  let api: Api;

  before(async () => {
    s = await startSlapd();
    await buildTestTree(s);
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-ldap-'));
    const x = s.suffix;
    writeFileSync(path.join(dir, 'parc.yaml'), `devices: []
directories:
  corp:
    url: ${s.ldapsUrl}
    caFile: ${s.caFile}
    bindDn: cn=svc-parc,ou=Service,${x}
    credential: ol-bind
    userBase: ou=People,${x}
    userFilter: (uid={user})
    groupBase: ou=Groups,${x}
    membership: member
    nested: true
server:
  auth:
    directory: corp
    roles:
      admin: [Admins]
      operator: ['cn=IT-France,ou=Groups,${x}']
`);
    serve = await startServe(dir, [], { PARC_CRED_OL_BIND: TREE_PASSWORDS.svc });
    api = new Api({ url: serve.url });
  });

  after(async () => {
    await serve?.stop();
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  type LoginBody = { user?: { name: string; role: string; source: string }; error?: { code: string; message: string; step?: string } };

  it('lets in a direct member of the IT group (and of Admins: the highest role wins)', async () => {
    const r = await api.call<LoginBody>('POST', '/api/login', { user: 'alice', password: TREE_PASSWORDS.alice }, undefined);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.user, { name: 'alice', role: 'admin', source: 'directory' });
  });

  it('lets in a member of a nested subgroup (Helpdesk inside IT-France) as operator', async () => {
    const r = await api.call<LoginBody>('POST', '/api/login', { user: 'bob', password: TREE_PASSWORDS.bob }, undefined);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.user, { name: 'bob', role: 'operator', source: 'directory' });
  });

  it('refuses an outsider at the role step', async () => {
    const r = await api.call<LoginBody>('POST', '/api/login', { user: 'carol', password: TREE_PASSWORDS.carol }, undefined);
    assert.equal(r.status, 401);
    assert.equal(r.body.error?.step, 'role');
    assert.match(r.body.error!.message, /carol is in none of the groups of server\.auth\.roles/);
  });

  it('refuses a wrong password at the user bind, and an unknown user at the search', async () => {
    const r = await api.call<LoginBody>('POST', '/api/login', { user: 'alice', password: 'not-alice' }, undefined);
    assert.equal(r.status, 401);
    assert.equal(r.body.error?.step, 'userBind');
    assert.match(r.body.error!.message, /wrong password/);
    const u = await api.call<LoginBody>('POST', '/api/login', { user: 'nobody', password: 'whatever-1' }, undefined);
    assert.equal(u.status, 401);
    assert.equal(u.body.error?.step, 'findUser');
  });

  it('keeps no password in its state or log', () => {
    const files = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : [path.join(d, e.name)]));
    const pws = [TREE_PASSWORDS.svc, TREE_PASSWORDS.alice, TREE_PASSWORDS.bob, TREE_PASSWORDS.carol];
    for (const f of files(path.join(dir, '.parc'))) for (const p of pws) assert.ok(!readFileSync(f, 'latin1').includes(p), f);
    for (const p of pws) assert.ok(!serve.stderr().includes(p));
    const audit = readFileSync(path.join(dir, '.parc', 'server', 'audit.jsonl'), 'utf8');
    assert.match(audit, /"user":"bob","role":"operator".*"action":"login","outcome":"ok","detail":"directory through cn=IT-France/);
  });
});
