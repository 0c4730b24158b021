import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, cidrHostCount, cidrHosts, parseCidr, parseIPv4 } from '../../../src/core/net/cidr';

describe('CIDR', () => {
  it('parses and tests membership', () => {
    const c = parseCidr('10.1.0.0/16');
    assert.equal(cidrContains(c, parseIPv4('10.1.255.3')!), true);
    assert.equal(cidrContains(c, parseIPv4('10.2.0.1')!), false);
    assert.equal(cidrContains(parseCidr('0.0.0.0/0'), parseIPv4('203.0.113.9')!), true);
  });
  it('lists usable hosts', () => {
    assert.deepEqual([...cidrHosts(parseCidr('127.0.0.0/29'))], ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6']);
    assert.deepEqual([...cidrHosts(parseCidr('127.0.0.8/31'))], ['127.0.0.8', '127.0.0.9']);
    assert.equal(cidrHostCount(parseCidr('10.0.0.0/16')), 65534);
  });
  it('explains what is wrong', () => {
    assert.throws(() => parseCidr('10.1.0.0'), /not a CIDR block/);
    assert.throws(() => parseCidr('10.1.0.300/24'), /not an IPv4 address/);
    assert.throws(() => parseCidr('10.1.2.3/16'), /host bits set \(did you mean 10\.1\.0\.0\/16\?\)/);
  });
});
