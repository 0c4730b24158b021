import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stepRows, verdict } from '../../../src/extension/ldap/present';
import type { LoginTestResult } from '../../../src/core/ldap/login-test';

const refused: LoginTestResult = {
  profile: 'corp-ad', user: 'carol', groups: [], allowed: false, userDn: 'CN=carol,OU=Users,DC=corp,DC=local',
  steps: [
    { step: 'connect', title: 'Connect (TLS checked)', ok: true, ms: 12.34, message: 'ldaps://dc1:636: TLSv1.3' },
    { step: 'userBind', title: 'Bind as the user', ok: false, ms: 3.21, message: 'wrong password', reason: 'invalid-credentials' },
    { step: 'groups', title: 'Read group membership', ok: false, skipped: true, ms: 0, message: 'not run: userBind failed' },
  ],
  failure: { step: 'userBind', reason: 'invalid-credentials', message: 'wrong password' },
};

describe('Directory view presentation', () => {
  it('shows each step with its mark, time and message', () => {
    assert.deepEqual(stepRows(refused).map((r) => [r.icon, r.label, r.description]), [
      ['pass', 'Connect (TLS checked)', '12 ms — ldaps://dc1:636: TLSv1.3'],
      ['error', 'Bind as the user', '3.2 ms — wrong password'],
      ['circle-slash', 'Read group membership', 'not run: userBind failed'],
    ]);
    assert.match(stepRows(refused)[1].tooltip, /\[invalid-credentials\]/);
    assert.deepEqual(verdict(refused), { text: 'carol: refused at "Bind as the user"', allowed: false });
  });

  it('lists the groups under the group step and the Observium level in the verdict', () => {
    const ok: LoginTestResult = {
      ...refused, user: 'alice', allowed: true, failure: undefined, groups: ['CN=IT,DC=x', 'CN=Admins,DC=x'], observium: { level: 10, levelName: 'administrator', through: ['CN=Admins,DC=x'] },
      steps: [{ step: 'groups', title: 'Read group membership', ok: true, ms: 4, message: '2 group(s)' }],
    };
    assert.deepEqual(stepRows(ok)[0].children, ['CN=IT,DC=x', 'CN=Admins,DC=x']);
    assert.equal(verdict(ok).text, 'alice: allowed — Observium level 10 (administrator)');
  });
});
