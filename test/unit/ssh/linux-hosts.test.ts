import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hostPath, readLinuxHosts } from '../../../src/core/ssh/linux-hosts';
import { parseInventory } from '../../../src/core/inventory/parse';

const ISSUE_YAML = `linux:
  - host: observium.corp.local
    name: observium
    port: 22
    user: admin
    key: ~/.ssh/id_ed25519   # or credential: NAME for a password (PARC_CRED_<NAME> for the CLI)
    sudo: true
`;

describe('linux: inventory section', () => {
  it('loads the issue example, and the inventory parser accepts the file too', () => {
    const r = readLinuxHosts(ISSUE_YAML);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.hosts.length, 1);
    const h = r.hosts[0];
    assert.deepEqual([h.name, h.host, h.port, h.user, h.key, h.sudo, h.root, h.snmpd.conf, h.line], ['observium', 'observium.corp.local', 22, 'admin', '~/.ssh/id_ed25519', true, '/', '/etc/snmp/snmpd.conf', 2]);
    assert.equal(parseInventory(ISSUE_YAML, 'parc.yaml').diagnostics.filter((d) => d.severity === 'error').length, 0);
  });

  it('reports every problem with its line and column', () => {
    const text = `sites:
  - { region: EU, name: Paris, coordinates: [48.85, 2.35] }
linux:
  - host: "bad host"
    user: admin
    credential: LAB
  - host: 198.18.0.7
    port: 70000
    key: /k
    user: admin
    sudo: maybe
    site: Lyon
  - host: 198.18.0.8
    user: admin
  - host: 198.18.0.9
    name: lab
    user: root
    agent: true
    site: Paris
    snmpd: { port: 1161, restart: "kill -HUP 1", colour: red }
`;
    const sites = parseInventory(text, 'parc.yaml').inventory?.sites ?? [];
    const r = readLinuxHosts(text, sites);
    const got = r.diagnostics.map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`);
    assert.deepEqual(got, [
      '4:11 error linux[0].host: "bad host" is not a host name or IP address',
      '8:11 error linux[1].port must be a whole number from 1 to 65535',
      '11:11 error linux[1].sudo must be true or false',
      '12:11 error linux[1].site: no site named "Lyon"',
      '13:5 error linux[2]: say how to log in: "key: FILE", "credential: NAME" (a password) or "agent: true"',
      '20:50 warning linux[3].snmpd: unknown key "colour"',
    ]);
    const lab = r.hosts.find((h) => h.name === 'lab')!;
    assert.deepEqual([lab.snmpd.port, lab.snmpd.restart, lab.site], [1161, 'kill -HUP 1', 'Paris']);
  });

  it('prefixes host paths with the host root', () => {
    assert.equal(hostPath({ root: '/' }, '/etc/netplan'), '/etc/netplan');
    assert.equal(hostPath({ root: '/tmp/r/' }, '/etc/netplan'), '/tmp/r/etc/netplan');
  });
});
