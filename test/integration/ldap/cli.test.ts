// `parc ldap` end to end against a real slapd: the login test from parc.yaml and from an Observium config.php,
// JSON and text output, and config.php check / fix / apply on files written here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';
import { buildTestTree, slapdAvailable, startSlapd, TREE_PASSWORDS as PW, type RunningSlapd } from '../../support/slapd';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ldap');

async function parc(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => out.push(s), err: (s) => err.push(s), env: { PATH: process.env.PATH, HOME: cwd, PARC_CREDENTIALS: undefined, ...env }, cwd };
  const code = await main(args, io, new AbortController().signal);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('parc ldap (CLI) against a real slapd', { skip: slapdAvailable() ? false : 'slapd is not installed' }, () => {
  let s: RunningSlapd;
  let dir: string;
  let inventory: string;
  const env = () => ({ PARC_CRED_OL_BIND: PW.svc, USER_PW: PW.alice, BOB_PW: PW.bob, BAD_PW: 'definitely-wrong' });

  before(async () => {
    s = await startSlapd();
    await buildTestTree(s);
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-ldap-cli-'));
    inventory = path.join(dir, 'parc.yaml');
    writeFileSync(inventory, `directories:
  lab:
    url: ${s.url}
    startTls: true
    caFile: ${s.caFile}
    bindDn: cn=svc-parc,ou=Service,${s.suffix}
    credential: ol-bind
    userBase: ou=People,${s.suffix}
    userFilter: (&(objectClass=posixAccount)(uid={user}))
    group: cn=IT-France,ou=Groups,${s.suffix}
    groupBase: ou=Groups,${s.suffix}
    membership: member
    nested: true
    levels:
      Admins: 10
      IT-France: 5
`);
  });
  after(async () => {
    await s?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints JSON with each step ok/ms/message, userDn, groups, allowed', async () => {
    const r = await parc(['ldap', 'test', '--profile', 'lab', '--user', 'alice', '--password-env', 'USER_PW', '--inventory', inventory, '--json'], env(), dir);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual(j.steps.map((x: { step: string }) => x.step), ['connect', 'serviceBind', 'findUser', 'userBind', 'groups', 'decision', 'observium']);
    for (const st of j.steps) {
      assert.equal(typeof st.ok, 'boolean');
      assert.equal(typeof st.ms, 'number');
      assert.equal(typeof st.message, 'string');
    }
    assert.equal(j.userDn, `uid=alice,ou=People,${s.suffix}`);
    assert.equal(j.allowed, true);
    assert.ok(j.groups.includes(`cn=IT-France,ou=Groups,${s.suffix}`));
    assert.equal(j.observium.level, 10);
  });

  it('exits 2 with the failed step in text output, and never prints the password', async () => {
    const r = await parc(['ldap', 'test', '--profile', 'lab', '--user', 'alice', '--password-env', 'BAD_PW', '--inventory', inventory], env(), dir);
    assert.equal(r.code, 2);
    assert.match(r.out, /✓ Connect \(TLS checked\)/);
    assert.match(r.out, /✗ Bind as the user\s+[\d.]+ ms {2}uid=alice,ou=People,dc=parc,dc=test: wrong password/);
    assert.match(r.out, /- Read group membership\s+not run: userBind failed/);
    assert.match(r.out, /REFUSED at "Bind as the user": .*\[invalid-credentials\]/);
    assert.ok(!r.out.includes('definitely-wrong') && !r.err.includes('definitely-wrong'));
  });

  it('names the profile problem: unknown profile, missing password variable', async () => {
    const a = await parc(['ldap', 'test', '--profile', 'nope', '--user', 'alice', '--password-env', 'USER_PW', '--inventory', inventory], env(), dir);
    assert.equal(a.code, 1);
    assert.match(a.err, /no directory profile "nope" .*there are: lab/);
    const b = await parc(['ldap', 'test', '--profile', 'lab', '--user', 'alice', '--password-env', 'UNSET_VAR', '--inventory', inventory], env(), dir);
    assert.match(b.err, /environment variable UNSET_VAR \(--password-env\) is not set/);
  });

  it('checks a messy config.php (exit 2, file:line:col) and fixes it with a backup', async () => {
    const file = path.join(dir, 'messy.config.php');
    copyFileSync(path.join(FIXTURES, 'observium-messy.config.php'), file);
    const before = readFileSync(file, 'utf8');
    const c = await parc(['ldap', 'observium', 'check', file], {}, dir);
    assert.equal(c.code, 2);
    assert.match(c.out, new RegExp(`${file.replace(/[.]/g, '\\.')}:20:1: warning: unknown setting auth_ldap_opjectclass → auth_ldap_objectclass\\?`));
    assert.match(c.out, /auth_ldap_bindpw\s+getenv\('OBSERVIUM_LDAP_PW'\)/);
    const dry = await parc(['ldap', 'observium', 'fix', file], {}, dir);
    assert.match(dry.out, /^-\$config\['auth_ldap_opjectclass'\] = 'user';$/m);
    assert.equal(readFileSync(file, 'utf8'), before, 'nothing written without --write');
    const w = await parc(['ldap', 'observium', 'fix', file, '--write'], {}, dir);
    assert.equal(w.code, 0, w.err);
    const backups = readdirSync(dir).filter((f) => f.startsWith('messy.config.php.parc-') && f.endsWith('.bak'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(path.join(dir, backups[0]), 'utf8'), before);
    const again = await parc(['ldap', 'observium', 'check', file, '--json'], {}, dir);
    assert.equal(again.code, 0);
    assert.deepEqual(JSON.parse(again.out).diagnostics.filter((d: { severity: string }) => d.severity !== 'info'), []);
  });

  it('writes a tested profile into config.php and runs the same live test on what config.php says', async () => {
    const file = path.join(dir, 'lab.config.php');
    copyFileSync(path.join(FIXTURES, 'observium-openldap.config.php'), file);
    const a = await parc(['ldap', 'observium', 'apply', file, '--profile', 'lab', '--inventory', inventory, '--with-bindpw', '--write'], env(), dir);
    assert.equal(a.code, 0, a.err);
    assert.match(a.err, /TLS_CACERT/);
    assert.ok(!a.out.includes(PW.svc), 'the diff masks the bind password');
    const text = readFileSync(file, 'utf8');
    assert.match(text, new RegExp(`^\\$config\\['auth_ldap_server'\\] = '127\\.0\\.0\\.1';$`, 'm'));
    assert.match(text, /^\$config\['auth_ldap_starttls'\] = 'require';$/m);
    assert.ok(text.startsWith("<?php\n/*\n * Observium on the lab network"));

    const bob = await parc(['ldap', 'test', '--observium', file, '--ca-file', s.caFile, '--user', 'bob', '--password-env', 'BOB_PW', '--json'], env(), dir);
    const j = JSON.parse(bob.out);
    assert.equal(bob.code, 0, JSON.stringify(j.failure));
    assert.equal(j.allowed, true);
    assert.equal(j.observium.level, 5);
    const carol = await parc(['ldap', 'test', '--observium', file, '--ca-file', s.caFile, '--user', 'carol', '--password-env', 'USER_PW', '--json'], env(), dir);
    assert.equal(JSON.parse(carol.out).failure.step, 'userBind', 'alice\'s password is not carol\'s');
  });
});
