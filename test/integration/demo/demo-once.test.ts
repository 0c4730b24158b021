// `npm run demo -- --once` as a user runs it (scripts/demo.sh; setup skipped because the test run has built
// everything): the summary shows the estate, the Linux host (real sshd, netplan under a temporary root) and the
// SIMULATED Windows host with its disconnected session; only the device said to be off is down; no credential
// is in the workspace. Then the embedded estate on its own: switch counters grow linearly (a steady rate).
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sshdAvailable } from '../../support/sshd';

const root = path.resolve(__dirname, '../../../..');
const CLI = path.join(root, 'dist', 'cli.js');
const skip = !sshdAvailable() && 'the demo\'s Linux and Windows hosts need root and openssh-server (scripts/install-deps.sh)';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('npm run demo -- --once', { skip }, () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'parc-demo-test-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('summary: every device but nas-old up, the Linux host, the simulated RDP host and its disconnected session; credentials outside the workspace', () => {
    const ws = path.join(tmp, 'ws');
    const r = spawnSync('bash', [path.join(root, 'scripts', 'demo.sh'), '--once'], {
      cwd: root, encoding: 'utf8', timeout: 240_000,
      env: { ...process.env, PARC_DEMO_SKIP_SETUP: '1', PARC_DEMO_WORKSPACE: ws },
    });
    const out = r.stdout;
    assert.equal(r.status, 0, `${out}\n${r.stderr}`);
    const total = /^(\d+) device\(s\): (\d+) up, (\d+) down$/m.exec(out);
    assert.ok(total, out);
    assert.equal(Number(total[3]), 1, `exactly one device down:\n${out}`);
    assert.match(out, /^ {2}✗ {2}nas-old /m);
    assert.equal(out.split('\n').filter((l) => /^ {2}✗ /.test(l)).length, 1);
    assert.match(out, /^ {2}✓ {2}web-suresnes /m, 'the Linux host is also polled over SNMP (real snmpd)');
    // Linux host over real SSH: netplan read from the temporary root, judged by the real netplan.
    assert.match(out, /Linux host web-suresnes/);
    assert.match(out, /^web-suresnes: netplan reads \/etc\/netplan\/01-netcfg\.yaml$/m);
    assert.match(out, /^web-suresnes: netplan version \d/m);
    // The simulated Windows host, labelled so, in French (code page 850) decoded right.
    assert.match(out, /SIMULATED Windows RDP host rds-simulated/);
    assert.match(out, /^3\s+jérôme\.petit\s+disconnected\s/m);
    assert.match(out, /^2\s+élodie\.martin\s+rdp-tcp#3\s+active\s/m);
    assert.match(out, /rds-simulated\s+3\s+jérôme\.petit\s+disconnected\s+\S+\s+dry-run\s+would log off session 3/);
    // Credentials: a 0600 file beside the workspace, never in it.
    const secrets = readFileSync(path.join(`${ws}.secrets`, 'credentials'), 'utf8');
    assert.equal(statSync(path.join(`${ws}.secrets`, 'credentials')).mode & 0o777, 0o600);
    const values = secrets.split('\n').filter(Boolean).map((l) => l.split(' = ')[1]).filter((v) => v && v !== 'public');
    assert.ok(values.length >= 4, secrets);
    for (const f of filesUnder(ws)) {
      if (f.includes(`${path.sep}.parc${path.sep}`)) continue; // state and metrics: no secrets either, checked below
      const text = readFileSync(f, 'latin1');
      for (const v of values) assert.ok(!text.includes(v), `${f} holds a credential`);
    }
    assert.ok(!existsSync(path.join(ws, 'credentials')));
  });

  it('the embedded estate: the core switch\'s counters grow linearly (the same rate poll after poll, below link speed)', async () => {
    const ws = path.join(tmp, 'estate');
    const estate: ChildProcess = spawn(process.execPath, [path.join(root, 'out', 'demo', 'estate.js'), '--workspace', ws], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        let text = '';
        estate.stdout!.on('data', (d) => {
          text += d;
          if (text.includes('estate ready')) resolve();
        });
        estate.once('exit', (code) => reject(new Error(`estate exited (${code}): ${text}`)));
      });
      const env = { ...process.env, PARC_CREDENTIALS: path.join(`${ws}.secrets`, 'credentials') };
      const poll = () => {
        const r = spawnSync(process.execPath, [CLI, 'poll', '--json', '--inventory', path.join(ws, 'parc.yaml')], { encoding: 'utf8', env, timeout: 60_000 });
        const j = JSON.parse(r.stdout) as { devices: { name?: string; sysName?: string; interfaces: { name: string; inBps?: number; outBps?: number; speedBps?: number }[] }[] };
        return j.devices.find((d) => d.sysName === 'core-sw1')!.interfaces;
      };
      const rates: number[] = [];
      poll();
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 4000));
        const up = poll().find((x) => x.name.includes('1/0/1'))!;
        assert.ok(up.inBps !== undefined, 'a rate after two polls');
        rates.push(up.inBps);
      }
      // The recording says 2 500 000 bytes/s on the uplink: 20 Mbit/s each time, not a rising rate.
      for (const r of rates) assert.ok(Math.abs(r - 20e6) / 20e6 < 0.1, `uplink rate ${rates.join(', ')} bit/s, expected about 20 Mbit/s each poll`);
    } finally {
      estate.kill('SIGTERM');
      await new Promise((r) => estate.once('exit', r));
    }
  });
});
