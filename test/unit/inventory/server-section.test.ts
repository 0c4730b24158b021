import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInventory } from '../../../src/core/inventory/parse';
import { roleFor } from '../../../src/core/auth/directory-login';

const DIRS = `directories:
  corp:
    url: ldaps://127.0.0.1
    userBase: ou=People,dc=x
`;

describe('server: section of parc.yaml', () => {
  it('reads the directory, roles and token lifetime', () => {
    const r = parseInventory(`${DIRS}server:\n  listen: 0.0.0.0:8443\n  auth:\n    directory: corp\n    roles:\n      admin: [Admins]\n      operator:\n        - cn=IT,ou=Groups,dc=x\n    tokenTtl: 90m\n`, 'parc.yaml');
    assert.deepEqual(r.diagnostics, []);
    const s = r.inventory!.server!;
    assert.equal(s.listen, '0.0.0.0:8443');
    assert.equal(s.auth.directory, 'corp');
    assert.deepEqual([...s.auth.roles], [['admin', ['Admins']], ['operator', ['cn=IT,ou=Groups,dc=x']]]);
    assert.equal(s.auth.tokenTtlMs, 90 * 60_000);
  });

  it('reports unknown keys, unknown roles, a missing profile and a bad duration where they are', () => {
    const r = parseInventory(`${DIRS}server:\n  lisen: x\n  auth:\n    directory: nope\n    roles: { owner: [A], viewer: [B] }\n    tokenTtl: forever\n`, 'parc.yaml');
    const at = (re: RegExp) => r.diagnostics.find((d) => re.test(d.message));
    assert.deepEqual([at(/server: unknown key "lisen"/)?.line, at(/server: unknown key "lisen"/)?.col], [6, 3]);
    assert.equal(at(/server\.auth\.directory: no profile named "nope"/)?.line, 8);
    assert.equal(at(/server\.auth\.roles: unknown key "owner"/)?.line, 9);
    assert.equal(at(/server\.auth\.tokenTtl must be a duration/)?.line, 10);
    assert.equal(r.inventory, undefined, 'errors make the inventory unusable');
  });

  it('maps groups to the highest role, by cn, lone RDN or full DN, and ignores prototype names', () => {
    const roles = new Map([['viewer', ['Managers']], ['operator', ['cn=IT-France']], ['admin', ['cn=Admins,ou=Groups,dc=x']]] as const);
    const m = new Map(roles as unknown as Map<'viewer' | 'operator' | 'admin', string[]>);
    assert.equal(roleFor(['cn=IT-France,ou=Groups,dc=x', 'cn=Managers,ou=Groups,dc=x'], m)?.role, 'operator');
    assert.equal(roleFor(['CN=Admins,OU=Groups,DC=x'], m)?.role, 'admin');
    assert.equal(roleFor(['cn=__proto__,ou=Groups,dc=x'], m), undefined);
  });
});
