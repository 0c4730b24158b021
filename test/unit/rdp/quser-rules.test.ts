// One test per parsing rule: structure first (anchors, header by shape, display width), vocabulary as a
// hint, logon patterns, code-page recovery, degrade-don't-reject, hostile text. Layouts follow quser's
// (header titles at console cells 1, 23, 42, 46, 54, 65; IDs right-aligned before the state).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { parseSessions } from '../../../src/core/rdp/quser-parse';
import { parseSessionBytes } from '../../../src/core/rdp/decode-listing';
import { SessionParseError } from '../../../src/core/rdp/errors';
import { decideOrder, formatLogon, scanLogon } from '../../../src/core/rdp/logon-time';
import { parseIdle } from '../../../src/core/rdp/idle-time';
import { displayWidth } from '../../../src/core/rdp/text-columns';
import { displaySafe } from '../../../src/core/rdp/display-text';
import { planJanitor } from '../../../src/core/rdp/janitor';
import { DEFAULT_JANITOR } from '../../../src/core/rdp/hosts';
import { sessionJson, sessionsTable } from '../../../src/cli/commands/sessions';
import type { RdpSession } from '../../../src/core/rdp/types';

const rows = (text: string) => parseSessions(text).sessions.map((s) => [s.username, s.sessionName, s.id, s.state, s.idleMinutes, s.logonTime, s.current]);
const EN = ' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME';

