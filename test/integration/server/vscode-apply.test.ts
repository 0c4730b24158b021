// snmpd.conf changes from a VS Code window attached to `parc serve`, in a real extension host (code-server +
// Chromium, the harness of test/vscode): a real server process with a linux: host that is the test sshd and a real
// snmpd run by the systemctl stand-in (test/support/snmpd-service.ts). The window has no estate of its own; the
// server connects over SSH with its own known_hosts and credentials. Skipped, with the reason, when code-server,
// Chromium, sshd or snmpd is not available, or PARC_SKIP_VSCODE=1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as snmp from 'net-snmp';
import { runHostSuite, vscodeHostUnavailable } from '../../vscode/host-suite';
import { addUser, startServe, type RunningServe } from '../../support/serve-process';
import { sshdAvailable, startSshd, type RunningSshd } from '../../support/sshd';
import { snmpdAvailable } from '../../support/snmpd';
import { installSnmpdService, labLinuxEntry, type SnmpdService } from '../../support/snmpd-service';
import { freeUdpPort } from '../../support/ports';

const OLD = 'oldcomm-3c9';
const NEW = 'wincomm-8b2';
const PW = { admin: 'Admin-Window-2u', op: 'Operator-Window-6t' };

function unavailable(): string | false {
  const editor = vscodeHostUnavailable();
  if (editor) return editor;
  if (!sshdAvailable()) return 'sshd cannot run here (needs root and openssh-server)';
  if (!snmpdAvailable()) return 'snmpd is not installed (scripts/install-deps.sh)';
  return false;
}

function sysLocation(port: number, community: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = snmp.createSession('127.0.0.1', community, { port, version: snmp.Version2c, timeout: 1500, retries: 2 });
    s.get(['1.3.6.1.2.1.1.6.0'], (err: Error | null, vbs: { value: unknown }[]) => {
      s.close();
      if (err) reject(err);
      else resolve(String(vbs[0].value));
    });
  });
}

describe('Apply SNMP Settings… from a window attached to parc serve (real extension host)', { skip: unavailable() }, () => {
  let sshd: RunningSshd;
  let svc: SnmpdService | undefined;
  let serve: RunningServe | undefined;
  let dir: string;
  let ws: string;
  let snmpPort: number;

  before(async () => {
    sshd = await startSshd();
    snmpPort = await freeUdpPort();
    svc = installSnmpdService(sshd.root, `# lab snmpd.conf, hand-written\nagentAddress udp:127.0.0.1:${snmpPort}\nview all included .1\nrocommunity ${OLD} 127.0.0.1 -V all   # the monitoring server\nsysLocation Server room\n`);
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-window-'));
    writeFileSync(path.join(dir, 'known_hosts'), sshd.hostKeyLine() + '\n', { mode: 0o600 });
    const inventory = path.join(dir, 'parc.yaml');
    writeFileSync(inventory, `snmp:
  profiles:
    lab: { version: 2c, credential: LABCOMM, timeoutMs: 1000, retries: 1 }
devices:
  - { host: 127.0.0.1, port: ${snmpPort}, name: lab, profile: lab }
linux:
${labLinuxEntry(sshd, svc, snmpPort)}`);
    addUser(inventory, 'ada', 'admin', PW.admin);
    addUser(inventory, 'olga', 'operator', PW.op);
    // The server's credentials come from its environment; the window only ever names them.
    serve = await startServe(inventory, { PARC_CRED_LABSUDO: sshd.password, PARC_CRED_LABCOMM: OLD, PARC_CRED_NEWCOMM: NEW }, ['--known-hosts', path.join(dir, 'known_hosts')]);
    ws = mkdtempSync(path.join(os.tmpdir(), 'parc-window-'));
    mkdirSync(path.join(ws, 'empty'), { recursive: true });
  });
  after(async () => {
    await serve?.stop();
    svc?.stop();
    await sshd?.stop();
    for (const d of [dir, ws]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('refuses an operator in the window and applies for an admin through the server', { timeout: 300000 }, async () => {
    const { code, results: r, lines } = await runHostSuite({
      workspace: path.join(ws, 'empty'), testsIndex: path.join(__dirname, 'vscode-host', 'index.js'), resultsEnv: 'PARC_SERVE_APPLY_RESULTS',
      env: { SERVE_URL: serve!.url, SERVE_FINGERPRINT: serve!.fingerprint, SERVE_DIR: dir, LAB_ROOT: sshd.root, ADMIN_PW: PW.admin, OP_PW: PW.op, NEW_COMMUNITY: NEW },
    });
    assert.deepEqual(r.failures, []);
    assert.equal(r.passed, 2);
    assert.equal(code, 0);
    assert.equal(await sysLocation(snmpPort, NEW), 'Rack 4', 'the host\'s snmpd answers the new community with the new location');
    const out = lines.join('\n') + serve!.output() + readFileSync(path.join(dir, '.parc', 'server', 'audit.jsonl'), 'utf8');
    for (const secret of [sshd.password, NEW, OLD, PW.admin, PW.op]) assert.ok(!out.includes(secret), 'no password or community in the window\'s log, the server\'s output or the audit log');
  });
});
