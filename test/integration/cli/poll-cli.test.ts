// The `parc` CLI as a user runs it (the built dist/cli.js), against a real snmpd.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { freeUdpPort } from '../../support/ports';
import { writeInventory } from '../../support/estate';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function parc(args: string[], env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parc CLI against a real snmpd', () => {
  let agent: RunningSnmpd;
  let deadPort: number;
  before(async () => {
    agent = await startSnmpd({ community: 'cli-ro-secret', location: 'Siège, baie 2', sysName: 'cli-lab', ports: [await freeUdpPort(), await freeUdpPort()] });
    deadPort = await freeUdpPort();
  });
  after(() => agent?.stop());

  const estate = (extra = '') => `# estate for the CLI test
sites:
  - region: Île-de-France
    name: Suresnes HQ
    aliases: [Suresnes, Siège]
snmp:
  default: office
  profiles:
    office: { version: 2c, credential: office, timeoutMs: 500, retries: 0 }
devices:
  - host: 127.0.0.1   # the lab agent
    port: ${agent.port}
    name: lab
${extra}`;

  it('poll --json prints every documented field and exits 0 when all are up', () => {
    const { dir } = writeInventory(estate());
    const r = parc(['poll', '--json'], { PARC_CRED_OFFICE: 'cli-ro-secret' }, dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { devices: Record<string, unknown>[] };
    assert.equal(json.devices.length, 1);
    const d = json.devices[0];
    for (const k of ['host', 'port', 'status', 'region', 'site', 'siteReason', 'sysName', 'sysDescr', 'sysObjectID', 'sysLocation', 'uptimeSeconds', 'os', 'osName', 'vendor', 'distro', 'hardware', 'serial', 'version', 'error', 'interfaces', 'storage', 'processors']) {
      assert.ok(k in d, `missing ${k}`);
    }
    assert.deepEqual([d.host, d.port, d.status, d.region, d.site, d.siteReason, d.sysName], ['127.0.0.1', agent.port, 'up', 'Île-de-France', 'Suresnes HQ', 'location', 'cli-lab']);
    const ifs = d.interfaces as Record<string, unknown>[];
    for (const k of ['ifIndex', 'name', 'alias', 'adminStatus', 'operStatus', 'speedBps', 'inOctets', 'outOctets']) assert.ok(k in ifs[0], `interface field ${k}`);
    const st = d.storage as Record<string, unknown>[];
    for (const k of ['description', 'type', 'sizeBytes', 'usedBytes']) assert.ok(k in st[0], `storage field ${k}`);
    assert.ok(!r.out.includes('cli-ro-secret') && !r.err.includes('cli-ro-secret'), 'the community never appears');
  });

  it('exits 2 when a device is down, shows the table grouped by region and site', () => {
    const { dir } = writeInventory(estate(`  - { host: 127.0.0.1, port: ${deadPort}, name: ghost }\n`));
    const r = parc(['poll'], { PARC_CRED_OFFICE: 'cli-ro-secret' }, dir);
    assert.equal(r.code, 2, r.err);
    assert.match(r.out, /Île-de-France › Suresnes HQ\s+\(1 up\)/);
    assert.match(r.out, /Unassigned › Unassigned\s+\(0 up, 1 down\)/);
    assert.match(r.out, /✗\s+ghost\s+127\.0\.0\.1:\d+.*no SNMP answer/);
    assert.match(r.out, /2 device\(s\): 1 up, 1 down/);
    // --device narrows the poll
    const one = parc(['poll', '--device', 'lab', '--json'], { PARC_CRED_OFFICE: 'cli-ro-secret' }, dir);
    assert.equal(one.code, 0);
    assert.equal(JSON.parse(one.out).devices.length, 1);
  });

  it('exits 1 with file:line:col on a broken inventory, and on bad arguments', () => {
    const { file } = writeInventory('snmp:\n  profiles:\n    p: { version: 5, credential: x }\n');
    const r = parc(['poll', '--inventory', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:19: snmp\\.profiles\\.p\\.version must be one of 1, 2c, 3 \\(got "5"\\)`));
    const bad = parc(['poll', '--inventory', file, '--frobnicate']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /unknown option --frobnicate/);
    const none = parc(['poll'], {}, '/');
    assert.equal(none.code, 1);
    assert.match(none.err, /no parc\.yaml/);
  });

  it('a missing credential names the variable to set, without polling blind', () => {
    const { dir } = writeInventory(estate());
    const r = parc(['poll', '--json'], {}, dir);
    assert.equal(r.code, 2);
    assert.match(JSON.parse(r.out).devices[0].error, /set PARC_CRED_OFFICE/);
  });

  it('discover scans a loopback block, and --write adds what answered keeping the comments', () => {
    const { dir, file } = writeInventory(estate().replace(/ {2}- host: 127\.0\.0\.1[\s\S]*$/, '  []\n').replace('devices:\n  []', 'devices: []'));
    const before = readFileSync(file, 'utf8');
    const r = parc(['discover', '--subnet', '127.0.0.0/29', '--port', String(agent.ports[1]), '--write'], { PARC_CRED_OFFICE: 'cli-ro-secret' }, dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 answered, 1 not yet in .*1 added/);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith('# estate for the CLI test'), 'comment kept');
    assert.match(after, new RegExp(`- host: 127\\.0\\.0\\.1\\n\\s+name: cli-lab\\n\\s+port: ${agent.ports[1]}\\n`));
    assert.notEqual(after, before);
    // a second scan finds it already listed and writes nothing
    writeFileSync(file, after);
    const again = parc(['discover', '--subnet', '127.0.0.0/30', '--port', String(agent.ports[1]), '--write'], { PARC_CRED_OFFICE: 'cli-ro-secret' }, dir);
    assert.match(again.out, /1 answered, 0 not yet in/);
    assert.equal(readFileSync(file, 'utf8'), after);
  });

  it('watch polls at once, keeps running, and stops cleanly on SIGTERM', async () => {
    const { dir } = writeInventory(estate(`  - { host: 127.0.0.1, port: ${deadPort}, name: ghost }\n`));
    const child = spawn(process.execPath, [CLI, 'watch'], { cwd: dir, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PARC_CRED_OFFICE: 'cli-ro-secret' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const deadline = Date.now() + 20_000;
    while (!/ghost is down/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.match(out, /critical ghost is down/);
    assert.match(err, /polled 2 device\(s\) in \d+ ms: 1 up, 1 down/);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.match(err, /stopping after the current job/);
    assert.ok(existsSync(path.join(dir, '.parc', 'devices.json')));
  });

  it('events shows the log written by polls', () => {
    const { dir } = writeInventory(estate(`  - { host: 127.0.0.1, port: ${deadPort}, name: ghost }\n`));
    parc(['poll'], { PARC_CRED_OFFICE: 'cli-ro-secret' }, dir);
    const r = parc(['events', '--json'], {}, dir);
    assert.equal(r.code, 0, r.err);
    const events = JSON.parse(r.out).events as { type: string; deviceName: string }[];
    assert.deepEqual(events.map((e) => [e.type, e.deviceName]), [['down', 'ghost']]);
  });
});
