// Property tests (fast-check) for the netplan reader/validator and the static-IP edit, on mutations of configs
// written for this test: nothing but StaticIpError escapes, every finding has a position inside the file, and an
// edit leaves every line outside the edited interface's block as it was. Fixed seed; PARC_FUZZ_RUNS=n for long runs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { setStaticIp, StaticIpError } from '../../../src/core/netplan/static-ip';
import { validateNetplan, validateNetplanText } from '../../../src/core/netplan/validate';

const RUNS = Number(process.env.PARC_FUZZ_RUNS) || 300;
const SEED = 0x6e7470;

const SEEDS = [
  '# lab VM\nnetwork:\n  version: 2\n  renderer: networkd\n  ethernets:\n    ens3:\n      dhcp4: true   # install\n      addresses:\n        - 198.18.0.5/24\n        - "2001:db8::5/64"\n      routes:\n        - to: 198.19.0.0/16\n          via: 198.18.0.254\n      nameservers:\n        addresses: [198.18.0.53]\n    ens4:\n      dhcp4: true\n',
  'network:\n  version: 2\n  ethernets:\n    eno1: {}\n    eno2: {}\n  bonds:\n    bond0:\n      interfaces: [eno1, eno2]\n      parameters:\n        mode: active-backup\n        primary: eno1\n  bridges:\n    br0:\n      interfaces: [bond0]\n      addresses: [10.0.0.2/24]\n      parameters: {stp: false, path-cost: {bond0: 50}}\n',
  'network:\n  version: 2\n  renderer: NetworkManager\n  wifis:\n    wl0:\n      access-points:\n        "home net":\n          password: "correct horse battery"\n          band: 5GHz\n          channel: 36\n      dhcp4: yes\n  vlans:\n    vlan20:\n      id: 20\n      link: eth0\n  ethernets:\n    eth0:\n      match: {macaddress: "00:11:22:33:44:55"}\n      set-name: eth0\n',
  'network:\r\n  version: 2\r\n  tunnels:\r\n    wg0:\r\n      mode: wireguard\r\n      key: 4GgaQCy68nzNsUE5aJ9fuLzHhB65tAlwbmA72MWnOm8=\r\n      addresses: [10.10.0.1/24]\r\n      peers:\r\n        - keys: {public: M9nt4YujIOmNrRmpIRTmYSfMdrpvE7u6WkG8FY8WjG4=}\r\n          allowed-ips: [0.0.0.0/0]\r\n          endpoint: 192.0.2.1:51820\r\n    vx0:\r\n      mode: vxlan\r\n      id: 42\r\n      local: 192.0.2.2\r\n      remote: 192.0.2.3\r\n  ethernets:\r\n    eth1:\r\n      routes:\r\n        - {to: default, via: 192.0.2.254, metric: 100, table: 5}\r\n      routing-policy:\r\n        - {from: 192.0.2.0/24, table: 5}\r\n',
];
const VALUES = ['yes', 'no', 'maybe', '0', '-1', '4294967296', '10.0.0.1', '10.0.0.1/33', '::1/64', '', '~', '[]', '{}', '[eth0, x]', '{a: b}', '"quoted: yes"', "'x'", '&a 1', '*a', '!!str 5', '- a', '|\n  text', 'default', 'NetworkManager', '\t', '\u0000', '\u00e9t\u00e9', 'x'.repeat(300)];
const KEYS = ['renderer', 'mode', 'link', 'id', 'interfaces', 'addresses', 'dhcp4', 'routes', 'match', 'set-name', 'key', 'peers', 'table', 'parameters', 'auth', 'password', 'band', 'channel', 'gateway4', 'mtu', 'ipv6-mtu', 'activation-mode', 'network', 'version', 'ethernets', 'bonds', '__proto__', 'constructor'];

type Op = { kind: number; at: number; value: string; key: string };
const op = fc.record({ kind: fc.integer({ min: 0, max: 5 }), at: fc.nat(), value: fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })), key: fc.constantFrom(...KEYS) });

function mutate(text: string, ops: Op[]): string {
  const lines = text.split('\n');
  for (const o of ops) {
    const i = o.at % Math.max(lines.length, 1);
    const m = /^(\s*-?\s*)([^:#\s][^:]*):(.*)$/.exec(lines[i] ?? '');
    if (o.kind === 0) lines.splice(i, 1);
    else if (o.kind === 1) lines.splice(i, 0, lines[(o.at >> 3) % lines.length] ?? '');
    else if (o.kind === 2 && m) lines[i] = `${m[1]}${m[2]}: ${o.value}`;
    else if (o.kind === 3 && m) lines[i] = `${m[1]}${o.key}:${m[3]}`;
    else if (o.kind === 4) lines[i] = (lines[i] ?? '').slice(0, o.at % 20) + o.value + (lines[i] ?? '').slice(o.at % 20);
    else lines.splice(i, 0, `${' '.repeat(o.at % 9)}${o.key}: ${o.value}`);
  }
  return lines.join('\n');
}

const text = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...SEEDS), fc.array(op, { maxLength: 4 })).map(([t, ops]) => mutate(t, ops)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constantFrom(...SEEDS) },
);

