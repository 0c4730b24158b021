// `parc inventory` as a user runs it (the built dist/cli.js): after `parc poll` against real snmpd agents, one row per
// device with what the poll learnt. One agent is a Linux host with Observium's extends (model and serial from
// DMI); another is configured with a Cisco switch's sysObjectID and banner, so the Cisco path (release from the
// banner, model from CISCO-PRODUCTS-MIB when there is no ENTITY-MIB) runs on a real agent.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { observiumExtendLines, startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { freeUdpPort } from '../../support/ports';
import { writeInventory } from '../../support/estate';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

function parc(args: string[], env: Record<string, string>, cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('parc inventory after parc poll, against real snmpd agents', () => {
  let linux: RunningSnmpd;
  let cisco: RunningSnmpd;
  let deadPort: number;
  let dir: string;
  const env = { PARC_CRED_OFFICE: 'inv-ro-secret' };
  before(async () => {
    const extDir = mkdtempSync(path.join(os.tmpdir(), 'parc-inv-ext-'));
    linux = await startSnmpd({
      community: 'inv-ro-secret', sysName: 'files01', location: 'Lyon, salle serveur',
      extendLines: observiumExtendLines(extDir, { distro: 'Debian 12', hardware: 'PowerEdge T150', vendor: 'Dell Inc.', serial: 'CZJ4X2Y' }),
    });
    cisco = await startSnmpd({
      community: 'inv-ro-secret', sysName: 'sw-core', location: 'Lyon, salle serveur',
      extraLines: [
        'sysobjectid 1.3.6.1.4.1.9.1.1208',
        'sysdescr Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc1)',
      ],
    });
    deadPort = await freeUdpPort();
    ({ dir } = writeInventory(`sites:
  - region: Auvergne-Rhône-Alpes
    name: Lyon
snmp:
  default: office
  profiles:
    # generous: the agents must answer even on a loaded machine; only ghost is meant to time out
    office: { version: 2c, credential: office, timeoutMs: 2000, retries: 1 }
devices:
  - { host: 127.0.0.1, port: ${linux.port}, name: files01 }
  - { host: 127.0.0.1, port: ${cisco.port}, name: sw-core }
  - { host: 127.0.0.1, port: ${deadPort}, name: ghost }
`));
    const poll = parc(['poll'], env, dir);
    assert.equal(poll.code, 2, poll.err); // ghost is down
  });
  after(async () => {
    await linux?.stop();
    await cisco?.stop();
  });

  it('--json: model, serial, version, vendor, site, uptime and last seen per device', () => {
    const r = parc(['inventory', '--json'], {}, dir);
    assert.equal(r.code, 0, r.err);
    const rows = JSON.parse(r.out).devices as Record<string, unknown>[];
    const by = new Map(rows.map((d) => [d.name, d]));
    assert.deepEqual([...by.keys()].sort(), ['files01', 'ghost', 'sw-core']);
    const f = by.get('files01')!;
    assert.deepEqual([f.region, f.site, f.os, f.vendor, f.model, f.serial, f.status], ['Auvergne-Rhône-Alpes', 'Lyon', 'linux', 'Dell Inc.', 'PowerEdge T150', 'CZJ4X2Y', 'up']);
    assert.equal(f.version, os.release(), 'the kernel release from the banner');
    assert.ok(typeof f.uptimeSeconds === 'number' && typeof f.lastSeen === 'string');
    const s = by.get('sw-core')!;
    assert.deepEqual([s.os, s.vendor, s.model, s.version, s.osName], ['ios', 'Cisco', 'cat29xxStack', '15.2(7)E9', 'Cisco IOS 15.2(7)E9']);
    const g = by.get('ghost')!;
    assert.deepEqual([g.status, g.model, g.lastSeen, g.uptimeSeconds], ['down', null, null, null]);
  });

  it('--csv: a header and one quoted-as-needed line per device', () => {
    const r = parc(['inventory', '--csv'], {}, dir);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\r\n');
    assert.equal(lines[0], 'name,region,site,vendor,model,serial,version,uptimeSeconds,lastSeen');
    assert.equal(lines.length, 4);
    const files = lines.find((l) => l.startsWith('files01,'))!;
    assert.match(files, /^files01,Auvergne-Rhône-Alpes,Lyon,Dell Inc\.,PowerEdge T150,CZJ4X2Y,[^,]+,\d+,\d{4}-\d\d-\d\dT/);
    // never reached: no sysLocation to place it, nothing known
    assert.equal(lines.find((l) => l.startsWith('ghost,')), 'ghost,Unassigned,Unassigned,,,,,,');
  });

  it('text: aligned table; bad arguments exit 1', () => {
    const r = parc(['inventory'], {}, dir);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^DEVICE\s+REGION › SITE\s+VENDOR\s+MODEL\s+SERIAL\s+VERSION\s+UPTIME\s+LAST SEEN/);
    assert.match(r.out, /sw-core\s+Auvergne-Rhône-Alpes › Lyon\s+Cisco\s+cat29xxStack\s+-\s+15\.2\(7\)E9/);
    assert.match(r.out, /ghost .* never/);
    assert.match(r.out, /3 device\(s\), 1 never reached/);
    const both = parc(['inventory', '--csv', '--json'], {}, dir);
    assert.equal(both.code, 1);
    assert.match(both.err, /--csv and --json cannot be used together/);
  });
});
