// snmpd.conf change verified by polling, against real components: the "host" is the test sshd
// (test/support/sshd.ts) whose files live in a temporary root; snmpd is the real Debian daemon, run as root by
// a stand-in for `systemctl {stop,start,restart} snmpd` (the only simulated part: there is no systemd here).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { applySnmpdChange } from '../../../src/core/snmpdconf/apply';
import type { SecretSource } from '../../../src/core/host';
import type { SnmpProfile } from '../../../src/core/inventory/types';
import { SshConnection } from '../../../src/core/ssh/connection';
import { KnownHosts } from '../../../src/core/ssh/known-hosts';
import { DEFAULT_SNMPD, type LinuxHost } from '../../../src/core/ssh/linux-hosts';
import { freeUdpPort } from '../../support/ports';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';
import { snmpdAvailable } from '../../support/snmpd';
import { installSnmpdService, labLinuxEntry, type SnmpdService } from '../../support/snmpd-service';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';

const skip = (!sshdAvailable() || !snmpdAvailable()) && 'needs root, sshd and snmpd (scripts/install-deps.sh)';

const secrets = (values: Record<string, string>): SecretSource => ({ get: async (n) => values[n] });
const v2 = (credential: string): SnmpProfile => ({ name: credential, version: '2c', credential, timeoutMs: 400, retries: 0 });

