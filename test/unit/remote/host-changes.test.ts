// The extension's requests to the server's host-change routes: blank answers are left out (the server would
// otherwise check them as values), the community goes by credential name only, lists are split as typed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snmpdRequest, staticIpRequest } from '../../../src/core/remote/host-changes';

describe('host-change requests (attached extension → parc serve)', () => {
  it('snmpd: drops blank answers, keeps the source only with a credential, never a community value', () => {
    assert.deepEqual(snmpdRequest({ communityCredential: ' NEWCOMM ', source: ' 198.18.0.0/15 ', extend: 'observium', location: '  ', contact: '' }, 10), { communityCredential: 'NEWCOMM', source: '198.18.0.0/15', extend: 'observium', timeout: 10 });
    assert.deepEqual(snmpdRequest({ source: '10.0.0.0/8', location: 'Bay 3' }), { location: 'Bay 3' });
    assert.ok(!Object.hasOwn(snmpdRequest({ communityCredential: 'X' }), 'community'));
  });

  it('static IP: trims, splits DNS and search lists on commas and spaces, leaves out the empty ones', () => {
    assert.deepEqual(staticIpRequest({ interface: ' ens3 ', address: ' 198.18.0.10/24 ', gateway: ' ', dns: '198.18.0.53, 198.18.1.53', search: '', timeoutS: 30 }), { interface: 'ens3', address: '198.18.0.10/24', dns: ['198.18.0.53', '198.18.1.53'], timeout: 30 });
    assert.deepEqual(staticIpRequest({ interface: 'eth0', address: '198.18.0.9/24', gateway: '198.18.0.1', search: 'lab.example corp.example', acceptWarnings: true }), { interface: 'eth0', address: '198.18.0.9/24', gateway: '198.18.0.1', search: ['lab.example', 'corp.example'], acceptWarnings: true });
  });
});
