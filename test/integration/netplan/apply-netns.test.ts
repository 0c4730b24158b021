// `parc netplan apply` with rollback, as far as this machine allows, with real addresses and a real SSH session:
//   - the rig of test/support/netns-lab.ts: two network namespaces joined by a veth pair, addresses only in 198.18.0.0/15 (benchmark range) and only
//     inside those namespaces; the "host" namespace runs the test sshd, the "client" namespace runs the real CLI
//     (node out/src/cli/main.js) so Parc's own SSH connections cross the veth;
//   - SIMULATED: `netplan apply`. netplan needs systemd-networkd, which cannot drive a namespace here, so the host's
//     netplanApply command is a small script that reads the same /etc/netplan/*.yaml (in the sshd's temporary
//     root) and sets each ethernet's IPv4 addresses with `ip addr` — the address change itself is real, and it
//     cuts the SSH session that was using the old address, as on a real host.
//   - Real: the host's `netplan generate` check, the atomic write and backup over SSH with sudo, the watchdog
//     (detached on the host), the reconnection and confirmation, the timeout-driven revert.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { netnsUnavailable, startNetnsLab, type NetnsLab } from '../../support/netns-lab';
import type { RunningSshd } from '../../support/sshd';

describe('parc netplan apply: confirm on the new address or revert (network namespaces)', { skip: netnsUnavailable() }, () => {
  let lab: NetnsLab;
  let sshd: RunningSshd;
  let work: string;
  let HOST_IF = '';
  let CLIENT_NS = '';
  const target = '/etc/netplan/01-lab.yaml';
  const netplanFile = () => lab.netplanFile;
  const config = (addr: string) => lab.config(addr);
  const hostAddrs = () => lab.hostAddrs();

  before(async () => {
    lab = await startNetnsLab('v');
    ({ sshd, hostIf: HOST_IF, clientNs: CLIENT_NS } = lab);
    work = path.join(sshd.dir, 'work');
    mkdirSync(work);
  });

  after(async () => {
    await lab?.stop();
  });

  function inventory(hostAddress: string): string {
    const file = path.join(work, 'parc.yaml');
    writeFileSync(file, lab.linuxYaml(hostAddress));
    return file;
  }

  /** The real CLI, run inside the client namespace; `interruptWhen` sends it SIGINT once its output matches. */
  function cliInClient(args: string[], interruptWhen?: RegExp): Promise<{ code: number | null; out: string; interruptedAt?: number }> {
    const main = path.resolve(__dirname, '../../../src/cli/main.js');
    return new Promise((resolve) => {
      const child = spawn('ip', ['netns', 'exec', CLIENT_NS, process.execPath, main, ...args], {
        cwd: work, env: { ...process.env, PARC_CRED_LABSUDO: sshd.password, PARC_CREDENTIALS: '' },
      });
      let out = '';
      let interruptedAt: number | undefined;
      const take = (d: Buffer) => {
        out += d;
        if (interruptWhen?.test(out)) {
          interruptWhen = undefined;
          interruptedAt = Date.now();
          child.kill('SIGINT');
        }
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('close', (code) => resolve({ code, out, interruptedAt }));
    });
  }

  const common = () => ['--host', 'lab', '--target', target, '--known-hosts', path.join(work, 'known_hosts'), '--accept-host-key', sshd.hostKeyFingerprint(), '--timeout', '8'];

  it('moves the host to a new address, reconnects there and confirms', async () => {
    inventory('198.18.0.2');
    writeFileSync(path.join(work, 'new.yaml'), config('198.18.0.20/24'));
    const r = await cliInClient(['netplan', 'apply', '--file', 'new.yaml', ...common()]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /reconnecting on 198\.18\.0\.20/);
    assert.match(r.out, /validated by Parc and by the host's netplan generate/);
    assert.match(r.out, /CONFIRMED/);
    assert.deepEqual(hostAddrs(), ['198.18.0.20/24']);
    assert.equal(readFileSync(netplanFile(), 'utf8'), config('198.18.0.20/24'));
    assert.ok(!r.out.includes(sshd.password));
  });

  it('an address the client cannot reach: no confirmation, the host reverts by itself, Parc checks on the old address', async () => {
    inventory('198.18.0.20');
    const before = readFileSync(netplanFile(), 'utf8');
    writeFileSync(path.join(work, 'unreachable.yaml'), config('198.18.5.20/24'));
    const r = await cliInClient(['netplan', 'apply', '--file', 'unreachable.yaml', ...common()]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /could not confirm through a new connection on 198\.18\.5\.20/);
    assert.match(r.out, /reconnected on 198\.18\.0\.20: the previous configuration is back/);
    assert.match(r.out, /REVERTED/);
    assert.deepEqual(hostAddrs(), ['198.18.0.20/24']);
    assert.equal(readFileSync(netplanFile(), 'utf8'), before);
  });

  it('Parc interrupted (Ctrl-C) after applying: the host reverts on its own at the deadline', async () => {
    const now = hostAddrs()[0]!;
    inventory(now.split('/')[0]);
    const before = readFileSync(netplanFile(), 'utf8');
    writeFileSync(path.join(work, 'away.yaml'), config('198.18.6.20/24'));
    const r = await cliInClient(['netplan', 'apply', '--file', 'away.yaml', ...common()], /the host reverts by itself in 8 s/);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /interrupted: nothing confirmed, so the host reverts by itself \d+ s from now/);
    // Stopped before the 8 s deadline: the process ended while the host still had the new address (checked next).
    assert.ok(r.interruptedAt !== undefined && Date.now() - r.interruptedAt < 7000, 'the CLI stops at once');
    assert.deepEqual(hostAddrs(), ['198.18.6.20/24'], 'applied, not yet reverted');
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline && hostAddrs()[0] !== now) await new Promise((res) => setTimeout(res, 250));
    assert.deepEqual(hostAddrs(), [now], 'the watchdog on the host reverted without Parc');
    assert.equal(readFileSync(netplanFile(), 'utf8'), before);
  });

  it('refuses before touching anything when the host\'s netplan rejects the file', async () => {
    inventory(hostAddrs()[0]!.split('/')[0]);
    const before = readFileSync(netplanFile(), 'utf8');
    writeFileSync(path.join(work, 'bad.yaml'), `network:\n  version: 2\n  ethernets:\n    ${HOST_IF}:\n      addresses: [${hostAddrs()[0]}]\n      dhcp4: maybe\n`);
    const r = await cliInClient(['netplan', 'apply', '--file', 'bad.yaml', ...common()]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /01-lab\.yaml:6:\d+: invalid boolean value 'maybe'/);
    assert.match(r.out, /NOT APPLIED/);
    assert.equal(readFileSync(netplanFile(), 'utf8'), before);
  });

  it('warns and stops when the config has a bridge netplan try cannot revert, unless --yes', async () => {
    inventory(hostAddrs()[0]!.split('/')[0]);
    writeFileSync(path.join(work, 'bridge.yaml'), `network:\n  version: 2\n  ethernets:\n    ${HOST_IF}:\n      addresses: [${hostAddrs()[0]}]\n  bridges:\n    br0:\n      interfaces: [${HOST_IF}]\n`);
    const r = await cliInClient(['netplan', 'apply', '--file', 'bridge.yaml', ...common()]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /warning: the configuration has bridges \(br0\): netplan try cannot revert/);
    assert.match(r.out, /re-run with --yes/);
    assert.doesNotMatch(r.out, /wrote /, 'nothing written');
  });

  it('show: files in netplan order, configured next to live addresses; a /run file of the same name blocks apply', async () => {
    const now = hostAddrs()[0]!;
    inventory(now.split('/')[0]);
    mkdirSync(path.join(sshd.root, 'lib/netplan'), { recursive: true });
    mkdirSync(path.join(sshd.root, 'run/netplan'), { recursive: true });
    writeFileSync(path.join(sshd.root, 'lib/netplan/00-base.yaml'), 'network:\n  version: 2\n', { mode: 0o600 });
    const shown = await cliInClient(['netplan', 'show', '--host', 'lab', '--known-hosts', path.join(work, 'known_hosts')]);
    assert.equal(shown.code, 0, shown.out);
    assert.match(shown.out, /netplan reads \/lib\/netplan\/00-base\.yaml, \/etc\/netplan\/01-lab\.yaml/);
    assert.ok(shown.out.includes(`${HOST_IF} (ethernets): configured ${now}; now ${now}`), shown.out);
    writeFileSync(path.join(sshd.root, 'run/netplan/01-lab.yaml'), 'network:\n  version: 2\n', { mode: 0o600 });
    writeFileSync(path.join(work, 'again.yaml'), config(now));
    const r = await cliInClient(['netplan', 'apply', '--file', 'again.yaml', ...common()]);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /\/run\/netplan\/01-lab\.yaml has the same name and shadows \/etc\/netplan\/01-lab\.yaml/);
  });
});
