// Listing and the janitor through the local transport (real child processes) against stand-in quser
// programs printing the newer display languages: stand-in, no Windows host here.
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createStandin, type StandinLanguage, type StandinSession } from '../../support/rdp-standin';
import { LocalTransport } from '../../../src/core/rdp/transports/local';
import { listSessions, listSessionsDetailed } from '../../../src/core/rdp/session-service';
import { runJanitor } from '../../../src/core/rdp/janitor';
import { AuditLog } from '../../../src/core/rdp/audit';
import { DEFAULT_JANITOR } from '../../../src/core/rdp/hosts';
import { systemClock } from '../../../src/core/host';

const cases: Array<{ language: StandinLanguage; codepage: number; sessions: StandinSession[]; logons: string[] }> = [
  {
    language: 'it', codepage: 850, logons: ['2024-03-04T09:05', '2024-03-02T18:30'],
    sessions: [
      { user: 'niccolò', session: 'rdp-tcp#3', id: 3, state: 'Active', idleMinutes: 0, logon: '04/03/2024 09:05' },
      { user: 'lucia', session: '', id: 4, state: 'Disc', idleMinutes: 75, logon: '02/03/2024 18:30' },
    ],
  },
  {
    language: 'pt-BR', codepage: 850, logons: ['2024-03-04T09:05', '2024-03-02T18:30'],
    sessions: [
      { user: 'joão', session: 'rdp-tcp#3', id: 3, state: 'Active', idleMinutes: 0, logon: '04/03/2024 09:05' },
      { user: 'conceição', session: '', id: 4, state: 'Disc', idleMinutes: 75, logon: '02/03/2024 18:30' },
    ],
  },
  {
    language: 'zh-CN', codepage: 936, logons: ['2023-11-07T09:37', '2023-11-06T18:30'],
    sessions: [
      { user: '张伟', session: 'rdp-tcp#3', id: 3, state: 'Active', idleMinutes: 0, logon: '2023/11/7 9:37' },
      { user: 'wang.fang', session: '', id: 104, state: 'Disc', idleMinutes: 75, logon: '2023/11/6 18:30' },
    ],
  },
  {
    language: 'ja', codepage: 932, logons: ['2024-03-04T15:04', '2024-03-02T09:30'],
    sessions: [
      { user: '田中', session: 'console', id: 1, state: 'Active', idleMinutes: 0, logon: '2024/03/04 午後 3:04' },
      { user: 'suzuki', session: '', id: 2, state: 'Disc', idleMinutes: 75, logon: '2024/03/02 午前 9:30' },
    ],
  },
  {
    language: 'ru', codepage: 866, logons: ['2024-03-04T09:05', '2024-03-02T18:30'],
    sessions: [
      { user: 'иванов', session: 'rdp-tcp#3', id: 3, state: 'Active', idleMinutes: 0, logon: '04.03.2024 9:05' },
      { user: 'петрова', session: '', id: 4, state: 'Disc', idleMinutes: 75, logon: '02.03.2024 18:30' },
    ],
  },
];

describe('stand-in quser in more display languages (stand-in, no Windows host here)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-rdp-lang-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const c of cases) {
    it(`${c.language} (code page ${c.codepage} from chcp): every field`, async () => {
      const st = createStandin(dir, { language: c.language, codepage: c.codepage, sessions: structuredClone(c.sessions) });
      const t = new LocalTransport({ server: 'rds01', programDir: st.bin });
      const r = await listSessionsDetailed(t);
      assert.deepEqual(r.warnings, []);
      assert.equal(r.codepage, c.codepage);
      assert.deepEqual(r.sessions.map((s) => [s.username, s.sessionName, s.id, s.state, s.idleMinutes, s.logonTime]), c.sessions.map((s, i) => [s.user, s.session, s.id, s.state === 'Active' ? 'active' : 'disconnected', s.idleMinutes, c.logons[i]]));
    });
  }

  it('an unknown state word is listed as unknown and never logged off; dry run and audit say why', async () => {
    const st = createStandin(dir, { language: 'it', codepage: 850, sessions: [
      { user: 'bob', session: '', id: 2, state: 'Disc', idleMinutes: 9000, logon: '01/03/2024 08:00' },
      { user: 'eve', session: '', id: 3, state: 'Disc', stateWord: 'Sospeso', idleMinutes: 9000, logon: '01/03/2024 08:00' },
    ] });
    const t = new LocalTransport({ server: 'rds01', programDir: st.bin });
    const listed = await listSessions(t);
    assert.deepEqual(listed.map((s) => [s.id, s.state, s.stateText]), [[2, 'disconnected', 'Disc'], [3, 'unknown', 'Sospeso']]);
    const audit = new AuditLog(path.join(dir, 'state'));
    const policy = { ...DEFAULT_JANITOR, disconnectedOverMinutes: 60, warnMinutes: 0 };
    const dry = await runJanitor({ host: 'rds01', transport: t, policy, dryRun: true, audit, actor: 'tester', clock: systemClock });
    assert.deepEqual(dry.map((s) => [s.session.id, s.outcome]), [[2, 'dry-run'], [3, 'kept']]);
    assert.equal(dry[1].reason, 'state "Sospeso" is not one Parc knows; left alone (never acted upon)');
    const run = await runJanitor({ host: 'rds01', transport: t, policy, dryRun: false, audit, actor: 'tester', clock: systemClock });
    assert.deepEqual(run.map((s) => [s.session.id, s.outcome]), [[2, 'done'], [3, 'kept']]);
    assert.deepEqual(st.read().sessions.map((s) => s.id), [3]);
    assert.deepEqual(st.read().calls.filter((c) => c[0] === 'logoff').map((c) => c[1]), ['2']);
    const entries = (await audit.read()).filter((e) => e.sessionId === 3);
    assert.deepEqual(entries.map((e) => [e.outcome, e.reason]), [
      ['skipped', 'dry run: state "Sospeso" is not one Parc knows; left alone (never acted upon)'],
      ['skipped', 'state "Sospeso" is not one Parc knows; left alone (never acted upon)'],
    ]);
  });
});
