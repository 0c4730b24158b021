// `parc ldap observium check|fix --host`: config.php read and rewritten over SSH on a real OpenSSH server
// (test/support/sshd.ts), the file owned by root and readable only by root, so every access goes through sudo.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'ldap');
const REMOTE = '/opt/observium/config.php';

describe('parc ldap observium over SSH (real sshd, sudo)', { skip: sshdAvailable() ? false : 'needs root and sshd (scripts/install-deps.sh)' }, () => {
  let sshd: RunningSshd;
  let dir: string;
  let inventory: string;
  let env: Record<string, string>;
  const onHost = () => path.join(sshd.root, REMOTE);

  before(async () => {
    sshd = await startSshd();
    mkdirSync(path.dirname(onHost()), { recursive: true, mode: 0o755 });
    writeFileSync(onHost(), readFileSync(path.join(FIXTURES, 'observium-messy.config.php')), { mode: 0o640 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-ldap-ssh-'));
    inventory = path.join(dir, 'parc.yaml');
    writeFileSync(inventory, `linux:
  - name: observium
    host: 127.0.0.1
    port: ${sshd.port}
    user: ${sshd.user}
    key: ${sshd.clientKeyFile}
    sudo: true
    sudoCredential: observium-sudo
    root: ${sshd.root}
`);
    const knownHosts = path.join(dir, 'known_hosts');
    writeFileSync(knownHosts, sshd.hostKeyLine('127.0.0.1') + '\n');
    env = { PARC_KNOWN_HOSTS: knownHosts, PARC_CRED_OBSERVIUM_SUDO: sshd.password };
  });
  after(async () => {
    await sshd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function parc(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIO = { out: (s) => out.push(s), err: (s) => err.push(s), env: { PATH: process.env.PATH, HOME: dir, ...env }, cwd: dir };
    const code = await main(args, io, new AbortController().signal);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('checks the remote file through sudo', async () => {
    const r = await parc(['ldap', 'observium', 'check', REMOTE, '--host', 'observium', '--inventory', inventory]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.out, /^\/opt\/observium\/config\.php:20:1: warning: unknown setting auth_ldap_opjectclass → auth_ldap_objectclass\? \(Observium ignores it\)$/m);
  });

  it('writes the corrected section atomically, keeps owner, mode and a backup', async () => {
    const before = readFileSync(onHost(), 'utf8');
    const r = await parc(['ldap', 'observium', 'fix', REMOTE, '--host', 'observium', '--inventory', inventory, '--write']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /written observium:\/opt\/observium\/config\.php \(previous version: .*config\.php\.parc-\d{8}-\d{6}\.bak\)/);
    const after = readFileSync(onHost(), 'utf8');
    assert.notEqual(after, before);
    assert.match(after, /^\$config\['auth_ldap_objectclass'\] = 'user';$/m);
    const st = statSync(onHost());
    assert.deepEqual([st.uid, st.mode & 0o777], [0, 0o640]);
    const backups = readdirSync(path.dirname(onHost())).filter((f) => f.endsWith('.bak'));
    assert.equal(backups.length, 1);
    assert.equal(readFileSync(path.join(path.dirname(onHost()), backups[0]), 'utf8'), before);
    const again = await parc(['ldap', 'observium', 'check', REMOTE, '--host', 'observium', '--inventory', inventory]);
    assert.equal(again.code, 0, again.out);
  });

  it('refuses a relative path and an unknown host with a clear message', async () => {
    const rel = await parc(['ldap', 'observium', 'check', 'config.php', '--host', 'observium', '--inventory', inventory]);
    assert.match(rel.err, /absolute path of config\.php on the host/);
    const unknown = await parc(['ldap', 'observium', 'check', REMOTE, '--host', 'nope', '--inventory', inventory]);
    assert.match(unknown.err, /no host "nope" in the linux: section .*known: observium/);
  });
});
