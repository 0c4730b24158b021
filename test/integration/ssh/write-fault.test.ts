// An SSH connection dropped in the middle of an atomic remote write (issue 13), against the real test sshd:
// the client goes through a TCP relay that the test cuts once part of the new content has gone through.
// Whatever the host's side then does, the target keeps its old bytes, any backup is the old content, and no
// temporary file is left.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { chownSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SshConnection } from '../../../src/core/ssh/connection';
import { KnownHosts } from '../../../src/core/ssh/known-hosts';
import { RemoteFiles, STALE_TEMP_MS } from '../../../src/core/ssh/remote-file';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';

/** A TCP relay to `port`; `cutAfter(n)` drops every connection once n more client bytes went through. */
async function relay(port: number) {
  const pairs = new Set<[net.Socket, net.Socket]>();
  let budget = Infinity;
  let onCut: (() => void) | undefined;
  const server = net.createServer((client) => {
    const upstream = net.connect(port, '127.0.0.1');
    const pair: [net.Socket, net.Socket] = [client, upstream];
    pairs.add(pair);
    client.on('data', (d) => {
      budget -= d.length;
      upstream.write(d);
      if (budget <= 0) {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        onCut?.();
      }
    });
    upstream.on('data', (d) => client.write(d));
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    cutAfter(bytes: number): Promise<void> {
      budget = bytes;
      return new Promise((r) => (onCut = r));
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Waits until the host's side of the cut session is over (its temporary file gone), at most `ms`. */
async function settled(dir: string, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && readdirSync(dir).some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500));
}

describe('SSH connection dropped during an atomic write (real sshd)', { skip: !sshdAvailable() && 'needs root and sshd' }, () => {
  let sshd: RunningSshd;
  before(async () => {
    sshd = await startSshd();
  });
  after(async () => {
    await sshd?.stop();
  });

  // 3 MB of new content: the write takes many SSH packets, the cut comes in the middle of them.
  const OLD = Buffer.from('# old content, Latin-1: caf\xe9\nkeep: me\n', 'latin1');
  const NEW = Buffer.from(Array.from({ length: 60_000 }, (_, i) => `line ${i} of the new content, long enough\n`).join(''));

  for (const sudo of [true, false]) {
    it(`${sudo ? 'through sudo (shell script)' : 'through SFTP'}: target and backup intact, nothing half-written`, async () => {
      const dir = path.join(sshd.root, sudo ? 'etc-sudo' : 'home-sftp');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'snmpd.conf');
      writeFileSync(file, OLD, { mode: 0o640 });
      if (!sudo) {
        chownSync(dir, sshd.uid, sshd.gid);
        chownSync(file, sshd.uid, sshd.gid);
      }
      const r = await relay(sshd.port);
      const conn = await SshConnection.connect(
        { host: '127.0.0.1', port: r.port, user: sshd.user, privateKey: sshd.clientKey, sudoPassword: sshd.password },
        { knownHosts: new KnownHosts(path.join(sshd.dir, `kh-${sudo}`)), trust: async () => true },
      );
      try {
        const files = new RemoteFiles(conn, sudo);
        const snap = await files.read(file);
        assert.deepEqual(snap.bytes, OLD);
        // Cut once about a third of the (base64 or raw) content went through.
        const cut = r.cutAfter(NEW.length / 3);
        const outcome = await files.write(snap, NEW).then(() => 'written', (e: Error) => e);
        await cut;
        assert.ok(outcome instanceof Error, 'the write reported success over a dropped connection');
        await settled(dir);
        assert.deepEqual(readFileSync(file), OLD, 'the target was changed');
        const left = readdirSync(dir).filter((f) => f !== 'snmpd.conf');
        for (const f of left.filter((n) => n.endsWith('.bak'))) assert.deepEqual(readFileSync(path.join(dir, f)), OLD, `backup ${f} is not the old content`);
        const temps = left.filter((n) => n.endsWith('.tmp'));
        if (sudo) assert.deepEqual(temps, [], 'a temporary file was left on the host');
        else {
          // Over SFTP nothing on the host can remove it: the next write does, once it is older than a live write's.
          const old = Date.now() / 1000 - STALE_TEMP_MS / 1000 - 5;
          for (const t of temps) utimesSync(path.join(dir, t), old, old);
          const again = await SshConnection.connect({ host: '127.0.0.1', port: sshd.port, user: sshd.user, privateKey: sshd.clientKey }, { knownHosts: new KnownHosts(path.join(sshd.dir, 'kh-again')), trust: async () => true });
          try {
            const f2 = new RemoteFiles(again, false);
            await f2.write(await f2.read(file), NEW);
          } finally {
            again.close();
          }
          assert.deepEqual(readFileSync(file), NEW);
          assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), [], 'the interrupted write\'s temporary file is still there');
        }
      } finally {
        conn.close();
        await r.close();
      }
    });
  }
});
