import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isExcluded, planJanitor } from '../../../src/core/rdp/janitor';
import { DEFAULT_JANITOR } from '../../../src/core/rdp/hosts';
import type { RdpSession } from '../../../src/core/rdp/types';

const s = (id: number, username: string, state: RdpSession['state'], idle: number | null, extra: Partial<RdpSession> = {}): RdpSession => ({
  username, sessionName: state === 'active' ? `rdp-tcp#${id}` : '', id, state, stateText: state, idleMinutes: idle, logonTime: null, current: false, ...extra,
});

describe('janitor plan (pure)', () => {
  const policy = { ...DEFAULT_JANITOR, disconnectedOverMinutes: 60, idleOverMinutes: 120, exclude: ['svc-*', 'CORP\\admin'] };
  it('decides per session with reasons', () => {
    const plan = planJanitor([
      s(1, 'boss', 'active', 500, { sessionName: 'console' }),
      s(2, 'bob', 'disconnected', 61),
      s(3, 'carol', 'disconnected', 60),
      s(4, 'svc-backup', 'disconnected', 9999),
      s(5, 'admin', 'disconnected', 9999),
      s(6, 'dave', 'active', 121),
      s(7, 'erin', 'active', 120),
      s(8, 'me', 'disconnected', 999, { current: true }),
      s(9, 'frank', 'disconnected', 500, { sessionName: 'console' }),
      s(65536, '', 'listen', null),
    ], policy);
    assert.deepEqual(plan.map((d) => [d.session.id, d.action]), [
      [1, 'keep'], [2, 'logoff'], [3, 'keep'], [4, 'keep'], [5, 'keep'], [6, 'warn-then-logoff'], [7, 'keep'], [8, 'keep'], [9, 'keep'], [65536, 'keep'],
    ]);
    assert.match(plan[0].reason, /console/);
    assert.match(plan[8].reason, /console session is never touched/);
    assert.equal(plan[3].reason, 'excluded (svc-*)');
    assert.equal(plan[4].reason, 'excluded (CORP\\admin)');
    assert.equal(plan[1].reason, 'disconnected for 61 min (over 60)');
  });
  it('idleOverMinutes 0 never touches active sessions', () => {
    const plan = planJanitor([s(6, 'dave', 'active', 100000)], { ...policy, idleOverMinutes: 0 });
    assert.equal(plan[0].action, 'keep');
  });
  it('exclusion patterns', () => {
    assert.equal(isExcluded('CORP\\Admin', ['admin']), 'admin');
    assert.equal(isExcluded('administrator', ['admin']), undefined);
    assert.equal(isExcluded('a.b', ['a*b']), 'a*b');
    assert.equal(isExcluded('axb', ['a.b']), undefined);
  });
});
