import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSessions } from '../../../src/core/rdp/quser-parse';
import { parseIdle } from '../../../src/core/rdp/idle-time';
import { decideOrder, formatLogon, scanLogon } from '../../../src/core/rdp/logon-time';
import { parseChcp } from '../../../src/core/rdp/codepage';

const H = ' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME';

describe('quser parser: an error only when there is no session table; otherwise warnings', () => {
  it('text that is neither a header nor a row quotes the line', () => {
    assert.throws(() => parseSessions('Name  Id  Whatever\n x 1 y'), { message: 'line 1: not a quser/qwinsta session table: the first line is neither a header (four or more column titles) nor a session row: "Name  Id  Whatever"' });
  });
  it('an unknown state word is kept, named with its line', () => {
    const r = parseSessions(`${H}\n bob                                       3  Sleepy     2  3/4/2024 9:00 AM`);
    assert.deepEqual([r.sessions[0].state, r.sessions[0].stateText, r.warnings[0].line], ['unknown', 'Sleepy', 2]);
  });
  it('a row without ID and state, alone, is no session table', () => {
    assert.throws(() => parseSessions(`${H}\n just some text`), { message: /line 2: no session table/ });
  });
  it('empty output is an empty list', () => {
    assert.deepEqual(parseSessions('\r\n').sessions, []);
  });
  it('header without its leading blank (trimmed captures) still reads session names', () => {
    const r = parseSessions('USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\n bob                   rdp-tcp#1           3  Active      .  3/3/2024 9:00 AM\n carol                                     4  Disc        5  3/3/2024 9:00 AM');
    assert.deepEqual(r.sessions.map((s) => [s.username, s.sessionName]), [['bob', 'rdp-tcp#1'], ['carol', '']]);
  });
  it('English display language with a 24-hour UK clock reads day first; --date-order overrides', () => {
    const text = `${H}\n bob                                       3  Disc        5  04/03/2024 09:15`;
    assert.equal(parseSessions(text).sessions[0].logonTime, '2024-03-04T09:15');
    assert.equal(parseSessions(text, 'mdy').sessions[0].logonTime, '2024-04-03T09:15');
  });
  it('a user name with a blank inside stays whole', () => {
    const r = parseSessions(`${H}\n John Smith                                7  Disc        5  3/3/2024 9:00 AM`);
    assert.equal(r.sessions[0].username, 'John Smith');
    assert.equal(r.sessions[0].sessionName, '');
  });
});

describe('idle time and logon time', () => {
  it('idle forms', () => {
    assert.deepEqual(['none', '.', '5', '1:05', '2+03:04', 'aucun', 'Kein', 'нет', 'なし', '1:75', 'x', '', '+1:00'].map(parseIdle), [0, 0, 5, 65, 2 * 1440 + 184, 0, 0, 0, 0, undefined, undefined, undefined, undefined]);
  });
  it('logon formats and day/month order', () => {
    const us = scanLogon('12/1/2024 12:30 AM')!;
    assert.equal(formatLogon(us, 'mdy'), '2024-12-01T00:30');
    assert.equal(formatLogon(scanLogon('2024/03/04 午後 3:04')!, 'dmy'), '2024-03-04T15:04');
    assert.equal(formatLogon(scanLogon('04.03.24 08:15')!, 'dmy'), '2024-03-04T08:15');
    assert.equal(scanLogon('yesterday'), undefined);
    assert.equal(decideOrder([scanLogon('13/03/2024 08:00')!, scanLogon('03/04/2024 08:00')!]), 'dmy');
    assert.equal(decideOrder([scanLogon('03/13/2024 08:00')!, scanLogon('03/04/2024 08:00')!]), 'mdy');
    // Nothing tells: AM/PM is the US short date, a 24-hour clock goes with day first (en-GB and the rest).
    assert.equal(decideOrder([scanLogon('03/04/2024 08:00 PM')!]), 'mdy');
    assert.equal(decideOrder([scanLogon('03/04/2024 08:00')!]), 'dmy');
    // Configured (inventory dateOrder / --date-order) wins, unless a date contradicts it.
    assert.equal(decideOrder([scanLogon('03/04/2024 08:00 PM')!], 'dmy'), 'dmy');
    assert.deepEqual(decideOrder([scanLogon('13/04/2024 08:00')!], 'mdy'), { conflict: 'a date cannot be read in the configured mdy order' });
  });
  it('chcp output in several languages', () => {
    assert.deepEqual(['Active code page: 850', 'Page de codes active : 850', 'Aktive Codepage: 850.', 'Текущая кодовая страница: 866', '現在のコード ページ: 932\r\n', 'Active code page: 65001', 'nothing', 'Active code page: 12'].map(parseChcp), [850, 850, 850, 866, 932, 65001, undefined, undefined]);
  });
});
