// `parc watch` under faults (issue 13), the built CLI against a real snmpd plus a hostile agent whose endless
// table keeps each cycle busy for a while (so that the fault lands mid-cycle):
//   - kill -9 in the middle of a cycle: the state file is whole, the next start resumes from it (no second
//     "down" event for a device already down, statusSince kept), the metric store opens and records again;
//   - parc.yaml replaced while a cycle runs: that cycle ends on the old inventory, the next ones on the new,
//     never a mix; a broken replacement is refused and the previous inventory kept.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { startHostileAgent, type HostileAgent } from '../../support/hostile-agent';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

interface Watch {
  child: ChildProcess;
  lines: string[];
  /** Resolves with the first line (from now on) matching `re`. */
  next(re: RegExp, timeoutMs?: number): Promise<string>;
  exited: Promise<number | null>;
}

function watch(dir: string): Watch {
  const child = spawn(process.execPath, [CLI, 'watch', '--inventory', path.join(dir, 'parc.yaml'), '--state', path.join(dir, '.parc'), '--verbose'], {
    cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: dir, PARC_CRED_C: 'faults' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  let buf = '';
  const take = (d: Buffer) => {
    buf += d.toString('utf8');
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.splice(0)) {
        if (w.re.test(line)) w.resolve(line);
        else waiters.push(w);
      }
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child, lines, exited,
    next: (re, timeoutMs = 60_000) => new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms; last lines:\n${lines.slice(-15).join('\n')}`)), timeoutMs);
      waiters.push({ re, resolve: (l) => {
        clearTimeout(t);
        resolve(l);
      } });
    }),
  };
}

async function stop(w: Watch): Promise<void> {
  if (w.child.exitCode !== null || w.child.signalCode !== null) return;
  w.child.kill('SIGTERM');
  await w.exited;
}

function inventory(devices: string[]): string {
  return ['snmp:', '  default: p', '  profiles:', '    p: { version: 2c, credential: c, timeoutMs: 500, retries: 1 }', 'schedule:', '  pollSeconds: 10', 'devices:', ...devices.map((d) => `  - ${d}`), ''].join('\n');
}

describe('parc watch under faults (real snmpd)', () => {
  let snmpd: RunningSnmpd;
  let slow: HostileAgent;
  const dirs: string[] = [];
  const watches: Watch[] = [];
  before(async () => {
    snmpd = await startSnmpd({ community: 'faults' });
    slow = await startHostileAgent('endless');
  });
  after(async () => {
    await Promise.all(watches.map(stop));
    await snmpd?.stop();
    await slow?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const tmp = () => {
    const d = mkdtempSync(path.join(os.tmpdir(), 'parc-watch-faults-'));
    dirs.push(d);
    return d;
  };

  it('kill -9 mid-cycle: state whole, next start resumes (no repeated down event), metrics readable', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'parc.yaml'), inventory([
      `{ host: 127.0.0.1, port: ${snmpd.port}, name: live }`,
      '{ host: 127.0.201.7, port: 161, name: dead }',
      `{ host: 127.0.0.1, port: ${slow.port}, name: slow }`,
    ]));
    const w1 = watch(dir);
    watches.push(w1);
    await w1.next(/info polled 3 device\(s\)/);
    const state = path.join(dir, '.parc', 'devices.json');
    const first = JSON.parse(readFileSync(state, 'utf8')) as { devices: Record<string, { statusSince: string; last: { status: string } }> };
    assert.equal(first.devices['127.0.201.7:161'].last.status, 'down');
    // The second cycle: kill while the slow device's endless walk is under way.
    await w1.next(/debug polling 3 device/);
    await new Promise((r) => setTimeout(r, 1500));
    w1.child.kill('SIGKILL');
    await w1.exited;
    const text = readFileSync(state, 'utf8');
    const after = JSON.parse(text) as typeof first; // whole: the previous or the new version, never a cut one
    assert.deepEqual(Object.keys(after.devices).sort(), Object.keys(first.devices).sort());
    const events = readFileSync(path.join(dir, '.parc', 'events.jsonl'), 'utf8').split('\n').filter(Boolean);
    for (const e of events) JSON.parse(e);
    const downs = () => readFileSync(path.join(dir, '.parc', 'events.jsonl'), 'utf8').split('\n').filter((l) => l.includes('"type":"down"') && l.includes('127.0.201.7:161')).length;
    assert.equal(downs(), 1);

    const w2 = watch(dir);
    watches.push(w2);
    await w2.next(/info polled 3 device\(s\)/);
    await stop(w2);
    const resumed = JSON.parse(readFileSync(state, 'utf8')) as typeof first;
    assert.equal(resumed.devices['127.0.201.7:161'].statusSince, first.devices['127.0.201.7:161'].statusSince, 'the dead device\'s down time started again');
    assert.equal(downs(), 1, 'a second "down" event for a device already down');
    assert.equal(resumed.devices[`127.0.0.1:${snmpd.port}`].last.status, 'up');
    assert.ok(!w2.lines.some((l) => / error /.test(l)), w2.lines.filter((l) => / error /.test(l)).join('\n'));
    // The metric store (killed mid-cycle too) opens and answers.
    const h = spawnSync(process.execPath, [CLI, 'history', '--inventory', path.join(dir, 'parc.yaml'), '--state', path.join(dir, '.parc'), '--device', 'live', '--json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', HOME: dir } });
    assert.equal(h.status, 0, h.stderr);
    assert.ok((JSON.parse(h.stdout) as { series: unknown[] }).series.length > 0);
  });

  it('parc.yaml replaced while a cycle runs: that cycle on the old inventory, the next on the new; a broken one refused', async () => {
    const dir = tmp();
    const file = path.join(dir, 'parc.yaml');
    writeFileSync(file, inventory([`{ host: 127.0.0.1, port: ${snmpd.port}, name: live }`, `{ host: 127.0.0.1, port: ${slow.port}, name: slow }`]));
    const w = watch(dir);
    watches.push(w);
    await w.next(/info polled 2 device\(s\)/);
    await w.next(/debug polling 2 device/);
    // Replaced as editors and deploy tools do (write aside, rename over), mid-cycle: four devices, slow one gone.
    const next = inventory([`{ host: 127.0.0.1, port: ${snmpd.port}, name: live }`, ...[1, 2, 3].map((i) => `{ host: 127.0.202.${i}, port: 161, name: new-${i} }`)]);
    const from = w.lines.length;
    writeFileSync(file + '.new', next);
    renameSync(file + '.new', file);
    await w.next(/info polled 4 device\(s\)/, 40_000);
    // In order after the replacement: the cycle under way ends on its 2 devices (whenever the reload is noticed),
    // then the new inventory.
    const since = w.lines.slice(from);
    const polled = since.filter((l) => / info polled \d+ device/.test(l));
    assert.match(polled[0], /polled 2 device\(s\)/, 'the cycle under way did not finish on its own inventory');
    assert.ok(since.some((l) => /reloaded .*: 4 device\(s\)/.test(l)), since.join('\n'));
    // Every cycle polled one whole inventory: 2 (old), 3 (the new devices alone, first poll of new devices) or 4.
    const counts = w.lines.map((l) => / info polled (\d+) device/.exec(l)?.[1]).filter(Boolean).map(Number);
    assert.ok(counts.every((n) => [2, 3, 4].includes(n)), counts.join(','));
    // A broken replacement: refused with its location, the last good inventory kept.
    writeFileSync(file + '.new', 'devices:\n  - { host: [oops\n');
    renameSync(file + '.new', file);
    const refused = await w.next(/not reloaded, keeping the previous inventory/, 20_000);
    assert.ok(refused);
    await w.next(/info polled 4 device\(s\)/, 30_000);
    assert.equal(w.child.exitCode, null, 'parc watch stopped');
    const state = JSON.parse(readFileSync(path.join(dir, '.parc', 'devices.json'), 'utf8')) as { devices: Record<string, unknown> };
    assert.ok(Object.hasOwn(state.devices, '127.0.202.1:161'));
    assert.ok(existsSync(path.join(dir, '.parc', 'metrics')));
  });
});