describe('structure first', () => {
  it('display width: CJK characters take two cells (zh-CN header, wide user name, yyyy/M/d dates, idle 无)', () => {
    assert.equal(displayWidth('用户名'), 6);
    const text = [
      ' 用户名                会话名             ID  状态    空闲时间   登录时间',
      '>张伟                  rdp-tcp#0           2  运行中          无  2023/11/7 9:37',
      ' 李娜                                      3  断开          1:05  2023/11/6 18:02',
      ' wang                  rdp-tcp#2           4  已连接           .  2023/11/7 10:00',
    ].join('\r\n');
    const r = parseSessions(text);
    assert.equal(r.language, 'zh-CN');
    assert.deepEqual(r.warnings, []);
    assert.deepEqual(rows(text), [
      ['张伟', 'rdp-tcp#0', 2, 'active', 0, '2023-11-07T09:37', true],
      ['李娜', '', 3, 'disconnected', 65, '2023-11-06T18:02', false],
      ['wang', 'rdp-tcp#2', 4, 'connected', 0, '2023-11-07T10:00', false],
    ]);
  });
  it('Italian: header words run together, "Attivo" next to the English "Disc"', () => {
    const text = ' NOMEUTENTE            NOMESESSIONE       ID  STATO   INATTIVITÀ ACCESSO\n>rossi                 console             1  Attivo      nessuno  04/03/2024 09:05\n bianchi                                   2  Disc           1:10  03/03/2024 17:30';
    const r = parseSessions(text);
    assert.equal(r.language, 'it');
    assert.deepEqual(rows(text), [['rossi', 'console', 1, 'active', 0, '2024-03-04T09:05', true], ['bianchi', '', 2, 'disconnected', 70, '2024-03-03T17:30', false]]);
    // Single blanks only between titles: every word is a title, positions still come from the rows.
    assert.deepEqual(rows('NOMEUTENTE NOMESESSIONE ID STATO INATTIVITÀ ACCESSO\n rossi console 1 Attivo nessuno 04/03/2024 09:05'), [['rossi', 'console', 1, 'active', 0, '2024-03-04T09:05', false]]);
  });
  it('Portuguese (Brazil): English header, localized values, "nenhum" wider than "none" shifts the logon column', () => {
    const text = `${EN}\n>joao                  console             1  Ativo      nenhum   7/3/2024 9:05 AM\n maria                                     2  Disco          12  7/2/2024 4:30 PM`;
    const r = parseSessions(text);
    assert.equal(r.language, 'pt-BR');
    assert.deepEqual(rows(text), [['joao', 'console', 1, 'active', 0, '2024-07-03T09:05', true], ['maria', '', 2, 'disconnected', 12, '2024-07-02T16:30', false]]);
  });
  it('Russian: idle "отсутствует"', () => {
    const text = ' ПОЛЬЗОВАТЕЛЬ          СЕАНС              ID  СТАТУС  БЕЗДЕЙСТВ. ВРЕМЯ ВХОДА\n>иванов                rdp-tcp#1           2  Активно  отсутствует 18.11.2022 9:35';
    assert.deepEqual(rows(text), [['иванов', 'rdp-tcp#1', 2, 'active', 0, '2022-11-18T09:35', true]]);
    assert.equal(parseSessions(text).language, 'ru');
  });
  it('Japanese qwinsta: Japanese header, English states', () => {
    const text = [' セッション名      ユーザー名           ID  状態    種類        デバイス', ' services                                    0  Disc', '>rdp-tcp#0         administrator             2  Active', ' console           田中                      3  Active', ' rdp-tcp                                 65536  Listen'].join('\n');
    const r = parseSessions(text);
    assert.equal(r.kind, 'qwinsta');
    assert.equal(r.language, 'ja');
    assert.deepEqual(r.sessions.map((s) => [s.sessionName, s.username, s.id, s.state, s.current]), [['services', '', 0, 'disconnected', false], ['rdp-tcp#0', 'administrator', 2, 'active', true], ['console', '田中', 3, 'active', false], ['rdp-tcp', '', 65536, 'listen', false]]);
  });
  it('English edge cases: a user name with a blank, 3-digit IDs in the gap before the ID column, >services over SSH, Conn', () => {
    const text = `${EN}\n John Smith            rdp-tcp#12        112  Active          .  3/4/2024 9:05 AM\n Mary Ann Lee                            113  Disc            5  3/4/2024 9:06 AM\n>sshd_admin            services            0  Active       none  3/4/2024 9:07 AM\n guest                 rdp-tcp#3           4  Conn            .  3/4/2024 9:08 AM`;
    assert.deepEqual(rows(text), [
      ['John Smith', 'rdp-tcp#12', 112, 'active', 0, '2024-03-04T09:05', false],
      ['Mary Ann Lee', '', 113, 'disconnected', 5, '2024-03-04T09:06', false],
      ['sshd_admin', 'services', 0, 'active', 0, '2024-03-04T09:07', true],
      ['guest', 'rdp-tcp#3', 4, 'connected', 0, '2024-03-04T09:08', false],
    ]);
    // The marker on the session name itself, and qwinsta's ">services".
    assert.deepEqual(rows(`${EN}\n administrator         >services           0  Active      none   11/2/2023 10:00 AM`), [['administrator', 'services', 0, 'active', 0, '2023-11-02T10:00', true]]);
    assert.deepEqual(parseSessions(' SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE\n>services                                    0  Disc').sessions.map((s) => [s.sessionName, s.current]), [['services', true]]);
  });
  it('a header in a language Parc has no words for still gives a listing (states then unknown)', () => {
    const r = parseSessions(' KÄYTTÄJÄNIMI          ISTUNTONIMI        TUNNUS TILA    JOUTOAIKA  KIRJAUTUMISAIKA\n>matti                 console             1  Aktiivinen   ei mitään  4.3.2024 9.05');
    assert.equal(r.sessions.length, 1);
    assert.deepEqual([r.sessions[0].username, r.sessions[0].sessionName, r.sessions[0].id, r.sessions[0].state, r.sessions[0].stateText], ['matti', 'console', 1, 'unknown', 'Aktiivinen']);
    assert.match(r.warnings.map((w) => `${w.line}: ${w.message}`).join('\n'), /2: unknown session state "Aktiivinen"/);
  });
});

