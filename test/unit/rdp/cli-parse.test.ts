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
    assert.deepEqual(Object.keys(out), ['sessions']);
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
  it('exits 1 with a message quoting the line on output it cannot parse', () => {
    const r = run(['--json'], Buffer.from(' USERNAME              SESSIONNAME        ID  STATE   IDLE TIME  LOGON TIME\r\n bob    3  Zombie  5  1/1/2024 1:00 PM\r\n'));
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /line 2: unknown session state "Zombie": " bob {4}3 {2}Zombie/);
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
