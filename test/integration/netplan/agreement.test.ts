// Parc's verdict against the installed netplan's (`generate --root-dir` in a fresh root, as the corpus labels
// were made) on every config of ../shared/corpus/netplan-suite and the older ../shared/corpus/netplan, plus
// seeded mutations of them: the two must agree on every file. Run with bounded parallelism; the time is printed.
// Then `parc netplan check` says which verdict it used. Skipped with the reason when netplan or the corpus is absent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { netplanGenerate, netplanVersionOn } from '../../../src/core/netplan/generate';
import { validateNetplanText } from '../../../src/core/netplan/validate';
import { parseNetplanVersion } from '../../../src/core/netplan/versions';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';
import { localRunner } from '../../../src/cli/local-runner';
import { CORPUS } from '../../support/snmpsim';

const haveNetplan = existsSync('/usr/sbin/netplan');
const SUITE = path.join(CORPUS, 'netplan-suite');
const OLD = path.join(CORPUS, 'netplan');
const skip = !haveNetplan ? 'netplan is not installed (scripts/install-deps.sh installs netplan.io)' : !existsSync(SUITE) ? `${SUITE} is absent` : false;
if (skip) console.log(`netplan agreement tests skipped: ${skip}`);
// Each check mostly waits for a short process: 4 at a time, whatever the core count.
const PARALLEL = 4;
const MUTATIONS = Number(process.env.PARC_NETPLAN_MUTATIONS ?? 100);