describe('degrade, do not reject', () => {
  it('unknown state: listed as unknown with the word kept, a warning naming the line', () => {
    const r = parseSessions(`${EN}\n bob                                       3  Sleepy        2  3/4/2024 9:00 AM\n ann                                       4  Disc          2  3/4/2024 9:00 AM`);
    assert.deepEqual(r.sessions.map((s) => [s.id, s.state, s.stateText, s.idleMinutes, s.logonTime]), [[3, 'unknown', 'Sleepy', 2, '2024-03-04T09:00'], [4, 'disconnected', 'Disc', 2, '2024-03-04T09:00']]);
    assert.deepEqual(r.warnings, [{ line: 2, message: 'unknown session state "Sleepy"; listed as unknown, never acted upon' }]);
  });
  it('unreadable idle and logon cells: null, raw quoted in a warning', () => {
    const r = parseSessions(`${EN}\n bob                                       3  Disc    forever  yesterday noon`);
    assert.deepEqual([r.sessions[0].idleMinutes, r.sessions[0].logonTime, r.sessions[0].state], [null, null, 'disconnected']);
    assert.deepEqual(r.warnings.map((w) => [w.line, w.message]), [[2, 'unreadable idle time "forever"; left unread'], [2, 'unreadable logon time "yesterday noon"; left unread']]);
  });
  it('a row without its idle cell still gives its logon time', () => {
    const r = parseSessions(`${EN}\n bob                                       3  Disc           3/4/2024 9:00 AM`);
    assert.deepEqual([r.sessions[0].idleMinutes, r.sessions[0].logonTime], [null, '2024-03-04T09:00']);
    assert.deepEqual(r.warnings, [{ line: 2, message: 'no idle time in this row; left unread' }]);
  });
  it('impossible dates and dates that cannot share one order are left unread, with the line', () => {
    const r = parseSessions(`${EN}\n a   3  Disc  2  2/30/2024 9:00 AM`);
    assert.equal(r.sessions[0].logonTime, null);
    assert.match(r.warnings[0].message, /not a calendar date/);
    const c = parseSessions(`${EN}\n a   3  Disc  2  13/3/2024 9:00\n b   4  Disc  2  3/13/2024 9:00\n c   5  Disc  2  2024/03/13 9:00`);
    assert.deepEqual(c.sessions.map((s) => s.logonTime), [null, null, '2024-03-13T09:00']);
    assert.deepEqual(c.warnings, [{ line: 2, message: 'logon times are inconsistent (dates read both day-first and month-first); day-first or month-first dates left unread' }]);
  });
  it('duplicate IDs: both listed as unknown (never acted upon)', () => {
    const r = parseSessions(`${EN}\n a   3  Disc  2  3/3/2024 9:00\n b   3  Disc  2  3/3/2024 9:00`);
    assert.deepEqual(r.sessions.map((s) => s.state), ['unknown', 'unknown']);
    assert.match(r.warnings[0].message, /session ID 3 appears more than once/);
  });
  it('lines that are not rows (qwinsta /COUNTER totals) are ignored with a warning', () => {
    const r = parseSessions(' SESSIONNAME       USERNAME                 ID  STATE   TYPE        DEVICE\n services                                    0  Disc\nTotal sessions created: 5');
    assert.equal(r.sessions.length, 1);
    assert.deepEqual(r.warnings, [{ line: 3, message: 'not a session row (no session ID followed by a state), ignored: "Total sessions created: 5"' }]);
  });
  it('only a text with no session table is an error', () => {
    assert.throws(() => parseSessions('Name  Id  Whatever\n x 1 y'), SessionParseError);
    assert.throws(() => parseSessions(`${EN}\n just some text`), { message: /^line 2: no session table/ });
    assert.deepEqual(parseSessions('\r\n').sessions, []);
  });
  it('prototype names are plain words: state "__proto__" is unknown, "constructor" keeps every key', () => {
    const r = parseSessions(`${EN}\n a   3  __proto__  2  3/3/2024 9:00\n b   4  constructor  2  3/3/2024 9:00\n c   5  toString  none  3/3/2024 9:00`);
    assert.deepEqual(r.sessions.map((s) => [s.state, s.stateText]), [['unknown', '__proto__'], ['unknown', 'constructor'], ['unknown', 'toString']]);
    for (const s of r.sessions) assert.deepEqual(Object.keys(sessionJson(s)), ['username', 'sessionName', 'id', 'state', 'stateText', 'idleMinutes', 'logonTime', 'current']);
    assert.equal(JSON.parse(JSON.stringify(sessionJson(r.sessions[0]))).state, 'unknown');
    assert.equal(parseIdle('constructor'), undefined);
    assert.equal(parseIdle('__proto__'), undefined);
  });
});

