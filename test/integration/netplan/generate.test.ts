// What Parc writes must pass the real `netplan generate --root-dir` (Debian netplan.io); the CLI's check output.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { netplanGenerate } from '../../../src/core/netplan/generate';
import { setStaticIp } from '../../../src/core/netplan/static-ip';
import { validateNetplanText } from '../../../src/core/netplan/validate';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';
import { localRunner } from '../../../src/cli/local-runner';

const NETPLAN = '/usr/sbin/netplan';
const haveNetplan = existsSync(NETPLAN);
if (!haveNetplan) console.log('netplan generate tests skipped: /usr/sbin/netplan is absent (scripts/install-deps.sh installs netplan.io)');
const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/netplan');
const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/netplan');

function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), env: {}, cwd };
  return main(args, io, new AbortController().signal).then((code) => ({ code, out, err }));
}

describe('netplan generate (real netplan.io)', { skip: !haveNetplan && 'netplan absent' }, () => {
  const cases = [
    { interface: 'ens3', address: '198.18.0.10/24', gateway: '198.18.0.1', dns: ['198.18.0.53'], search: ['corp.example'] },
    { interface: 'enp0s25', address: '198.18.7.2/31', gateway: '198.18.7.3' },
    { interface: 'eth0', address: '2001:db8:1::10/64', gateway: '2001:db8:1::1', dns: ['2001:db8:1::53'] },
    { interface: 'ens4', address: '198.19.255.254/15' },
  ];
  for (const c of cases) {
    it(`accepts what "static ${c.interface} ${c.address}" writes (new file)`, async () => {
      const text = setStaticIp(undefined, c).text;
      const r = await netplanGenerate(localRunner, [{ name: '01-parc.yaml', text }]);
      assert.equal(r.ok, true, r.output);
      assert.deepEqual(r.diagnostics, []);
    });
  }

  it('accepts the edited hand-written file with comments', async () => {
    const text = setStaticIp(readFileSync(path.join(FIXTURES, 'commented.yaml'), 'utf8'), cases[0]).text;
    const r = await netplanGenerate(localRunner, [{ name: '01-netcfg.yaml', text }]);
    assert.equal(r.ok, true, r.output);
  });

  it('accepts static IPs set into every upstream example with an ethernet', { skip: !existsSync(CORPUS) && 'corpus absent' }, async () => {
    let tried = 0;
    for (const f of readdirSync(path.join(CORPUS, 'examples')).filter((x) => x.endsWith('.yaml'))) {
      const original = readFileSync(path.join(CORPUS, 'examples', f), 'utf8');
      const alone = await netplanGenerate(localRunner, [{ name: f, text: original }]);
      if (!alone.ok) continue; // newer than this netplan (e.g. virtual-ethernets): nothing to learn from it
      const m = /^ {4}([A-Za-z0-9]+):\s*$/m.exec(original.split(/^ {2}ethernets:/m)[1] ?? '');
      if (!m) continue;
      const text = setStaticIp(original, { interface: m[1], address: '198.18.99.10/24', gateway: '198.18.99.1' }).text;
      const r = await netplanGenerate(localRunner, [{ name: f, text }]);
      assert.equal(r.ok, true, `${f} with static ${m[1]}:\n${r.output}\n${text}`);
      tried++;
    }
    console.log(`static IP set in ${tried} upstream examples, all accepted by netplan generate`);
    assert.ok(tried >= 10);
  });

  it('reports netplan\'s own errors with file, line and column', async () => {
    const r = await netplanGenerate(localRunner, [{ name: 'bad.yaml', text: 'network:\n  version: 2\n  ethernets:\n    id0:\n      wakeonlan: wut\n' }]);
    assert.equal(r.ok, false);
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.col]), [['bad.yaml', 5, 18]]);
    assert.match(r.diagnostics[0].message, /invalid boolean value 'wut'/);
    assert.doesNotMatch(r.output, /parc-netplan\./, 'temporary root hidden');
  });

  it('agrees with the installed netplan on its invalid corpus (printed)', { skip: !existsSync(CORPUS) && 'corpus absent' }, async () => {
    let bothReject = 0;
    let netplanRejects = 0;
    let onlyParc = 0;
    const files = readdirSync(path.join(CORPUS, 'invalid')).filter((x) => x.endsWith('.yaml'));
    for (const f of files) {
      const text = readFileSync(path.join(CORPUS, 'invalid', f), 'utf8');
      const real = await netplanGenerate(localRunner, [{ name: 'a.yaml', text }]);
      const parc = validateNetplanText(text).some((d) => d.severity === 'error');
      if (!real.ok) netplanRejects++;
      if (!real.ok && parc) bothReject++;
      if (real.ok && parc) onlyParc++;
    }
    console.log(`installed netplan rejects ${netplanRejects}/${files.length} invalid corpus files; Parc flags ${bothReject} of those; Parc also flags ${onlyParc} that this (older) netplan accepts`);
    assert.ok(bothReject / netplanRejects >= 0.9);
  });
});

describe('parc netplan check / static (CLI)', () => {
  it('prints file:line:col: severity: message and exits 1 on errors', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-np-'));
    try {
      writeFileSync(path.join(dir, 'good.yaml'), 'network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n');
      writeFileSync(path.join(dir, 'bad.yaml'), 'network:\n  version: 2\n  vlans:\n    vlan5: {id: 5, link: eth9}\n');
      const ok = await cli(['netplan', 'check', 'good.yaml'], dir);
      assert.equal(ok.code, 0, ok.err);
      assert.equal(ok.out, '');
      const bad = await cli(['netplan', 'check', 'good.yaml', 'bad.yaml'], dir);
      assert.equal(bad.code, 1);
      assert.equal(bad.out.trim(), "bad.yaml:4:26: error: vlan5: interface 'eth9' is not defined");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('static prints YAML that check accepts; a bad gateway exits 1 with the reason', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-np-'));
    try {
      const r = await cli(['netplan', 'static', '--interface', 'ens3', '--address', '198.18.0.10/24', '--gateway', '198.18.0.1', '--dns', '198.18.0.53,198.18.0.54'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /- to: default\n\s+via: 198\.18\.0\.1/);
      writeFileSync(path.join(dir, 'out.yaml'), r.out);
      assert.equal((await cli(['netplan', 'check', 'out.yaml'], dir)).code, 0);
      const bad = await cli(['netplan', 'static', '--interface', 'ens3', '--address', '198.18.0.10/24', '--gateway', '198.20.0.1'], dir);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /not inside 198\.18\.0\.10\/24's subnet/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
