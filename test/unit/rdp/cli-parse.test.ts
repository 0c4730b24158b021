// `parc sessions parse` end to end: the compiled CLI as a process, bytes on stdin, JSON on stdout.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const cli = path.join(root, 'out/src/cli/main.js');
const fixture = (f: string) => readFileSync(path.join(root, 'test/fixtures/rdp', f));
const run = (args: string[], input: Buffer) => spawnSync(process.execPath, [cli, 'sessions', 'parse', ...args], { input, encoding: 'utf8' });

describe('parc sessions parse', () => {
  it('prints the JSON contract for cp852 Polish bytes with --codepage', () => {
    const r = run(['--codepage', '852', '--json'], fixture('pl.cp852.bin'));
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(out), ['kind', 'language', 'codepage', 'codepageSource', 'sessions', 'warnings']);
    assert.deepEqual([out.kind, out.language, out.codepage, out.codepageSource, out.warnings], ['quser', 'pl', 852, 'given', []]);
    assert.deepEqual(out.sessions[1], { username: 'agnieszka', sessionName: '', id: 3, state: 'disconnected', stateText: 'Rozł.', idleMinutes: 195, logonTime: '2024-03-03T22:10', current: false });
    assert.deepEqual(Object.keys(out.sessions[0]), ['username', 'sessionName', 'id', 'state', 'stateText', 'idleMinutes', 'logonTime', 'current']);
  });
  it('finds the code page itself when --codepage is absent (cp932 Japanese)', () => {
    const r = run(['--json'], fixture('ja.cp932.bin'));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).sessions.map((s: { username: string; state: string }) => [s.username, s.state]), [['tanaka', 'active'], ['suzuki', 'disconnected']]);
  });
  it('qwinsta output has null idle and logon time', () => {
    const r = run(['--json'], fixture('qwinsta.en.cp437.bin'));
    assert.equal(r.status, 0, r.stderr);
    const s = JSON.parse(r.stdout).sessions;
    assert.equal(s[4].idleMinutes, null);
    assert.equal(s[4].logonTime, null);
    assert.equal(s[4].state, 'listen');
  });
  it('an unknown state word is listed as unknown with a warning naming the line (not a rejected listing)', () => {
    const input = Buffer.from(' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\r\n bob    3  Zombie  5  1/1/2024 1:00 PM\r\n ann    4  Disc  5  1/1/2024 1:00 PM\r\n');
    const j = run(['--json'], input);
    assert.equal(j.status, 0, j.stderr);
    const out = JSON.parse(j.stdout);
    assert.deepEqual(out.sessions.map((s: { state: string; stateText: string }) => [s.state, s.stateText]), [['unknown', 'Zombie'], ['disconnected', 'Disc']]);
    assert.deepEqual(out.warnings, [{ line: 2, message: 'unknown session state "Zombie"; listed as unknown, never acted upon' }]);
    const h = run([], input);
    assert.equal(h.status, 0);
    assert.match(h.stderr, /^warning: stdin:2: unknown session state "Zombie"/);
    assert.match(h.stdout, /unknown \(Zombie\)/);
  });
  it('exits 1 quoting (capped, neutralised) the line when there is no session table at all', () => {
    const r = run([], Buffer.from(`\u001b]0;owned\u0007${'y'.repeat(5000)}\r\n`));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /line 1: not a quser\/qwinsta session table.*"\\x1b\]0;owned\\x07y+… \(4890 more characters\)"/);
    assert.ok(!r.stderr.includes('\u001b'), 'no raw escape reaches the terminal');
  });
  it('exits 1 on an unknown code page', () => {
    const r = run(['--codepage', '12345'], Buffer.from(''));
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--codepage 12345 is not a code page/);
  });
  it('--date-order mdy reads an ambiguous 24-hour date month first; a bad value exits 1', () => {
    const input = Buffer.from(' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\r\n bob                                       3  Disc        5  04/03/2024 09:15\r\n');
    assert.equal(JSON.parse(run(['--json'], input).stdout).sessions[0].logonTime, '2024-03-04T09:15');
    assert.equal(JSON.parse(run(['--json', '--date-order', 'mdy'], input).stdout).sessions[0].logonTime, '2024-04-03T09:15');
    const bad = run(['--date-order', 'ymd'], input);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /--date-order is dmy or mdy/);
  });
  it('human output names language and code page', () => {
    const r = run([], fixture('ru.cp866.bin'));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /иванов\s+console\s+active/);
    assert.match(r.stdout, /language ru, code page 866/);
  });
});