describe('logon times', () => {
  const at = (t: string, order: 'dmy' | 'mdy' = 'dmy') => {
    const v = scanLogon(t);
    return v && formatLogon(v, order);
  };
  it('dd-MMM-yy with localized month abbreviations', () => {
    assert.equal(at('18-Nov-22 09:35'), '2022-11-18T09:35');
    assert.equal(at('18-févr.-22 09:35'), '2022-02-18T09:35');
    assert.equal(at('03-Okt-23 14:00'), '2023-10-03T14:00');
    assert.equal(at('05-мар-24 8:15'), '2024-03-05T08:15');
    assert.equal(at('05-Xyz-24 8:15'), undefined);
    // A named month fixes the order even when the listing has a configured one.
    assert.equal(decideOrder([scanLogon('18-Nov-22 09:35')!], 'mdy'), 'mdy');
  });
  it('AM/PM words: 上午/下午, 午前/午後, 오전/오후, a. m./p. m.', () => {
    assert.equal(at('2023/11/7 下午 3:04'), '2023-11-07T15:04');
    assert.equal(at('2023/11/7 上午 12:04'), '2023-11-07T00:04');
    assert.equal(at('2023/11/7 下午3:04'), '2023-11-07T15:04');
    assert.equal(at('2024/03/04 午後 3:04'), '2024-03-04T15:04');
    assert.equal(at('2024-03-04 오후 3:04'), '2024-03-04T15:04');
    assert.equal(at('4/3/2024 7:46 p. m.', 'dmy'), '2024-03-04T19:46');
  });
  it('numeric patterns: M/d/yyyy h:mm tt, dd.MM.yyyy HH:mm, yyyy/M/d H:mm, d-M-yyyy, Hungarian and Czech blanks', () => {
    assert.equal(at('7/25/2018 7:46 AM', 'mdy'), '2018-07-25T07:46');
    assert.equal(at('25.07.2018 10:51'), '2018-07-25T10:51');
    assert.equal(at('2023/11/7 9:37'), '2023-11-07T09:37');
    assert.equal(at('4-3-2024 9:05'), '2024-03-04T09:05');
    assert.equal(at('2024. 03. 04. 9:05'), '2024-03-04T09:05');
    assert.equal(at('4. 3. 2024 9:05'), '2024-03-04T09:05');
    assert.equal(at('2024-03-04 09:05:59'), '2024-03-04T09:05');
    assert.equal(scanLogon('x'.repeat(100000)), undefined);
  });
  it('the day/month order decision is unchanged: configured, else unambiguous values, else AM/PM → mdy, 24 h → dmy', () => {
    assert.equal(decideOrder([scanLogon('03/04/2024 08:00 PM')!]), 'mdy');
    assert.equal(decideOrder([scanLogon('03/04/2024 08:00')!]), 'dmy');
    assert.equal(decideOrder([scanLogon('13/04/2024 08:00')!, scanLogon('03/04/2024 08:00 PM')!]), 'dmy');
  });
});