describe('parc snmpd apply: edit, restart a real snmpd, poll, roll back', { skip }, () => {
  let sshd: RunningSshd;
  let host: LinuxHost;
  let control: string;
  let snmpd: SnmpdService | undefined;
  let snmpPort: number;
  let conn: SshConnection;
  const original = (port: number) => [
    '# snmpd.conf of the lab host — hand-written',
    `agentAddress udp:127.0.0.1:${port}`,
    'view all included .1',
    'rocommunity oldcomm-7f3 127.0.0.1 -V all   # the monitoring server',
    'sysLocation Server room',
    'sysContact ops <ops@example.invalid>',
    '',
  ].join('\n');

  before(async () => {
    sshd = await startSshd();
    snmpPort = await freeUdpPort();
    const r = sshd.root;
    snmpd = installSnmpdService(r, original(snmpPort));
    control = snmpd.control;
    host = {
      name: 'lab', host: '127.0.0.1', port: sshd.port, user: sshd.user, sudo: true, agent: false, root: r, netplanDir: '/etc/netplan', netplanApply: 'netplan apply', line: 1,
      snmpd: { ...DEFAULT_SNMPD, restart: `${control} restart`, stop: `${control} stop`, start: `${control} start`, port: snmpPort },
    };
    conn = await SshConnection.connect({ host: '127.0.0.1', port: sshd.port, user: sshd.user, privateKey: sshd.clientKey, sudoPassword: sshd.password }, { knownHosts: new KnownHosts(path.join(sshd.dir, 'kh')), trust: async () => true });
  });

  after(async () => {
    conn?.close();
    snmpd?.stop();
    await sshd?.stop();
  });

  const conf = () => readFileSync(path.join(sshd.root, 'etc/snmp/snmpd.conf'), 'utf8');
  const log = () => (existsSync(path.join(sshd.root, 'var/log/snmpd.log')) ? readFileSync(path.join(sshd.root, 'var/log/snmpd.log'), 'utf8').slice(-600) : '');

  it('adds a community, Observium extends, location with coordinates; snmpd restarted and polled with the new community', async () => {
    const before = conf();
    const report = await applySnmpdChange({
      conn, host,
      edit: { community: { name: 'newcomm-2b9', source: '127.0.0.1/32', view: 'all' }, extend: 'observium', distroCommand: '/bin/cat /etc/debian_version', location: 'Lab', coordinates: [48.8566, 2.3522], contact: 'noc <noc@example.invalid>' },
      verify: { address: '127.0.0.1', port: snmpPort, profile: v2('new'), secrets: secrets({ new: 'newcomm-2b9' }) },
      previous: { profile: v2('old'), secrets: secrets({ old: 'oldcomm-7f3' }) },
    });
    assert.equal(report.ok, true, `${report.steps.join('\n')}\n${log()}`);
    assert.equal(report.poll?.sysLocation, 'Lab [48.8566, 2.3522]');
    assert.equal(report.poll?.sysContact, 'noc <noc@example.invalid>');
    assert.equal(report.poll?.distro, readFileSync('/etc/debian_version', 'utf8').trim());
    const after = conf();
    assert.match(after, /^# snmpd\.conf of the lab host — hand-written$/m);
    assert.match(after, /^rocommunity oldcomm-7f3 127\.0\.0\.1 -V all {3}# the monitoring server$/m);
    assert.match(after, /^rocommunity newcomm-2b9 127\.0\.0\.1\/32 -V all$/m);
    assert.match(after, /^extend \.1\.3\.6\.1\.4\.1\.2021\.7890\.2 hardware \/bin\/cat \/sys\/devices\/virtual\/dmi\/id\/product_name$/m);
    assert.equal(readFileSync(report.backup!, 'utf8'), before);
    const st = statSync(path.join(sshd.root, 'etc/snmp/snmpd.conf'));
    assert.deepEqual([st.uid, st.mode & 0o777], [0, 0o600]);
    assert.ok(!report.changes.join(' ').includes('newcomm-2b9'), 'the community is not echoed in the change list');
  });

  it('a community restricted to a source that excludes the poller: no answer → backup restored, snmpd restarted, old credentials answer again', async () => {
    const before = conf();
    const report = await applySnmpdChange({
      conn, host,
      edit: { community: { name: 'brokencomm-1', source: '198.18.0.0/15' } },
      verify: { address: '127.0.0.1', port: snmpPort, profile: v2('new'), secrets: secrets({ new: 'brokencomm-1' }) },
      previous: { profile: v2('old'), secrets: secrets({ old: 'oldcomm-7f3' }) },
      pollTimeoutMs: 3000,
    });
    assert.equal(report.ok, false);
    assert.match(report.error ?? '', /polling 127\.0\.0\.1:\d+ with the new credentials failed: no SNMP answer/);
    assert.equal(report.restored, true, report.steps.join('\n'));
    assert.equal(report.previousWorks, true, report.steps.join('\n'));
    assert.equal(conf(), before, 'the file is back as it was');
    assert.ok(report.steps.some((s) => s.startsWith('restored ')), report.steps.join('\n'));
  });

  it('creates an SNMPv3 user in the persistent file with snmpd stopped, then polls with it', async () => {
    const report = await applySnmpdChange({
      conn, host,
      edit: { v3User: { name: 'parcv3', level: 'priv', view: 'all' } },
      v3: { name: 'parcv3', auth: 'SHA-256', authPassword: 'auth-pass-123', priv: 'AES', privPassword: 'priv-pass-456' },
      verify: {
        address: '127.0.0.1', port: snmpPort,
        profile: { name: 'v3', version: '3', user: 'parcv3', level: 'authPriv', auth: 'sha256', priv: 'aes', authCredential: 'a', privCredential: 'p', timeoutMs: 800, retries: 0 },
        secrets: secrets({ a: 'auth-pass-123', p: 'priv-pass-456' }),
      },
    });
    assert.equal(report.ok, true, `${report.steps.join('\n')}\n${log()}`);
    assert.match(conf(), /^rouser parcv3 priv -V all$/m);
    const persist = readFileSync(path.join(sshd.root, 'var/lib/snmp/snmpd.conf'), 'utf8');
    assert.doesNotMatch(persist, /auth-pass-123/, 'snmpd replaced createUser by a localized key');
    assert.match(persist, /^usmUser /m);
  });

  it('parc snmpd apply (CLI): refuses an unknown host key until its fingerprint is given, then applies and verifies', async () => {
    const dir = path.join(sshd.dir, 'cli');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'parc.yaml'), `sites:
  - { region: Europe, name: Paris, coordinates: [48.8566, 2.3522] }
snmp:
  profiles:
    lab: { version: 2c, credential: LABCOMM, timeoutMs: 400, retries: 0 }
devices:
  - { host: 127.0.0.1, port: ${snmpPort}, name: lab, profile: lab }
linux:
${labLinuxEntry(sshd, snmpd!, snmpPort, { site: 'Paris' })}`);
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const io: CliIO = { out: (x) => (out += x + '\n'), err: (x) => (err += x + '\n'), env: { PARC_CRED_LABSUDO: sshd.password, PARC_CRED_LABCOMM: 'oldcomm-7f3', PARC_CREDENTIALS: '' }, cwd: dir };
      const code = await main(args, io, new AbortController().signal);
      return { code, out, err };
    };
    const args = ['snmpd', 'apply', '--host', 'lab', '--community', 'clicomm-5', '--source', '127.0.0.1', '--location', 'Bay 3', '--known-hosts', path.join(dir, 'known_hosts'), '--timeout', '5'];
    const refused = await run(args);
    assert.equal(refused.code, 1);
    assert.ok(refused.err.includes(sshd.hostKeyFingerprint()), refused.err);
    assert.doesNotMatch(conf(), /clicomm-5/);
    const ok = await run([...args, '--accept-host-key', sshd.hostKeyFingerprint()]);
    assert.equal(ok.code, 0, ok.out + ok.err);
    assert.match(ok.out, /OK: lab answers SNMP with the new settings/);
    assert.match(conf(), /^sysLocation Bay 3 \[48\.8566, 2\.3522\]$/m);
    assert.ok(!(ok.out + ok.err).includes(sshd.password), 'sudo password not printed');
  });
});