function yamlFiles(dir: string): { name: string; text: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => ({ name: `${path.basename(dir)}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** Deterministic small edits of real configs: a line dropped or repeated, a value or a key replaced. */
function mutations(base: { name: string; text: string }[], n: number): { name: string; text: string }[] {
  let seed = 0x5eed;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % k);
  const values = ['yes', 'maybe', '0', '-1', '4095', '10.0.0.1', '10.0.0.1/24', 'fe80::1/64', '', '[]', '{}', 'eth0', 'NetworkManager', 'networkd', 'default', '2.4GHz', '5GHz', 'ap', 'psk', 'vxlan', 'wireguard', 'forever', 'stable-privacy', 'manual', 'off', '[eth0]', 'magic_pkt', 'tcp'];
  const keys = ['renderer', 'mode', 'link', 'id', 'interfaces', 'addresses', 'dhcp4', 'routes', 'match', 'set-name', 'key', 'peers', 'table', 'parameters', 'auth', 'password', 'band', 'channel', 'gateway4', 'mtu', 'ipv6-mtu', 'activation-mode', 'dhcp6'];
  const out = [];
  for (let j = 0; j < n; j++) {
    const b = base[rnd(base.length)];
    const lines = b.text.split('\n');
    const i = rnd(lines.length);
    const kind = rnd(4);
    if (kind === 0 && lines.length > 3) lines.splice(i, 1);
    else if (kind === 1) lines.splice(i, 0, lines[rnd(lines.length)]);
    else if (kind === 2) lines[i] = lines[i].replace(/^(\s*-?\s*[^:#]+:)\s*(.+)$/, (_, k) => `${k} ${values[rnd(values.length)]}`);
    else lines[i] = lines[i].replace(/^(\s*)([^:#\s-][^:]*):/, (_, sp) => `${sp}${keys[rnd(keys.length)]}:`);
    out.push({ name: `${b.name}~${j}`, text: lines.join('\n') });
  }
  return out;
}

async function pool<T>(items: T[], width: number, work: (t: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: width }, async () => {
    for (let t = queue.shift(); t !== undefined; t = queue.shift()) await work(t);
  }));
}

function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), env: {}, cwd };
  return main(args, io, new AbortController().signal).then((code) => ({ code, out, err }));
}

describe('Parc and the installed netplan agree', { skip }, () => {
  it('on every corpus config and on mutations of them (printed, with the time taken)', { timeout: 600000 }, async () => {
    const installed = await netplanVersionOn(localRunner);
    const version = parseNetplanVersion(installed ?? '');
    assert.ok(version, `netplan version read: ${installed}`);
    const ovsVsctl = existsSync('/usr/bin/ovs-vsctl');
    const base = [...yamlFiles(path.join(SUITE, 'valid')), ...yamlFiles(path.join(SUITE, 'invalid')), ...['examples', 'invalid', 'deprecated'].flatMap((d) => yamlFiles(path.join(OLD, d)))];
    const cases = [...base, ...mutations(base, MUTATIONS)];
    const disagree: string[] = [];
    let rejected = 0;
    let sameMessage = 0;
    const started = Date.now();
    await pool(cases, PARALLEL, async (c) => {
      const real = await netplanGenerate(localRunner, [{ name: '50-case.yaml', text: c.text }], { version: false });
      const parc = validateNetplanText(c.text, '50-case.yaml', { version, ovsVsctl }).filter((d) => d.severity === 'error');
      if (real.ok !== (parc.length === 0)) {
        disagree.push(`${c.name}: netplan ${real.ok ? 'accepts' : `rejects (${real.diagnostics.map((d) => d.message).join('; ')})`}, Parc ${parc.length ? `rejects (${parc.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')})` : 'accepts'}`);
        return;
      }
      if (real.ok) return;
      rejected++;
      const n = real.diagnostics[0];
      if (n && parc.some((d) => d.message.includes(n.message.replace(/:$/, '')) && (!n.line || (d.line === n.line && d.col === n.col)))) sameMessage++;
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`netplan ${installed} vs Parc: ${cases.length - disagree.length}/${cases.length} verdicts agree (${base.length} corpus configs + ${cases.length - base.length} mutations); ` +
      `same message and position on ${sameMessage}/${rejected} rejected; ${seconds.toFixed(1)} s with ${PARALLEL} in parallel`);
    for (const d of disagree) console.log(`  disagree: ${d}`);
    assert.deepEqual(disagree, []);
  });

  it('`parc netplan check` says which verdict it used', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-np-verdict-'));
    try {
      writeFileSync(path.join(dir, 'good.yaml'), 'network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n');
      writeFileSync(path.join(dir, 'vxlan.yaml'), 'network:\n  version: 2\n  tunnels:\n    vx0:\n      mode: vxlan\n      id: 7\n      link: eth0\n  ethernets:\n    eth0: {}\n');
      writeFileSync(path.join(dir, 'bad.yaml'), 'network:\n  version: 2\n  renderer: NetworkManager\n  ethernets:\n    eth0:\n      ipv6-mtu: 1400\n');
      const installed = (await netplanVersionOn(localRunner))!;
      const good = await cli(['netplan', 'check', 'good.yaml'], dir);
      assert.equal(good.code, 0, good.err);
      assert.ok(good.err.includes(`verdict: netplan ${installed} on this machine`), good.err);
      const bad = await cli(['netplan', 'check', 'bad.yaml'], dir);
      assert.equal(bad.code, 1);
      assert.match(bad.out, /^bad\.yaml:5:5: error: ERROR: eth0: NetworkManager definitions do not support ipv6-mtu$/m);
      assert.ok(bad.err.includes(`verdict: netplan ${installed}`), bad.err);
      const parcOnly = await cli(['netplan', 'check', '--no-netplan', 'bad.yaml'], dir);
      assert.equal(parcOnly.code, 1);
      assert.match(parcOnly.err, /verdict: Parc's validator \(netplan 1\.1 rules\); no netplan to ask/);
      // A target on another release: the local netplan does not speak for it; Parc applies that release's rules.
      const old = await cli(['netplan', 'check', '--netplan-version', '0.104', 'vxlan.yaml'], dir);
      assert.equal(old.code, 1, old.out);
      assert.match(old.out, /vxlan\.yaml:6:7: error: unknown key 'id' \(added in netplan 0\.105; the target runs 0\.104\)/);
      assert.match(old.err, new RegExp(`verdict: Parc's validator \\(netplan 0\\.104 rules\\); netplan ${installed.replace(/[.+]/g, '\\$&')} on this machine is not the target's 0\\.104`));
      const same = await cli(['netplan', 'check', '--netplan-version', installed, 'vxlan.yaml'], dir);
      assert.equal(same.code, 0, same.out + same.err);
      assert.ok(same.err.includes(`verdict: netplan ${installed}`), same.err);
      // Parc's own finding that netplan does not confirm is a warning, and does not fail the check.
      writeFileSync(path.join(dir, 'dup.yaml'), 'network:\n  version: 2\n  ethernets:\n    eth0: {addresses: [198.18.0.5/24]}\n    eth1: {addresses: [198.18.0.5/24]}\n');
      const dup = await cli(['netplan', 'check', 'dup.yaml'], dir);
      assert.equal(dup.code, 0, dup.out);
      assert.match(dup.out, /dup\.yaml:5:24: warning: duplicate address 198\.18\.0\.5/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
