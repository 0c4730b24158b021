import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseIpAddr } from '../../../src/core/netplan/host-config';
import { applyWarnings, mergeNetplan, netplanFileOrder, summarizeInterfaces } from '../../../src/core/netplan/merge';

describe('netplan file merging', () => {
  it('reads /lib, /etc, /run in file-name order, /run shadowing /etc shadowing /lib', () => {
    assert.deepEqual(netplanFileOrder(['/etc/netplan/50-cloud-init.yaml', '/lib/netplan/00-base.yaml', '/etc/netplan/00-base.yaml', '/run/netplan/10-x.yaml', '/etc/netplan/10-x.yaml', '/etc/netplan/README']), [
      '/etc/netplan/00-base.yaml', '/run/netplan/10-x.yaml', '/etc/netplan/50-cloud-init.yaml',
    ]);
  });

  it('merges mappings, appends sequences, lets later scalars win; summarizes interfaces', () => {
    const merged = mergeNetplan([
      'network:\n  version: 2\n  ethernets:\n    eth0:\n      dhcp4: true\n      addresses: [198.18.0.5/24]\n',
      'network:\n  ethernets:\n    eth0:\n      dhcp4: false\n      addresses: [198.18.0.6/24]\n      routes: [{to: default, via: 198.18.0.1}]\n      nameservers: {addresses: [198.18.0.53]}\n    eth1: {dhcp6: yes}\n',
    ]);
    assert.deepEqual(summarizeInterfaces(merged), [
      { id: 'eth0', type: 'ethernets', addresses: ['198.18.0.5/24', '198.18.0.6/24'], dhcp4: false, dhcp6: false, gateways: ['198.18.0.1'], nameservers: ['198.18.0.53'] },
      { id: 'eth1', type: 'ethernets', addresses: [], dhcp4: false, dhcp6: true, gateways: [], nameservers: [] },
    ]);
  });

  it('warns when cloud-init owns the file and when bonds or bridges are configured', () => {
    const cloud = '# This file is generated from information provided by the datasource.  Changes\n# to it will not persist across an instance reboot.\nnetwork:\n  version: 2\n';
    assert.match(applyWarnings('50-cloud-init.yaml', cloud, mergeNetplan([cloud]))[0], /written by cloud-init/);
    assert.match(applyWarnings('01-x.yaml', cloud, {})[0], /written by cloud-init/);
    const bond = 'network:\n  version: 2\n  bonds:\n    bond0: {interfaces: [eth0, eth1]}\n';
    const w = applyWarnings('01-netcfg.yaml', bond, mergeNetplan([bond]));
    assert.equal(w.length, 1);
    assert.match(w[0], /bonds \(bond0\): netplan try cannot revert/);
    assert.deepEqual(applyWarnings('01-netcfg.yaml', 'network: {version: 2}', mergeNetplan(['network: {version: 2}'])), []);
  });

  it('reads live addresses from ip -o addr', () => {
    const out = '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever\n2: eth0@if5    inet 198.18.0.2/24 brd 198.18.0.255 scope global eth0\n2: eth0@if5    inet6 fe80::1/64 scope link\n';
    assert.deepEqual([...parseIpAddr(out)], [['lo', ['127.0.0.1/8']], ['eth0', ['198.18.0.2/24', 'fe80::1/64']]]);
  });
});

describe('where to reconnect after a netplan change', () => {
  it('keeps the address when the new file still has it, follows the one new address otherwise, asks when unclear', async () => {
    const { inferNewAddress } = await import('../../../src/core/netplan/apply');
    const file = (addrs: string) => `network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses: [${addrs}]\n`;
    assert.equal(inferNewAddress('198.18.0.2', file('198.18.0.2/24, 2001:db8::2/64')), undefined);
    assert.equal(inferNewAddress('198.18.0.2', file('198.18.0.9/24, 2001:db8::2/64')), '198.18.0.9');
    assert.equal(inferNewAddress('lab.example', file('198.18.0.9/24')), undefined);
    assert.throws(() => inferNewAddress('198.18.0.2', file('198.18.0.9/24, 198.18.0.10/24')), /--new-address/);
  });
});
