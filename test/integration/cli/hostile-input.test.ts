// The built CLI on hostile input (issue 13): what used to crash, hang or print raw bytes gives a clear,
// located error and exit 1.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