describe('code pages', () => {
  it('a header that does not read in the given page is read in the OEM page that yields known words, and the result says so', () => {
    const ru = iconv.encode(' ПОЛЬЗОВАТЕЛЬ          СЕАНС              ID  СТАТУС  БЕЗДЕЙСТВ. ВРЕМЯ ВХОДА\r\n иванов                                    2  Диск         5  04.03.2024 9:00\r\n', 'cp866');
    const r = parseSessionBytes(ru, 850);
    assert.deepEqual([r.codepage, r.codepageSource, r.language, r.sessions[0].username, r.sessions[0].state], [866, 'recovered', 'ru', 'иванов', 'disconnected']);
    assert.match(r.warnings[0].message, /does not read in code page 850; decoded as code page 866/);
    const pl = iconv.encode(' NAZWA UŻYTKOWNIKA     NAZWA SESJI        ID  STAN    CZAS BEZCZ. CZAS LOGOWANIA\r\n łukasz                                    2  Rozł.        5  04.03.2024 9:00\r\n', 'cp852');
    assert.deepEqual([parseSessionBytes(pl, 437).codepage, parseSessionBytes(pl).codepage, parseSessionBytes(pl).sessions[0].username], [852, 852, 'łukasz']);
    const zh = iconv.encode(' 用户名                会话名             ID  状态    空闲时间   登录时间\r\n 张伟                  rdp-tcp#0           2  运行中          无  2023/11/7 9:37\r\n', 'cp936');
    assert.deepEqual([parseSessionBytes(zh).codepage, parseSessionBytes(zh).sessions[0].username], [936, '张伟']);
  });
  it('a Spanish qwinsta read in CP437 (published as "NOMBRE DE SESIαN", Ó = 0xE0 in CP850) is recovered as CP850', () => {
    // The header and rows of a real `query session` run through PsExec (es-qwinsta-psexec in
    // ../shared/corpus/quser-extra): its author's console showed the CP850 byte in CP437.
    const text = ' NOMBRE DE SESIαN  NOMBRE DE USUARIO        ID  ESTADO    TIPO   DISPOSITIVO\r\n>services                                    0  Desc\r\n console           Administrador             1  Activo\r\n                                             2  Desc\r\n';
    const bytes = iconv.encode(text, 'cp437');
    assert.equal(bytes.indexOf(0xe0), text.indexOf('α'));
    const r = parseSessionBytes(bytes, 437);
    assert.deepEqual([r.codepage, r.codepageSource, r.kind, r.language], [850, 'recovered', 'qwinsta', 'es']);
    assert.deepEqual(r.sessions.map((s) => [s.username, s.sessionName, s.id, s.state, s.current]), [['', 'services', 0, 'disconnected', true], ['Administrador', 'console', 1, 'active', false], ['', '', 2, 'disconnected', false]]);
    assert.deepEqual([parseSessionBytes(bytes).codepage, parseSessionBytes(bytes, 850).codepageSource], [850, 'given']);
  });
  it('a given page that reads is kept', () => {
    const r = parseSessionBytes(Buffer.from(`${EN}\r\n bob  3  Disc  2  3/4/2024 9:00 AM\r\n`), 850);
    assert.deepEqual([r.codepage, r.codepageSource], [850, 'given']);
  });
});

