// The editor-facing file layer (used by the parc-ssh:// FileSystemProvider) against the real test sshd.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SshConnection } from '../../../src/core/ssh/connection';
import { KnownHosts } from '../../../src/core/ssh/known-hosts';
import { DEFAULT_SNMPD, type LinuxHost } from '../../../src/core/ssh/linux-hosts';
import { RemoteChangedError } from '../../../src/core/ssh/remote-file';
import { RemoteFileSystem, RemoteNotFound } from '../../../src/core/ssh/remote-fs';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';

describe('remote file system for the editor (real sshd, sudo)', { skip: !sshdAvailable() && 'needs root and sshd' }, () => {
  let sshd: RunningSshd;
  let conn: SshConnection;
  let fsys: RemoteFileSystem;
  let host: LinuxHost;

  before(async () => {
    sshd = await startSshd();
    mkdirSync(path.join(sshd.root, 'etc/netplan'), { recursive: true });
    writeFileSync(path.join(sshd.root, 'etc/netplan/01-netcfg.yaml'), 'network:\n  version: 2\n', { mode: 0o600 });
    writeFileSync(path.join(sshd.root, 'etc/netplan/50-cloud-init.yaml'), 'network: {version: 2}\n', { mode: 0o600 });
    mkdirSync(path.join(sshd.root, 'etc/netplan/sub'));
    host = { name: 'lab', host: '127.0.0.1', port: sshd.port, user: sshd.user, sudo: true, agent: false, root: sshd.root, snmpd: DEFAULT_SNMPD, netplanDir: '/etc/netplan', netplanApply: 'netplan apply', line: 1 };
    conn = await SshConnection.connect({ host: '127.0.0.1', port: sshd.port, user: sshd.user, privateKey: sshd.clientKey, sudoPassword: sshd.password }, { knownHosts: new KnownHosts(path.join(sshd.dir, 'kh')), trust: async () => true });
    fsys = new RemoteFileSystem(async (name) => {
      assert.equal(name, 'lab');
      return { host, conn };
    });
  });
  after(async () => {
    conn?.close();
    await sshd?.stop();
  });

  it('lists a root-only directory and stats its files through sudo', async () => {
    assert.deepEqual(await fsys.readDirectory('lab', '/etc/netplan'), [['01-netcfg.yaml', 'file'], ['50-cloud-init.yaml', 'file'], ['sub', 'directory']]);
    const st = await fsys.stat('lab', '/etc/netplan/01-netcfg.yaml');
    assert.deepEqual([st.type, st.size, st.mode], ['file', 22, 0o600]);
    assert.ok(Math.abs(st.mtimeMs - statSync(path.join(sshd.root, 'etc/netplan/01-netcfg.yaml')).mtimeMs) < 1000);
    await assert.rejects(fsys.stat('lab', '/etc/netplan/nope.yaml'), RemoteNotFound);
  });

  it('opens, saves (atomically, with backup, mode kept) and refuses a save over a change made on the host', async () => {
    const file = path.join(sshd.root, 'etc/netplan/01-netcfg.yaml');
    assert.equal((await fsys.readFile('lab', '/etc/netplan/01-netcfg.yaml')).toString(), 'network:\n  version: 2\n');
    const w = await fsys.writeFile('lab', '/etc/netplan/01-netcfg.yaml', Buffer.from('network:\n  version: 2\n  renderer: networkd\n'), { create: false, overwrite: true });
    assert.equal(readFileSync(file, 'utf8'), 'network:\n  version: 2\n  renderer: networkd\n');
    assert.equal(readFileSync(w.backup!, 'utf8'), 'network:\n  version: 2\n');
    assert.deepEqual([statSync(file).mode & 0o777, statSync(file).uid], [0o600, 0]);
    // A second save builds on the first one without re-opening.
    await fsys.writeFile('lab', '/etc/netplan/01-netcfg.yaml', Buffer.from('network:\n  version: 2\n'), { create: false, overwrite: true });
    writeFileSync(file, '# changed by someone on the host\n');
    await assert.rejects(fsys.writeFile('lab', '/etc/netplan/01-netcfg.yaml', Buffer.from('mine\n'), { create: false, overwrite: true }), RemoteChangedError);
    assert.equal(readFileSync(file, 'utf8'), '# changed by someone on the host\n');
    assert.equal(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp')).length, 0);
  });

  it('creates a new file only when asked to', async () => {
    await assert.rejects(fsys.writeFile('lab', '/etc/netplan/02-new.yaml', Buffer.from('x: 1\n'), { create: false, overwrite: true }), RemoteNotFound);
    await fsys.writeFile('lab', '/etc/netplan/02-new.yaml', Buffer.from('x: 1\n'), { create: true, overwrite: false });
    assert.equal(readFileSync(path.join(sshd.root, 'etc/netplan/02-new.yaml'), 'utf8'), 'x: 1\n');
  });
});
