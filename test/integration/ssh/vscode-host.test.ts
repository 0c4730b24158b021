// The parc-ssh:// file system and netplan diagnostics in a real VS Code extension host (code-server + Chromium,
// the harness of test/vscode), against the real test sshd. Skipped, with the reason, when code-server or Chromium
// is not installed, dist/extension.js is not built, sshd cannot run, or PARC_SKIP_VSCODE=1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runHostSuite, vscodeHostUnavailable } from '../../vscode/host-suite';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';
import { snmpdAvailable } from '../../support/snmpd';
import { installSnmpdService, type SnmpdService } from '../../support/snmpd-service';
import { freeUdpPort } from '../../support/ports';

function unavailable(): string | false {
  const editor = vscodeHostUnavailable();
  if (editor) return editor;
  if (!sshdAvailable()) return 'sshd cannot run here (needs root and openssh-server)';
  if (!snmpdAvailable()) return 'snmpd is not installed (scripts/install-deps.sh)';
  return false;
}

describe('parc-ssh:// in a real VS Code extension host', { skip: unavailable() }, () => {
  let sshd: RunningSshd;
  let ws: string;
  let snmpd: SnmpdService | undefined;
  let snmpPort: number;

  before(async () => {
    sshd = await startSshd();
    ws = mkdtempSync(path.join(os.tmpdir(), 'parc-remote-vscode-'));
    mkdirSync(path.join(sshd.root, 'etc/netplan'), { recursive: true });
    writeFileSync(path.join(sshd.root, 'etc/netplan/01-netcfg.yaml'), 'network:\n  version: 2\n  ethernets:\n    ens3:\n      addresses: [198.18.0.5/24]\n      nameservers: {addresses: [198.18.0.53]}\n      gateway4: 198.18.0.1\n', { mode: 0o600 });
    writeFileSync(path.join(ws, 'parc.yaml'), `linux:\n  - host: 127.0.0.1\n    name: lab\n    port: ${sshd.port}\n    user: ${sshd.user}\n    key: ${sshd.clientKeyFile}\n    sudo: true\n    sudoCredential: LABSUDO\n    root: ${sshd.root}\n    netplanApply: /bin/true   # stand-in: the real netplan apply would change this machine's network\n`);
    writeFileSync(path.join(ws, 'known_hosts'), sshd.hostKeyLine() + '\n');
    // A real snmpd on the host's files, run by a stand-in for "systemctl {stop,start,restart} snmpd" (no systemd
    // here), for Apply SNMP Settings… (test/support/snmpd-service.ts).
    snmpPort = await freeUdpPort();
    snmpd = installSnmpdService(sshd.root, `# lab snmpd.conf\nagentAddress udp:127.0.0.1:${snmpPort}\nview all included .1\nrocommunity oldcomm-5e2 127.0.0.1 -V all\nsysLocation Server room\n`);
    const control = snmpd.control;
    writeFileSync(path.join(ws, 'parc.yaml'), readFileSync(path.join(ws, 'parc.yaml'), 'utf8') + `    snmpd:\n      restart: ${control} restart\n      stop: ${control} stop\n      start: ${control} start\n      port: ${snmpPort}\n`);
  });
  after(async () => {
    snmpd?.stop();
    await sshd?.stop();
    if (ws) rmSync(ws, { recursive: true, force: true });
  });

  it('runs the extension-host checks', { timeout: 300000 }, async () => {
    const { code, results: r, lines } = await runHostSuite({
      workspace: ws, testsIndex: path.join(__dirname, 'vscode-host', 'index.js'), resultsEnv: 'PARC_REMOTE_VSCODE_RESULTS',
      env: { PARC_CRED_LABSUDO: sshd.password, PARC_KNOWN_HOSTS: path.join(ws, 'known_hosts'), LAB_ROOT: sshd.root },
    });
    assert.deepEqual(r.failures, []);
    assert.equal(r.passed, 8);
    assert.equal(code, 0);
    assert.ok(!lines.join('\n').includes(sshd.password), 'the sudo password never reaches the extension host log');
  });
});