describe('hostile input', () => {
  it('a 1 MB header line is no header: refused, or skipped before rows, quoting a bounded part of it', () => {
    const errorOf = (b: Buffer) => {
      try {
        parseSessionBytes(b);
      } catch (err) {
        return err as Error;
      }
      return undefined;
    };
    const line = 'USERNAME SESSIONNAME ID STATE IDLE TIME LOGON TIME '.repeat(20000);
    const h = errorOf(Buffer.from(line));
    assert.ok(h instanceof SessionParseError);
    assert.ok(h.message.length < 400, `error message is ${h.message.length} characters`);
    // With rows after it, the table starts at the first row; the long line is reported, capped.
    const r = parseSessionBytes(Buffer.from(`${line}\n bob  3  Disc  5  3/4/2024 9:00 AM\n`));
    assert.deepEqual(r.sessions.map((x) => [x.username, x.id, x.state]), [['bob', 3, 'disconnected']]);
    assert.equal(r.warnings[0].line, 1);
    assert.ok(r.warnings[0].message.length < 400);
    const e = errorOf(Buffer.from(`${'x'.repeat(1 << 20)}\n`));
    assert.ok(e instanceof SessionParseError);
    assert.match(e.message, /… \(1048456 more characters\)"$/);
  });
  it('terminal escapes: the parser keeps raw text, tables show a neutralised form', () => {
    const evil = `${EN}\n \u001b]0;pwned\u0007\u001b[2Jbob     rdp-tcp#1   3  Active  .  3/4/2024 9:00 AM\n eve   4  \u001b[31mDisc\u001b[0m  5  3/4/2024 9:00 AM`;
    const r = parseSessions(evil);
    assert.ok(r.sessions[0].username.includes('\u001b]0;pwned'), 'raw text kept');
    assert.equal(r.sessions[1].state, 'unknown');
    const shown = sessionsTable(r.sessions);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(shown), 'no control character reaches the table');
    assert.match(shown, /\\x1b\]0;pwned\\x07\\x1b\[2Jbob/);
    assert.match(shown, /unknown \(\\x1b\[31mDisc\\x1b\[0m\)/);
    assert.equal(displaySafe('a\u202eb\u009bc\td'), 'a\\u{202e}b\\x9bc\td');
  });
});

describe('the janitor never acts on what could not be read', () => {
  const s = (id: number, state: RdpSession['state'], idle: number | null, stateText: string = state): RdpSession => ({ username: `u${id}`, sessionName: '', id, state, stateText, idleMinutes: idle, logonTime: null, current: false, line: id + 1 });
  it('unknown state and unreadable idle time are kept with the reason', () => {
    const plan = planJanitor([s(2, 'disconnected', 999), s(3, 'unknown', 999, 'Sospeso'), s(4, 'disconnected', null), s(5, 'active', null)], { ...DEFAULT_JANITOR, disconnectedOverMinutes: 60, idleOverMinutes: 60 });
    assert.deepEqual(plan.map((d) => [d.session.id, d.action]), [[2, 'logoff'], [3, 'keep'], [4, 'keep'], [5, 'keep']]);
    assert.equal(plan[1].reason, 'state "Sospeso" is not one Parc knows; left alone (never acted upon)');
    assert.equal(plan[2].reason, 'disconnected but its idle time could not be read; left alone');
    assert.equal(plan[3].reason, 'active but its idle time could not be read; left alone');
  });
});

describe('where the table starts', () => {
  it('a prompt or banner before the header is ignored with a warning', () => {
    const r = parseSessions(`C:\\Users\\admin>quser\n\n${EN}\n>admin                 console             1  Active      none   3/4/2024 9:00 AM`);
    assert.deepEqual(rows(`C:\\Users\\admin>quser\n${EN}\n>admin                 console             1  Active      none   3/4/2024 9:00 AM`), [['admin', 'console', 1, 'active', 0, '2024-03-04T09:00', true]]);
    assert.deepEqual(r.warnings, [{ line: 1, message: 'before the session table, ignored: "C:\\Users\\admin>quser"' }]);
  });
  it('rows without a header start at the first row whose state is known', () => {
    assert.deepEqual(rows(' user1              rdp-tcp#1          30  Active          .  12/11/2020 11:23'), [['user1', 'rdp-tcp#1', 30, 'active', 0, '2020-11-12T11:23', false]]);
    assert.throws(() => parseSessions(' x 1 y'), SessionParseError);
  });
  it('a header whose titles run together with single blanks does not place the session column', () => {
    assert.deepEqual(rows('NOMEUTENTE NOMESESSIONE ID STATO INATTIVITÀ ACCESSO\n Giovanni Battista Rossi                 2  Disc  5  04/03/2024 09:05'), [['Giovanni Battista Rossi', '', 2, 'disconnected', 5, '2024-03-04T09:05', false]]);
  });
});
