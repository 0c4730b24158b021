// The network-namespace rig of the netplan apply tests (CLI and server): two namespaces joined by a veth pair,
// addresses only in 198.18.0.0/15 and only inside them; the "host" namespace runs the test sshd with its files in a
// temporary root, the other side runs Parc. SIMULATED: `netplan apply` (netplan needs systemd-networkd, which cannot
// drive a namespace here): the host's netplanApply is FAKE_NETPLAN_APPLY, which reads the same /etc/netplan/*.yaml
// and sets each ethernet's IPv4 addresses with `ip addr` — the address change itself is real, and it cuts the SSH
// session that used the old address, as on a real host.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { sshdAvailable, startSshd, type RunningSshd } from './sshd';

export function ip(...args: string[]): string {
  const res = spawnSync('ip', args, { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`ip ${args.join(' ')}: ${res.stderr.trim()}`);
  return res.stdout;
}

/** Why the rig cannot run here, or false. */
export function netnsUnavailable(): string | false {
  const probe = `parc-probe-${randomBytes(2).toString('hex')}`;
  const ok = sshdAvailable() && spawnSync('ip', ['netns', 'add', probe]).status === 0;
  if (ok) spawnSync('ip', ['netns', 'del', probe]);
  return ok ? false : 'needs root, sshd and network namespaces (ip netns add)';
}

const FAKE_NETPLAN_APPLY = `// Stand-in for "netplan apply" inside a namespace (test/support/netns-lab.ts): IPv4 addresses of ethernets only.
const fs = require('fs');
const { execFileSync } = require('child_process');
const { parse } = require(${JSON.stringify(require.resolve('yaml'))});
const dir = process.argv[2] + '/etc/netplan';
const want = {};
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
  const eth = ((parse(fs.readFileSync(dir + '/' + f, 'utf8')) || {}).network || {}).ethernets || {};
  for (const [id, d] of Object.entries(eth)) want[id] = [...(want[id] || []), ...((d && d.addresses) || []).filter((a) => typeof a === 'string' && !a.includes(':'))];
}
for (const [id, addrs] of Object.entries(want)) {
  execFileSync('ip', ['-4', 'addr', 'flush', 'dev', id]);
  for (const a of addrs) execFileSync('ip', ['addr', 'add', a, 'dev', id]);
}
`;

export interface NetnsLab {
  hostNs: string;
  clientNs: string;
  hostIf: string;
  sshd: RunningSshd;
  /** The netplan file the host starts with (198.18.0.2/24 on hostIf), on disk under the sshd's root. */
  netplanFile: string;
  /** A netplan config giving hostIf one address. */
  config(addr: string): string;
  /** The host's IPv4 addresses on hostIf now. */
  hostAddrs(): string[];
  /** The `linux:` section for the host reached at hostAddress (sudo with the LABSUDO credential, the fake apply). */
  linuxYaml(hostAddress: string): string;
  stop(): Promise<void>;
}

/** tag: one letter that keeps this test's namespace and interface names apart from another's. */
export async function startNetnsLab(tag: string): Promise<NetnsLab> {
  const r = randomBytes(2).toString('hex');
  const hostNs = `parc-${tag}h-${r}`;
  const clientNs = `parc-${tag}c-${r}`;
  const hostIf = `p${tag}h${r}`;
  const clientIf = `p${tag}c${r}`;
  const remove = () => {
    spawnSync('ip', ['netns', 'del', hostNs]);
    spawnSync('ip', ['netns', 'del', clientNs]);
  };
  // Namespaces must not outlive the test process, even when it is interrupted.
  process.once('exit', remove);
  ip('netns', 'add', hostNs);
  ip('netns', 'add', clientNs);
  ip('link', 'add', hostIf, 'type', 'veth', 'peer', 'name', clientIf);
  ip('link', 'set', hostIf, 'netns', hostNs);
  ip('link', 'set', clientIf, 'netns', clientNs);
  for (const [ns, dev, addr] of [[hostNs, hostIf, '198.18.0.2/24'], [clientNs, clientIf, '198.18.0.1/24']]) {
    ip('-n', ns, 'addr', 'add', addr, 'dev', dev);
    ip('-n', ns, 'link', 'set', dev, 'up');
    ip('-n', ns, 'link', 'set', 'lo', 'up');
  }
  const sshd = await startSshd({ netns: hostNs, listenAddress: '0.0.0.0' });
  const config = (addr: string) => `# lab host — ${hostIf} is its only interface\nnetwork:\n  version: 2\n  renderer: networkd\n  ethernets:\n    ${hostIf}:\n      addresses: [${addr}]\n`;
  const netplanFile = path.join(sshd.root, 'etc/netplan/01-lab.yaml');
  const fakeApply = path.join(sshd.root, 'sbin/fake-netplan-apply.js');
  mkdirSync(path.dirname(netplanFile), { recursive: true });
  mkdirSync(path.dirname(fakeApply), { recursive: true });
  writeFileSync(netplanFile, config('198.18.0.2/24'), { mode: 0o600 });
  writeFileSync(fakeApply, FAKE_NETPLAN_APPLY, { mode: 0o755 });
  return {
    hostNs, clientNs, hostIf, sshd, netplanFile, config,
    hostAddrs: () => ip('-n', hostNs, '-4', '-o', 'addr', 'show', 'dev', hostIf).split('\n').map((l) => /inet (\S+)/.exec(l)?.[1]).filter((x): x is string => !!x),
    linuxYaml: (hostAddress) => `linux:
  - host: ${hostAddress}
    name: lab
    port: ${sshd.port}
    user: ${sshd.user}
    key: ${sshd.clientKeyFile}
    sudo: true
    sudoCredential: LABSUDO
    root: ${sshd.root}
    netplanApply: ${process.execPath} ${fakeApply} ${sshd.root}
`,
    async stop() {
      await sshd.stop();
      remove();
    },
  };
}
