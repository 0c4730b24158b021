import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { setStaticIp, StaticIpError } from '../../../src/core/netplan/static-ip';
import { validateNetplanText } from '../../../src/core/netplan/validate';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/netplan');

describe('netplan static IP editor', () => {
  it('writes a new file with a default route, not gateway4', () => {
    const r = setStaticIp(undefined, { interface: 'ens3', address: '198.18.0.10/24', gateway: '198.18.0.1', dns: ['198.18.0.53', '198.18.0.54'], search: ['corp.example'] });
    const y = parse(r.text);
    assert.deepEqual(y.network.ethernets.ens3.addresses, ['198.18.0.10/24']);
    assert.deepEqual(y.network.ethernets.ens3.routes, [{ to: 'default', via: '198.18.0.1' }]);
    assert.deepEqual(y.network.ethernets.ens3.nameservers, { addresses: ['198.18.0.53', '198.18.0.54'], search: ['corp.example'] });
    assert.equal(y.network.version, 2);
    assert.doesNotMatch(r.text, /gateway4/);
    assert.deepEqual(validateNetplanText(r.text), []);
  });

  it('keeps comments and other settings, replaces only the same-family address and default route', () => {
    const before = readFileSync(path.join(FIXTURES, 'commented.yaml'), 'utf8');
    const r = setStaticIp(before, { interface: 'ens3', address: '198.18.0.10/24', gateway: '198.18.0.1' });
    for (const comment of ['# Monitoring VM — written by hand, keep these notes.', '# lab routers']) assert.ok(r.text.includes(comment), `comment kept: ${comment}`);
    const y = parse(r.text);
    const e = y.network.ethernets.ens3;
    assert.equal(e.dhcp4, false);
    assert.equal(e.gateway4, undefined);
    assert.deepEqual(e.addresses, ['2001:db8::5/64', '198.18.0.10/24']);
    assert.deepEqual(e.routes, [{ to: '198.19.0.0/16', via: '198.18.0.254' }, { to: 'default', via: '198.18.0.1' }]);
    assert.deepEqual(e.nameservers, { addresses: ['198.18.0.53'] });
    assert.deepEqual(y.network.ethernets.ens4, { dhcp4: true });
    assert.equal(y.network.renderer, 'networkd');
    assert.ok(r.changes.includes('removed deprecated gateway4'));
    assert.equal(validateNetplanText(r.text).filter((d) => d.severity === 'error').length, 0);
  });

  it('refuses a gateway outside the subnet, bad addresses and names, saying which', () => {
    assert.throws(() => setStaticIp(undefined, { interface: 'ens3', address: '198.18.0.10/24', gateway: '198.19.0.1' }), /--gateway 198\.19\.0\.1 is not inside 198\.18\.0\.10\/24's subnet/);
    assert.throws(() => setStaticIp(undefined, { interface: 'ens3', address: '198.18.0.10' }), (e: Error) => e instanceof StaticIpError && /missing \/prefixlength/.test(e.message));
    assert.throws(() => setStaticIp(undefined, { interface: 'eth 0', address: '198.18.0.10/24' }), /not a valid interface name/);
    assert.throws(() => setStaticIp(undefined, { interface: 'ens3', address: '198.18.0.10/24', dns: ['dns.example'] }), /--dns: "dns.example" is not an IP address/);
    assert.throws(() => setStaticIp('network: [', { interface: 'ens3', address: '198.18.0.10/24' }), /not valid YAML/);
  });
});

describe('netplan validator diagnostics', () => {
  it('locates errors by line and column and explains deprecated keys', () => {
    const text = 'network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses: [198.18.0.5/33]\n      gateway4: 198.18.0.1\n      dhcp4: maybe\n';
    // As netplan, the first error ends the check: the address first (netplan points at the list), then the boolean.
    const d = validateNetplanText(text);
    assert.deepEqual(d.map((x) => [x.line, x.col, x.severity]), [[5, 18, 'error']]);
    assert.match(d[0].message, /invalid prefix length in address '198\.18\.0\.5\/33'/);
    const fixed = validateNetplanText(text.replace('/33', '/24'));
    assert.deepEqual(fixed.map((x) => [x.line, x.col, x.severity]), [[7, 14, 'error']]);
    assert.match(fixed[0].message, /invalid boolean value 'maybe'/);
    const valid = validateNetplanText(text.replace('/33', '/24').replace('maybe', 'no'));
    assert.deepEqual(valid.map((x) => [x.line, x.col, x.severity]), [[6, 7, 'warning']]);
    assert.match(valid[0].message, /use default routes instead/);
  });

  it('warns on a gateway outside every configured subnet and on duplicate addresses (netplan accepts both)', () => {
    const text = 'network:\n  version: 2\n  ethernets:\n    eth0:\n      addresses: [198.18.0.5/24]\n      routes:\n        - to: default\n          via: 198.19.0.1\n    eth1:\n      addresses: [198.18.0.5/24]\n';
    const d = validateNetplanText(text);
    assert.ok(d.some((x) => x.severity === 'warning' && x.line === 8 && /gateway 198\.19\.0\.1 is not inside any subnet/.test(x.message)), JSON.stringify(d));
    assert.ok(d.some((x) => x.severity === 'warning' && x.line === 10 && /duplicate address 198\.18\.0\.5: also configured on eth0 \(line 5\)/.test(x.message)), JSON.stringify(d));
  });

  it('suggests the key meant by a typo', () => {
    const d = validateNetplanText('network:\n  version: 2\n  ethernets:\n    eth0:\n      adresses: [198.18.0.5/24]\n');
    assert.match(d[0].message, /unknown key 'adresses' \(did you mean 'addresses'\?\)/);
  });
});