function positioned(t: string, d: { line: number; col: number; endLine: number; endCol: number }): boolean {
  const lines = t.split('\n').length;
  return d.line >= 1 && d.col >= 1 && d.line <= lines + 1 && d.endLine >= d.line;
}

/** The line span [first, last] of interface `id`'s entry in the original, or undefined when it has none. */
function interfaceLines(t: string, id: string): [number, number] | undefined {
  const doc = parseDocument(t);
  const net = isMap(doc.contents) ? (doc.contents.items as Pair<Node, Node>[]).find((p) => isScalar(p.key) && p.key.value === 'network')?.value : undefined;
  if (!isMap(net)) return undefined;
  for (const s of net.items as Pair<Node, Node>[]) {
    if (!isMap(s.value)) continue;
    for (const p of s.value.items as Pair<Node, Node | null>[]) {
      if (!isScalar(p.key) || String(p.key.value) !== id || !p.key.range) continue;
      const end = p.value?.range ? p.value.range[1] : p.key.range[1];
      const lineOf = (at: number) => t.slice(0, at).split('\n').length;
      return [lineOf(p.key.range[0]), lineOf(Math.max(end - 1, p.key.range[0]))];
    }
  }
  return undefined;
}

/** Whether `sub` is a subsequence of `all` (lines kept in order, others may be inserted). */
function subsequence(sub: string[], all: string[]): boolean {
  let j = 0;
  for (const l of all) if (j < sub.length && l === sub[j]) j++;
  return j === sub.length;
}

describe('netplan fuzz (fast-check)', () => {
  it('the validator never throws and every finding has a position in the file', () => {
    fc.assert(fc.property(text, fc.constantFrom<[number, number, number]>([0, 104, 0], [0, 106, 0], [1, 1, 0]), (t, version) => {
      const diags = validateNetplanText(t, 'f.yaml', { version });
      for (const d of diags) assert.ok(positioned(t, d) && d.message.length > 0, JSON.stringify(d));
      const two = validateNetplan([{ path: 'a.yaml', text: t }, { path: 'b.yaml', text: SEEDS[1] }], { version });
      for (const r of two) for (const d of r.diagnostics) assert.ok(positioned(r.path === 'a.yaml' ? t : SEEDS[1], d), JSON.stringify(d));
    }), { seed: SEED, numRuns: RUNS });
  });

  it('the static-IP edit throws only StaticIpError and keeps every line outside the edited interface', () => {
    const request = fc.record({
      interface: fc.constantFrom('ens3', 'ens4', 'eno1', 'br0', 'wl0', 'eth1', 'new0', 'bad name'),
      address: fc.constantFrom('198.18.0.10/24', '2001:db8::10/64', '10.1.2.3/8', '300.1.1.1/24', '198.18.0.10'),
      gateway: fc.option(fc.constantFrom('198.18.0.1', '2001:db8::1', '10.0.0.1'), { nil: undefined }),
    });
    fc.assert(fc.property(text, request, (t, req) => {
      let out;
      try {
        out = setStaticIp(t, req);
      } catch (e) {
        assert.ok(e instanceof StaticIpError, `unexpected ${(e as Error)?.stack ?? String(e)}`);
        assert.ok((e as Error).message.length > 0);
        return;
      }
      const eol = t.includes('\r\n') ? '\r\n' : '\n';
      const before = t.split('\n');
      const span = interfaceLines(t, req.interface);
      const kept = before.filter((_, i) => !span || i + 1 < span[0] || i + 1 > span[1]).filter((l, i, a) => i < a.length - 1 || l !== '');
      const after = out.text.split('\n');
      assert.ok(subsequence(kept, after), `lines outside ${req.interface} changed:\n${JSON.stringify(t)}\n→\n${JSON.stringify(out.text)}`);
      if (eol === '\r\n' && !/(^|[^\r])\n/.test(t)) assert.ok(!/(^|[^\r])\n/.test(out.text), 'CRLF kept');
    }), { seed: SEED, numRuns: RUNS });
  });
});
