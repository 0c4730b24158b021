// The built CLI on hostile input (issue 13): what used to crash, hang or print raw bytes gives a clear,
// located error and exit 1.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function parc(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parc CLI on hostile input', () => {
  let dir: string;
  let deep: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parc-hostile-'));
    deep = path.join(dir, 'd.yaml');
    writeFileSync(deep, '- '.repeat(2500) + 'x\n  a: 1\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const args of [
    ['netplan', 'check', '@'],
    ['poll', '--inventory', '@'],
    ['ldap', 'test', '--inventory', '@', '--profile', 'corp', '--user', 'alice'],
    ['sessions', 'list', '--inventory', '@'],
    ['snmpd', 'apply', '--inventory', '@', '--host', 'h', '--community', 'c'],
  ]) {
    it(`parc ${args.slice(0, 2).join(' ')} refuses YAML nested 2,500 deep with file:line:col`, () => {
      const r = parc(args.map((a) => (a === '@' ? deep : a)));
      assert.equal(r.code, 1, r.out + r.err);
      const all = r.out + r.err;
      assert.ok(!/Maximum call stack|RangeError|at .*\.js:\d+/.test(all), all);
      assert.match(all, new RegExp(`${deep.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:201: .*nested deeper than 100 levels`));
    });
  }

  it('a device name and an error carrying terminal escapes are printed escaped', () => {
    const inv = path.join(dir, 'esc.yaml');
    // (port 9 on loopback: discard, nothing answers SNMP there)
    writeFileSync(inv, 'snmp:\n  profiles:\n    p: { version: 2c, credential: c, timeoutMs: 100, retries: 0 }\ndevices:\n  - { host: 127.0.0.1, port: 9, name: "evil\\e]0;pwned\\a\\e[2J" }\n');
    const r = parc(['poll', '--inventory', inv], { PARC_CRED_C: 'public' });
    const all = r.out + r.err;
    assert.match(all, /evil\\u001b\]0;pwned\\u0007\\u001b\[2J/, all);
    assert.ok(!all.includes('\x1b') && !all.includes('\x07'), 'no raw ESC or BEL');
  });

  it('a credentials file readable by others is one exit-1 error, not a per-device failure', () => {
    const inv = path.join(dir, 'two.yaml');
    writeFileSync(inv, 'snmp:\n  profiles:\n    p: { version: 2c, credential: c, timeoutMs: 100, retries: 0 }\ndevices:\n  - { host: 127.0.0.1, port: 9, name: a }\n  - { host: 127.0.0.1, port: 10, name: b }\n');
    const creds = path.join(dir, 'credentials');
    writeFileSync(creds, 'c = public\n', { mode: 0o644 });
    chmodSync(creds, 0o644);
    const r = parc(['poll', '--inventory', inv], { PARC_CREDENTIALS: creds });
    assert.equal(r.code, 1);
    assert.match(r.err, /credentials file .* is readable by others \(mode 644\); run: chmod 600/);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.ok(!/protocol|down/.test(r.out + r.err), r.out + r.err);
  });

  it('discover --host HOST:PORT points to --port; 999.1.1.1 is refused before any DNS lookup', () => {
    const inv = path.join(dir, 'disc.yaml');
    writeFileSync(inv, 'snmp:\n  profiles:\n    p: { version: 2c, credential: c, timeoutMs: 100, retries: 0 }\n');
    const r = parc(['discover', '--inventory', inv, '--host', '127.0.0.1:39191'], { PARC_CRED_C: 'public' });
    assert.equal(r.code, 1);
    assert.match(r.err, /--host "127\.0\.0\.1:39191" has a port in it: use --host 127\.0\.0\.1 --port 39191/);
    const bad = parc(['discover', '--inventory', inv, '--host', '999.1.1.1'], { PARC_CRED_C: 'public' });
    assert.equal(bad.code, 1);
    assert.match(bad.err, /"999\.1\.1\.1" is not a valid IPv4 address/);
  });

  it('a misspelt devices: key fails the poll (exit 1) instead of polling nothing', () => {
    const inv = path.join(dir, 'typo.yaml');
    writeFileSync(inv, 'devics:\n  - 127.0.0.1\n');
    const r = parc(['poll', '--inventory', inv]);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.err, /typo\.yaml:1:1: .*no devices.*"devics"/);
  });
});
