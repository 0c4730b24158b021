// `parc poll` records into the metric store; `parc history` and `parc report` read it back — the
// built CLI as a user runs it, against a real snmpd (and a port where nothing answers).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { freeUdpPort } from '../../support/ports';
import { writeInventory } from '../../support/estate';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function parc(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PARC_CRED_LAB: 'hist-ro-secret' }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface HistoryJson {
  device: { key: string };
  series: { name: string; ds: string; unit: string; archive: string; points: { t: string; avg: number | null }[] }[];
  events: { type: string }[];
}

describe('parc history and parc report against a real snmpd', () => {
  let agent: RunningSnmpd;
  let dir: string;
  before(async () => {
    agent = await startSnmpd({ community: 'hist-ro-secret', location: 'Lyon, salle serveur', sysName: 'hist-lab' });
    const dead = await freeUdpPort();
    ({ dir } = writeInventory(`sites:
  - region: Auvergne-Rhône-Alpes
    name: Lyon
    coordinates: [45.76, 4.84]
  - region: Île-de-France
    name: Paris
    coordinates: [48.86, 2.35]
snmp:
  default: lab
  profiles:
    lab: { version: 2c, credential: lab, timeoutMs: 1500, retries: 1 }
devices:
  - host: 127.0.0.1
    port: ${agent.port}
    name: lab
  - host: 127.0.0.1
    port: ${dead}
    name: ghost
    site: Paris
`));
    for (let i = 0; i < 2; i++) {
      const r = parc(['poll'], dir);
      assert.equal(r.code, 2, r.err); // ghost is down
    }
  });
  after(() => agent?.stop());

  it('poll recorded the metric files beside parc.yaml', () => {
    assert.ok(existsSync(path.join(dir, '.parc', 'metrics', 'shard-0000.prrd')));
    assert.ok(existsSync(path.join(dir, '.parc', 'metrics', 'alerts')), 'the "ghost is down" alert was archived');
  });

  it('history --json gives the device, port, storage and processor series with points', () => {
    const r = parc(['history', '--device', 'lab', '--json'], dir);
    assert.equal(r.code, 0, r.err);
    const h = JSON.parse(r.out) as HistoryJson;
    assert.equal(h.device.key, `127.0.0.1:${agent.port}`);
    const ds = new Set(h.series.map((s) => s.ds));
    // Rates and error rates need two polls: the before hook ran two.
    for (const want of ['status', 'uptime', 'pollMs', 'operUp', 'inBps', 'outBps', 'inErrors', 'usedPercent']) assert.ok(ds.has(want), `series ${want} in ${[...ds].join(', ')}`);
    const polled = JSON.parse(parc(['poll', '--json', '--device', 'lab'], dir).out) as { devices: { processors: unknown[] }[] };
    if (polled.devices[0].processors.length) assert.ok(ds.has('load'), 'processor load recorded');
    const status = h.series.find((s) => s.ds === 'status')!;
    assert.equal(status.archive, '5m');
    assert.ok(status.points.some((p) => p.avg === 1), 'an "up" point was recorded');
    const lo = h.series.find((s) => s.name === 'lo.operUp');
    assert.ok(lo && lo.points.some((p) => p.avg === 1), 'loopback interface is up');
    assert.ok(!r.out.includes('hist-ro-secret'));
  });

  it('history --metric selects series; an unknown metric lists what exists', () => {
    const one = parc(['history', '--device', 'lab', '--metric', 'device.uptime', '--since', '1h'], dir);
    assert.equal(one.code, 0, one.err);
    assert.match(one.out, /device\.uptime — 5m points/);
    assert.match(one.out, /TIME \(UTC\)\s+AVG/);
    const bad = parc(['history', '--device', 'lab', '--metric', 'nosuch'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /no metric "nosuch" for lab; it has: .*device\.status/);
    const ghost = parc(['history', '--device', 'ghost', '--json'], dir);
    const g = JSON.parse(ghost.out) as HistoryJson;
    assert.deepEqual(g.series.map((s) => s.ds).sort(), ['pollMs', 'status']);
    assert.ok(g.series.find((s) => s.ds === 'status')!.points.some((p) => p.avg === 0));
    assert.ok(g.events.some((e) => e.type === 'down'));
  });

  it('report prints counts per site; --html writes a self-contained page with the map', () => {
    const text = parc(['report'], dir);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /2 device\(s\), 1 up, 1 down/);
    assert.match(text.out, /Lyon\s+1\s+0/);
    const r = parc(['report', '--html', 'out/report.html'], dir);
    assert.equal(r.code, 0, r.err);
    const html = readFileSync(path.join(dir, 'out', 'report.html'), 'utf8');
    assert.match(html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.ok(!/(src|href)="https?:/.test(html), 'no remote resource');
    assert.ok(!/<script/.test(html), 'no script');
    assert.match(html, /<circle class="up"[^>]*\/><text[^>]*>Lyon \(1\/1 up\)/);
    assert.match(html, /<circle class="down"[^>]*\/><text[^>]*>Paris \(0\/1 up\)/);
    assert.match(html, /ghost is down/);
  });
});
