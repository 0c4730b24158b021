// The validator follows the target's netplan release: keys and values newer than it are errors for it, and the
// checks that changed between releases follow it. Configs here are written for these tests.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateNetplan, validateNetplanText } from '../../../src/core/netplan/validate';
import { parseNetplanVersion, requireNetplanVersion, type NetplanVersion } from '../../../src/core/netplan/versions';

const errors = (text: string, v: string) => validateNetplanText(text, 'a.yaml', { version: requireNetplanVersion(v) }).filter((d) => d.severity === 'error');
const net = (body: string) => `network:\n  version: 2\n${body}`;

describe('netplan versions', () => {
  it('reads the versions package managers and netplan print', () => {
    const cases: [string, NetplanVersion | undefined][] = [
      ['0.106-2+deb12u1', [0, 106, 0]], ['0.105-0ubuntu2~22.04.3', [0, 105, 0]], ['1.0-2ubuntu1', [1, 0, 0]], ['1.1.2', [1, 1, 2]],
      ['netplan.io 0.104-0ubuntu2', [0, 104, 0]], ['unknown', undefined], ['', undefined],
    ];
    for (const [text, want] of cases) assert.deepEqual(parseNetplanVersion(text), want, text);
    assert.throws(() => requireNetplanVersion('latest'), /not a netplan version/);
  });

  it('a key newer than the target\'s netplan is an error for that target, naming the release that added it', () => {
    const veth = net('  virtual-ethernets:\n    veth0: {peer: veth1}\n    veth1: {peer: veth0}\n');
    assert.deepEqual(errors(veth, '0.106').map((d) => [d.line, d.col, d.message]), [[3, 3, "unknown key 'virtual-ethernets' (added in netplan 1.0; the target runs 0.106)"]]);
    assert.deepEqual(errors(veth, '1.0'), []);
    const vrf = net('  ethernets:\n    eth0: {}\n  vrfs:\n    vrf0:\n      table: 10\n      interfaces: [eth0]\n');
    assert.match(errors(vrf, '0.104')[0].message, /unknown key 'vrfs' \(added in netplan 0\.105/);
    assert.deepEqual(errors(vrf, '0.105'), []);
    const ib = net('  ethernets:\n    ib0:\n      infiniband-mode: connected\n');
    assert.equal(errors(ib, '0.104').length, 1);
    assert.deepEqual(errors(ib, '0.105'), []);
    const offload = net('  ethernets:\n    eth0:\n      receive-checksum-offload: true\n');
    assert.equal(errors(offload, '0.103').length, 1);
    assert.deepEqual(errors(offload, '0.104'), []);
  });

  it('a value newer than the target\'s netplan is an error for it', () => {
    const sae = net('  wifis:\n    wl0:\n      access-points:\n        home:\n          auth: {key-management: sae, password: "correct horse"}\n');
    assert.match(errors(sae, '0.106')[0].message, /unknown key management type 'sae' \(netplan 1\.0 added it/);
    assert.deepEqual(errors(sae, '1.0'), []);
  });

  it('checks that changed between releases follow the target', () => {
    const lacp = net('  ethernets:\n    eth0: {}\n    eth1: {}\n  bonds:\n    bond0:\n      interfaces: [eth0, eth1]\n      parameters: {mode: 802.3ad, lacp-rate: 10}\n');
    assert.deepEqual(errors(lacp, '0.106'), [], 'before 1.0 any lacp-rate passes');
    assert.match(errors(lacp, '1.0')[0].message, /unknown lacp-rate value '10' \(expected 'fast' or 'slow'\)/);
    const wg = net('  tunnels:\n    wg0:\n      mode: wireguard\n      key: 4GgaQCy68nzNsUE5aJ9fuLzHhB65tAlwbmA72MWnOm8=\n');
    assert.match(errors(wg, '0.106')[0].message, /wg0: at least one peer is required\./);
    const wg10 = validateNetplanText(wg, 'a.yaml', { version: requireNetplanVersion('1.0') });
    assert.ok(!wg10.some((d) => d.severity === 'error') && wg10.some((d) => /at least one peer is required/.test(d.message)), JSON.stringify(wg10));
  });
});

describe('netplan reading as netplan reads it', () => {
  it('accepts a reference to a definition further down the file, not to one in a later file', () => {
    const vlanFirst = net('  vlans:\n    vlan10: {id: 10, link: eth0}\n  ethernets:\n    eth0: {}\n');
    assert.deepEqual(errors(vlanFirst, '0.106'), []);
    const r = validateNetplan([{ path: '10-vlan.yaml', text: net('  vlans:\n    vlan10: {id: 10, link: eth0}\n') }, { path: '20-eth.yaml', text: net('  ethernets:\n    eth0: {}\n') }], { version: [0, 106, 0] });
    assert.deepEqual(r[0].diagnostics.map((d) => [d.line, d.col, d.message]), [[4, 28, "vlan10: interface 'eth0' is not defined"]]);
    const ok = validateNetplan([{ path: '10-eth.yaml', text: net('  ethernets:\n    eth0: {}\n') }, { path: '20-vlan.yaml', text: net('  vlans:\n    vlan10: {id: 10, link: eth0}\n') }]);
    assert.deepEqual(ok.flatMap((x) => x.diagnostics), []);
  });

  it('takes scalars as written (yes, 0x10, ~) and stops at the first error, as netplan does', () => {
    assert.deepEqual(errors(net('  ethernets:\n    eth0: {dhcp4: yes, dhcp6: N, mtu: 1500}\n'), '0.106'), []);
    assert.deepEqual(errors(net('  ethernets:\n    eth0: {mtu: 0x10, dhcp4: maybe}\n'), '0.106').map((d) => d.message), ["invalid unsigned int value '0x10'"]);
    assert.deepEqual(errors(net('  ethernets:\n    eth0:\n      dhcp4: ~\n'), '0.106').map((d) => [d.line, d.col, d.message]), [[5, 14, "invalid boolean value '~'"]]);
    assert.deepEqual(errors(net('  ethernets:\n    eth0:\n'), '0.106').map((d) => [d.line, d.col, d.message]), [[4, 10, 'expected mapping (check indentation)']]);
  });

  it('reports what netplan\'s writers refuse at the definition, in netplan\'s words', () => {
    const d = errors(net('  ethernets:\n    eth0:\n      dhcp4: true\n      dhcp6: true\n      dhcp4-overrides: {use-dns: false}\n'), '0.106');
    assert.deepEqual(d.map((x) => [x.line, x.col, x.message]), [[4, 5, 'ERROR: eth0: networkd requires that use-dns has the same value in both dhcp4_overrides and dhcp6_overrides']]);
    const nm = errors(net('  renderer: NetworkManager\n  ethernets:\n    eth0:\n      ipv6-mtu: 1400\n'), '0.106');
    assert.deepEqual(nm.map((x) => x.message), ['ERROR: eth0: NetworkManager definitions do not support ipv6-mtu']);
  });

  it('says so when a netplan file is empty, without calling it an error', () => {
    for (const text of ['', '\n', '# only a comment\n']) {
      const d = validateNetplanText(text, 'empty.yaml');
      assert.deepEqual(d.map((x) => [x.severity, x.line, x.col]), [['warning', 1, 1]], JSON.stringify(text));
      assert.match(d[0].message, /the file is empty: netplan reads no configuration from it/);
    }
  });

  it('a duplicate address or a gateway off the subnet is a warning: netplan accepts both', () => {
    const text = net('  ethernets:\n    eth0:\n      addresses: [198.18.0.5/24]\n      routes:\n        - to: default\n          via: 198.19.0.1\n    eth1:\n      addresses: [198.18.0.5/24]\n');
    const d = validateNetplanText(text, 'a.yaml', { version: [0, 106, 0] });
    assert.deepEqual(d.filter((x) => x.severity === 'error'), []);
    assert.ok(d.some((x) => x.line === 8 && /gateway 198\.19\.0\.1 is not inside any subnet/.test(x.message)), JSON.stringify(d));
    assert.ok(d.some((x) => x.line === 10 && /duplicate address 198\.18\.0\.5: also configured on eth0 \(line 5\)/.test(x.message)), JSON.stringify(d));
  });
});
